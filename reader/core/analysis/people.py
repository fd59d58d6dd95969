"""Which multi-word person names are one person: given-name variants, middle initials, suffixes, surname tails.

News outlets write one person's name differently: "Jim Mattis" and "James Mattis", "Chuck Grassley" and
"Charles E. Grassley", "Enrique Peña Nieto" and "Peña Nieto". Two person keys of one comparison are joined when
they share a surname and their given names are one name (equal, or one a nickname of the other by the curated
`nicknames` dataset), once middle initials and suffixes ("Jr.", "III") are set aside; a key of two or more words
that is the tail of exactly one longer person's name joins it. Names whose given names are not variants of each
other ("Bill Clinton", "Hillary Clinton") stay apart. Grouping is by surname bucket, so it is near-linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cache

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes, no part of the surname ("Martin Luther King Jr.")."""
SHARED_PREFIX = 2
"""Two nicknames of one full name are one given name only when they also share this many first letters
("Jim"/"Jimmy" both of James); "Bill" and "Rob" are both listed for Robert and stay apart."""


def core_words(key: str) -> list[str]:
    """The words of a person key without single-letter initials after the first word and without suffixes
    ("charles e grassley" → ["charles", "grassley"])."""
    words = [word for word in key.split() if word not in NAME_SUFFIXES]
    if not words:
        return []
    return [words[0], *(word for word in words[1:] if len(word) > 1)]


@cache
def _nickname_table() -> Mapping[str, frozenset[str]]:
    """Every given name to the names it is a nickname of or has as nickname, from the `nicknames` package
    (hand-curated, 2,691 English name/nickname pairs, Apache-2.0)."""
    from nicknames import name_triplets

    related: dict[str, set[str]] = defaultdict(set)
    for triplet in name_triplets():
        full, short = triplet.name1.strip().casefold(), triplet.name2.strip().casefold()
        related[full].add(short)
        related[short].add(full)
    return {name: frozenset(names) for name, names in related.items()}


def is_given_name(word: str) -> bool:
    """Whether a folded word is an English given name or nickname of the dataset ("diana", "chuck")."""
    return word in _nickname_table()


def same_given_name(a: str, b: str) -> bool:
    """Whether two folded given names name one person: equal, one a nickname of the other ("jim"/"james",
    "chuck"/"charles"), or two nicknames of one name that start alike ("jim"/"jimmy")."""
    if a == b:
        return True
    table = _nickname_table()
    first, second = table.get(a, frozenset()), table.get(b, frozenset())
    if b in first or a in second:
        return True
    return a[:SHARED_PREFIX] == b[:SHARED_PREFIX] and bool(first & second)


def person_groups(keys: Iterable[str], frequency: Mapping[str, int]) -> dict[str, str]:
    """Each multi-word person key to its group's key: the fullest name of the group (most words, most used)."""
    ordered = sorted(set(keys))
    parent = {key: key for key in ordered}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        low, high = sorted((root(a), root(b)))
        parent[high] = low

    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for key in ordered:
        words = core_words(key)
        if len(words) > 1:
            by_surname[words[-1]].append((key, words))
    for members in by_surname.values():
        for index, (key, words) in enumerate(members):
            for other, other_words in members[index + 1 :]:
                middles, other_middles = words[1:-1], other_words[1:-1]
                if (not middles or not other_middles or middles == other_middles) and same_given_name(
                    words[0], other_words[0]
                ):
                    join(key, other)
        _join_tails(members, join)
    components: dict[str, list[str]] = defaultdict(list)
    for key in ordered:
        components[root(key)].append(key)
    groups: dict[str, str] = {}
    for members_of in components.values():
        fullest = max(members_of, key=lambda k: (len(k.split()), frequency.get(k, 0), k))
        for key in members_of:
            groups[key] = fullest
    return groups


def _join_tails(members: list[tuple[str, list[str]]], join: Callable[[str, str], None]) -> None:
    """A key that is the last words of exactly one longer key of its surname joins it ("peña nieto")."""
    for key, words in members:
        longer = {
            other
            for other, other_words in members
            if len(other_words) > len(words) and other_words[-len(words) :] == words
        }
        if len(longer) == 1:
            join(key, longer.pop())

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


SURNAME_PREFIXES = ("al-", "el-", "al ", "el ")
"""Arabic article before a surname, written or left out by outlets ("al-Qaddafi", "Gadhafi")."""
MIN_VARIANT_LETTERS = 5
"""Surnames shorter than this are too alike by chance ("Chen", "Chan") to be read as one name's spellings."""
MIN_SKELETON = 2
"""Consonants a skeleton needs to say anything ("mr" of "Muammar" does, with the given-name check beside it)."""
_SOUND_CLASSES = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "s", "j": "y", "w": "v", "p": "b"})


def spelling_skeleton(word: str) -> str:
    """A rough sound form of a romanised name: the Arabic article dropped, letters of one sound class made one
    ("q"/"g"/"k"), "h" after a consonant and every vowel dropped, doubled letters made single. Outlets'
    transliterations of one name meet ("Gaddafi", "Qaddafi", "Kadhafi", "Qadhafi" → "kdf"; "Muammar",
    "Moammar" → "mmr" → "mr")."""
    word = word.casefold().replace("'", "").replace("’", "")
    for prefix in SURNAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
    letters = [ch for ch in word.translate(_SOUND_CLASSES) if ch.isalpha()]
    kept: list[str] = []
    for index, ch in enumerate(letters):
        if ch in "aeiouy" or (ch == "h" and index > 0 and letters[index - 1] not in "aeiouy"):
            continue
        if not kept or kept[-1] != ch:
            kept.append(ch)
    return "".join(kept)


def spelling_variants(a: str, b: str) -> bool:
    """Whether two folded words are spellings of one name: equal, or (both at least MIN_VARIANT_LETTERS letters
    without the Arabic article, starting alike in sound) with the same skeleton of at least two consonants."""
    if a == b:
        return True
    bare_a, bare_b = _bare(a), _bare(b)
    if min(len(bare_a), len(bare_b)) < MIN_VARIANT_LETTERS:
        return False
    skeleton = spelling_skeleton(a)
    return len(skeleton) >= MIN_SKELETON and skeleton == spelling_skeleton(b)


def _bare(word: str) -> str:
    for prefix in SURNAME_PREFIXES:
        if word.startswith(prefix):
            return word[len(prefix) :]
    return word


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
    _join_transliterations(by_surname, join)
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


def _join_transliterations(
    by_surname: Mapping[str, list[tuple[str, list[str]]]], join: Callable[[str, str], None]
) -> None:
    """Full names whose surnames are two spellings of one romanised name join when their given names are one
    name too ("Muammar al-Qaddafi", "Moammar Gadhafi"); a different given name keeps two people apart ("Ali
    Hassan", "Omar Hasan"). Surnames are bucketed by skeleton, so only look-alikes are compared."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for surname in sorted(by_surname):
        by_skeleton[spelling_skeleton(surname)].append(surname)
    for surnames in by_skeleton.values():
        for index, surname in enumerate(surnames):
            for other_surname in surnames[index + 1 :]:
                if not spelling_variants(surname, other_surname):
                    continue
                for key, words in by_surname[surname]:
                    for other, other_words in by_surname[other_surname]:
                        if len(words) == len(other_words) == 2 and _same_first_name(words[0], other_words[0]):
                            join(key, other)


def _same_first_name(a: str, b: str) -> bool:
    return same_given_name(a, b) or spelling_variants(a, b)

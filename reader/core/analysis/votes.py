"""What a name span may be, from its own words and the words around it: the checks behind each entity vote.

The small model labels "Former Minnesota" (of "Former Minnesota Gov. Tim Pawlenty") a person, "Democratic
Caucus" a person, "Trump and Mattis" an organisation and "ag" an organisation. These rules use only the span
and its neighbours, so they hold for any text:
- a name has a capitalised word; lower-case words before the first one ("first Mr. Obama", "former") are
  context, not name, and name particles ("de Léon", "van Gogh") stay;
- a span followed by a title ("Minnesota Gov.") qualifies that title: it is no person;
- a person label on a span whose last word names an institution ("Caucus", "Party", "Committee") is an
  organisation's;
- names joined by "and"/"&" are split when each part is a name found on its own elsewhere; otherwise the span
  is one name ("Procter & Gamble", "Bosnia and Herzegovina").
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from reader.core.analysis.names import fold, is_capitalised, is_title_word, word_set
from reader.core.analysis.parsed import Entity, Token
from reader.core.analysis.people import is_given_name
from reader.core.records import ActorKind

NAME_PARTICLES = word_set("de del della di da van von der den du la le al el bin ibn ben dos das St. st.")
"""Lower-case words that are part of a name ("Kevin de Léon", "Ludwig van Beethoven")."""
INSTITUTION_HEADS = word_set(
    """
    caucus party committee council commission department ministry agency administration association union league
    group coalition campaign foundation institute university college court senate house assembly congress
    parliament cabinet office board bureau authority company corporation inc corp ltd fund bank network times
    post news journal magazine republicans democrats
    """
)
"""Last words that make a name an institution's, never a person's ("Democratic Caucus", "Log Cabin Republicans")."""
COORDINATORS = frozenset({"and", "&"})
NAME_BREAKS = frozenset({"(", ")", "[", "]", "“", "”", '"', "‘", "’", "'"})
"""Marks that may cut one person's name into two entities ("(Libyan strongman Muammar) al-Qaddafi")."""


def name_start(tokens: Sequence[Token], first: int, stop: int) -> int:
    """The first token of the name: leading lower-case words dropped (particles kept when a name follows)."""
    while first < stop - 1 and not _starts_name(tokens[first].text):
        first += 1
    return first


def _starts_name(text: str) -> bool:
    return is_capitalised(text) or text[:1].isdigit() or text in NAME_PARTICLES


def has_capital(tokens: Sequence[Token]) -> bool:
    """Whether some word is capitalised or has a digit ("3M"): an all lower-case span is no name ("ag", "fed")."""
    return any(is_capitalised(t.text) or any(ch.isdigit() for ch in t.text) for t in tokens if t.text[:1].isalnum())


def adjusted_vote(kind: ActorKind, tokens: Sequence[Token], first: int, stop: int) -> ActorKind | None:
    """The label the span votes for after the context checks; None when it should not vote."""
    if kind is not ActorKind.PERSON:
        return kind
    if qualifies_title(tokens, stop):
        return None  # "Minnesota Gov. Tim Pawlenty": a place qualifying a title
    if fold(tokens[stop - 1].text) in INSTITUTION_HEADS:
        return ActorKind.ORGANISATION
    return kind


PERSONAL_TITLES = word_set(
    """
    mr mrs ms dr sen rep gov senator representative governor congressman congresswoman mayor
    """
)
"""Titles only a person bears: a span opening with one is a person's name whatever the model's label
("Representative Fredette"). Not "General" ("General Motors"), "Prince" ("Prince Edward Island") or "State"."""


def personal_title(tokens: Sequence[Token], first: int, stop: int) -> bool:
    """Whether the span is a person's name by its shape whatever the model's label: a personal title followed
    by a capitalised name that is no institution's ("Representative Fredette"), or an initial and a surname
    ("A. Ranatunga"), as no other kind of name is written."""
    if stop - first < 2 or not is_capitalised(tokens[first + 1].text):
        return False
    if fold(tokens[stop - 1].text) in INSTITUTION_HEADS:
        return False
    opener = tokens[first].text
    initial = stop - first == 2 and len(opener) == 2 and opener[0].isupper() and opener[1] == "."
    surname = tokens[first + 1].text
    return fold(opener).replace(".", "") in PERSONAL_TITLES or (initial and surname[1:].islower())


def qualifies_title(tokens: Sequence[Token], stop: int) -> bool:
    """Whether a capitalised title follows the span ("Minnesota Gov.", "Apple CEO"): the span then names the
    place or body the title belongs to, never the person who holds it."""
    return stop < len(tokens) and is_title_word(tokens[stop].text) and is_capitalised(tokens[stop].text)


def coordinated_parts(tokens: Sequence[Token], first: int, stop: int) -> list[tuple[int, int]]:
    """The token ranges of names joined by "and"/"&" inside a span; one range when there is no coordination."""
    parts: list[tuple[int, int]] = []
    start = first
    for index in range(first, stop):
        if tokens[index].text.casefold() in COORDINATORS:
            parts.append((start, index))
            start = index + 1
    parts.append((start, stop))
    return [(low, high) for low, high in parts if high > low]


def broken_names(tokens: Sequence[Token], entities: Sequence[Entity]) -> dict[int, tuple[int, int] | None]:
    """First tokens of the person entities that touch another person entity across brackets or quotation marks
    only: the pieces of one person's name ("Moammar) Gadhafi"), each a person whatever word it is. Each maps to
    the token range both pieces span when a closing mark alone parts them ("(strongman Muammar) al-Qaddafi"):
    an opening bracket between them opens an aside instead ("Patricia Djate ( France )"), so no whole name."""
    people = sorted((e.first, e.stop) for e in entities if e.label == "PERSON")
    pieces: dict[int, tuple[int, int] | None] = {}
    for (first, stop), (after, end) in pairwise(people):
        between = [tokens[i].text for i in range(stop, after)]
        if all(text in NAME_BREAKS for text in between):
            whole = None if any(text in OPENING_BRACKETS for text in between) else (first, end)
            earlier = pieces.get(first)
            if whole is not None and earlier is not None:
                whole = (earlier[0], end)
            pieces.setdefault(first, whole)
            if whole is not None:
                pieces[first] = whole
            pieces[after] = whole
    return pieces


OPENING_BRACKETS = frozenset({"(", "["})


def joined_name(text: str, tokens: Sequence[Token], low: int, high: int) -> str:
    """The whole name the pieces in tokens [low, high) spell, without the brackets or quotes between them and
    without the context or title words before it ("Libyan strongman Muammar) al-Qaddafi" → "Muammar
    al-Qaddafi")."""
    first = low
    while first < high - 1 and (
        tokens[first].text in NAME_BREAKS or not _starts_name(tokens[first].text) or is_title_word(tokens[first].text)
    ):
        first += 1
    runs: list[list[Token]] = [[]]
    for token in tokens[first:high]:
        if token.text in NAME_BREAKS:
            runs.append([])
        else:
            runs[-1].append(token)
    return " ".join(text[run[0].start : run[-1].end] for run in runs if run)


SCORE_DIGITS = 3
"""A score or a count in a results table is a short integer ("3", "71"), unlike a year or an amount."""
PROSE_SHARE = 0.2
"""A line whose words are at most this share lower case is a table, not prose."""


def results_table(tokens: Sequence[Token]) -> bool:
    """Whether a line reads as results or standings ("Doncaster 3 Darlington 2", "CHICAGO 71 64 .526 10"): two
    scores or more and hardly a lower-case word. Prose never does."""
    if sum(_score(t.text) for t in tokens) < 2:
        return False
    words = [t.text for t in tokens if t.text.isalpha()]
    return sum(word.islower() for word in words) <= PROSE_SHARE * len(words)


def score_at(tokens: Sequence[Token], position: int) -> bool:
    """Whether a score stands at `position`: in a results table the name before it is a team, an organisation
    (a place name there is a club, "Doncaster 3"); a person's vote is left alone (a scorecard's "H. Morris 69")."""
    return position < len(tokens) and _score(tokens[position].text)


def _score(text: str) -> bool:
    return text.isdigit() and len(text) <= SCORE_DIGITS


def given_name_and_surname(tokens: Sequence[Token], first: int, stop: int) -> bool:
    """Two capitalised words, the first an English given name, the second no institution's and no plural (a
    team: "Philadelphia Eagles", "Bradford Bulls"): a person."""
    if stop - first != 2 or tokens[first + 1].tag == "NNPS":
        return False
    given, surname = tokens[first].text, tokens[first + 1].text
    return (
        given.isalpha()
        and surname.isalpha()
        and is_capitalised(given)
        and surname[1:].islower()
        and is_given_name(fold(given))
        and fold(surname) not in INSTITUTION_HEADS
    )

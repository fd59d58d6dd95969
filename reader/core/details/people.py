"""People named with a title ("Rep. Loretta Sanchez", "assistant district attorney Jane Roe"): the first name
given to a surname, and the office given to a person, as facts two articles can disagree on.

Only a name right after a title counts: without a parse, that is what tells a person ("Sen. Mark Warner") from
an organisation or a group ("House Democrats"). A first name conflicts with another unless one is an initial or
a short form of the other ("J." / "Joseph", "Bill" / "William"); an office conflicts with another when they are
the same office but for a word that changes which one ("assistant", "deputy", "former", "vice").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.lexicon import MONTHS, OFFICE_ABBREVIATIONS, OFFICES, RANK_MODIFIERS, WEEKDAYS, words
from reader.core.details.scan import Tok
from reader.core.records import DetailStatus

PERSON_TITLES = OFFICES | frozenset(OFFICE_ABBREVIATIONS) | words("mr mrs ms dr rev")
OFFICE_QUALIFIERS = words(
    """district state county city house senate majority minority white press u.s. foreign defense prime general
    attorney national security chief of staff deputy democratic republican caucus whip party"""
)
"""Words that may sit inside an office's name ("district attorney", "House Majority Leader")."""
SHORT_FORMS: dict[str, str] = {
    "bill": "william", "will": "william", "bob": "robert", "rob": "robert", "mike": "michael", "jim": "james",
    "jimmy": "james", "joe": "joseph", "tom": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles",
    "charlie": "charles", "ted": "edward", "ed": "edward", "liz": "elizabeth", "beth": "elizabeth",
    "pat": "patricia", "dan": "daniel", "dave": "david", "steve": "steven", "chris": "christopher",
    "matt": "matthew", "nick": "nicholas", "tony": "anthony", "andy": "andrew", "sam": "samuel", "ben": "benjamin",
    "alex": "alexander", "kate": "katherine", "kathy": "katherine", "jen": "jennifer", "sue": "susan",
    "don": "donald", "ron": "ronald", "al": "albert", "hank": "henry", "jack": "john", "jon": "jonathan",
}  # fmt: skip
"""Common English short forms of first names: "Bill Clinton" and "William Clinton" are one man."""


@dataclass(frozen=True, slots=True)
class FirstName:
    """The first name (and middle initial) a text gives a surname."""

    first: str


@dataclass(frozen=True, slots=True)
class Office:
    """An office given to a person: its base words and the words that change its rank."""

    base: tuple[str, ...]
    modifiers: frozenset[str]


def fold(word: str) -> str:
    """Lowercased, accents removed ("Sánchez" → "sanchez"), a possessive dropped."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return plain.lower().rstrip(".").removesuffix("'s").removesuffix("’s")


def fold_text(text: str) -> str:
    """A whole text lowercased with accents removed, for finding a name however it is spelled."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _name_word(tok: Tok) -> bool:
    lower = tok.lower
    return (
        tok.capitalised
        and lower not in STOP_WORDS
        and lower not in PERSON_TITLES
        and lower not in MONTHS
        and lower not in WEEKDAYS
        and not any(ch.isdigit() for ch in lower)
    )


@dataclass(frozen=True, slots=True)
class Person:
    """A titled name in a sentence: its tokens' range, first name, surname and office."""

    start: int
    end: int
    first: str
    surname: str
    office: Office
    title_start: int
    title_end: int


def titled_people(tokens: tuple[Tok, ...]) -> list[Person]:
    """Every "Title First [Initial] Last" of a sentence."""
    people = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.lower not in PERSON_TITLES or k + 2 >= len(tokens) or not _name_word(tokens[k + 1]):
            k += 1
            continue
        j = k + 1
        names: list[Tok] = []
        while j < len(tokens) and len(names) < 4 and (_name_word(tokens[j]) or _initial(tokens[j])):
            names.append(tokens[j])
            j += 1
        full = [t for t in names if not _initial(t)]
        if len(full) < 2:
            k = j
            continue
        title_start = k
        while title_start > 0 and _office_word(tokens[title_start - 1]):
            title_start -= 1
        office = _office(tokens[title_start : k + 1])
        people.append(Person(tokens[k + 1].start, names[-1].end, fold(full[0].text), fold(full[-1].text), office,
                             tokens[title_start].start, tok.end))  # fmt: skip
        k = j
    return people


def _initial(tok: Tok) -> bool:
    return tok.type == "word" and len(tok.text) == 2 and tok.text[0].isupper() and tok.text.endswith(".")


def _office_word(tok: Tok) -> bool:
    lower = tok.lower.removeprefix("then-")
    return tok.type == "word" and (lower in PERSON_TITLES or lower in RANK_MODIFIERS or lower in OFFICE_QUALIFIERS)


def _office(tokens: tuple[Tok, ...]) -> Office:
    base, modifiers = [], set()
    for tok in tokens:
        lower = tok.lower.removeprefix("then-")
        lower = OFFICE_ABBREVIATIONS.get(lower, lower)
        if lower in ("mr", "mrs", "ms", "dr", "rev"):
            continue
        if lower in RANK_MODIFIERS:
            modifiers.add(lower)
        else:
            base.append(lower)
    return Office(tuple(base), frozenset(modifiers))


def judge_first_names(x: FirstName, y: FirstName) -> DetailStatus:
    """The same first name, an initial or a short form of it (PRECISION), or another name (CONFLICT)."""
    a, b = x.first, y.first
    if a == b:
        return DetailStatus.AGREE
    if len(a) == 1 or len(b) == 1:
        return DetailStatus.PRECISION if a[0] == b[0] else DetailStatus.CONFLICT
    if SHORT_FORMS.get(a, a) == SHORT_FORMS.get(b, b) or a.startswith(b) or b.startswith(a):
        return DetailStatus.PRECISION
    return DetailStatus.CONFLICT


def judge_offices(x: Office, y: Office) -> DetailStatus:
    """The same office (AGREE), two offices that differ only by a rank word (CONFLICT: "deputy district
    attorney" is not "district attorney"), or two titles that may both be true (PRECISION: "Sen." / "Democrat
    of Virginia")."""
    if x == y:
        return DetailStatus.AGREE
    if x.base == y.base and x.modifiers != y.modifiers:
        return DetailStatus.CONFLICT
    return DetailStatus.PRECISION

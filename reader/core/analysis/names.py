"""String rules for names: keys that make aliases meet, titles, well-known place abbreviations, headline case.

Pure functions over strings and plain tokens, shared by the actor and claim extractors. The tables hold general
knowledge about English news writing (titles, a handful of country abbreviations), nothing about any one text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from reader.core.analysis.parsed import Token


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon written as prose-width lines."""
    return frozenset(text.split())


TITLE_WORDS = word_set(
    """
    president vice prime minister foreign defense defence interior finance home justice secretary state chief
    general gen gen. lt lt. col col. maj maj. sgt sgt. adm adm. admiral commander captain capt capt. colonel major
    sen sen. senator rep rep. representative congressman congresswoman gov gov. governor mayor lord lady sir dame
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor king queen prince princess crown emir sheikh ayatollah
    supreme leader pope cardinal archbishop bishop rabbi imam chancellor ambassador envoy special spokesman
    spokeswoman spokesperson speaker judge attorney director deputy acting former then-president first lady
    premier minister-president chairman chairwoman chair ceo founder
    """
)
"""Words of a title before a name ("U.S. President", "Foreign Minister", "envoy"): dropped from name keys."""

PLACE_ALIASES: dict[str, str] = {
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "united kingdom": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "un": "United Nations",
    "united nations": "United Nations",
    "eu": "European Union",
    "european union": "European Union",
    "uae": "United Arab Emirates",
    "united arab emirates": "United Arab Emirates",
    "ussr": "Soviet Union",
    "soviet union": "Soviet Union",
}
"""Keys of common abbreviations and long forms, mapped to the display name of the one actor they denote (and
the state abbreviations below)."""

US_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "Alabama",
    "ariz": "Arizona",
    "ark": "Arkansas",
    "calif": "California",
    "colo": "Colorado",
    "conn": "Connecticut",
    "fla": "Florida",
    "ill": "Illinois",
    "kan": "Kansas",
    "mich": "Michigan",
    "minn": "Minnesota",
    "mont": "Montana",
    "neb": "Nebraska",
    "nev": "Nevada",
    "okla": "Oklahoma",
    "ore": "Oregon",
    "tenn": "Tennessee",
    "tex": "Texas",
    "wis": "Wisconsin",
    "wyo": "Wyoming",
    "nh": "New Hampshire",
    "nj": "New Jersey",
    "nm": "New Mexico",
    "ny": "New York",
    "nc": "North Carolina",
    "nd": "North Dakota",
    "sc": "South Carolina",
    "sd": "South Dakota",
}
"""The AP style's abbreviations of US states in datelines and after city names ("Corpus Christi, Tex.",
"Albany, N.Y."), keyed as names are (dots dropped), to the state they stand for. Left out: the ones that are
also another name's key or a common word ("Ga." GA, "La." LA, "Md." MD, "Mo.", "Pa." PA, "Va." VA, "Vt.",
"Del.", "Ind.", "Mass.", "Miss.", "Wash.")."""

PLACE_ALIASES.update(US_STATE_ABBREVIATIONS)
US_STATE_DISPLAY = {state.lower(): state for state in US_STATE_ABBREVIATIONS.values()}
"""A state's key to its name, for an actor named only by the abbreviation ("N.Y." alone is shown as New York).
Only for display: the long forms are no PLACE_ALIASES, whose keys some rules treat apart (a dateline's
"NEW YORK" votes PLACE; an alias does not), and on CoNLL-2003 making them aliases cost 0.01 LOC recall."""

PLACE_ALIAS_KINDS: dict[str, str] = {
    "United States": "place",
    "United Kingdom": "place",
    "United Arab Emirates": "place",
    "Soviet Union": "place",
    "United Nations": "organisation",
    "European Union": "organisation",
}
"""What each display name of PLACE_ALIASES is, whatever the model labelled a mention: "United States" tagged ORG
inside "the United States Senate" is still the country. Values are `ActorKind` values (this module stays free
of the records)."""

STATE_NAMES: dict[str, str] = {
    "islamic republic": "iran",
    "islamic republic of iran": "iran",
    "jewish state": "israel",
    "state of israel": "israel",
    "hermit kingdom": "north korea",
    "democratic people's republic of korea": "north korea",
    "people's republic": "china",
    "people's republic of china": "china",
    "russian federation": "russia",
    "kingdom of saudi arabia": "saudi arabia",
    "islamic emirate": "afghanistan",
    "fifth republic": "france",
}
"""A country's formal or customary state names (keys) to the country's key: the same actor when the article
names the country too ("Iran … the Islamic Republic")."""
STATE_NAME_PATTERN = re.compile(
    r"\b(?:Islamic Republic(?: of Iran)?|Jewish [Ss]tate|State of Israel|Hermit Kingdom|People['’]s Republic"
    r"(?: of China)?|Russian Federation|Kingdom of Saudi Arabia|Islamic Emirate|Fifth Republic)\b"
)
"""Where state names are written: the model rarely tags "the Islamic Republic" as a place."""
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
LEADING_ARTICLES = frozenset({"the", "a", "an"})
SEGMENT_BREAKS = frozenset({"/", "|", "•", "·", "//", "||"})
"""Tokens that separate the fields of a dateline or byline ("Newslooks/ WASHINGTON/ J. Mansour/")."""
_QUOTES_AND_PUNCT = "\"'“”‘’«»()[]{}<>,.;:!?—–-/|*•·"
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare names.

    Cached: the extractors fold every token's text several times (title words, known people, cue words): on the
    seeds about 2,200 calls over a few hundred distinct words, 13 % of the analysis after the parse."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_words(text: str) -> list[str]:
    """The words of a name, folded, periods of abbreviations removed ("U.S." → "us")."""
    cleaned = fold(text).replace(".", "").replace("’", "'")
    for ending in POSSESSIVE_ENDINGS:
        if cleaned.endswith(ending):
            cleaned = cleaned[: -len(ending)]
    return [word for word in re.split(r"[\s]+", cleaned.strip(_QUOTES_AND_PUNCT + " ")) if word]


def name_key(text: str, *, drop_titles: bool = False) -> str:
    """The key aliases share: folded words without a leading article (and without titles when asked)."""
    words = name_words(text)
    while words and words[0] in LEADING_ARTICLES:
        words = words[1:]
    if drop_titles:
        words = strip_title_words(words)
    key = " ".join(words)
    return key


def place_alias(key: str) -> str | None:
    """The display name when the key is a well-known abbreviation or long form ("us" → "United States")."""
    return PLACE_ALIASES.get(key)


def strip_title_words(words: Sequence[str]) -> list[str]:
    """Leading title words dropped, keeping at least one word ("prime minister netanyahu" → ["netanyahu"])."""
    index = 0
    while index < len(words) - 1 and words[index].replace(".", "") in _TITLES_NO_DOTS:
        index += 1
    return list(words[index:])


_TITLES_NO_DOTS = frozenset(word.replace(".", "") for word in TITLE_WORDS)


def is_title_word(text: str) -> bool:
    """Whether a single word is part of a title ("President", "envoy", "Sen.")."""
    return fold(text).replace(".", "") in _TITLES_NO_DOTS


def is_capitalised(text: str) -> bool:
    """Starts with an upper-case letter (all-caps words count)."""
    return bool(text) and text[0].isupper()


TITLE_CASE_SMALL_WORDS = word_set(
    """
    a an the and but or nor for so yet of on in at to by up as vs via with from into onto over than per off out
    """
)
"""Words that headline case leaves in lower case."""


def headline_cased(tokens: Sequence[Token], named: Collection[int] = ()) -> bool:
    """Whether a stretch of tokens is written in headline case ("Netanyahu Discusses Second Strike on Iran").

    Capitalised words are then no evidence of a name, and the model tags "Netanyahu Discusses" or "Quick Looks"
    as people. Prose, however dense with names, has some lower-case word besides the small ones headline case
    keeps ("met" in "Chancellor Olaf Scholz met President Emmanuel Macron"); a headline has none, and has
    capitalised words outside the model's entities (`named`: their token positions in `tokens`), which a bare
    list of names ("Marko Koers ( Netherlands )") has not.
    """
    words = [
        (index, t.text)
        for index, t in enumerate(tokens)
        if t.text.isalpha() and t.text.casefold() not in TITLE_CASE_SMALL_WORDS
    ]
    if len(words) < 3 or not all(is_capitalised(word) for _index, word in words):
        return False
    return any(index not in named for index, _word in words)


def _ranges_between(tokens: Sequence[Token], is_break: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The non-empty token ranges between the tokens whose text `is_break`."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for index, token in enumerate(tokens):
        if is_break(token.text):
            if index > start:
                ranges.append((start, index))
            start = index + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


def segments(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges between field separators ("/", "|"), so a dateline prefix is judged apart from the prose."""
    return _ranges_between(tokens, lambda text: text in SEGMENT_BREAKS)


LIST_BREAKS = frozenset({",", ";", ":", "(", ")", "[", "]"})
"""Marks between the items of a list of names ("Scorers : Andy Townsend ( 5th ) , Ian Harte ( 19th )")."""


def fields(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges between field separators, list marks and figures: a list of names or a results table is
    judged item by item, so its capitalised names are not read as one headline-cased stretch."""

    def is_break(text: str) -> bool:
        return (
            text in SEGMENT_BREAKS or text in LIST_BREAKS or (any(ch.isdigit() for ch in text) and not text.isalpha())
        )

    return _ranges_between(tokens, is_break)


def split_hyphenated(text: str) -> list[tuple[int, str]]:
    """Parts of a hyphenated compound with their offsets ("Trump-Netanyahu" → [(0, "Trump"), (6, "Netanyahu")])."""
    parts: list[tuple[int, str]] = []
    start = 0
    for match in _DASHES.finditer(text):
        parts.append((start, text[start : match.start()]))
        start = match.end()
    parts.append((start, text[start:]))
    return [(offset, part) for offset, part in parts if part]


def slug(text: str) -> str:
    """A lower-case id fragment made of ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"

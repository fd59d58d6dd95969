"""What an article says about itself: headline, byline, outlet, dateline and the dates it mentions.

All by general rules on the shape of lines, never by known strings:

- headline: the page's <h1>/<title> when given and found in the text; otherwise the first title-like line near
  the top (short, no sentence-final punctuation, not a menu label), preferring one that the text repeats;
- byline: a line "By Jane Doe" (also "Written by", "Reporting by", "Author:"), with an outlet after "|", "," or
  "for" when it looks like one; a handle ("@jdoe") and a trailing date or time ("Nov 19, 2019, 7:53pm EST") are
  left out; the name alone goes into `ArticleMeta.byline`;
- slash chain: a paragraph opening with short fields separated by "/ " ("Headline/ Outlet/ PLACE/ J. Doe/
  Morning Edition/ Body …"); each field is given a role by its shape: an all-caps place is the dateline, a
  person-like name the author, a field with edition vocabulary the edition, anything else short the outlet;
- wire dateline: "WASHINGTON (AP) —" or "LONDON, Dec 29 (Reuters) -" at the start of the first paragraph;
- dates: month-day, day-month, month-year, bare month names, weekdays and numeric dates, as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.load.boilerplate import is_engagement_widget, is_navigation_label
from reader.core.load.chrome import is_web_chrome, without_trailing_stamp
from reader.core.load.lineshape import is_title_like, normalise, vocabulary, words_of

HEADLINE_SEARCH_UNITS = 6
"""The headline is looked for among the first few units only."""

HEADLINE_MIN_WORDS = 2
FIELD_MAX_WORDS = 12
"""A slash-chain field longer than this is the body, not part of the prefix."""

OUTLET_WORDS = vocabulary(
    """
    news times post journal herald tribune daily weekly gazette observer guardian telegraph chronicle
    press agency wire media network tv radio broadcasting today magazine review report reports star sun
    mail express standard independent insider monitor bulletin dispatch courier register
    """
)
"""Words that name a news outlet rather than a person."""

EDITION_WORDS = vocabulary("edition update briefing digest morning evening weekend late early special")
NAME_PARTICLES = vocabulary("de del della der van von al el bin ibn da di du la le ter ten st")
NOT_NAMES = vocabulary(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december the this that then now today yesterday
    """
)

_BYLINE = re.compile(
    r"^\s*(?:(?:written|reported|reporting|posted|words|story|text|photos?)\s+)?by(?:\s+|(?-i:(?<=By)(?=[A-Z])))"
    r"(?P<body>.+?)\s*$"
    r"|^\s*(?:authors?|reporter|reporting|byline)\s*:\s*(?P<body2>.+?)\s*$",
    re.IGNORECASE,
)
_BYLINE_TAIL = re.compile(r"\s*(\||•|·|,|;|\s[-–—]\s|\bfor\b|\bin\b)\s*")
_HANDLE = re.compile(r"\s*@\w+")
_READING_TIME = re.compile(r"[\s|·•,-]*\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\s*$", re.IGNORECASE)
_NAME_LIST = re.compile(r"\s*(?:,|\band\b|&)\s*")
OUTLET_SEPARATORS = frozenset({"|", "•", "·", ",", "-", "–", "—", "for"})
"""What may stand between a byline's names and an outlet ("By Jane Doe | Outlet", "… for Outlet")."""
_NAME_TOKEN = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][\w'’-]*[a-z][\w'’-]*\.?$|^[A-Z][a-z]?\.?$")
_SLASH = re.compile(r"(?<=[^\s/])/[ \t]+")
_ALL_CAPS_PLACE = re.compile(r"^[A-Z][A-Z .,'’-]*[A-Z]$")
_DOMAIN = re.compile(r"\.(?:com|org|net|news|co|io|info|tv)\b", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][A-Z'’.-]+)*)"
    r"(?:,\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)*)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\((?P<outlet>[^()]{2,40})\))?\s*[—–-]{1,2}\s"
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_ANY_MONTH = rf"(?:{_MONTH}|{_MONTH_SHORT})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"""
    \b{_ANY_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?(?![\w])
    | \b{_DAY}\s+(?:of\s+)?{_ANY_MONTH}(?:,?\s+\d{{4}})?(?![\w])
    | \b{_MONTH}\s+\d{{4}}\b
    | \b(?:January|February|March|April|June|July|August|September|October|November|December)\b
    | \b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b
    | \b\d{{4}}-\d{{2}}-\d{{2}}\b
    | \b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Byline:
    """A parsed byline: the author name(s) and the outlet when the line names one."""

    author: str | None
    outlet: str | None


@dataclass(frozen=True)
class SlashChain:
    """The prefix of short slash-separated fields opening a paragraph, with a role for each field."""

    prefix_end: int
    """Offset (in the paragraph) just after the last field's slash: the body starts after it."""
    headline: str | None
    outlet: str | None
    dateline: str | None
    author: str | None
    edition: str | None


def is_name(text: str) -> bool:
    """A person-like name: two to five capitalised words or initials ("J. Mansour", "Vugar Khalilov")."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or text.isupper():
        return False
    named = [t for t in tokens if t.lower() not in NAME_PARTICLES]
    return (
        len(named) >= 2
        and all(_NAME_TOKEN.match(t) for t in named)
        and not any(t.lower().rstrip(".") in NOT_NAMES | OUTLET_WORDS | EDITION_WORDS for t in named)
    )


def looks_like_outlet(text: str) -> bool:
    """A field that names an outlet: outlet vocabulary, a domain, or one capitalised word or acronym."""
    words = text.split()
    if not words or len(words) > 5:
        return False
    if _DOMAIN.search(text) or any(w.casefold() in OUTLET_WORDS for w in words):
        return True
    return len(words) == 1 and words[0][0].isupper() and words[0].casefold() not in NOT_NAMES


def _names(text: str) -> list[str]:
    return [name.strip() for name in _NAME_LIST.split(text) if name.strip()]


def parse_byline(text: str) -> Byline | None:
    """Read a byline line ("By Jane Doe | Outlet"); None when the line is not one."""
    stripped = text.strip().strip("*_").strip()
    if not stripped or len(words_of(stripped)) > 14 or stripped.endswith(("!", "?")):
        return None
    if stripped.endswith(".") and not stripped[-2:-1].isupper():
        return None  # a sentence ("By Monday, the talks had ended."), not a name ending in an initial
    match = _BYLINE.match(stripped)
    if not match:
        return None
    body = _READING_TIME.sub("", _HANDLE.sub("", match.group("body") or match.group("body2") or ""))
    body = without_trailing_stamp(body)
    parts = _BYLINE_TAIL.split(body, maxsplit=1)
    names = _names(parts[0])
    separator, rest = (parts[1].strip(), parts[2].strip()) if len(parts) == 3 else ("", "")
    if separator == "," and rest and all(is_name(name) for name in _names(rest)):
        names, rest = names + _names(rest), ""  # "By A. Doe, B. Roe and C. Poe"
    if names and all(is_name(name) for name in names):
        is_outlet = separator in OUTLET_SEPARATORS and looks_like_outlet(rest) and not is_name(rest)
        return Byline(author=", ".join(names), outlet=rest if is_outlet else None)
    if not rest and len(names) == 1 and (names[0].isupper() or looks_like_outlet(names[0])):
        return Byline(author=None, outlet=names[0])
    return None


def parse_slash_chain(text: str, headline: str | None = None) -> SlashChain | None:
    """Read the "Field/ Field/ Field/ body" prefix of a paragraph; None when it has fewer than two fields."""
    fields: list[str] = []
    prefix_end = 0
    position = 0
    for separator in _SLASH.finditer(text):
        field = text[position : separator.start()].strip()
        if not field or len(words_of(field)) > FIELD_MAX_WORDS or not is_title_like(field, FIELD_MAX_WORDS):
            break
        fields.append(field)
        position = prefix_end = separator.end()
    if len(fields) < 2:
        return None
    roles: dict[str, str] = {}
    headline_field: str | None = None
    for index, field in enumerate(fields):
        words = [w.casefold() for w in field.split()]
        if index == 0 and ((headline is not None and normalise(field) == normalise(headline)) or len(words) >= 4):
            headline_field = field
        elif any(w in EDITION_WORDS for w in words) and "edition" not in roles and not _ALL_CAPS_PLACE.match(field):
            roles["edition"] = field
        elif _ALL_CAPS_PLACE.match(field) and len(field.replace(" ", "")) >= 3 and "dateline" not in roles:
            roles["dateline"] = field
        elif is_name(field) and not any(w in OUTLET_WORDS for w in words) and "author" not in roles:
            roles["author"] = field
        elif looks_like_outlet(field) and "outlet" not in roles:
            roles["outlet"] = field
    if not roles:
        return None
    prefix_end = len(text[:prefix_end].rstrip())
    return SlashChain(
        prefix_end=prefix_end,
        headline=headline_field,
        outlet=roles.get("outlet"),
        dateline=roles.get("dateline"),
        author=roles.get("author"),
        edition=roles.get("edition"),
    )


def parse_dateline(text: str) -> tuple[str, str | None] | None:
    """The wire dateline opening a paragraph ("WASHINGTON (AP) — …"): (place, outlet or None)."""
    match = _DATELINE.match(text)
    if not match or len(match.group("place").replace(" ", "")) < 3:
        return None
    return match.group("place").strip(" ,"), match.group("outlet")


def find_headline(texts: Sequence[str], bullets: Iterable[int] = (), hint: str | None = None) -> int | None:
    """Index of the headline unit among `texts` (see the module docstring), or None."""
    skip = set(bullets)
    if hint:
        hint_keys = {normalise(hint), *(normalise(part) for part in re.split(r"\s+[|–—-]\s+", hint))}
        hint_keys.discard("")
        for index, text in enumerate(texts):
            if index not in skip and normalise(text) in hint_keys:
                return index
    candidates = [
        index
        for index, text in enumerate(texts[:HEADLINE_SEARCH_UNITS])
        if index not in skip
        and is_title_like(text)
        and len(words_of(text)) >= HEADLINE_MIN_WORDS
        and not is_navigation_label(text)
        and not is_engagement_widget(text)
        and not is_web_chrome(text)
        and parse_byline(text) is None
    ]
    if not candidates:
        return None
    keys = {normalise(texts[index]): index for index in reversed(candidates)}
    repeated: set[int] = set()
    for position, text in enumerate(texts):
        heads = (text, text.split("/", 1)[0]) if "/" in text else (text,)
        for head in heads:
            first = keys.get(normalise(head)) if is_title_like(head) else None
            if first is not None and position != first:
                repeated.add(first)  # repeated later, as a divider or as the head of a slash chain
    return min(repeated) if repeated else candidates[0]


def find_dates(texts: Iterable[str]) -> tuple[str, ...]:
    """Dates mentioned in the texts, as written, each once, in order of first mention."""
    seen: dict[str, None] = {}
    for text in texts:
        for match in _DATE.finditer(text):
            seen.setdefault(match.group().rstrip(".,"), None)
    return tuple(seen)

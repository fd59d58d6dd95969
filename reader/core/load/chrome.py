"""Lines of web-page chrome that keep their shape from site to site: share bars, counters, captions, page labels.

A page saved from a browser, or its text copied into a file, carries lines that no story sentence looks like:

- share bars: a short line made only of sharing words and network names ("Facebook Twitter Email Print",
  "All sharing options", "Tweet");
- counters: "New, 15 comments", "15 Comments", "Image 1 of 5", "Photo 3/12", "Slide 2 of 10";
- publication lines: "Published 1 day ago", "Updated Nov 19, 2019, 7:53pm EST", "Published March 25, 2014",
  a line that is only a date and time, or "5 hours ago";
- page labels (by their opening): "Filed under:", "Category: Press Releases", "Tags: …", "Posted in …",
  "Last modified: …";
- caption credits: "(Credit: Jane Doe / Agency)", "Photo: Agency", "Image credit …";
- breadcrumbs: three or more short title-like segments separated by "›", "»", ">" or "|" ("Home › Politics ›
  Elections"), or "/" when the first segment is "Home";
- promos: "Read more: …", "Related: …", "See also: …", "Watch: …" (a link to another story);
- newsletter and app boxes: "Sign up to …", "Never miss …", "… delivered to your inbox", "Download the … app",
  "Follow … on Twitter".

Each rule needs the whole (short) line to have that shape, so a story sentence that mentions Twitter, a comment
or a newsletter is never caught. `publication_date` reads the date of a publication line as ISO 8601.
"""

from __future__ import annotations

import re

from reader.core.load.lineshape import is_title_like, rough_word_count, vocabulary, words_of

CHROME_MAX_WORDS = 20
"""Every chrome shape here is a short line; a longer one is prose whatever it starts with."""

SHARE_WORDS = vocabulary(
    """
    share shares sharing shared options option facebook twitter tweet x email e-mail mail print whatsapp
    linkedin pinterest reddit messenger telegram tumblr flipboard copy link url comment comments sms
    """
)
"""Words of a share bar."""
SHARE_BAR_MAX_WORDS = 10
SHARE_FILLER = vocabulary("all this the article story on via to or and more")
NETWORK_WORDS = vocabulary(
    "facebook twitter tweet whatsapp linkedin pinterest reddit messenger telegram tumblr flipboard"
)
"""One of these alone is a share button."""

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|[ECMP][SD]?T))?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_WORDS = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY},?(?:\s+\d{{4}})?|{_DAY}\s+(?:of\s+)?{_MONTH},?(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
_RELATIVE = (
    r"(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago|just\s+now|yesterday|today"
)
_STAMP = rf"(?:{_DATE_WORDS}(?:,?\s*(?:at\s+)?{_TIME})?|{_TIME},?\s+{_DATE_WORDS}|{_RELATIVE})"
_PUBLICATION_VERB = r"(?:first\s+)?(?:published|updated|posted|modified|last\s+(?:updated|modified)|created|released)"

_PUBLICATION_LINE = re.compile(
    rf"^\s*(?:{_PUBLICATION_VERB}\s*(?:on|at|:)?\s*)?{_STAMP}(?:\s*[|,;·•/-]\s*{_PUBLICATION_VERB}\s*(?:on|at|:)?\s*"
    rf"{_STAMP})*\s*\.?\s*$",
    re.IGNORECASE,
)
_PUBLICATION_START = re.compile(rf"^\s*{_PUBLICATION_VERB}\b\s*(?:on|at|:)?\s*", re.IGNORECASE)
_COUNTER = re.compile(
    r"^\s*(?:new\s*,?\s*)?\d[\d,.]*\s*k?\s+(?:comments?|replies|responses|shares|views|reactions)\s*$"
    r"|^\s*(?:comments?|replies)\s*\(?\s*\d+\s*\)?\s*$"
    r"|^\s*(?:image|photo|picture|slide|gallery|video|item)s?\s+\d+\s*(?:of|/)\s*\d+\s*$"
    r"|^\s*\d+\s*(?:of|/)\s*\d+\s*$"
    r"|^\s*\(?\s*\d+\s+(?:photos|images|pictures|slides|videos)\s*\)?\s*$",
    re.IGNORECASE,
)
_PAGE_LABEL = re.compile(
    r"^\s*(?:filed\s+under|categor(?:y|ies)|tags?|tagged(?:\s+with)?|topics?|posted\s+in|sections?|"
    r"last\s+(?:modified|updated)|release\s+date|keywords?)\s*(?::|$)",
    re.IGNORECASE,
)
_CAPTION_CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:(?:photo|image|picture|video|illustration|graphic)s?\s*(?:credit|courtesy|by)?|credits?|"
    r"photograph(?:y|er)?|source)\s*:",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"^\s*(?:read\s+more|more|related(?:\s+(?:story|stories|article|articles|coverage|content))?|see\s+also|"
    r"also\s+read|read\s+also|recommended|watch|listen|most\s+read|don't\s+miss|must\s+read)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
_SIGN_UP = re.compile(
    r"\bsign\s+up\s+(?:to|for|now|here|today)\b|\bby\s+signing\s+up\b|"
    r"\bnever\s+miss\s+(?:the|a|an|our)\s+(?:latest|story|stories|update|updates|news|beat|thing)\b|"
    r"\bdelivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox\b|^\s*(?:download|get)\s+(?:the|our)\b.{0,40}\bapp\b|"
    r"^\s*follow\s+(?:us|[\w.@ ]{2,40}?)\s+on\s+(?:twitter|facebook|instagram|linkedin|x)\b|"
    r"^\s*(?:please\s+)?subscribe\b|\bplease\s+subscribe\b|\balready\s+a\s+subscriber\b|"
    r"\bwe\s+want\s+to\s+hear\s+what\s+you\s+think\b|\bpermission\s+must\s+be\s+obtained\b|"
    r"\bcopyrighted\s+property\b",
    re.IGNORECASE,
)
_NEWSLETTER_LABEL = re.compile(r"\bnewsletters?\b|\binbox\b", re.IGNORECASE)
NEWSLETTER_LABEL_MAX_WORDS = 6
"""A line this short that names a newsletter is a box title ("PC Gamer Newsletter")."""
SIGN_UP_TRIGGERS = vocabulary(
    "sign signing never delivered download get follow subscribe please already hear permission copyrighted "
    "newsletter newsletters inbox"
)
"""Every newsletter, app or follow pattern holds one of these words: lines without any skip the patterns."""
SIGN_UP_MAX_WORDS = 24
"""Newsletter, app and follow boxes are a sentence or two; a longer paragraph that says "subscribe" is prose."""

_BREADCRUMB_MARK = re.compile(r"[›»>|/]")
_BREADCRUMB_SPLIT = re.compile(r"\s+[›»>|]\s+|\s*[›»]\s*")
BREADCRUMB_SEGMENT_MAX_WORDS = 4


def is_share_bar(text: str) -> bool:
    """A short line made only of sharing words and network names ("Facebook Twitter Email Print")."""
    if rough_word_count(text) > SHARE_BAR_MAX_WORDS or not is_title_like(text, SHARE_BAR_MAX_WORDS):
        return False
    words = [w.casefold().strip(".") for w in words_of(text)]
    if not words:
        return False
    if not all(w in SHARE_WORDS or w in SHARE_FILLER for w in words):
        return False
    sharing = [w for w in words if w in SHARE_WORDS]
    return bool(NETWORK_WORDS.intersection(words)) or bool({"share", "sharing"} & set(words)) or len(sharing) >= 2


def is_counter(text: str) -> bool:
    """A comment, photo or slide counter ("New, 15 comments", "Image 1 of 5")."""
    return len(text) <= 40 and _COUNTER.match(text) is not None


def is_publication_line(text: str) -> bool:
    """A line that only says when the page was published or updated ("Published 1 day ago", "March 25, 2014")."""
    return len(words_of(text)) <= CHROME_MAX_WORDS and _PUBLICATION_LINE.match(text.strip()) is not None


def is_breadcrumb(text: str) -> bool:
    """Breadcrumbs ("Home › Politics › Elections"): three or more short title-like segments between separators."""
    stripped = text.strip()
    if not _BREADCRUMB_MARK.search(stripped):
        return False
    segments = [s for s in _BREADCRUMB_SPLIT.split(stripped) if s.strip()]
    if len(segments) < 3 and stripped.casefold().startswith("home") and " / " in stripped:
        segments = [s for s in stripped.split(" / ") if s.strip()]
    if len(segments) < 3:
        return False
    return all(
        is_title_like(segment) and len(words_of(segment)) <= BREADCRUMB_SEGMENT_MAX_WORDS for segment in segments
    )


def is_sign_up_box(text: str, words: list[str] | None = None) -> bool:
    """A newsletter, app or follow box ("Sign up to get the best content of the week", "PC Gamer Newsletter")."""
    words = words_of(text) if words is None else words
    if len(words) > SIGN_UP_MAX_WORDS or SIGN_UP_TRIGGERS.isdisjoint(w.casefold() for w in words):
        return False
    if len(words) <= NEWSLETTER_LABEL_MAX_WORDS and _NEWSLETTER_LABEL.search(text):
        return True
    return _SIGN_UP.search(text) is not None


def is_web_chrome(text: str) -> bool:
    """Any of the shapes of the module docstring (page labels, caption credits and promos by their opening)."""
    if rough_word_count(text) > 2 * SIGN_UP_MAX_WORDS:
        return False  # (a cheap bound that spares long paragraphs the word regex)
    words = words_of(text)
    if len(words) > SIGN_UP_MAX_WORDS:
        return False
    if len(words) <= CHROME_MAX_WORDS and (
        _PAGE_LABEL.match(text) or _CAPTION_CREDIT.match(text) or _PROMO.match(text) or is_publication_line(text)
    ):
        return True
    return is_counter(text) or is_share_bar(text) or is_breadcrumb(text) or is_sign_up_box(text, words)


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\s+({_DAY}),?\s+(\d{{4}})\b", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"\b({_DAY})\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})\b", re.IGNORECASE)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _iso(year: str, month: int, day: str) -> str | None:
    day_number = int(re.sub(r"\D", "", day))
    if not (1 <= month <= 12 and 1 <= day_number <= 31 and 1900 <= int(year) <= 2100):
        return None
    return f"{year}-{month:02d}-{day_number:02d}"


def date_in(text: str) -> str | None:
    """The first full calendar date written in `text` ("Nov 19, 2019", "25 March 2014", "2019-11-19") as ISO."""
    found: list[tuple[int, str | None]] = []
    if match := _ISO.search(text):
        found.append((match.start(), _iso(match.group(1), int(match.group(2)), match.group(3))))
    if match := _MONTH_FIRST.search(text):
        month = MONTHS.index(match.group(1).casefold()[:3]) + 1
        found.append((match.start(), _iso(match.group(3), month, match.group(2))))
    if match := _DAY_FIRST.search(text):
        month = MONTHS.index(match.group(2).casefold()[:3]) + 1
        found.append((match.start(), _iso(match.group(3), month, match.group(1))))
    dates = [iso for _, iso in sorted(found, key=lambda item: item[0]) if iso]
    return dates[0] if dates else None


_TRAILING_STAMP = re.compile(
    rf"(?:\s*[,|·•–—-]\s*|\s+)(?:{_PUBLICATION_VERB}\s*(?:on|at|:)?\s*)?{_STAMP}\s*$", re.IGNORECASE
)


def without_trailing_stamp(text: str) -> str:
    """`text` without a date or time at its end ("Jane Doe Nov 19, 2019, 7:53pm EST" → "Jane Doe")."""
    return _TRAILING_STAMP.sub("", text)


def publication_date(text: str) -> str | None:
    """The date of a "Published …"/"Updated …" line as ISO, or None (no such line, or no full date in it)."""
    if not _PUBLICATION_START.match(text) or len(words_of(text)) > CHROME_MAX_WORDS:
        return None
    return date_in(text)

"""Dates in a sentence: weekdays ("Friday night"), calendar dates ("Dec. 29, 2025"), months, years, days
relative to publication ("yesterday") and vague periods ("this week"); and whether a date dates a statement
("said Wednesday") and whose."""

from __future__ import annotations

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.lexicon import (
    MONTHS,
    OFFICE_ABBREVIATIONS,
    OFFICES,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    REPORTING_VERBS,
    VAGUE_PERIODS,
    WEEKDAYS,
    words,
)
from reader.core.details.scan import (
    Tok,
    digits_value,
    glued,
)
from reader.core.details.values import DateValue

QUOTE_MARKS = frozenset({"“", "”", '"', "«", "»", "„"})
FULL_MONTHS = frozenset(word for word in MONTHS if len(word) > 3 or word == "may")
"""A full month name is a date on its own (unless it opens the sentence: "May I…"); an abbreviation only next
to a day number or a year ("Mar" is also part of "Mar-a-Lago")."""


def date_at(tokens: tuple[Tok, ...], k: int, used: set[int]) -> tuple[DateValue, int] | None:
    """A date starting at token k and the index of its last token, or None."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    prev = tokens[k - 1] if k > 0 else None
    if tok.lower in WEEKDAYS:
        night = nxt is not None and nxt.lower in PARTS_OF_DAY and nxt.lower == "night"
        end = k + 1 if nxt is not None and nxt.lower in PARTS_OF_DAY else k
        return DateValue(weekday=WEEKDAYS[tok.lower], night=night), end
    if tok.lower in RELATIVE_DAYS:
        if tok.capitalised and any(before.type != "punct" for before in tokens[:k]):
            return None  # capitalised inside a sentence: a title (NBC's “Today” show), not the day
        return DateValue(relative=RELATIVE_DAYS[tok.lower], night=tok.lower == "tonight"), k
    if tok.lower in ("this", "last", "next", "earlier", "late", "later") and nxt is not None:
        j = k + 1
        if nxt.lower == "this" and j + 1 < len(tokens):
            j += 1
        if tokens[j].lower in VAGUE_PERIODS:
            return DateValue(vague=True), j
        return None
    if tok.lower in MONTHS and tok.capitalised:
        month = MONTHS[tok.lower]
        day = year = None
        end = k
        if nxt is not None and nxt.type == "num" and glued(tok, nxt) is False:
            value = digits_value(nxt.text)
            if value is not None and 1 <= value <= 31 and value.is_integer() and "," not in nxt.text:
                day, end = int(value), k + 1
        if day is None and prev is not None and prev.type == "num" and k - 1 not in used:
            value = digits_value(prev.text)
            if value is not None and 1 <= value <= 31:
                day = int(value)
        j = end + 1
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        if j < len(tokens) and tokens[j].type == "num" and year_value(tokens[j]) is not None:
            year, end = year_value(tokens[j]), j
        if day is None and year is None and (tok.lower not in FULL_MONTHS or k == 0):
            return None
        if tok.lower == "may" and day is None and year is None:
            return None
        if day is not None and year is None and _names_an_event(tokens, k, end):
            return None  # "the Sept. 11 attacks", "the anniversary of July 4": a name, not this story's date
        return DateValue(day=day, month=month, year=year), end
    return None


NAMED_DATE_NOUNS = words(
    "attacks attack anniversary commission hijackers memorial victims terror terrorist riot insurrection"
)
"""Nouns a calendar date names an event with ("the Sept. 11 attacks", "the Jan. 6 riot")."""


def _names_an_event(tokens: tuple[Tok, ...], k: int, end: int) -> bool:
    after = tokens[end + 1].lower if end + 1 < len(tokens) else ""
    before = " ".join(t.lower for t in tokens[max(0, k - 2) : k])
    return after in NAMED_DATE_NOUNS or before.endswith("anniversary of") or before.startswith("post")


def year_value(tok: Tok) -> int | None:
    if tok.type != "num" or not tok.text.isdigit() or len(tok.text) != 4:
        return None
    value = int(tok.text)
    return value if 1800 <= value <= 2100 else None


def statement_verb(tokens: tuple[Tok, ...], k: int, end: int) -> int | None:
    """The reporting verb next to a date ("said Wednesday", "said on Friday", "Friday said"), or None."""
    candidates: list[int] = [*range(k - 1, max(-1, k - 4), -1), end + 1]
    return next((j for j in candidates if 0 <= j < len(tokens) and tokens[j].lower in REPORTING_VERBS), None)


def speaker_of(tokens: tuple[Tok, ...], verb: int) -> frozenset[str]:
    """Capitalised words of the twelve tokens before a reporting verb (back to a quotation mark), titles left
    out: who made the statement ("Rep. Steve King (R-Iowa) and Rep. Michelle Bachmann said")."""
    start = verb
    while start > max(0, verb - 12) and tokens[start - 1].text not in QUOTE_MARKS:
        start -= 1
    return frozenset(
        t.lower.removesuffix("'s")
        for t in tokens[start:verb]
        if t.capitalised
        and t.lower not in OFFICES
        and t.lower not in OFFICE_ABBREVIATIONS
        and t.lower not in STOP_WORDS
    )

"""Quotation spans of an article, so a direct quote is recognised and followed over sentence boundaries.

Quotes are paired within a block (a paragraph): curly and guillemet marks by direction, straight double quotes
by alternation. A quote still open at the end of its paragraph ends there, as English style reopens a quote that
runs over paragraphs. Single quotes are left alone: they are far more often apostrophes.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence

from reader.core.records import Article

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
_MARKS = re.compile("[" + re.escape(OPENING + CLOSING + STRAIGHT) + "]")
_QUOTE_MARKS = OPENING + CLOSING + STRAIGHT
DIRECT_SHARE = 0.6
"""A content counts as a direct quote when at least this share of its characters lies inside quotation marks."""


def quote_spans(article: Article) -> tuple[tuple[int, int], ...]:
    """The inner spans (between the marks) of every quotation, in text order; a quotation left open at the end
    of its paragraph and reopened at the start of the next is one span over both (a multi-paragraph quote)."""
    spans: list[tuple[int, int]] = []
    previous_open = False
    text = article.text
    for block in article.blocks:
        opened: int | None = None
        reopens = text[block.start : block.end].lstrip()[:1] in OPENING + STRAIGHT
        first_of_block = len(spans)
        for mark in _MARKS.finditer(text, block.start, block.end):  # only the marks: no loop over every char
            char, offset = mark.group(), mark.start()
            if opened is None and (char in OPENING or char == STRAIGHT):
                opened = offset + 1
            elif opened is not None and (char in CLOSING or char == STRAIGHT):
                spans.append((opened, offset))
                opened = None
        if opened is not None:
            spans.append((opened, block.end))
        if reopens and previous_open and len(spans) > first_of_block:
            earlier = spans[first_of_block - 1]
            spans[first_of_block - 1 : first_of_block + 1] = [(earlier[0], spans[first_of_block][1])]
        previous_open = opened is not None
    return tuple(span for span in spans if span[1] > span[0])


def adjacent_quote(
    spans: Sequence[tuple[int, int]], text: str, clause_start: int, clause_end: int
) -> tuple[int, int] | None:
    """The quotation a reporting clause with no content of its own introduces or closes: the one right after it
    ("He said: “…”", also in the next paragraph) or right before it ("“…?” she said.")."""
    position = bisect.bisect_left(spans, (clause_end, clause_end))
    following = spans[position] if position < len(spans) else None
    before = bisect.bisect_left(spans, (clause_start, clause_start)) - 1
    preceding = spans[before] if before >= 0 and spans[before][1] <= clause_start else None
    after_gap = text[clause_end : following[0]] if following else None
    before_gap = text[preceding[1] : clause_start] if preceding else None
    introduces = after_gap is not None and len(after_gap) <= MAX_GAP and not after_gap.strip(_INTRO_CHARS)
    closes = before_gap is not None and len(before_gap) <= MAX_GAP and not before_gap.strip(_OUTRO_CHARS)
    if introduces and (":" in (after_gap or "") or not closes):
        return following
    return preceding if closes else None


MAX_GAP = 6
"""Characters between a reporting clause and its quotation: marks, a colon or comma, spaces, a paragraph break."""
_INTRO_CHARS = ":,.— \n" + OPENING + STRAIGHT
_OUTRO_CHARS = ",—–- \n" + CLOSING + STRAIGHT


def overlapping(spans: Sequence[tuple[int, int]], start: int, end: int) -> Sequence[tuple[int, int]]:
    """The spans (sorted and disjoint, as `quote_spans` gives them) that overlap [start, end), by bisection."""
    low = bisect.bisect_right(spans, (start, start)) - 1
    low = max(low, 0)
    high = bisect.bisect_left(spans, (end, end))
    return [span for span in spans[low:high] if span[1] > start and span[0] < end]


def next_quote(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The first quotation that opens after `offset`, by bisection."""
    position = bisect.bisect_right(spans, (offset, sys.maxsize))
    return spans[position] if position < len(spans) else None


def quoted_share(spans: Sequence[tuple[int, int]], start: int, end: int, text: str) -> float:
    """Share of the non-space characters of text[start:end] that lie inside a quotation."""
    segment = text[start:end]  # counts in C (no mark is a space, so the two counts never overlap)
    total = len(segment) - sum(map(str.isspace, segment)) - sum(segment.count(mark) for mark in _QUOTE_MARKS)
    if total == 0:
        return 0.0
    inside = 0
    for low, high in overlapping(spans, start, end):
        piece = text[max(low, start) : min(high, end)]
        inside += len(piece) - sum(map(str.isspace, piece))
    return inside / total


def widen_to_quote(spans: Sequence[tuple[int, int]], start: int, end: int, text: str) -> tuple[int, int]:
    """Extend a content span to the whole quotation it mostly lies in (a quote over two sentences)."""
    for low, high in overlapping(spans, start, end):
        inside = quoted_share(((low, high),), start, end, text)
        if inside >= DIRECT_SHARE and (low < start or high > end):
            return min(start, low), max(end, high)
    return start, end

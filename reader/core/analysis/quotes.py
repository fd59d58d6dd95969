"""Quotation spans of an article, so a direct quote is recognised and followed over sentence boundaries.

Quotes are paired within a block (a paragraph): curly and guillemet marks by direction, straight double quotes
by alternation. A quote still open at the end of its paragraph ends there, as English style reopens a quote that
runs over paragraphs. Single quotes are left alone: they are far more often apostrophes.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.records import Article
from reader.core.spans import overlapping, pair_high, pair_low

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
DIRECT_SHARE = 0.6
"""A content counts as a direct quote when at least this share of its characters lies inside quotation marks."""


def quote_spans(article: Article) -> tuple[tuple[int, int], ...]:
    """The inner spans (between the marks) of every quotation, in text order."""
    spans: list[tuple[int, int]] = []
    for block in article.blocks:
        opened: int | None = None
        for offset in range(block.start, block.end):
            char = article.text[offset]
            if opened is None and (char in OPENING or char == STRAIGHT):
                opened = offset + 1
            elif opened is not None and (char in CLOSING or char == STRAIGHT):
                spans.append((opened, offset))
                opened = None
        if opened is not None:
            spans.append((opened, block.end))
    return tuple(span for span in spans if span[1] > span[0])


def quoted_share(spans: Sequence[tuple[int, int]], start: int, end: int, text: str) -> float:
    """Share of the non-space characters of text[start:end] that lie inside a quotation."""
    total = sum(1 for ch in text[start:end] if not ch.isspace() and ch not in OPENING + CLOSING + STRAIGHT)
    if total == 0:
        return 0.0
    inside = 0
    for low, high in overlapping(spans, start, end, pair_low, pair_high):  # spans are in text order, disjoint
        for offset in range(max(low, start), min(high, end)):
            if not text[offset].isspace():
                inside += 1
    return inside / total


def widen_to_quote(spans: Sequence[tuple[int, int]], start: int, end: int, text: str) -> tuple[int, int]:
    """Extend a content span to the whole quotation it mostly lies in (a quote over two sentences)."""
    for low, high in overlapping(spans, start, end, pair_low, pair_high):
        inside = quoted_share(((low, high),), start, end, text)
        if inside >= DIRECT_SHARE and (low < start or high > end):
            return min(start, low), max(end, high)
    return start, end

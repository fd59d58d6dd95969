"""Finding an annotated passage again in a text that changed since the annotation was made.

The order of evidence follows the W3C Web Annotation selectors: the saved position when the quote still sits
there with its context; otherwise every verbatim occurrence of the quote, the one whose surrounding text best
matches the saved prefix/suffix winning (so a duplicated passage goes to the copy the note was written on);
otherwise a fuzzy search for prefix + quote + suffix that tolerates small edits inside the quote. When none of
these is convincing the passage is ORPHANED: a note is never moved to a place that merely looks similar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reader.store.annotations import TextQuoteSelector

DISTINCTIVE_CHARS = 20
"""A verbatim quote at least this long is trusted on its own; shorter ones need their context to agree."""

CONTEXT_AGREES = 0.6
"""Minimum context similarity (0–1) that confirms a short verbatim occurrence."""

FUZZY_MIN_CHARS = 12
"""Quotes shorter than this are never fuzzy-matched: too little text to tell an edit from another passage."""

FUZZY_MIN_SIMILARITY = 0.8
"""Minimum similarity (normalised Indel, 0–1) between the old quote and the text found in its place."""

MAX_OCCURRENCES = 10_000


class AnchorMethod(StrEnum):
    """How a passage was found again (or not)."""

    POSITION = "position"
    """The quote and its context still sit at the saved offsets."""
    EXACT = "exact"
    """The quote was found verbatim at another offset (context chose among duplicates)."""
    FUZZY = "fuzzy"
    """The quote was found with small edits."""
    ORPHANED = "orphaned"
    """Not found: the annotation keeps its old quote and is listed apart."""


@dataclass(frozen=True)
class AnchorResult:
    """Where a quote now sits; `start == end == -1` when orphaned."""

    method: AnchorMethod
    start: int
    end: int
    similarity: float
    """Similarity of the text found to the saved quote (1.0 for verbatim, 0.0 for orphans)."""

    @property
    def found(self) -> bool:
        return self.method is not AnchorMethod.ORPHANED


ORPHAN = AnchorResult(AnchorMethod.ORPHANED, -1, -1, 0.0)


def anchor(
    quote: TextQuoteSelector, text: str, hint: int | None = None, *, old_text: str | None = None
) -> AnchorResult:
    """Locate `quote` in `text`; `hint` is the saved start offset (the TextPositionSelector), if any."""
    exact = quote.exact
    if not exact:
        return ORPHAN
    if hint is not None and _sits_at(quote, text, hint):
        return AnchorResult(AnchorMethod.POSITION, hint, hint + len(exact), 1.0)
    occurrences = _occurrences(exact, text)
    if occurrences:
        return _choose_occurrence(quote, text, occurrences, hint)
    return _fuzzy(quote, text)


def _sits_at(quote: TextQuoteSelector, text: str, start: int) -> bool:
    end = start + len(quote.exact)
    return (
        start >= 0
        and text[start:end] == quote.exact
        and text[max(0, start - len(quote.prefix)) : start] == quote.prefix
        and text[end : end + len(quote.suffix)] == quote.suffix
    )


def _occurrences(exact: str, text: str) -> list[int]:
    found: list[int] = []
    index = text.find(exact)
    while index >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(index)
        index = text.find(exact, index + 1)
    return found


def context_similarity(quote: TextQuoteSelector, text: str, start: int, end: int) -> float:
    """How well the text around `text[start:end]` matches the saved prefix and suffix (0–1).

    A side with no saved context (the quote was at the very start or end) counts as agreeing when the new
    occurrence is also at that edge, and as neutral (0.5) otherwise.
    """
    scores: list[float] = []
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    if quote.prefix:
        scores.append(fuzz.ratio(quote.prefix, before) / 100)
    else:
        scores.append(1.0 if start == 0 else 0.5)
    if quote.suffix:
        scores.append(fuzz.ratio(quote.suffix, after) / 100)
    else:
        scores.append(1.0 if end == len(text) else 0.5)
    return sum(scores) / len(scores)


def _choose_occurrence(
    quote: TextQuoteSelector, text: str, occurrences: Sequence[int], hint: int | None
) -> AnchorResult:
    length = len(quote.exact)
    scored = sorted(
        (
            -round(context_similarity(quote, text, start, start + length), 6),
            abs(start - hint) if hint is not None else 0,
            start,
        )
        for start in occurrences
    )
    best_context = -scored[0][0]
    start = scored[0][2]
    distinctive = len(quote.exact.strip()) >= DISTINCTIVE_CHARS
    if not distinctive and best_context < CONTEXT_AGREES:
        return ORPHAN
    return AnchorResult(AnchorMethod.EXACT, start, start + length, 1.0)


def _fuzzy(quote: TextQuoteSelector, text: str) -> AnchorResult:
    exact = quote.exact
    if len(exact.strip()) < FUZZY_MIN_CHARS or not text:
        return ORPHAN
    full = quote.prefix + exact + quote.suffix
    window_start, window_end = 0, len(text)
    if len(full) < len(text):
        region = fuzz.partial_ratio_alignment(full, text)
        if region is None:
            return ORPHAN
        slack = len(exact) // 2 + 16
        window_start = max(0, region.dest_start - slack)
        window_end = min(len(text), region.dest_end + slack)
    window = text[window_start:window_end]
    opcodes = [tuple(op) for op in Levenshtein.opcodes(full, window)]
    start = window_start + _map_offset(opcodes, len(quote.prefix), after_insertions=True)
    end = window_start + _map_offset(opcodes, len(quote.prefix) + len(exact), after_insertions=False)
    start, end = _trim(text, start, end, exact)
    if end <= start:
        return ORPHAN
    similarity = fuzz.ratio(exact, text[start:end]) / 100
    if similarity < FUZZY_MIN_SIMILARITY:
        return ORPHAN
    return AnchorResult(AnchorMethod.FUZZY, start, end, round(similarity, 4))


def _map_offset(opcodes: Sequence[tuple[object, ...]], offset: int, *, after_insertions: bool) -> int:
    """Map a boundary in the source string to the destination through edit opcodes.

    Text inserted exactly at the boundary is left outside the passage: a start boundary moves past it, an end
    boundary stays before it, so an insertion next to a passage never becomes part of the quote.
    """
    last = 0
    for tag, src_start, src_end, dest_start, dest_end in opcodes:
        assert isinstance(src_start, int) and isinstance(src_end, int)
        assert isinstance(dest_start, int) and isinstance(dest_end, int)
        last = dest_end
        if tag == "insert":
            if src_start == offset and not after_insertions:
                return dest_start
            continue
        if src_start <= offset < src_end:
            if tag == "delete":
                return dest_start
            return dest_start + min(offset - src_start, dest_end - dest_start)
    return last


def _trim(text: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """Drop whitespace the mapping picked up at either edge unless the saved quote had it too."""
    if not exact[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not exact[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end

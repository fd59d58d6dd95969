"""Finding an annotated passage again in a text that changed since the annotation was made.

The order of evidence follows the W3C Web Annotation selectors, with the edit itself first when it is known:

1. the saved position, when the quote still sits there with its context;
2. with the old text (the saved article): the edit map (`reader.store.textmap`) says where the passage went.
   Inside an unchanged stretch it is intact, there; edited in place, a close variant in the mapped region is
   taken; deleted or moved, only a verbatim copy in *new* text is a candidate (a copy that was already in the
   old text is someone else's passage), and when several remain the context must clearly pick one;
3. without it: every verbatim occurrence of the quote, kept only when the saved prefix/suffix picks one
   clearly (by CONTEXT_MARGIN over the next), else a fuzzy search for prefix + quote + suffix.

When none of these is convincing the passage is ORPHANED: a note is never moved to a place that merely looks
similar, nor to the other copy of a duplicated passage (measured by bench/reanchor.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reader.store.annotations import TextQuoteSelector, quote_selector
from reader.store.textmap import TextMap, map_offset, text_map

DISTINCTIVE_CHARS = 20
"""A verbatim quote at least this long is trusted on its own; shorter ones need their context to agree."""

CONTEXT_AGREES = 0.6
"""Minimum context similarity (0–1) that confirms a short verbatim occurrence."""

FUZZY_MIN_CHARS = 12
"""Quotes shorter than this are never fuzzy-matched: too little text to tell an edit from another passage."""

FUZZY_MIN_SIMILARITY = 0.8
"""Minimum similarity (normalised Indel, 0–1) between the old quote and the text found in its place."""

CONTEXT_MARGIN = 0.15
"""How much better (0–1) the best occurrence's context must match than the next one's before it is chosen:
two copies of a passage with near-identical surroundings are a guess, and a guess is orphaned instead.
Measured on bench/reanchor.py (4,000 notes): with the saved text, 0.05–0.2 gave the same result (4 misplaced,
9 orphaned though intact; 3 and 12 since `_context_picks` holds the map's pairing to it too) and 0.3 orphaned
3 more; for the search without it, going from 0.05 to 0.3 saves 13
misplaced notes for 248 more orphaned ones. 0.15 sits in the flat middle; it is not fitted to a sentence."""

MAP_EVIDENCE_CHARS = 16
"""When the passage occurs twice in the old text, the edit map is trusted only if the unchanged stretch it
puts the passage in reaches this far beyond it: a stretch that is just the duplicated line is no evidence,
since the line diff pairs equal lines first come, first served (a deleted copy was paired with the surviving
one). Otherwise the surroundings must be more like ours than like the twin's, or the note is orphaned. Any
value from a few characters to a line's length does the same on bench/reanchor.py; 16 is past a line break
and a few spaces."""

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
    """Locate `quote` in `text`; `hint` is the saved start offset, `old_text` the text it refers to, if known."""
    exact = quote.exact
    if not exact:
        return ORPHAN
    if hint is not None and _sits_at(quote, text, hint):
        return AnchorResult(AnchorMethod.POSITION, hint, hint + len(exact), 1.0)
    if hint is not None and old_text is not None and old_text[hint : hint + len(exact)] == exact:
        mapping = text_map(old_text, text)
        if mapping is not None:
            return _through_the_edit(quote, text, hint, mapping, old_text)
    occurrences = _occurrences(exact, text)
    if occurrences:
        return _choose_occurrence(quote, text, occurrences, hint)
    return _fuzzy(quote, text)


def _through_the_edit(quote: TextQuoteSelector, text: str, hint: int, mapping: TextMap, old_text: str) -> AnchorResult:
    """Follow the passage through the edit map: intact, edited in place, moved verbatim, or orphaned."""
    exact = quote.exact
    length = len(exact)
    image = mapping.image(hint, hint + length)
    intact = image is not None and text[image : image + length] == exact
    if intact and image is not None and mapping.unchanged_reach(hint, hint + length) >= MAP_EVIDENCE_CHARS:
        return AnchorResult(AnchorMethod.EXACT, image, image + length, 1.0)  # the usual case: no twin search
    if intact and image is not None and _copies_kept_one_to_one(exact, old_text, text, mapping):
        # Every old copy stands intact where the map puts it and the text holds no other: the map's pairing,
        # which keeps their order, is the only one possible, even with new lines on both sides of the passage
        # (its saved context then tells nothing, and a twin's no more).
        return AnchorResult(AnchorMethod.EXACT, image, image + length, 1.0)
    twins = [quote_selector(old_text, at, at + length) for at in _occurrences(exact, old_text) if at != hint]
    if intact and image is not None:
        if not twins:
            return AnchorResult(AnchorMethod.EXACT, image, image + length, 1.0)
        if _context_picks(quote, twins, text, image):
            return AnchorResult(AnchorMethod.EXACT, image, image + length, 1.0)
        return ORPHAN  # the line diff may have paired our copy with the other one (ties go to the first copy)

    def could_be_ours(at: int) -> bool:
        """New text (not a copy that was already there), whose surroundings are not more like a twin's."""
        if mapping.unchanged_in_new(at, at + length):
            return False
        return not twins or _context_picks(quote, twins, text, at)

    start, end = mapping.region(hint, hint + length)
    slack = length // 4 + 8
    if end - start <= 2 * length + slack:  # a wider region means the map lost the passage: no local search
        low, high = max(0, start - slack), min(len(text), end + slack)
        here = [low + at for at in _occurrences(exact, text[low:high]) if could_be_ours(low + at)]
        if len(here) == 1:  # verbatim where the edit map puts it, the edit having happened around it
            return AnchorResult(AnchorMethod.EXACT, here[0], here[0] + length, 1.0)
        edited = _fuzzy_in(quote, text, low, high)
        if edited.found and not mapping.unchanged_in_new(edited.start, edited.end):
            return edited
    moved = [at for at in _occurrences(exact, text) if could_be_ours(at)]
    if moved:
        return _choose_occurrence(quote, text, moved, None)
    return ORPHAN


def _context_picks(quote: TextQuoteSelector, twins: Sequence[TextQuoteSelector], text: str, at: int) -> bool:
    """The copy at `at` is ours by its surroundings: they agree with our saved context, and clearly better than
    with any twin's (the rule `_choose_occurrence` applies between copies). A bare "better than the twin's" was a
    coin toss when both neighbours had been edited: 0.375 against 0.359 put a note on the surviving copy of a
    deleted passage (a hypothesis case)."""
    end = at + len(quote.exact)
    ours = context_similarity(quote, text, at, end)
    rival = max((context_similarity(twin, text, at, end) for twin in twins), default=0.0)
    return ours >= CONTEXT_AGREES and ours - rival >= CONTEXT_MARGIN


def _copies_kept_one_to_one(exact: str, old_text: str, text: str, mapping: TextMap) -> bool:
    """Each copy of `exact` in the old text maps, intact, inside an unchanged stretch, onto its own copy in the
    new text, and those are all the new text's copies: none was deleted, none added (a copy paired with another
    copy's place by the line diff, as when one of two copies is deleted, fails the count)."""
    old = _occurrences(exact, old_text)
    new = _occurrences(exact, text)
    if len(old) != len(new):
        return False
    images = [mapping.image(at, at + len(exact)) for at in old]
    return images == new  # the map keeps the order, so distinct images come sorted


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
    """One verbatim occurrence when the evidence picks it; several only when the context clearly does."""
    length = len(quote.exact)
    scored = sorted(
        ((round(context_similarity(quote, text, start, start + length), 6), start) for start in occurrences),
        key=lambda item: (-item[0], abs(item[1] - hint) if hint is not None else 0, item[1]),
    )
    best_context, start = scored[0]
    distinctive = len(quote.exact.strip()) >= DISTINCTIVE_CHARS
    if len(scored) > 1:
        if best_context < CONTEXT_AGREES or best_context - scored[1][0] < CONTEXT_MARGIN:
            return ORPHAN  # copies the context cannot tell apart: a guess would misplace the note half the time
    elif not distinctive and best_context < CONTEXT_AGREES:
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
    return _fuzzy_in(quote, text, window_start, window_end)


def _fuzzy_in(quote: TextQuoteSelector, text: str, window_start: int, window_end: int) -> AnchorResult:
    """The quote, with small edits, inside `text[window_start:window_end]`; ORPHAN when not close enough."""
    exact = quote.exact
    if len(exact.strip()) < FUZZY_MIN_CHARS or window_end <= window_start:
        return ORPHAN
    full = quote.prefix + exact + quote.suffix
    window = text[window_start:window_end]
    opcodes = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Levenshtein.opcodes(full, window)]
    start = window_start + map_offset(opcodes, len(quote.prefix), after_insertions=True)
    end = window_start + map_offset(opcodes, len(quote.prefix) + len(exact), after_insertions=False)
    start, end = _trim(text, start, end, exact)
    if end <= start:
        return ORPHAN
    similarity = fuzz.ratio(exact, text[start:end]) / 100
    if similarity < FUZZY_MIN_SIMILARITY:
        return ORPHAN
    return AnchorResult(AnchorMethod.FUZZY, start, end, round(similarity, 4))


def _trim(text: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """Drop whitespace the mapping picked up at either edge unless the saved quote had it too."""
    if not exact[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not exact[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end

"""The size policy: how long an article may be, and how long one sentence may grow, so no input hangs reader.

Two rules a user can predict:

1. **An article holds at most `MAX_ARTICLE_CHARS` characters and `MAX_ARTICLE_SENTENCES` sentences.** A longer
   input is refused with one line naming it, the size and the limit (exit code 2), before any slow step runs.
   A long news article has 10,000-50,000 characters; the limits sit far above any of them yet keep the work
   bounded: aligning a 1 M-character article takes seconds, the analysis a minute or two (spaCy reads every
   word), and a 10 or 30 MB file is refused in under a second (see `bench/size_policy.py`).
2. **No sentence is longer than `MAX_SENTENCE_CHARS`.** A run of text without a sentence end (a file on one
   line, a 1 M-character "sentence", a 1 M-character word, one word repeated a million times) is cut into
   pieces of at most that length, at the last space before the limit (or at the limit when there is none).
   Every later step (the aligner's candidates and scores, spaCy's parse, which refuses texts longer than
   `nlp.max_length`) then works on bounded pieces, so time grows with the number of pieces, not their square.

Pure functions, no imports beyond the errors: the load stage calls them.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.errors import InputError

MAX_ARTICLE_CHARS = 2_000_000
"""Characters of one article's text (about 2 MB of plain text, 300,000 words: forty times a long report).
Set from bench/size_policy.py: 1 M characters align in 1-10 s and 100-250 MB; the analysis of 1 MB takes a
minute or more, so ten times the limit would take the better part of an hour and gigabytes."""

MAX_ARTICLE_SENTENCES = 100_000
"""Sentences of one article: the scale the issue asks to stay near-linear at (bench/scale.py). The aligner's
work per sentence is bounded by constants, not by the length (each sentence reads at most
`align.candidates.POSTING_BUDGET` postings and keeps `PER_SENTENCE` partners a direction; chains are
O(n log n)), so its time grows linearly with the length; `bench/scale.py --align-only --max 100000` measures
it up to here."""

MAX_SENTENCE_CHARS = 1_000
"""Longest sentence kept whole. The longest sentence of the dev data (4,300 sentences, 121 articles) is 504
characters and the 99.9th percentile 434, so real sentences are never cut; beyond it, a "sentence" is a run of
text with no sentence end, and cutting it bounds the aligner's and spaCy's work per piece."""


def _millions(chars: int) -> str:
    return f"{chars / 1_000_000:.1f} M characters"


def check_article_text(length: int, where: str) -> None:
    """InputError (one line) when a text of `length` characters is longer than an article may be."""
    if length > MAX_ARTICLE_CHARS:
        raise InputError(
            f"too long to compare ({_millions(length)}; the limit is {_millions(MAX_ARTICLE_CHARS)} "
            f"per article): {where}"
        )


def check_article_sentences(count: int, where: str) -> None:
    """InputError (one line) when an article has more sentences than the aligner is sized for."""
    if count > MAX_ARTICLE_SENTENCES:
        raise InputError(
            f"too many sentences to compare ({count:,}; the limit is {MAX_ARTICLE_SENTENCES:,} per article): {where}"
        )


def bounded_spans(
    text: str, spans: Iterable[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS
) -> list[tuple[int, int]]:
    """The spans, each longer than `limit` cut into pieces of at most `limit` characters.

    A piece ends at the last whitespace inside its window (so words stay whole) or, in a run without any, at
    the limit itself; pieces are trimmed of surrounding whitespace, cover the span's text in order and never
    overlap. Linear in the span's length.
    """
    pieces: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            cut = start + limit
            space = _last_space(text, start, cut)
            if space > start:
                cut = space
            pieces.append(_trim(text, start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            pieces.append(_trim(text, start, end))
    return [piece for piece in pieces if piece[0] < piece[1]]


def _last_space(text: str, start: int, stop: int) -> int:
    """Offset of the last whitespace character in text[start:stop] that has a non-space before it, or -1."""
    for position in range(stop, start, -1):
        if text[position].isspace() and not text[position - 1].isspace():
            return position
    return -1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

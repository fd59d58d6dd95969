"""The headless engine of reader: pure Python, no Textual, spaCy only when analysis is asked for.

Public API:

- `compare(paths_or_texts) -> Comparison`: load, align every pair, extract actors and claims.
- `match_sentences(a, b) -> SentenceMatch`: the score, decision and class the aligner gives two sentences.
- `analyse_text(text) -> TextAnalysis`: the actors and claims of one text (needs the spaCy model).
- `load_inputs`, `align_articles`, `add_analysis`: the steps of `compare`, for callers that stage them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.core.align import SentenceMatch, match_sentences
from reader.core.compare import add_analysis, align_articles, compare
from reader.core.errors import InputError, ReaderError
from reader.core.loading import load_inputs
from reader.core.records import Comparison

if TYPE_CHECKING:
    from reader.core.analysis import TextAnalysis


def analyse_text(text: str) -> TextAnalysis:
    """Actors and claims of one article text; the same code `compare` runs per article."""
    from reader.core.analysis import analyse_text as _analyse_text

    return _analyse_text(text)


def __getattr__(name: str) -> Any:
    if name == "TextAnalysis":
        from reader.core.analysis import TextAnalysis

        return TextAnalysis
    raise AttributeError(name)


__all__ = [
    "Comparison",
    "InputError",
    "ReaderError",
    "SentenceMatch",
    "add_analysis",
    "align_articles",
    "analyse_text",
    "compare",
    "load_inputs",
    "match_sentences",
]

"""The headless engine of reader: pure Python, no Textual, spaCy only when analysis is asked for.

Public API:

- `compare(paths_or_texts) -> Comparison`: load, align every pair, extract actors and claims.
- `match_sentences(a, b) -> SentenceMatch`: the score, decision and class the aligner gives two sentences.
- `analyse_text(text) -> TextAnalysis`: the actors and claims of one text (needs the spaCy model).
- `load_inputs`, `align_articles`, `add_analysis`: the steps of `compare`, for callers that stage them.

Names are imported on first use (PEP 562 `__getattr__`): `import reader.core.records` from the app must not
pay for the aligner (rapidfuzz, the stemmer) before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.core.align import SentenceMatch, match_sentences
    from reader.core.analysis import TextAnalysis, analyse_text
    from reader.core.errors import InputError, ReaderError
    from reader.core.load.inputs import load_inputs
    from reader.core.pipeline import add_analysis, align_articles, compare
    from reader.core.records import Comparison

_WHERE = {
    "Comparison": "reader.core.records",
    "InputError": "reader.core.errors",
    "ReaderError": "reader.core.errors",
    "SentenceMatch": "reader.core.align",
    "match_sentences": "reader.core.align",
    "add_analysis": "reader.core.pipeline",
    "align_articles": "reader.core.pipeline",
    "compare": "reader.core.pipeline",
    "load_inputs": "reader.core.load.inputs",
    "analyse_text": "reader.core.analysis",
    "TextAnalysis": "reader.core.analysis",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())


__all__ = [
    "Comparison",
    "InputError",
    "ReaderError",
    "SentenceMatch",
    "TextAnalysis",
    "add_analysis",
    "align_articles",
    "analyse_text",
    "compare",
    "load_inputs",
    "match_sentences",
]

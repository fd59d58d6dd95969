"""Actors and claims: the step of the pipeline that needs spaCy.

Public API:

- `analyse_comparison(comparison) -> Comparison`: the same comparison with actors, claims, claim links and the
  who-is-quoted table filled in and `analysed=True`.
- `analyse_text(text) -> TextAnalysis`: actors and claims of one article text, by the same code.
- `counterparts`, `carried_by`, `single_source_claims`: how claims are shared across articles.

spaCy is imported on the first parse that misses the cache, never at import time; parses are cached by content
hash and pipeline version (see `cache`), so reopening a comparison needs no model.

The names are loaded on first use (PEP 562), not when the package is: every submodule import runs this file
first, and the analysis service, which needs only the parse, the actors and the claims, paid for the claim
linking and through it the whole alignment stage (~20-28 ms of CPU, measured by bench/service_phases.py's
components) before spaCy's import, on the cold path to the first actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.core.analysis.comparison import (
        TextAnalysis,
        analyse_article,
        analyse_comparison,
        analyse_text,
    )
    from reader.core.analysis.linking import carried_by, counterparts, single_source_claims

_HOMES = {
    "TextAnalysis": "reader.core.analysis.comparison",
    "analyse_article": "reader.core.analysis.comparison",
    "analyse_comparison": "reader.core.analysis.comparison",
    "analyse_text": "reader.core.analysis.comparison",
    "carried_by": "reader.core.analysis.linking",
    "counterparts": "reader.core.analysis.linking",
    "single_source_claims": "reader.core.analysis.linking",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())


__all__ = [
    "TextAnalysis",
    "analyse_article",
    "analyse_comparison",
    "analyse_text",
    "carried_by",
    "counterparts",
    "single_source_claims",
]

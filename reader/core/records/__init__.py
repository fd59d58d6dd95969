"""The plain records that flow out of the core: articles, sentences, alignments, actors, claims.

Every record is a frozen dataclass holding only str/int/float/bool, enums, tuples and other records, so that
the view, the store and every exporter can read them without spaCy, and so that `reader.core.serialize` can
turn them into JSON and back without loss. Character offsets always index `Article.text` (the cleaned text);
`Article.line_of` maps an offset to the 1-based line of the file on disk.

One import for all of them, in four modules by stage: `kinds` (the enums), `article` (what loading makes),
`alignment`, `analysis` and `comparison`. The first two load with this package; the other three on the first
use of one of their names (PEP 562 `__getattr__`). Python 3.11 makes a frozen dataclass in ~0.7 ms (it compiles
each generated method on its own), and the app's first frame needs only the loading stage's records: making the
other twelve before it cost ~8 ms of the first paint, for records that arrive after it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reader.core.records.article import Article, ArticleMeta, Block, Sentence, TextSpan
from reader.core.records.kinds import (
    SCHEMA_VERSION,
    ActorKind,
    BlockKind,
    ClaimFlag,
    ClaimKind,
    DetailKind,
    DetailStatus,
    DriftKind,
    SentenceClass,
)

if TYPE_CHECKING:
    from reader.core.records.alignment import (
        AttributionDrift,
        Conflict,
        DetailDiff,
        Link,
        Match,
        PairAlignment,
        WordRun,
    )
    from reader.core.records.analysis import Actor, Claim, ClaimLink, FinishedAnalysis, Mention, QuotedRow
    from reader.core.records.comparison import Comparison

LATER = {
    "reader.core.records.alignment": (
        "AttributionDrift",
        "Conflict",
        "DetailDiff",
        "Link",
        "Match",
        "PairAlignment",
        "WordRun",
    ),
    "reader.core.records.analysis": ("Actor", "Claim", "ClaimLink", "FinishedAnalysis", "Mention", "QuotedRow"),
    "reader.core.records.comparison": ("Comparison",),
}
"""The records made on first use, by the module that defines them."""

_HOME = {name: module for module, names in LATER.items() for name in names}

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Article",
    "ArticleMeta",
    "AttributionDrift",
    "Block",
    "BlockKind",
    "Claim",
    "ClaimFlag",
    "ClaimKind",
    "ClaimLink",
    "Comparison",
    "Conflict",
    "DetailDiff",
    "DetailKind",
    "DetailStatus",
    "DriftKind",
    "FinishedAnalysis",
    "Link",
    "Match",
    "Mention",
    "PairAlignment",
    "QuotedRow",
    "Sentence",
    "SentenceClass",
    "TextSpan",
    "WordRun",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain one
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

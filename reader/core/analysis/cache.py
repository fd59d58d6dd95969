"""The parse cache: one JSON file per parsed article, keyed by content hash and pipeline version.

Reopening a comparison then needs neither spaCy nor the model. The keys, the directory and the atomic write are
shared with the cache of finished analyses (`reader.core.warm_cache`, re-exported here). The cache is disposable:
an entry that cannot be read or does not fit the records (truncated write, older format, hand edits) is ignored
and rebuilt, and a cache directory that cannot be written only costs speed, never the analysis.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.analysis.parsed import ParsedArticle
from reader.core.serialize import SchemaError, dumps, loads
from reader.core.warm_cache import (
    FinishedAnalysis,
    analysed_sentences,
    analysis_key,
    article_key,
    cache_root,
    engine_version,
    entry_path,
    load_analysis,
    store_analysis,
    write_entry,
)


def load(key: str) -> ParsedArticle | None:
    """The cached parse for `key`, or None when absent, unreadable or not what the key promises."""
    path = entry_path(key)
    try:
        text = path.read_text(encoding="utf-8")
        parsed = loads(ParsedArticle, text)
    except (OSError, UnicodeDecodeError, SchemaError, TypeError, ValueError):
        return None
    return parsed if parsed.key == key else None


def store(parsed: ParsedArticle) -> bool:
    """Write one entry atomically (temp file in the same dir, fsync, replace); False when it could not."""
    return write_entry(parsed.key, dumps(parsed))


def load_many(keys: Sequence[str]) -> dict[str, ParsedArticle]:
    """Every key that has a valid entry, mapped to it."""
    found: dict[str, ParsedArticle] = {}
    for key in keys:
        if key not in found:
            parsed = load(key)
            if parsed is not None:
                found[key] = parsed
    return found


__all__ = [
    "FinishedAnalysis",
    "analysed_sentences",
    "analysis_key",
    "article_key",
    "cache_root",
    "engine_version",
    "entry_path",
    "load",
    "load_analysis",
    "load_many",
    "store",
    "store_analysis",
]

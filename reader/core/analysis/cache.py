"""The parse cache: one JSON file per parsed article, keyed by content hash and pipeline version.

Reopening a comparison then needs neither spaCy nor the model. The keys, the directory and the atomic write are
shared with the cache of finished analyses (`reader.core.warm_cache`, re-exported here). The cache is disposable:
an entry that cannot be read or does not fit the records (truncated write, older format, hand edits) is ignored
and rebuilt, and a cache directory that cannot be written only costs speed, never the analysis.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from reader.core.analysis.parsed import ParsedArticle
from reader.core.records import FinishedAnalysis
from reader.core.serialize import SchemaError, loads
from reader.core.warm_cache import (
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
    return write_entry(parsed.key, entry_text(parsed))


def entry_text(parsed: ParsedArticle) -> str:
    """The entry's JSON, the very text `serialize.dumps(parsed)` gives (a test holds them equal), built without
    the generic converter's per-value dispatch: every token and entity field is a plain int or str, so each
    record is written as one dict literal. The seeds' parse (1,546 tokens, inside every cold `compare`): 4.9 ms
    to encode with the generic converter, 2.9 ms so (2.4 of them the JSON encoder itself). A field added to these
    records must be added here too: tests/core/test_analysis_cache.py fails until it is."""
    return json.dumps(
        {
            "key": parsed.key,
            "sentences": [
                {
                    "index": sentence.index,
                    "tokens": [
                        {
                            "start": t.start,
                            "end": t.end,
                            "text": t.text,
                            "lemma": t.lemma,
                            "pos": t.pos,
                            "tag": t.tag,
                            "dep": t.dep,
                            "head": t.head,
                        }
                        for t in sentence.tokens
                    ],
                    "entities": [{"first": e.first, "stop": e.stop, "label": e.label} for e in sentence.entities],
                }
                for sentence in parsed.sentences
            ],
        },
        ensure_ascii=False,
    )


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
    "entry_text",
    "load",
    "load_analysis",
    "load_many",
    "store",
    "store_analysis",
]

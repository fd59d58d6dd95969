"""The analysis cache: one JSON file per parsed article, keyed by content hash and pipeline version.

Reopening a comparison then needs neither spaCy nor the model. The cache is disposable: an entry that cannot be
read or does not fit the records (truncated write, older format, hand edits) is ignored and rebuilt, and a cache
directory that cannot be written only costs speed, never the analysis.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reader.core import paths
from reader.core.analysis.nlp import pipeline_version
from reader.core.analysis.parsed import ParsedArticle
from reader.core.records import Article, BlockKind, Sentence
from reader.core.serialize import SchemaError, dumps, loads


def analysed_sentences(article: Article) -> tuple[Sentence, ...]:
    """The sentences the analysis reads: every one except boilerplate."""
    return tuple(s for s in article.sentences if s.kind is not BlockKind.BOILERPLATE and s.text.strip())


def article_key(article: Article) -> str:
    """Hash of what the parse depends on: the pipeline version, the text and the sentence spans parsed."""
    digest = hashlib.sha256()
    digest.update(pipeline_version().encode())
    digest.update(b"\0")
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    for sentence in analysed_sentences(article):
        digest.update(f"\0{sentence.index}:{sentence.start}:{sentence.end}".encode())
    return digest.hexdigest()


def cache_root() -> Path:
    """Where parsed articles are kept, inside the platform cache dir."""
    return paths.cache_dir() / "analysis"


def entry_path(key: str) -> Path:
    return cache_root() / f"{key}.json"


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
    root = cache_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=root, prefix=".tmp-", suffix=".json")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(dumps(parsed))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, entry_path(parsed.key))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        return False
    return True


def load_many(keys: Sequence[str]) -> dict[str, ParsedArticle]:
    """Every key that has a valid entry, mapped to it."""
    found: dict[str, ParsedArticle] = {}
    for key in keys:
        if key not in found:
            parsed = load(key)
            if parsed is not None:
                found[key] = parsed
    return found

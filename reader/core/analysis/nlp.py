"""The one spaCy pipeline of the process: loaded lazily, once, behind a lock.

Importing spaCy takes about a second and the model half a second more, so nothing here runs at import time:
`reader.core` stays importable (and the app paints) without spaCy. The pipeline version string, which keys the
analysis cache, comes from package metadata and so needs no spaCy import either (`reader.core.warm_cache`).
"""

from __future__ import annotations

import threading
from typing import Any

from reader.core.warm_cache import ANALYSIS_FORMAT, MODEL_NAME, MODEL_PACKAGE, pipeline_version

_load_lock = threading.Lock()
_run_lock = threading.Lock()
_nlp: Any = None


def get_nlp() -> Any:
    """The loaded pipeline; the first call imports spaCy and loads the model (about 1.5 s)."""
    global _nlp
    if _nlp is None:
        with _load_lock:
            if _nlp is None:
                try:
                    import spacy
                except Exception as error:  # missing, or broken (a bad install raises anything at import)
                    from reader.core.errors import ReaderError

                    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                    raise ReaderError(
                        f"spaCy cannot be imported ({detail}): actors and claims need it (pip install spacy)"
                    ) from error
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


__all__ = ["ANALYSIS_FORMAT", "MODEL_NAME", "MODEL_PACKAGE", "get_nlp", "is_loaded", "pipeline_version", "run_lock"]

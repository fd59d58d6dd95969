"""Where reader keeps its files: one function per location, platformdirs underneath.

Tests (and users who want a portable setup) point everything elsewhere with environment variables:
READER_DATA_DIR for saved comparisons, READER_CACHE_DIR for the analysis cache.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"


def data_dir() -> Path:
    """Directory of saved comparisons (created on first use by the store, not here)."""
    override = os.environ.get("READER_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Directory of the analysis cache; safe to delete at any time."""
    override = os.environ.get("READER_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def comparisons_dir() -> Path:
    """Where each saved comparison is one JSON file."""
    return data_dir() / "comparisons"

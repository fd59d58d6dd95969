"""Comparison names → file names: readable, always inside the comparisons directory, never shared.

A name becomes a slug ("Iran talks" → `iran-talks.json`). Slugs lose case, punctuation and length, so distinct
names can share one ("Iran talks", "iran-talks", "IRAN TALKS!", two headlines that agree on their first 80
characters). The first name to claim a slug gets the plain file; any other name with that slug gets a file
whose stem adds a hash of the exact name (`iran-talks-3f9c0a1b.json`). The file records the exact name, so the
store tells the two apart by reading it: a name's file is the plain one when that holds this name (or is
free), else the hashed one. Both stems are their own slugs, so the stem `reader list` shows always reopens
the file it names.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.paths import comparisons_dir
from reader.shown import shown

SUFFIX = ".json"

MAX_SLUG_CHARS = 80
"""Longest plain stem (file systems allow 255 bytes; 80 characters keeps `reader list` readable)."""

HASHED_PREFIX_CHARS = 64
"""Readable part kept in a hashed stem, so prefix + "-" + 8 hex digits stays under MAX_SLUG_CHARS."""


class InvalidNameError(ReaderError):
    """A name that cannot become a file name inside the comparisons directory."""


def slugify(name: str) -> str:
    """The file-name form of a comparison name: lower case letters, digits, '-', '_' and '.'.

    Unicode letters are kept (NFKC-normalised), everything else becomes '-'. Raises InvalidNameError for an
    empty name, one containing a path separator, or one with no letter or digit.
    """
    stripped = name.strip()
    if not stripped:
        raise InvalidNameError("a saved comparison needs a name")
    if any(sep in stripped for sep in ("/", "\\", "\x00")) or set(stripped) <= {"."}:
        raise InvalidNameError(f"invalid name '{shown(stripped)}': a name cannot contain '/' or '\\' or be only dots")
    normal = unicodedata.normalize("NFKC", stripped).lower()
    chars = [c if c.isalnum() or c in "-_." else "-" for c in normal]
    slug = "-".join(part for part in "".join(chars).split("-") if part)
    slug = slug[:MAX_SLUG_CHARS].strip("-_.")
    if not any(c.isalnum() for c in slug):
        raise InvalidNameError(f"invalid name '{shown(stripped)}': use at least one letter or digit")
    return slug


def name_hash(name: str) -> str:
    """Eight hex digits of the sha256 of the exact name (surrogates escaped, so any str hashes)."""
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _inside(directory: Path, stem: str, name: str) -> Path:
    path = directory / f"{stem}{SUFFIX}"
    if path.parent != directory or path.name.startswith("."):
        raise InvalidNameError(f"invalid name '{shown(name)}'")
    return path


def plain_path(name: str) -> Path:
    """The readable file of `name` (shared by every name with the same slug)."""
    return _inside(comparisons_dir(), slugify(name), name)


def hashed_path(name: str) -> Path:
    """The file of `name` when another name already holds its plain file."""
    prefix = slugify(name)[:HASHED_PREFIX_CHARS].rstrip("-_.")
    return _inside(comparisons_dir(), f"{prefix}-{name_hash(name)}", name)


def auto_name(title: str) -> str:
    """The automatic name of an unnamed comparison: "notes " and the first headline's first eight words."""
    words = " ".join(shown(title).split()[:8])
    try:
        slugify(words)
    except ReaderError:
        words = "comparison"
    return f"notes {words}"


def replace_unsavable(text: str) -> tuple[str, int]:
    """`text` with lone surrogates (which UTF-8 cannot encode) replaced by U+FFFD, and how many there were.

    They come from pasting broken UTF-16 (half of an emoji) or from undecodable bytes; anything else a user
    can type or paste is kept exactly.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        cleaned = "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)
        return cleaned, sum(1 for char in text if 0xD800 <= ord(char) <= 0xDFFF)
    return text, 0


def candidate_paths(name: str) -> tuple[Path, Path]:
    """Where the comparison called `name` can be, in the order the store looks: plain, then hashed."""
    return plain_path(name), hashed_path(name)

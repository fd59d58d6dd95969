"""Saved comparisons on disk: safe names, atomic writes, conflict detection, clear errors for bad files.

Rules this module enforces so no caller can get them wrong:
- a name becomes a slug that is always a plain file name inside `comparisons_dir()`; names with path
  separators or only dots are refused outright rather than silently rewritten;
- every write goes to a temporary file in the same directory, is flushed and fsynced, then `os.replace`d over
  the target, so a crash at any moment leaves either the old file or the new one, never a mix;
- a file is only overwritten when it still is what we loaded (size, mtime, else sha256), so a second instance's
  save is never silently clobbered, and a file that does not parse is never overwritten at all;
- a file that is truncated, corrupt, of another schema version or with unknown fields raises `CorruptFileError`
  with a one-line message naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.paths import comparisons_dir
from reader.core.serialize import SchemaError, from_data, to_data
from reader.store.annotations import Annotation
from reader.store.saved import FILE_KIND, SAVED_SCHEMA_VERSION, SavedComparison

SUFFIX = ".json"
MAX_SLUG_CHARS = 80


class StoreError(ReaderError):
    """Base of the store's errors; each message is one line meant for the user."""


class InvalidNameError(StoreError):
    """A name that cannot become a file name inside the comparisons directory."""


class NotFoundError(StoreError):
    """No saved comparison under that name."""


class NameTakenError(StoreError):
    """Saving under a new name that another saved comparison already uses."""


class ConflictError(StoreError):
    """The file changed on disk since it was loaded (another reader instance saved it)."""


class CorruptFileError(StoreError):
    """The file is not a readable saved comparison (truncated, damaged, another version, unknown fields)."""


class SaveFailedError(StoreError):
    """The operating system refused the write (disk full, read-only directory, permissions)."""


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str


@dataclass(frozen=True)
class SavedEntry:
    """One line of `reader list`; `error` is set (and the rest best-effort) for an unreadable file."""

    slug: str
    path: Path
    name: str
    articles: tuple[str, ...]
    notes: int
    modified: str
    error: str | None = None


def slugify(name: str) -> str:
    """The file-name form of a comparison name: lower case letters, digits, '-', '_' and '.'.

    Unicode letters are kept (NFKC-normalised), everything else becomes '-'. Raises InvalidNameError for an
    empty name, one containing a path separator, or one with no letter or digit.
    """
    stripped = name.strip()
    if not stripped:
        raise InvalidNameError("a saved comparison needs a name")
    if any(sep in stripped for sep in ("/", "\\", "\x00")) or set(stripped) <= {"."}:
        raise InvalidNameError(f"invalid name {stripped!r}: a name cannot contain '/' or '\\' or be only dots")
    normal = unicodedata.normalize("NFKC", stripped).lower()
    chars = [c if c.isalnum() or c in "-_." else "-" for c in normal]
    slug = "-".join(part for part in "".join(chars).split("-") if part)
    slug = slug[:MAX_SLUG_CHARS].strip("-_.")
    if not any(c.isalnum() for c in slug):
        raise InvalidNameError(f"invalid name {stripped!r}: use at least one letter or digit")
    return slug


def path_for(name: str) -> Path:
    """The file of the comparison called `name`; guaranteed to sit directly inside `comparisons_dir()`."""
    directory = comparisons_dir()
    path = directory / f"{slugify(name)}{SUFFIX}"
    if path.parent != directory or path.name.startswith("."):
        raise InvalidNameError(f"invalid name {name!r}")
    return path


def fingerprint_of(path: Path, data: bytes | None = None) -> Fingerprint | None:
    """The fingerprint of `path` now (None when it does not exist); `data` spares re-reading what we wrote."""
    try:
        stat = path.stat()
        content = path.read_bytes() if data is None else data
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    return Fingerprint(stat.st_mtime_ns, stat.st_size, hashlib.sha256(content).hexdigest())


def unchanged_since(path: Path, expected: Fingerprint) -> bool:
    """True when `path` still holds what `expected` describes (cheap stat first, hash only when it differs)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return False
    if (stat.st_mtime_ns, stat.st_size) == (expected.mtime_ns, expected.size):
        return True
    current = fingerprint_of(path)
    return current is not None and current.sha256 == expected.sha256


def parse_saved(text: str, source: str) -> SavedComparison:
    """A SavedComparison from file content; CorruptFileError with a one-line reason otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorruptFileError(
            f"{source} is damaged or truncated (not valid JSON: {error.msg} at line {error.lineno}); "
            "it was left untouched"
        ) from error
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        raise CorruptFileError(f"{source} is not a saved reader comparison; it was left untouched")
    version = data.get("schema_version")
    if version != SAVED_SCHEMA_VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > SAVED_SCHEMA_VERSION
        reason = "a newer version of reader" if newer else "an unknown format"
        raise CorruptFileError(
            f"{source} was written by {reason} (schema version {version!r}; this reader reads "
            f"{SAVED_SCHEMA_VERSION}); it was left untouched"
        )
    try:
        saved: SavedComparison = from_data(SavedComparison, data)
    except (SchemaError, ValueError, TypeError) as error:
        raise CorruptFileError(
            f"{source} does not fit the saved-comparison format ({error}); left untouched"
        ) from error
    _check_consistency(saved, source)
    return saved


def _check_consistency(saved: SavedComparison, source: str) -> None:
    ids = [annotation.id for annotation in saved.annotations]
    if len(ids) != len(set(ids)):
        raise CorruptFileError(f"{source} holds two annotations with the same id; it was left untouched")
    count = len(saved.articles)
    for annotation in saved.annotations:
        target = annotation.passage or annotation.claim
        article = target.article if target is not None else 0
        if not 0 <= article < max(count, 1):
            raise CorruptFileError(
                f"{source}: annotation {annotation.id} points at article {article} of {count}; left untouched"
            )


def read_saved(name: str) -> tuple[SavedComparison, Fingerprint]:
    """Load the comparison called `name` and the fingerprint to pass back to `write_saved`."""
    path = path_for(name)
    return read_saved_path(path)


def read_saved_path(path: Path) -> tuple[SavedComparison, Fingerprint]:
    """Load a saved comparison from an explicit path (used by `list` and by tests)."""
    try:
        data = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError as error:
        raise NotFoundError(f"no saved comparison named {path.stem!r} (see `reader list`)") from error
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptFileError(f"{path} is damaged (not UTF-8 text); it was left untouched") from error
    saved = parse_saved(text, str(path))
    return saved, Fingerprint(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


def write_saved(
    saved: SavedComparison, *, expected: Fingerprint | None, overwrite: bool = False
) -> tuple[Path, Fingerprint]:
    """Write `saved` under its name, atomically; returns the path and the new fingerprint.

    `expected` is the fingerprint from when this comparison was loaded or last written (None for a first
    save). Raises ConflictError when the file changed since then, NameTakenError when a first save would
    replace another comparison (unless `overwrite`), CorruptFileError rather than replace a file that does not
    parse, SaveFailedError when the system refuses the write. On any error the file on disk is unchanged.
    """
    path = path_for(saved.name)
    if expected is not None:
        if path.exists() and not unchanged_since(path, expected):
            raise ConflictError(
                f"{saved.name!r} was changed on disk by another reader since it was opened; "
                "save under another name, or reopen it"
            )
    elif path.exists():
        if not overwrite:
            raise NameTakenError(f"a saved comparison named {path.stem!r} already exists; choose another name")
        read_saved_path(path)  # raises CorruptFileError: a damaged file is never replaced
    data = encode_saved(saved).encode("utf-8")
    atomic_write_bytes(path, data)
    stat = path.stat()
    return path, Fingerprint(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


_encoded: dict[int, tuple[Annotation, str]] = {}
"""Annotation → its JSON line, from the last encode: an autosave re-encodes only what changed."""


def encode_saved(saved: SavedComparison) -> str:
    """The file content: valid JSON with one article and one annotation per line (diffable, fast to write).

    `json.dumps` with `indent` falls back to the pure-Python encoder; encoding each item compactly with the C
    encoder and caching the lines of unchanged (immutable) annotations keeps an autosave of 1,000 notes cheap.
    """
    global _encoded
    previous, current = _encoded, {}
    lines: list[str] = []
    for annotation in saved.annotations:
        cached = previous.get(id(annotation))
        line = cached[1] if cached is not None and cached[0] is annotation else _compact(to_data(annotation))
        current[id(annotation)] = (annotation, line)
        lines.append(line)
    _encoded = current
    head = {f.name: getattr(saved, f.name) for f in fields(saved) if f.name not in ("articles", "annotations")}
    parts = [f" {_compact(key)}: {_compact(to_data(value))}" for key, value in head.items()]
    articles = ",\n  ".join(_compact(to_data(article)) for article in saved.articles)
    parts.append(f' "articles": [\n  {articles}\n ]' if articles else ' "articles": []')
    notes = ",\n  ".join(lines)
    parts.append(f' "annotations": [\n  {notes}\n ]' if notes else ' "annotations": []')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` so that readers and crashes only ever see the old or the new content.

    Temporary file in the same directory (so `os.replace` is a rename on one file system), flush, fsync, then
    replace, then fsync the directory so the rename itself survives a power cut. Raises SaveFailedError.
    """
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise SaveFailedError(f"cannot write in {directory}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise SaveFailedError(f"cannot write {path}: {error.strerror or error}") from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(directory)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a user-facing file (an export) atomically, readable like any file the user creates."""
    mode = 0o644
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def list_saved() -> list[SavedEntry]:
    """Every saved comparison, most recently changed first; unreadable files are listed with their error."""
    directory = comparisons_dir()
    if not directory.is_dir():
        return []
    entries: list[SavedEntry] = []
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        if path.name.startswith("."):
            continue
        try:
            saved, _ = read_saved_path(path)
        except StoreError as error:
            entries.append(SavedEntry(path.stem, path, path.stem, (), 0, "", error=str(error)))
            continue
        articles = tuple(f"{a.label}: {Path(a.path).name}" if a.path else f"{a.label}: (text)" for a in saved.articles)
        entries.append(SavedEntry(path.stem, path, saved.name, articles, len(saved.annotations), saved.modified))
    entries.sort(key=lambda entry: (entry.modified, entry.slug), reverse=True)
    return entries


def delete_saved(name: str) -> Path:
    """Delete the comparison called `name` (readable or not); returns the path removed."""
    path = path_for(name)
    try:
        path.unlink()
    except FileNotFoundError as error:
        raise NotFoundError(f"no saved comparison named {path.stem!r} (see `reader list`)") from error
    except OSError as error:
        raise StoreError(f"cannot delete {path}: {error.strerror or error}") from error
    return path

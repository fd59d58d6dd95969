"""Saved comparisons on disk: safe names, atomic writes, conflict detection, clear errors for bad files.

Rules this module enforces so no caller can get them wrong:
- a name becomes a file inside `comparisons_dir()` that no other name shares (`reader.store.names`); names
  with path separators or only dots are refused outright rather than silently rewritten;
- every write is atomic (`reader.store.atomic`) and runs under the directory's save lock, so two processes
  take turns: the check "is the file still what we loaded?" and the write cannot interleave;
- a file is only overwritten when it still is what we loaded (size, mtime, else sha256); when it is not, the
  caller's `merge` folds the other writer's version in, or `ConflictError` says so: a second instance's save is
  never silently clobbered. A file that does not parse, or that is read-only, is never overwritten at all;
- any damage (not JSON, nested too deep, a number too long, wrong types or values, another schema version,
  unknown fields) raises `CorruptFileError` with a one-line message naming the file, for that file alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import stat as stat_module
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from reader.core.paths import comparisons_dir
from reader.core.serialize import to_data
from reader.shown import shown
from reader.store.annotations import Annotation
from reader.store.atomic import (
    SaveFailedError,
    atomic_write_bytes,
    atomic_write_text,
    clean_stale_temporaries,
    store_lock,
)
from reader.store.errors import (
    ConflictError,
    CorruptFileError,
    NameTakenError,
    NotFoundError,
    StoreError,
)
from reader.store.names import (
    MAX_SLUG_CHARS,
    SUFFIX,
    InvalidNameError,
    candidate_paths,
    plain_path,
    slugify,
)
from reader.store.parsing import parse_saved
from reader.store.saved import SavedComparison

MAX_SAVED_BYTES = 512 * 1024 * 1024
"""A saved file larger than this is not one reader wrote (articles are at most 32 MB each): reported, not read."""

Merge = Callable[[SavedComparison], SavedComparison]
"""Given the version another process saved, the comparison to write instead of ours (see `write_saved`)."""


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


def path_for(name: str) -> Path:
    """The file of the comparison called `name`: where it is saved, or would be by a first save.

    The plain file when it is free or holds this very name, else the hashed one (`reader.store.names`).
    Raises InvalidNameError for a name that cannot be a file name, and NameTakenError for a name that is
    another comparison's file stem ("iran-talks" while "Iran talks" holds iran-talks.json): a stem always
    names one comparison, so `reader open STEM` is never ambiguous.
    """
    plain, hashed = candidate_paths(name)
    stored = _stored_name(plain)
    if stored is None or stored == name or stored == "":
        return plain  # free, this name's, or damaged (a save then refuses to replace it)
    if plain.stem == name:
        raise NameTakenError(
            f"'{shown(name)}' is the file name of the saved comparison '{shown(stored)}'; choose another name"
        )
    return hashed


_NAME_LINE = re.compile(r'\{\n "name": ("(?:[^"\\\n]|\\.)*"),\n')
"""The second line of every file `encode_saved` writes: reading it spares parsing the whole file."""


def _stored_name(path: Path) -> str | None:
    """The name a saved file records; None when there is no file; "" when it cannot be read.

    Peeks at the head of the file first (a save or the save dialog's hint must not parse 600 KB to learn a
    name); any file not laid out as reader writes it is parsed in full, so damage is still noticed.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(4096).decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        return ""
    match = _NAME_LINE.match(head)
    if match is not None:
        with contextlib.suppress(ValueError):
            name = json.loads(match.group(1))
            if isinstance(name, str):
                return name
    try:
        saved, _ = read_saved_path(path)
    except NotFoundError:
        return None
    except StoreError:
        return ""
    return saved.name


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


def read_saved(name: str) -> tuple[SavedComparison, Fingerprint]:
    """Load the comparison called `name` and the fingerprint to pass back to `write_saved`."""
    saved, fingerprint, _ = locate_saved(name)
    return saved, fingerprint


def locate_saved(name: str) -> tuple[SavedComparison, Fingerprint, Path]:
    """The comparison called `name` (its exact name, else the file stem `reader list` shows), and its file.

    NotFoundError when neither candidate file holds it; CorruptFileError when the only candidate is damaged.
    """
    _clean_once()
    by_stem: tuple[SavedComparison, Fingerprint, Path] | None = None
    damage: CorruptFileError | None = None
    for path in candidate_paths(name):
        try:
            saved, fingerprint = read_saved_path(path)
        except NotFoundError:
            continue
        except CorruptFileError as error:
            damage = damage or error
            continue
        if saved.name == name:
            return saved, fingerprint, path
        if path.stem == name and by_stem is None:
            by_stem = saved, fingerprint, path
    if by_stem is not None:
        return by_stem
    if damage is not None:
        raise damage
    raise NotFoundError(f"no saved comparison named '{shown(name)}' (see `reader list`)")


def read_saved_path(path: Path) -> tuple[SavedComparison, Fingerprint]:
    """Load a saved comparison from an explicit path (used by `list` and by tests)."""
    try:
        size = path.stat().st_size
        if size > MAX_SAVED_BYTES:
            raise CorruptFileError(f"{shown(path)} is damaged (too large: {size // 2**20} MB); it was left untouched")
        data = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError as error:
        raise NotFoundError(f"no saved comparison named '{shown(path.stem)}' (see `reader list`)") from error
    except OSError as error:
        raise StoreError(f"cannot read {shown(path)}: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorruptFileError(f"{shown(path)} is damaged (not UTF-8 text); it was left untouched") from error
    saved = parse_saved(text, shown(path))
    return saved, Fingerprint(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


def write_saved(
    saved: SavedComparison,
    *,
    expected: Fingerprint | None,
    overwrite: bool = False,
    path: Path | None = None,
    merge: Merge | None = None,
) -> tuple[Path, Fingerprint]:
    """Write `saved` under its name, atomically and under the store lock; returns the path and new fingerprint.

    `expected` is the fingerprint from when this comparison was loaded or last written (None for a first
    save); `path` is where it was loaded from (default: `path_for(saved.name)`). When the file changed since
    `expected`, `merge` gets the other writer's version and returns what to write; without `merge` that is a
    ConflictError. NameTakenError when a first save would replace the same name's file (unless `overwrite`);
    CorruptFileError rather than replace a file that does not parse; SaveFailedError for a read-only file or a
    write the system refuses. On any error the file on disk is unchanged.
    """
    _clean_once()
    with store_lock(comparisons_dir()):
        target = path or path_for(saved.name)
        if expected is not None:
            if target.exists() and not unchanged_since(target, expected):
                if merge is None:
                    raise ConflictError(
                        f"'{shown(saved.name)}' was changed on disk by another reader since it was opened; "
                        "save under another name, or reopen it"
                    )
                theirs, _ = read_saved_path(target)  # CorruptFileError: a damaged file is never replaced
                saved = merge(theirs)
        elif target.exists():
            read_saved_path(target)  # raises CorruptFileError: a damaged file is never replaced
            if not overwrite:
                raise NameTakenError(
                    f"a saved comparison named '{shown(target.stem)}' already exists; choose another name"
                )
        _refuse_read_only(target)
        data = encode_saved(saved).encode("utf-8", errors="replace")
        atomic_write_bytes(target, data)
        stat = target.stat()
    return target, Fingerprint(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


def _refuse_read_only(path: Path) -> None:
    """A file the user made read-only (chmod 0444) is not replaced, even though the directory would allow it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise SaveFailedError(f"cannot write {shown(path)}: {error.strerror or error}") from error
    if not mode & (stat_module.S_IWUSR | stat_module.S_IWGRP | stat_module.S_IWOTH):
        raise SaveFailedError(
            f"{shown(path)} is read-only, so it was left untouched; save under another name or make it writable"
        )


_cleaned: set[Path] = set()
"""Directories already cleaned of stale temporary files by this process."""


def _clean_once() -> None:
    """At the store's first use in a process, remove what killed saves left behind (`clean_stale_temporaries`)."""
    directory = comparisons_dir()
    if directory not in _cleaned:
        _cleaned.add(directory)
        clean_stale_temporaries(directory)


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


def list_saved() -> list[SavedEntry]:
    """Every saved comparison, most recently changed first; a damaged file is listed with its error, alone."""
    _clean_once()
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
    """Delete the comparison called `name` (by its name, or by the file stem of a damaged one); returns its path."""
    try:
        _, _, path = locate_saved(name)
    except CorruptFileError:
        path = plain_path(name)
        if path.stem != name:
            path = next((p for p in candidate_paths(name) if p.exists() and p.stem == name), path)
    try:
        path.unlink()
    except FileNotFoundError as error:
        raise NotFoundError(f"no saved comparison named '{shown(name)}' (see `reader list`)") from error
    except OSError as error:
        raise StoreError(f"cannot delete {shown(path)}: {error.strerror or error}") from error
    return path


__all__ = [
    "MAX_SLUG_CHARS",
    "SUFFIX",
    "ConflictError",
    "CorruptFileError",
    "InvalidNameError",
    "NameTakenError",
    "NotFoundError",
    "SaveFailedError",
    "StoreError",
    "atomic_write_bytes",
    "atomic_write_text",
    "slugify",
]

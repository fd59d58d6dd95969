"""Writing user data safely: atomic replace, one writer at a time, and no temporary file left for ever.

- `atomic_write_bytes`: temporary file in the same directory, flush, fsync, `os.replace`, fsync the directory;
  a crash at any moment leaves the old content or the new, never a mix.
- `store_lock`: an advisory lock (`flock`) on one lock file per directory (beside it), held while a save reads
  what is on disk, decides (conflict, merge, free name) and writes. Two reader processes saving at the same moment take
  turns, so the second one sees the first one's file and merges it instead of replacing it. The lock file is
  never deleted (deleting a lock file lets two processes hold "the" lock at once). The lock dies with its
  process, so a kill -9 never leaves the directory locked.
- `clean_stale_temporaries`: a killed save leaves `.NAME.json.<random>.tmp` behind. A temporary file is removed
  only when it is older than STALE_AFTER_SECONDS and the lock is free (no save running in any process).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from reader.core.errors import ReaderError
from reader.shown import shown

fcntl: ModuleType | None
try:
    import fcntl as _fcntl

    fcntl = _fcntl
except ImportError:  # pragma: no cover - Windows: no flock; saves still compare fingerprints
    fcntl = None


def lock_path(directory: Path) -> Path:
    """The lock file of `directory`, beside it (`.comparisons.lock`), so listing the directory never shows it."""
    return directory.parent / f".{directory.name}.lock"


LOCK_TIMEOUT_SECONDS = 10.0
"""How long a save waits for another process's save (which takes milliseconds) before giving up with a message."""

STALE_AFTER_SECONDS = 120.0
"""A temporary file older than this, with no save running, belongs to a save that was killed. A real save
writes its temporary file in well under a second (tens of MB included), so two minutes leaves a wide margin."""

TEMPORARY_PATTERN = re.compile(r"^\..+\.json\.[^.]+\.tmp$")
"""Names `atomic_write_bytes` gives its temporary files in the comparisons directory."""


class SaveFailedError(ReaderError):
    """The operating system refused the write (disk full, read-only directory, permissions)."""


class LockTimeoutError(SaveFailedError):
    """Another reader process held the store's lock for longer than LOCK_TIMEOUT_SECONDS."""


@contextlib.contextmanager
def store_lock(directory: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the directory's save lock for the duration of the block (blocking, with a timeout)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(lock_path(directory), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise SaveFailedError(f"cannot write in {shown(directory)}: {error.strerror or error}") from error
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeoutError(
                        f"another reader has been saving in {shown(directory)} for {timeout:.0f} s; try again"
                    ) from None
                time.sleep(0.005)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)


def lock_is_free(directory: Path) -> bool:
    """True when no process holds the directory's save lock right now (checked without waiting)."""
    if fcntl is None:  # pragma: no cover
        return False
    try:
        descriptor = os.open(lock_path(directory), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    else:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return True
    finally:
        os.close(descriptor)


def clean_stale_temporaries(directory: Path, older_than: float = STALE_AFTER_SECONDS) -> list[Path]:
    """Remove the temporary files killed saves left in `directory`; returns what was removed.

    Holds the save lock while it looks (without waiting for it: when a save is running it simply skips this
    time), so a temporary file that a live save is writing is never touched, whatever its age.
    """
    if fcntl is None or not directory.is_dir():  # pragma: no cover - without a lock, never delete
        return []
    removed: list[Path] = []
    try:
        with store_lock(directory, timeout=0.0):
            now = time.time()
            for entry in directory.iterdir():
                if not TEMPORARY_PATTERN.match(entry.name):
                    continue
                with contextlib.suppress(OSError):
                    if now - entry.lstat().st_mtime > older_than and entry.is_file():
                        entry.unlink()
                        removed.append(entry)
    except (SaveFailedError, OSError):
        return removed
    return removed


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` so that readers and crashes only ever see the old or the new content.

    Temporary file in the same directory (so `os.replace` is a rename on one file system), flush, fsync, then
    replace, then fsync the directory so the rename itself survives a power cut. Raises SaveFailedError.

    A symbolic link is written through (its target is replaced, the link stays); a path that is not a regular
    file (a device such as /dev/full, a FIFO, a directory) is refused: a rename would replace the node itself.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # not there yet (the usual case), or not reachable: the write below says which
        regular = True
    if not regular:
        raise SaveFailedError(f"cannot write {shown(path)}: not a regular file")
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise SaveFailedError(f"cannot write in {shown(directory)}: {error.strerror or error}") from error
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
        raise SaveFailedError(f"cannot write {shown(path)}: {error.strerror or error}") from error
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
    atomic_write_bytes(path, text.encode("utf-8", errors="replace"), mode=mode)


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

"""Work done in a forked copy of this process while this one goes on, its result read back as a pickle.

The copy shares everything already loaded (a spaCy model, the imported stages) without a second import or load,
and starts in milliseconds. It is for CPU work the parent would otherwise do itself, on a core the parent does
not use: the caller decides when that core is free. Any trouble (no fork on this platform, the copy failing or
dying, a truncated reply) gives None, and the caller does the work itself: a fork costs speed, never a result.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ForkedWork(Generic[T]):
    """A running copy's handle: `result()` waits for its value (once), None when it has none to give."""

    def __init__(self, pid: int, reading: int) -> None:
        self._pid = pid
        self._reading = reading
        self._done = False

    def result(self) -> T | None:
        if self._done:
            return None
        self._done = True
        value: T | None = None
        try:
            with os.fdopen(self._reading, "rb") as stream:
                value = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            value = None
        finally:
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(self._pid, 0)
        return value

    def cancel(self) -> None:
        """Kill the copy and reap it, its value unread (once; after `result` it does nothing)."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.close(self._reading)
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(self._pid, 0)


def run_forked(work: Callable[[], T]) -> ForkedWork[T] | None:
    """`work()` in a forked copy of this process; None when the platform cannot fork (or the fork fails).

    The copy dies with this process (Linux), sends its value and leaves without running any of the parent's
    cleanup (`os._exit`). Fork only while this process runs a single thread: a copy of a thread that held a
    lock would wait on it forever (callers check).
    """
    if not hasattr(os, "fork"):
        return None
    parent = os.getpid()
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the copy
        code = 0
        try:
            from reader.core.service_loop import die_with_parent

            die_with_parent(parent)
            os.close(reading)
            with os.fdopen(writing, "wb") as stream:
                pickle.dump(work(), stream, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(writing)
    return ForkedWork(pid, reading)

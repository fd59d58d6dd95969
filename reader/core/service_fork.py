"""The launch service as a fork of the command line's process, not a new interpreter (Linux, one thread only).

`python -m reader.cli.service` spends 60-90 ms before its first line runs (the interpreter's start, the venv's
site, the imports the command line has already made), all of it on the path to the first actor: the service
then loads the articles, imports spaCy, loads the model and parses, one after the other. A fork of the command
line, made before it imports Textual, starts in about a millisecond with those imports already done
(bench/startup.py's service phases: "service started" moved from ~75 ms after the spawn to ~2 ms).

A fork copies every thread's locks but only the forking thread, so it is safe only while the process runs one
thread: `fork_service` refuses otherwise (and off Linux, where a fork without exec is not the platform's
way), and the caller starts a new interpreter instead. The copy's stdin and stdout become the channel's
pipes, its stderr /dev/null, as with the interpreter started by `subprocess`; it leaves with `os._exit`, so
none of the parent's cleanup runs twice.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from typing import IO


class ForkedService:
    """A handle on the forked service with the part of `subprocess.Popen`'s interface the app uses."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self.pid = pid
        self.stdin: IO[bytes] | None = stdin
        self.stdout: IO[bytes] | None = stdout
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """The exit code once the copy has ended (it is reaped then), else None."""
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # already reaped elsewhere
                self.returncode = -1
                return self.returncode
            if pid != 0:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the copy to end; `subprocess.TimeoutExpired` after `timeout` seconds, as Popen raises."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(f"reader service {self.pid}", timeout or 0.0)
            time.sleep(0.005)
        return code

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)


def can_fork() -> bool:
    """Linux, and this process runs a single thread (a fork keeps only the calling one)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def fork_service(module: str, environment: dict[str, str]) -> ForkedService | None:
    """A forked copy of this process running `module.main()` on two fresh pipes; None when it cannot fork.

    `environment`: variables the copy sets before it starts (the service's PARENT_ENV)."""
    if not can_fork():
        return None
    for stream in (sys.stdout, sys.stderr):  # nothing buffered here may be written twice, once by the copy
        with contextlib.suppress(Exception):
            stream.flush()
    try:
        requests_read, requests_write = os.pipe()
        replies_read, replies_write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        for descriptor in (requests_read, requests_write, replies_read, replies_write):
            os.close(descriptor)
        return None
    if pid == 0:  # the copy: it never returns from here
        _serve_in_copy(module, environment, (requests_read, replies_write), (requests_write, replies_read))
    os.close(requests_read)
    os.close(replies_write)
    return ForkedService(pid, os.fdopen(requests_write, "wb"), os.fdopen(replies_read, "rb"))


def _serve_in_copy(module: str, environment: dict[str, str], mine: tuple[int, int], parents: tuple[int, int]) -> None:
    code = 1
    try:
        for descriptor in parents:
            os.close(descriptor)
        requests, replies = mine
        discarded = os.open(os.devnull, os.O_WRONLY)
        os.dup2(requests, 0)
        os.dup2(replies, 1)
        os.dup2(discarded, 2)
        for descriptor in (requests, replies, discarded):
            if descriptor > 2:
                os.close(descriptor)
        # sys.stdin and sys.stdout now read and write the pipes: the command line has read nothing from its
        # stdin yet, and what it had buffered for its stdout was flushed before the fork
        os.environ.update(environment)
        from reader.core.collector import end_startup_pause

        end_startup_pause()  # the command line paused the collector for its own first paint, not for this copy
        import importlib

        importlib.import_module(module).main()
        code = 0
    except BaseException:  # the copy must leave here, never unwind into the parent's code
        code = 1
    finally:
        os._exit(code)

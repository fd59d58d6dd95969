"""spaCy in a process of its own, started after the first paint: the model never runs in the app's interpreter.

Importing spaCy and loading the model take about 1.5 s of CPU, and the parse holds the interpreter's lock for
as long as it runs: in the app's process that time is taken from the alignment and the UI, and the interpreter
cannot quit while a thread is inside spaCy. So the app starts this service right after its first frame (started
before it, the model's import took CPU from the first paint on a loaded machine): a spawned interpreter that
receives the articles and parses the ones the analysis cache does not hold yet (`reader.core.analysis.parse`,
which writes each parse to the cache). The app's analysis then finds every parse in the cache and builds
actors and claims from the plain records, without ever importing spaCy itself; when the cache holds them all
already (a warm start) the app does not wait for the service, which answers without importing spaCy either.

The parse records come back through the cache directory, as JSON written by `reader.core.serialize` (the same
file a later start reads): no second channel to keep in step. When the service fails or the cache cannot be
written, the in-process analysis parses what is missing itself, so a broken service costs speed, never the
analysis. `stop()` kills the process at once: nothing it computes is wanted once the user quits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from reader.core.records import Article

Reply = tuple[str, str]
"""("parsed", "") when every article's parse is in the cache, ("failed", one-line reason) otherwise."""


NICENESS = 5
"""How much lower the service's CPU priority is than the app's (a nice-5 process gets about a third of the CPU
a nice-0 one gets when both want it). On a quiet machine it runs on the free core anyway; on a loaded one
(startup measured under a load of 8-10 on two cores) the model's import would otherwise take its full share
from the first paint. Not more: under other programs' load a niceness of 10 starved the analysis ten times over."""


def _serve(connection: Connection) -> None:
    """The service's main loop (in the child): each request is a tuple of articles; None ends it."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice (Windows)
        os.nice(NICENESS)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):  # the app is gone
            return
        if request is None:
            return
        try:
            from reader.core.analysis import cache
            from reader.core.analysis.parse import parse_articles

            missing = [article for article in request if not cache.entry_path(cache.article_key(article)).is_file()]
            if missing:  # a warm cache: nothing to read here, the app reads the entries itself
                parse_articles(missing)
            reply: Reply = ("parsed", "")
        except Exception as error:  # reported to the app, which then parses in its own process
            reply = ("failed", str(error).splitlines()[0] if str(error) else type(error).__name__)
        try:
            connection.send(reply)
        except (BrokenPipeError, OSError):
            return


class ParseService:
    """One spaCy process: `start(articles)` at launch, `wait_parsed(articles)` before the analysis, `stop()`."""

    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self._process = process
        self._connection = connection
        self._lock = threading.Lock()
        self._pending: tuple[str, ...] | None = None
        """sha256 of the articles of the request sent and not answered yet."""
        self._parsed: set[tuple[str, ...]] = set()
        self._failure = ""
        self.launch_articles: tuple[str, ...] = ()
        """sha256 of the articles it was started for."""

    @classmethod
    def start(cls, articles: Sequence[Article]) -> ParseService:
        """Spawn the process and send it the launch articles at once, so parsing starts before the first paint."""
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(child_end,), name="reader-spacy", daemon=True)
        # Textual replaces sys.stderr with a capture whose fileno() is -1, which spawn would pass to the child
        real_stderr = sys.__stderr__
        with contextlib.redirect_stderr(real_stderr) if real_stderr is not None else contextlib.nullcontext():
            process.start()
        child_end.close()
        service = cls(process, parent_end)
        service._send(tuple(articles))
        service.launch_articles = service._pending or ()
        return service

    @property
    def failure(self) -> str:
        """Why the last request failed ("" when none did)."""
        return self._failure

    def is_alive(self) -> bool:
        return self._process.is_alive()

    def _send(self, articles: tuple[Article, ...]) -> None:
        self._connection.send(articles)
        self._pending = tuple(article.sha256 for article in articles)

    def wait_parsed(self, articles: Sequence[Article], timeout: float | None = None) -> bool:
        """Block until the service has parsed `articles` into the cache; False when it failed or was stopped.

        Articles other than the launch ones are sent as a new request. Safe to call from worker threads.
        """
        wanted = tuple(article.sha256 for article in articles)
        with self._lock:
            if wanted in self._parsed:
                return True
            try:
                if self._pending != wanted:
                    if self._pending is not None:
                        self._receive(timeout)  # answer to an older request: read it, then ask for these
                    self._send(tuple(articles))
                return self._receive(timeout)
            except (EOFError, OSError, TimeoutError) as error:
                self._failure = self._failure or f"the spaCy process ended ({type(error).__name__})"
                return False

    def _receive(self, timeout: float | None) -> bool:
        if not self._connection.poll(timeout):
            raise TimeoutError
        status, detail = self._connection.recv()
        answered, self._pending = self._pending, None
        if status == "parsed" and answered is not None:
            self._parsed.add(answered)
            return True
        self._failure = detail
        return False

    def stop(self) -> None:
        """Kill the process now (no goodbye: it may be in the middle of a parse that nobody wants)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=1.0)

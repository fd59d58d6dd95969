"""spaCy in a process of its own, started at launch: the model's import never shares a core with the first paint.

Importing spaCy and loading the model take about 1.5 s of CPU. Run in the app's process, that time is taken
from the first paint and the alignment on a two-core machine, and the interpreter cannot quit while a thread is
inside spaCy. So the app starts this service before its first frame: a spawned interpreter that receives the
articles and parses the ones the analysis cache does not hold yet (`reader.core.analysis.parse`, which writes
each parse to the cache). The app's analysis then finds every parse in the cache and builds actors and claims
from the plain records, without ever importing spaCy itself; when the cache holds them all already (a warm
start) the service answers without importing spaCy either.

The parse records come back through the cache directory, as JSON written by `reader.core.serialize` (the same
file a later start reads): no second channel to keep in step. When the service fails or the cache cannot be
written, the in-process analysis parses what is missing itself, so a broken service costs speed, never the
analysis. `stop()` kills the process at once: nothing it computes is wanted once the user quits.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from reader.core.records import Article

Reply = tuple[str, str]
"""("parsed", "") when every article's parse is in the cache, ("failed", one-line reason) otherwise."""


def _serve(connection: Connection) -> None:
    """The service's main loop (in the child): each request is a tuple of articles; None ends it."""
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):  # the app is gone
            return
        if request is None:
            return
        try:
            from reader.core.analysis.parse import parse_articles

            parse_articles(request)
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

    @classmethod
    def start(cls, articles: Sequence[Article]) -> ParseService:
        """Spawn the process and send it the launch articles at once, so parsing starts before the first paint."""
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_serve, args=(child_end,), name="reader-spacy", daemon=True)
        process.start()
        child_end.close()
        service = cls(process, parent_end)
        service._send(tuple(articles))
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

"""spaCy in a process of its own, started at launch: the model never runs in the app's interpreter.

Importing spaCy and loading the model take about 1.3 s of CPU and the parse another half second, all of it
holding an interpreter's lock. So the command line starts this service before it imports Textual
(`reader.cli.service`): a child process (a fork of the command line, `reader.core.service_fork`, else a new
interpreter) that loads and segments the articles (handed back to the app, which imports Textual meanwhile),
then, on the second core, imports spaCy, parses them and builds the actors and claims, which come back as the
plain records (`FinishedAnalysis`). The app only links the claims across
articles once its alignment is in. A warm start finds the finished analysis in the cache
(`reader.core.analysis.cache`): the service then answers without importing spaCy.

The channel is the child's stdin/stdout, carrying length-prefixed pickles of records (a finished analysis goes
as a pickle inside its reply, unpickled when the app asks for it, after its first paint; the two ends are the same
program; nothing else writes there: the child's own stdout is pointed at its stderr, which is discarded so the
terminal the app draws on is never touched). When the service cannot start, fails or dies, the app analyses in
its own process: a broken service costs speed, never the analysis. `stop()` kills and reaps the process at once.

This module is the app's end and the channel, light on purpose (pickle, subprocess and threading are imported
by Textual anyway): the parent imports it before anything else. The service's end is `reader.core.service_loop`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from reader.core.service_fork import ForkedService, fork_service

if TYPE_CHECKING:
    from reader.core.records import Article, Comparison, FinishedAnalysis

HEADER_BYTES = 8
"""Each frame is its length (8 bytes, big-endian) and then a pickle."""

PARENT_ENV = "READER_SERVICE_PARENT"
"""The app's pid, passed to the service so that it can tell when the app is already gone."""

SERVICE_ENV = "READER_ANALYSIS_SERVICE"
"""Set to "0" to analyse in the app's own process (a debugging aid; the service is the default)."""

Shas = tuple[str, ...]
"""Which articles a request is about (their sha256, in order)."""


class Launched(NamedTuple):
    """What the launch service loaded: the articles, and one line per file it skipped (like `Loaded`, which is
    not sent itself: unpickling it would import the loading stage into the app's process).

    A NamedTuple: the app's process imports this module before its first frame (see `reader.core.records`).
    """

    articles: tuple[Article, ...]
    warnings: tuple[str, ...]


def write_frame(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(HEADER_BYTES, "big"))
    stream.write(data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """The next message; EOFError when the other end is gone (or sent a truncated frame)."""
    header = stream.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES:
        raise EOFError
    size = int.from_bytes(header, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def shas_of(articles: Sequence[Article]) -> Shas:
    return tuple(article.sha256 for article in articles)


def service_enabled() -> bool:
    return os.environ.get(SERVICE_ENV, "1") != "0"


# -- the app's end --------------------------------------------------------------------------------------------


class AnalysisService:
    """The app's handle on the service: what it loaded, the finished analyses it sent, and `stop()`."""

    def __init__(self, process: subprocess.Popen[bytes] | ForkedService) -> None:
        self._process = process
        self._changed = threading.Condition()
        self._loaded: Launched | None = None
        self._load_error: str | None = None
        self._analyses: dict[Shas, FinishedAnalysis | bytes] = {}
        """Each finished analysis as it came (pickled: the reply thread does not unpickle it), or unpickled."""
        self._failures: dict[Shas, str] = {}
        self._asked: set[Shas] = set()
        self._alignments: dict[Shas, Comparison | None] = {}
        """Alignments the service was asked for: the comparison, or None when it failed there."""
        self._ended = False
        self.failure = ""
        """Why the last analysis asked for did not come ("" when none failed)."""
        self._reader = threading.Thread(target=self._read_replies, name="reader-service-replies", daemon=True)
        self._reader.start()

    @classmethod
    def spawn(cls, module: str, request: object, *, fork: bool = False) -> AnalysisService | None:
        """Start `python -m module` with the first request already sent; None when no process can be started.

        `fork`: run `module.main()` in a fork of this process instead, where that is safe (`service_fork`: the
        command line's launch, before Textual starts any thread), else the new interpreter as without it."""
        process: subprocess.Popen[bytes] | ForkedService | None = None
        if fork:
            process = fork_service(module, {PARENT_ENV: str(os.getpid())})
        if process is None:
            package_root = str(Path(__file__).resolve().parents[2])
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH")))),
                PARENT_ENV: str(os.getpid()),
            }
            try:
                process = subprocess.Popen(
                    [sys.executable, "-m", module],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=env,
                    close_fds=True,
                )
            except OSError:
                return None
        service = cls(process)
        if isinstance(request, tuple) and request and request[0] == "analyse":
            service._asked.add(shas_of(request[1]))
        if not service._send(request):
            return None
        return service

    @classmethod
    def start(cls, articles: Sequence[Article]) -> AnalysisService | None:
        """A service for already loaded articles (a reopened comparison): it starts on their analysis at once."""
        return cls.spawn("reader.core.service_loop", ("analyse", tuple(articles)))

    @property
    def pid(self) -> int:
        return self._process.pid

    def is_alive(self) -> bool:
        return self._process.poll() is None

    def _send(self, message: object) -> bool:
        stdin = self._process.stdin
        try:
            assert stdin is not None
            write_frame(stdin, message)
        except (OSError, ValueError, pickle.PicklingError):
            return False
        return True

    def _read_replies(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        while True:
            try:
                reply = read_frame(stdout)
            except Exception:  # EOF, a broken pipe, a damaged frame: the service is over
                reply = None
            with self._changed:
                if not self._record(reply):
                    self._ended = True
                    self._changed.notify_all()
                    return
                self._changed.notify_all()

    def _record(self, reply: Any) -> bool:
        """Keep one reply; False when there is none (the service ended)."""
        if not isinstance(reply, tuple) or not reply:
            return False
        kind = reply[0]
        if kind == "loaded":  # the service goes on to analyse these articles without being asked
            self._loaded = Launched(articles=reply[1], warnings=reply[2])
            self._asked.add(shas_of(reply[1]))
        elif kind == "load-failed":
            self._load_error = reply[1]
        elif kind == "analysis":
            self._analyses[reply[1]] = reply[2]
        elif kind == "failed":
            self._failures[reply[1]] = reply[2]
        elif kind == "aligned":
            self._alignments[reply[1]] = reply[2]
        return True

    def loaded(self, timeout: float | None = None) -> Launched | None:
        """The articles the service loaded; None when it ended first. Raises InputError for a load error."""
        with self._changed:
            self._changed.wait_for(lambda: self._loaded or self._load_error is not None or self._ended, timeout)
            if self._load_error is not None:
                from reader.core.errors import InputError

                raise InputError(self._load_error)
            return self._loaded

    def analysis(self, articles: Sequence[Article], timeout: float | None = None) -> FinishedAnalysis | None:
        """The finished analysis of `articles` (asked for now unless it was already); None when it failed.

        Blocks, so call it from a worker thread. After a None, `failure` says why ("" when it timed out).
        """
        wanted = shas_of(articles)
        with self._changed:
            if wanted not in self._asked and not self._ended:
                self._asked.add(wanted)
                if not self._send(("analyse", tuple(articles))):
                    self._ended = True
            self._changed.wait_for(lambda: wanted in self._analyses or wanted in self._failures or self._ended, timeout)
            found = self._analyses.get(wanted)
            if isinstance(found, bytes):
                found = self._unpickled(wanted, found)
            if found is None:
                self.failure = self._failures.get(wanted) or ("the analysis process ended" if self._ended else "")
            return found

    def _unpickled(self, wanted: Shas, data: bytes) -> FinishedAnalysis | None:
        """The analysis sent pickled for `wanted`, made once, by the first caller; None (and a failure) when the
        pickle is damaged or is not an analysis."""
        from reader.core.records import FinishedAnalysis

        try:
            found = pickle.loads(data)
        except Exception:  # a damaged frame: as if the service had failed there
            found = None
        if not isinstance(found, FinishedAnalysis):
            del self._analyses[wanted]
            self._failures[wanted] = "the analysis process sent a damaged reply"
            return None
        self._analyses[wanted] = found
        return found

    def alignment(self, articles: Sequence[Article], timeout: float | None = None) -> Comparison | None:
        """The alignment of `articles`, done in the service (when it is idle: a warm start); None when it failed
        or the service ended, and the caller aligns them itself. Blocks: call it from a worker thread."""
        wanted = shas_of(articles)
        with self._changed:
            if not self._ended and not self._send(("align", tuple(articles))):
                self._ended = True
            self._changed.wait_for(lambda: wanted in self._alignments or self._ended, timeout)
            return self._alignments.pop(wanted, None)

    @property
    def ended(self) -> bool:
        """The service is gone (died, killed, or its channel broke): nothing more will come from it."""
        return self._ended

    def launched_for(self, articles: Sequence[Article]) -> bool:
        """Whether these articles are the ones the service loaded or was asked about."""
        wanted = shas_of(articles)
        loaded = self._loaded
        return wanted in self._asked or (loaded is not None and shas_of(loaded.articles) == wanted)

    def stop(self) -> None:
        """Kill the process now (it may be inside a parse nobody wants any more) and reap it: no zombie."""
        with contextlib.suppress(OSError):
            self._process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=2.0)
        for stream in (self._process.stdin, self._process.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()


def provisional_comparison(articles: Sequence[Article], analysis: FinishedAnalysis) -> Comparison:
    """The actors and claims as a comparison without alignment, for the sidebar until the alignment is in."""
    from reader.core.records import Comparison

    return Comparison(
        articles=tuple(articles),
        alignments=(),
        coverage=tuple((0,) * len(article.sentences) for article in articles),
        actors=analysis.actors,
        claims=analysis.claims,
        quoted=analysis.quoted,
        analysed=True,
    )


def complete_analysis(comparison: Comparison, finished: FinishedAnalysis) -> Comparison:
    """The aligned comparison with the finished analysis in and its claims linked across articles: what
    `reader.core.analysis.analyse_comparison` returns (a test holds the two equal)."""
    import dataclasses

    from reader.core.analysis.linking import link_claims

    with_claims = dataclasses.replace(comparison, actors=finished.actors, claims=finished.claims)
    return dataclasses.replace(
        with_claims,
        claim_links=link_claims(with_claims, finished.claims),
        quoted=finished.quoted,
        analysed=True,
    )

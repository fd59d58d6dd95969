"""spaCy in a process of its own, started at launch: the model never runs in the app's interpreter.

Importing spaCy and loading the model take about 1.3 s of CPU and the parse another half second, all of it
holding an interpreter's lock. So the command line starts this service before it imports Textual
(`reader.cli.service`): a child interpreter that loads and segments the articles (handed back to the app,
which imports Textual meanwhile), then, on the second core, imports spaCy, parses them and builds the actors
and claims, which come back as the plain records (`FinishedAnalysis`). The app only links the claims across
articles once its alignment is in. A warm start finds the finished analysis in the cache
(`reader.core.analysis.cache`): the service then answers without importing spaCy.

The channel is the child's stdin/stdout, carrying length-prefixed pickles of records (the two ends are the same
program; nothing else writes there: the child's own stdout is pointed at its stderr, which is discarded so the
terminal the app draws on is never touched). When the service cannot start, fails or dies, the app analyses in
its own process: a broken service costs speed, never the analysis. `stop()` kills and reaps the process at once.

This module is light on purpose (pickle, subprocess and threading are imported by Textual anyway): the parent
imports it before anything else.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.records import Article, Comparison
    from reader.core.warm_cache import FinishedAnalysis

NICENESS = 5
"""How much lower the service's CPU priority is than the app's once it turns to spaCy (a nice-5 process gets
about a third of the CPU a nice-0 one gets when both want one core). On a quiet machine it runs on the free
core anyway; on a loaded one the model's import would otherwise take its full share from the first paint and
the alignment. Not more: under other programs' load a niceness of 10 starved the analysis ten times over. The
loading step before it runs at the app's priority: the first paint waits for it."""

HEADER_BYTES = 8
"""Each frame is its length (8 bytes, big-endian) and then a pickle."""

TIMINGS_ENV = "READER_SERVICE_TIMINGS"
"""A file the service appends its phases to (one JSON line each: phase and `time.monotonic()`), for
bench/startup.py's breakdown; unset, nothing is written."""

SERVICE_ENV = "READER_ANALYSIS_SERVICE"
"""Set to "0" to analyse in the app's own process (a debugging aid; the service is the default)."""

Shas = tuple[str, ...]
"""Which articles a request is about (their sha256, in order)."""


@dataclass(frozen=True)
class Launched:
    """What the launch service loaded: the articles, and one line per file it skipped (like `Loaded`, which is
    not sent itself: unpickling it would import the loading stage into the app's process)."""

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

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._changed = threading.Condition()
        self._loaded: Launched | None = None
        self._load_error: str | None = None
        self._analyses: dict[Shas, FinishedAnalysis] = {}
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
    def spawn(cls, module: str, request: object) -> AnalysisService | None:
        """Start `python -m module` with the first request already sent; None when no process can be started."""
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
        return cls.spawn(__name__, ("analyse", tuple(articles)))

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
            if found is None:
                self.failure = self._failures.get(wanted) or ("the analysis process ended" if self._ended else "")
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


# -- the service's end ----------------------------------------------------------------------------------------


def finished_analysis(articles: Sequence[Article]) -> FinishedAnalysis:
    """The actors, claims and who-is-quoted table of `articles`: from the cache, else parsed and built here.

    The same steps as `reader.core.analysis.analyse_comparison` before its claim linking (a test holds the two
    equal), so the service and the in-process analysis give the same records.
    """
    from reader.core import warm_cache

    key = warm_cache.analysis_key(articles)
    found = warm_cache.load_analysis(key)
    if found is not None:
        return found
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice (Windows)
        os.nice(NICENESS)
    from reader.core.analysis.actors import build_actors
    from reader.core.analysis.claims import extract_claims
    from reader.core.analysis.parse import allow_split_parse, parse_articles
    from reader.core.analysis.quoted import who_is_quoted

    allow_split_parse()  # this process exists to parse: the app waits for it, the second core is its own
    if not all(warm_cache.entry_path(warm_cache.article_key(article)).is_file() for article in articles):
        with contextlib.suppress(Exception):  # a failure is get_nlp's to report, in one line
            import spacy  # noqa: F401  (imported here only to time it apart from the model)
        phase("spaCy imported")
        from reader.core.analysis.nlp import get_nlp

        get_nlp()
        phase("model loaded")
    parsed = parse_articles(articles)
    phase("parsed")
    actors = build_actors(articles, parsed)
    claims = extract_claims(articles, parsed, actors)
    finished = warm_cache.FinishedAnalysis(
        key=key, actors=actors, claims=claims, quoted=who_is_quoted(claims, len(articles))
    )
    warm_cache.store_analysis(finished)
    return finished


def phase(name: str) -> None:
    """Note that the service reached `name` now (only when TIMINGS_ENV names a file; never fails)."""
    where = os.environ.get(TIMINGS_ENV)
    if not where:
        return
    import json
    import time

    with contextlib.suppress(OSError), open(where, "a", encoding="utf-8") as stream:
        stream.write(json.dumps({"phase": name, "at": time.monotonic()}) + "\n")


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def serve(stdin: IO[bytes], stdout: IO[bytes], first: Sequence[Article] | None = None) -> None:
    """The service's loop: analyse `first`, then each ("analyse", articles) request, until the app is gone."""
    pending: tuple[str, tuple[Article, ...]] | None = ("analyse", tuple(first)) if first is not None else None
    while True:
        if pending is None:
            try:
                request = read_frame(stdin)
            except (EOFError, OSError, pickle.UnpicklingError):
                return
            if not (isinstance(request, tuple) and len(request) == 2 and request[0] in ("analyse", "align")):
                continue
            pending = (request[0], tuple(request[1]))
        (kind, articles), pending = pending, None
        reply = _aligned(articles) if kind == "align" else _analysed(articles)
        try:
            write_frame(stdout, reply)
        except OSError:
            return
        phase(f"{kind} sent")


def _analysed(articles: tuple[Article, ...]) -> tuple[str, Shas, object]:
    try:
        return ("analysis", shas_of(articles), finished_analysis(articles))
    except Exception as error:  # reported to the app as one line; it shows it in the sidebar
        return ("failed", shas_of(articles), _one_line(error))


def _aligned(articles: tuple[Article, ...]) -> tuple[str, Shas, object]:
    """The alignment, by the app's own pipeline; None on any failure (the app then aligns, and reports)."""
    try:
        from reader.core.pipeline import align_articles

        return ("aligned", shas_of(articles), align_articles(articles))
    except Exception:
        return ("aligned", shas_of(articles), None)


PARENT_ENV = "READER_SERVICE_PARENT"
"""The app's pid, passed to the service so that it can tell when the app is already gone."""


def die_with_parent(expected_parent: int | None = None) -> None:
    """Linux: the kernel kills this process when its parent dies, even by kill -9 (elsewhere, the closed pipe
    ends it at its next read or write). `expected_parent`: the pid the parent had; if it is already gone (the
    process was re-parented before this call), leave now."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        set_parent_death_signal = 1  # PR_SET_PDEATHSIG
        ctypes.CDLL(None, use_errno=True).prctl(set_parent_death_signal, signal.SIGKILL)
        if expected_parent is not None and os.getppid() != expected_parent:
            os._exit(0)


def channel() -> tuple[IO[bytes], IO[bytes]]:
    """The child's ends of the channel; from here on, a stray print goes to stderr (discarded), never the pipe."""
    parent = os.environ.get(PARENT_ENV, "")
    die_with_parent(int(parent) if parent.isdigit() else None)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    return stdin, stdout


def main() -> None:
    """`python -m reader.core.parse_service`: a service for articles the app sends."""
    stdin, stdout = channel()
    serve(stdin, stdout)


if __name__ == "__main__":
    main()

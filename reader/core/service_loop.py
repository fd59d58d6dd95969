"""The analysis service's end (`reader.core.parse_service` is the app's): the loop that answers the app's requests.

It answers ("analyse", articles) with their finished analysis (the warm cache, else spaCy and the actors and
claims, at a lower CPU priority) and ("align", articles) with their alignment (asked only when it is idle), each
as plain records over the pickle channel. `python -m reader.core.service_loop` runs it for articles the app
sends; `reader.cli.service` runs it after loading the command line's articles itself.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import IO, TYPE_CHECKING

from reader.core.blas import one_blas_thread
from reader.core.parse_service import PARENT_ENV, Shas, read_frame, shas_of, write_frame
from reader.core.records import Article, FinishedAnalysis

if TYPE_CHECKING:
    from reader.core.analysis.parsed import ParsedArticle

NICENESS = 5
"""How much lower the service's CPU priority is than the app's once it has handed the articles over (a nice-5
process gets about a third of the CPU a nice-0 one gets when both want one core). On a quiet machine it runs on
the free core anyway; on a loaded one its work would otherwise take its full share from the app's first paint
and from the terminal drawing it: spaCy's import on a cold start, and on a warm one the cache's answer and the
aligner's warm-up (~0.3 s of CPU, all of it while the app builds its first frame). Not more: under other
programs' load a niceness of 10 starved the analysis ten times over. The loading step before it runs at the
app's priority: the first paint waits for it."""

TIMINGS_ENV = "READER_SERVICE_TIMINGS"
"""A file the service appends its phases to (one JSON line each: phase, `time.monotonic()` and the process's CPU
time so far), for bench/startup.py's breakdown; unset, nothing is written."""


def finished_analysis(articles: Sequence[Article], later: list[Callable[[], object]] | None = None) -> FinishedAnalysis:
    """The actors, claims and who-is-quoted table of `articles`: from the cache, else parsed and built here.

    The same steps as `reader.core.analysis.analyse_comparison` before its claim linking (a test holds the two
    equal), so the service and the in-process analysis give the same records. `later`, when given, receives the
    work for after the reply, which the loop runs once the reply is sent: the cache writes (the parses and the
    finished analysis, each a file written and renamed), or, for an analysis served from the cache, the
    aligner's warm-up (`warm_the_aligner`). Without it the writes are made here.
    """
    from reader.core import warm_cache

    key = warm_cache.analysis_key(articles)
    found = warm_cache.load_analysis(key)
    if found is not None:
        if later is not None:
            later.append(warm_the_aligner)
        return found
    needs_spacy = not all(warm_cache.entry_path(warm_cache.article_key(article)).is_file() for article in articles)
    with imports_frozen():
        from reader.core.analysis.actors import build_actors
        from reader.core.analysis.cache import store as store_parse
        from reader.core.analysis.claims import extract_claims
        from reader.core.analysis.nlp import get_nlp, import_spacy
        from reader.core.analysis.parse import allow_split_parse, parse_articles
        from reader.core.analysis.quoted import who_is_quoted
        from reader.core.collector import collector_paused

        if needs_spacy:
            with contextlib.suppress(Exception):  # a failure is get_nlp's to report, in one line
                import_spacy()  # here only to time it apart from the model
    allow_split_parse()  # this process exists to parse: the app waits for it, the second core is its own
    if needs_spacy:
        phase("spaCy imported")
        get_nlp()
        gc.freeze()  # the model's objects too: they live as long as the process (see `imports_frozen`)
        phase("model loaded")
    unwritten: list[ParsedArticle] = []
    with collector_paused():  # as in reader.core.analysis.comparison._analyse
        parsed = parse_articles(articles, unwritten=unwritten)
        phase("parsed")
        actors = build_actors(articles, parsed)
        claims = extract_claims(articles, parsed, actors)
    finished = FinishedAnalysis(key=key, actors=actors, claims=claims, quoted=who_is_quoted(claims, len(articles)))
    writes: list[Callable[[], object]] = [partial(store_parse, entry) for entry in unwritten]
    writes.append(partial(warm_cache.store_analysis, finished))
    if later is None:
        for write in writes:
            write()
    else:
        later.extend(writes)
    return finished


def yield_to_the_app() -> None:
    """Lower this process's CPU priority by NICENESS (once: the niceness only ever goes up); never fails."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice (Windows)
        os.nice(NICENESS)


@contextmanager
def imports_frozen() -> Iterator[None]:
    """Python's cyclic collector off while the analysis stage and spaCy are imported, then everything imported
    moved to the collector's permanent generation (`gc.freeze`) before it is switched back on.

    The imports create ~200,000 objects that live as long as the process (modules, classes, pydantic's
    schemas), and the collector walked the young ones every 700 allocations and promoted them, only to walk
    them all again in the full collections the model's load then triggers (srsly switches the collector back
    on after each unpacked weight table, whatever it was before). Off during the import and frozen after it
    (and frozen again after the model's load, in `finished_analysis`): the import and the load took 515 ms of
    CPU instead of 559 (medians of eight fresh processes; off without the freeze only moved the walks into
    the load). Frozen objects are never collected, which is right for these: nothing in them is garbage
    later. A forked parse copy does not touch their pages for the collector either (no copy-on-write).
    Leaves the collector as it found it (off stays off).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def warm_the_aligner() -> None:
    """Import the alignment stage and load its word table, while the service has nothing to do.

    After a warm start's analysis (from the cache, ~60 ms in) the service is idle until the app, at its first
    paint, asks it for the alignment (`reader.lifetime.aligner_with_service`); the request then paid the
    stage's imports and the table's load (~0.2-0.3 s of CPU) before aligning. Done here, on the core the app
    does not use, the request costs the alignment alone. Never fails: the request reports its own trouble.
    """
    with contextlib.suppress(Exception):
        # the aligner by name: the package loads it only on first use (reader.core.align), which would leave
        # its import (rapidfuzz, the scoring) to the request
        from reader.core.align.aligner import align_pair  # noqa: F401  (imported for its modules)
        from reader.core.align.embedding import shipped
        from reader.core.pipeline import align_articles  # noqa: F401  (imported for its modules)

        shipped()
    phase("aligner warmed")


def phase(name: str) -> None:
    """Note that the service reached `name` now (only when TIMINGS_ENV names a file; never fails)."""
    where = os.environ.get(TIMINGS_ENV)
    if not where:
        return
    import json
    import time

    note = {"phase": name, "at": time.monotonic(), "cpu": time.process_time()}
    with contextlib.suppress(OSError), open(where, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(note) + "\n")


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def serve(stdin: IO[bytes], stdout: IO[bytes], first: Sequence[Article] | None = None) -> None:
    """The service's loop: analyse `first`, then each ("analyse", articles) request, until the app is gone.

    The service runs it at NICENESS below the app (`yield_to_the_app`, called by each entry point): nothing it
    answers is what the app's first paint waits for."""
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
        later: list[Callable[[], object]] = []
        reply = _aligned(articles) if kind == "align" else _analysed(articles, later)
        try:
            write_frame(stdout, reply)
        except OSError:
            return
        phase(f"{kind} sent")
        for write in later:  # the cache, for the next start: after the reply, which the app is waiting for
            with contextlib.suppress(Exception):
                write()


def _analysed(articles: tuple[Article, ...], later: list[Callable[[], object]]) -> tuple[str, Shas, object]:
    """The analysis goes as a pickle inside the reply (`AnalysisService.analysis` unpickles it when asked): the
    app's reply thread then takes the reply without making the analysis's records, which on a warm start it
    would do while the app draws its first frame."""
    try:
        finished = finished_analysis(articles, later)
        return ("analysis", shas_of(articles), pickle.dumps(finished, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as error:  # reported to the app as one line; it shows it in the sidebar
        return ("failed", shas_of(articles), _one_line(error))


def _aligned(articles: tuple[Article, ...]) -> tuple[str, Shas, object]:
    """The alignment, by the app's own pipeline; None on any failure (the app then aligns, and reports)."""
    try:
        from reader.core.pipeline import align_articles

        return ("aligned", shas_of(articles), align_articles(articles))
    except Exception:
        return ("aligned", shas_of(articles), None)


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
    """The child's ends of the channel; from here on, a stray print goes to stderr (discarded), never the pipe.
    Also sets the process up as a service (`one_blas_thread`)."""
    one_blas_thread()
    parent = os.environ.get(PARENT_ENV, "")
    die_with_parent(int(parent) if parent.isdigit() else None)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    return stdin, stdout


def main() -> None:
    """`python -m reader.core.service_loop`: a service for articles the app sends."""
    stdin, stdout = channel()
    yield_to_the_app()
    serve(stdin, stdout)


if __name__ == "__main__":
    main()

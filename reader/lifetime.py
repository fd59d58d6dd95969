"""What runs beside the app (the analysis service, alignment workers) and how the process ends: at once, on `q`.

The parse and the actors and claims run in a process of their own (`reader.core.parse_service`), started by the
command line before Textual; this process only links the claims once the alignment is in. Python waits at exit
for every non-daemon thread, and Textual's thread workers are such threads: a quit in the middle of a long
analysis used to leave a blank screen and a process that went on for minutes. So once the app has ended (its
notes saved by the quit action, the terminal restored), `end_process` kills and reaps the helpers this process
started and leaves with `os._exit`, which does not wait for threads whose result nobody will read.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from reader.core.errors import ReaderError
from reader.core.parse_service import AnalysisService, provisional_comparison
from reader.core.records import Article

if TYPE_CHECKING:
    from reader.core.records import Comparison

_services: list[AnalysisService] = []


def adopt(service: AnalysisService) -> AnalysisService:
    """Take charge of a service started elsewhere (the command line's, started before Textual)."""
    if service not in _services:
        _services.append(service)
    return service


def start_analysis_service(articles: Sequence[Article]) -> AnalysisService | None:
    """The service for these articles: the one already running for them, else a new one (None if none starts).

    Used for a reopened comparison that was saved before its analysis: the command line's service only exists
    for `reader PATH...`.
    """
    for service in _services:
        if service.launched_for(articles) and service.is_alive():
            return service
    started = AnalysisService.start(articles)
    return adopt(started) if started is not None else None


def analyser_with_service(service: AnalysisService | None = None) -> Callable[[Comparison], Comparison]:
    """The app's analysis step: actors and claims from the service, claim links here (they need the alignment).

    A failure the service reports (spaCy missing or broken) is the analysis's error, shown in one line; a service
    that died or never started is replaced by the analysis in this process: slower, same result.
    """

    def analyse(comparison: Comparison) -> Comparison:
        chosen = service if service is not None else start_analysis_service(comparison.articles)
        finished = chosen.analysis(comparison.articles) if chosen is not None else None
        if finished is not None:
            from reader.core.parse_service import complete_analysis

            return complete_analysis(comparison, finished)
        if chosen is not None and not chosen.ended and chosen.failure:
            raise ReaderError(chosen.failure)
        from reader.core.pipeline import add_analysis

        return add_analysis(comparison)

    return analyse


def early_analyser(service: AnalysisService) -> Callable[[Sequence[Article], float | None], Comparison | None]:
    """Actors and claims before the alignment: the service's finished analysis as a comparison without links,
    waiting at most `timeout` seconds (None: as long as it takes); None when it failed or is not in yet."""

    def early(articles: Sequence[Article], timeout: float | None) -> Comparison | None:
        finished = service.analysis(articles, timeout)
        return provisional_comparison(articles, finished) if finished is not None else None

    return early


def aligner_with_service(
    service: AnalysisService, here: Callable[[Sequence[Article]], Comparison]
) -> Callable[[Sequence[Article]], Comparison]:
    """The alignment done by the (idle) service, so that this process's interpreter stays free for the sidebar;
    `here` when the service cannot."""

    def align(articles: Sequence[Article]) -> Comparison:
        aligned = service.alignment(articles)
        return aligned if aligned is not None else here(articles)

    return align


def stop_helpers() -> None:
    """Kill (and reap) the analysis service and any alignment workers this process started."""
    while _services:
        _services.pop().stop()
    if "reader.core.parallel" in sys.modules:  # never import the pool machinery just to find nothing running
        from reader.core.parallel import terminate_workers

        terminate_workers()


def end_process(code: int) -> NoReturn:
    """Stop the helpers, flush the standard streams and end the process now with `code`."""
    stop_helpers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)

"""What runs beside the app (spaCy's process, alignment workers) and how the process ends: at once, on `q`.

The analysis runs in a thread of the app's process (actors and claims from the parse records) and the parse in
a process of its own (`reader.core.parse_service`). Python waits at exit for every non-daemon thread, and
Textual's thread workers are such threads: a quit in the middle of a long analysis used to leave a blank
screen and a process that went on for minutes. So once the app has ended (its notes saved by the quit
action, the terminal restored), `end_process` kills the helpers this process started and leaves with
`os._exit`, which does not wait for threads whose result nobody will read.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from reader.core.parse_service import ParseService
from reader.core.records import Article, Comparison

_services: list[ParseService] = []


def start_parse_service(articles: Sequence[Article]) -> ParseService:
    """Start spaCy's process on the launch articles; `end_process` stops it."""
    service = ParseService.start(articles)
    _services.append(service)
    return service


def analyser_with(service: ParseService) -> Callable[[Comparison], Comparison]:
    """The app's analysis step when a service parses: wait for its parses (in the cache), then build the rest.

    When the service failed, `add_analysis` parses the missing articles in this process: slower, same result.
    """

    def analyse(comparison: Comparison) -> Comparison:
        from reader.core.pipeline import add_analysis

        service.wait_parsed(comparison.articles)
        return add_analysis(comparison)

    return analyse


def stop_helpers() -> None:
    """Kill spaCy's process and any alignment workers this process started."""
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

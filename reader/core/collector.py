"""The cyclic garbage collector paused around the engine's allocation-heavy stages (alignment, analysis).

A stage of its own (no imports from the pipeline) so that the align and analysis stages share one pause count.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pause_lock = threading.Lock()
_pause_depth = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while aligning or analysing, back to its former state afterwards.

    The aligner allocates millions of small acyclic objects (tokens, vectors, candidates) that plain reference
    counting frees; each time the allocations pass the collector's threshold it walks the young objects, and
    every so often all of them. bench/align.py: 25-30 % of the alignment's CPU time at 1,000 to 8,000 sentences
    a side went to those walks, which find nothing to free. The analysis turns every token spaCy gives into a
    record, with the model's own objects (~100,000) in the heap each full walk scans: paused, `compare` with
    analysis on the seeds took 372 ms instead of 399 (median of 9, interleaved). Nested and concurrent uses
    (threads) share one depth count, so the collector comes back on only when the last stage ends, and only if
    it was on.
    """
    global _pause_depth, _collector_was_enabled
    with _pause_lock:
        if _pause_depth == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0 and _collector_was_enabled:
                gc.enable()


_startup_pause_held = False
_started_as_the_app = False
"""Whether this process's start paused the collector (`pause_for_startup`): the command line's app process."""


def pause_for_startup() -> None:
    """Pause the collector from the command line's start until `end_startup_pause` (after the first paint).

    Importing Textual and the app allocates ~150,000 long-lived objects (classes, functions, CSS rules), and
    the collector walks the young ones every 700 allocations and all of them every so often, finding nothing to
    free: that walking was 40-100 ms of the ~500 ms import of `textual.app` and `reader.app` (five runs each
    way, measured by wall clock in one process). The pause holds one count of `collector_paused`'s depth, so
    a stage that runs meanwhile does not switch the collector back on early.
    """
    global _pause_depth, _collector_was_enabled, _startup_pause_held, _started_as_the_app
    with _pause_lock:
        _started_as_the_app = True
        if _startup_pause_held:
            return
        if _pause_depth == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pause_depth += 1
        _startup_pause_held = True


def end_startup_pause() -> None:
    """Release `pause_for_startup`'s count (once; a no-op when none is held).

    The objects alive at that point (modules, classes, the first screen) stay for the process's lifetime, so
    they are moved to the collector's permanent generation (`gc.freeze`) first: later full walks, during the
    alignment and the analysis, no longer scan them.
    """
    global _pause_depth, _startup_pause_held
    with _pause_lock:
        if not _startup_pause_held:
            return
        _startup_pause_held = False
        gc.freeze()
        _pause_depth -= 1
        if _pause_depth == 0 and _collector_was_enabled:
            gc.enable()


def keep_what_lives_now() -> None:
    """Move every object alive now to the collector's permanent generation (`gc.freeze`), so that later full
    walks skip them.

    For the moments the app's session records arrive (the first alignment, the first actors and claims): what
    is alive then (the records, the view built on them, the modules their stage imported) lives until the app
    ends. Left in the collector's generations, they were walked in a full collection that landed in the frame
    bringing the actors and claims: 33-44 ms of that frame on a cold start (in-process timeline in tmux, three
    runs), which reached the screen 132-161 ms after the analysis reply; frozen at the alignment's arrival, no
    full walk fell there and the frame landed 60-104 ms after it (four runs). Nothing is collected first: that
    walk took 13-30 ms of the main thread and found 0-227 unreachable objects (four runs), which stay in memory
    for the session instead.

    Only in the command line's app process (one whose start called `pause_for_startup`): a test or a harness
    that runs apps inside its own process would freeze every earlier app's leftovers with each new one.
    """
    if _started_as_the_app:
        gc.freeze()

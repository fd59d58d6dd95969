"""Pairs of a folder aligned in parallel, one worker process per available core, the result in pair order.

Alignment is pure Python and holds the GIL, so threads would not help; a pool of processes does. How workers
start decides whether the pool pays on a 2-core machine:

- "fork" (Linux, and only while this process runs a single thread: the CLI, scripts, benches): a worker is a
  copy of this process, so it starts in milliseconds with the aligner imported, its word caches warm and the
  articles already in memory; nothing is sent but the pair indices, and only the alignments come back.
- "forkserver" (Linux or macOS when other threads run, as in the app, where Textual's threads could hold a lock
  that a forked copy would never see released): workers are forked from a clean server process that has
  imported the aligner once; the articles go to each worker once (the pool's initializer).
- "spawn" elsewhere (Windows): a fresh interpreter per worker, the articles sent once per worker.

The pairs go out in chunks (a few per worker, so a slow pair does not leave a core idle at the end), and
`Pool.map` returns the alignments in the order of the pairs asked for, so the output is the same whatever the
scheduling, the start method and the number of cores (tests/core/test_parallel.py holds each method to it).

A small comparison (the usual two to five articles) is aligned in this process (`MIN_PARALLEL_WORK`); so is
any comparison when the machine has no idle core. Every pool this module starts is registered so that
`terminate_workers()` can kill it at once when the user quits mid-alignment.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from multiprocessing.pool import Pool

from reader.core.records import Article, PairAlignment

MIN_PARALLEL_WORK = 3_000
"""Sentences summed over the pairs (each pair counts both its articles) below which the pairs are aligned in
this process when workers must be spawned or served: a pair of two 300-sentence articles takes about 0.35 s,
starting such a worker 0.3-0.5 s (it imports the aligner), so that pool pays off from about five such pairs."""
MIN_FORKED_WORK = 1_200
"""The same threshold for forked workers, which start in a few milliseconds with everything imported: from
two pairs of 300-sentence articles (about 0.7 s of work) the second core saves more than the fork and the
transfer of the alignments back cost (bench/scale.py prints one process against the pool)."""
CHUNKS_PER_WORKER = 4
"""Pairs are handed out in about this many chunks per worker: fewer round trips than one pair at a time, and
still small enough that the workers finish close together."""

_articles: tuple[Article, ...] = ()
_live_pools: set[Pool] = set()
_pools_lock = threading.Lock()


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def pair_work(articles: Sequence[Article], pairs: Sequence[tuple[int, int]]) -> int:
    """The size of the job: sentences summed over the pairs."""
    return sum(len(articles[i].sentences) + len(articles[j].sentences) for i, j in pairs)


def idle_cores(cores: int, load: float | None = None) -> int:
    """Cores not already busy with other programs: the cores minus their load, at least 1.

    bench/scale.py on the shared 2-core machine under a load of 3-4: twelve articles' 66 pairs took 24.5 s in one
    process and 31.4 s in two, so a pool only pays where a core is actually free. `load` is what other programs
    keep busy; read from the system when None (`others_load`).
    """
    if load is None:
        load = others_load()
    return max(1, min(cores, int(cores - load + 0.5)))


def others_load() -> float:
    """How many cores other programs keep busy now.

    Linux: the tasks runnable at this moment (/proc/loadavg's fourth field), less this one, which is running
    as it reads. The one-minute load average counted this process's own work as another program's: after a
    second of aligning or parsing it read ~1 on an idle 2-core machine, and `compare` then never used the
    second core (bench/analysis_time.py ran every repeat in one process). Elsewhere: the one-minute average.
    """
    try:
        with open("/proc/loadavg", encoding="ascii") as stream:
            running = int(stream.read().split()[3].split("/")[0])
        return float(max(0, running - 1))
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this platform
        return 0.0


def start_method() -> str:
    """How workers start here: "fork" on Linux while this is the only thread, else "forkserver", else "spawn"."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    if "forkserver" in methods:
        return "forkserver"
    return "spawn"


def worker_count(
    articles: Sequence[Article],
    pairs: Sequence[tuple[int, int]],
    cores: int | None = None,
    load: float | None = None,
    method: str | None = None,
) -> int:
    """How many processes to align with: 1 (this process) for small jobs, else one per idle core, at most one a
    pair. `load` is the cores other programs keep busy (read from the system when None: `others_load`);
    `method` the start method (`start_method()` when None), which sets how much work a pool needs to pay off."""
    cores = available_cores() if cores is None else cores
    method = start_method() if method is None else method
    least = MIN_FORKED_WORK if method == "fork" else MIN_PARALLEL_WORK
    if cores < 2 or len(pairs) < 2 or pair_work(articles, pairs) < least:
        return 1
    return min(idle_cores(cores, load), len(pairs))


def _set_articles(articles: tuple[Article, ...]) -> None:
    global _articles
    _articles = articles


def _align_one(pair: tuple[int, int]) -> PairAlignment:
    from reader.core.align.aligner import align_pair

    i, j = pair
    return align_pair(_articles[i], _articles[j], i, j)


def align_pairs(
    articles: Sequence[Article],
    pairs: Sequence[tuple[int, int]],
    workers: int | None = None,
    *,
    method: str | None = None,
) -> tuple[PairAlignment, ...]:
    """The alignment of each pair, in the order of `pairs`; in `workers` processes (default: `worker_count`),
    started by `method` (default: `start_method()`; a test names each one)."""
    # imported here, before any worker is forked: the workers inherit it instead of each importing it (the
    # package's names load on first use, reader.core.align)
    from reader.core.align.aligner import align_pair

    frozen = tuple(articles)
    method = start_method() if method is None else method
    count = worker_count(frozen, pairs, method=method) if workers is None else min(workers, len(pairs))
    if count <= 1:
        return tuple(align_pair(frozen[i], frozen[j], i, j) for i, j in pairs)
    context = multiprocessing.get_context(method)
    if method == "fork":
        _set_articles(frozen)  # inherited by the forked workers: nothing to send
        pool = context.Pool(processes=count)
    else:
        if method == "forkserver":
            context.set_forkserver_preload(["reader.core.align.aligner"])
        pool = context.Pool(processes=count, initializer=_set_articles, initargs=(frozen,))
    with _pools_lock:
        _live_pools.add(pool)
    try:
        chunk = max(1, math.ceil(len(pairs) / (count * CHUNKS_PER_WORKER)))
        return tuple(pool.map(_align_one, pairs, chunksize=chunk))
    finally:
        pool.terminate()
        with _pools_lock:
            _live_pools.discard(pool)
        if method == "fork":
            _set_articles(())


def terminate_workers() -> None:
    """Kill every alignment worker still running (the user quit): nothing they compute is wanted any more."""
    with _pools_lock:
        pools = list(_live_pools)
        _live_pools.clear()
    for pool in pools:
        pool.terminate()

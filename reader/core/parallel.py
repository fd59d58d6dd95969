"""Pairs of a folder aligned in parallel, one worker process per available core, the result in pair order.

Alignment is pure Python and holds the GIL, so threads would not help; a pool of processes does. Workers are
started with "spawn" (a fresh interpreter that imports only the aligner): forking the app's process, which runs
Textual's threads, could copy a held lock into the child. The articles go to each worker once (the pool's
initializer); then each task is a pair of indices, and `Pool.map` returns the alignments in the order of the
pairs asked for, so the output is the same whatever the scheduling and whatever the number of cores.

A small comparison (the usual two to five articles) is aligned in this process: starting a worker costs about
0.3 s, more than aligning a few news articles. Every pool this module starts is registered so that
`terminate_workers()` can kill it at once when the user quits mid-alignment.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from multiprocessing.pool import Pool

from reader.core.records import Article, PairAlignment

MIN_PARALLEL_WORK = 3_000
"""Sentences summed over the pairs (each pair counts both its articles) below which the pairs are aligned in
this process. Fitted on bench/scale.py: a pair of two 300-sentence articles takes about 0.35 s, starting a
spawned worker 0.3-0.5 s, so a pool pays off from about five such pairs."""

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


def worker_count(articles: Sequence[Article], pairs: Sequence[tuple[int, int]], cores: int | None = None) -> int:
    """How many processes to align with: 1 (this process) for small jobs, else one per core, at most one a pair."""
    cores = available_cores() if cores is None else cores
    if cores < 2 or len(pairs) < 2 or pair_work(articles, pairs) < MIN_PARALLEL_WORK:
        return 1
    return min(cores, len(pairs))


def _set_articles(articles: tuple[Article, ...]) -> None:
    global _articles
    _articles = articles


def _align_one(pair: tuple[int, int]) -> PairAlignment:
    from reader.core.align import align_pair

    i, j = pair
    return align_pair(_articles[i], _articles[j], i, j)


def align_pairs(
    articles: Sequence[Article], pairs: Sequence[tuple[int, int]], workers: int | None = None
) -> tuple[PairAlignment, ...]:
    """The alignment of each pair, in the order of `pairs`; in `workers` processes (default: `worker_count`)."""
    frozen = tuple(articles)
    count = worker_count(frozen, pairs) if workers is None else workers
    if count <= 1:
        from reader.core.align import align_pair

        return tuple(align_pair(frozen[i], frozen[j], i, j) for i, j in pairs)
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(processes=count, initializer=_set_articles, initargs=(frozen,))
    with _pools_lock:
        _live_pools.add(pool)
    try:
        return tuple(pool.map(_align_one, pairs, chunksize=1))
    finally:
        pool.terminate()
        with _pools_lock:
            _live_pools.discard(pool)


def terminate_workers() -> None:
    """Kill every alignment worker still running (the user quit): nothing they compute is wanted any more."""
    with _pools_lock:
        pools = list(_live_pools)
        _live_pools.clear()
    for pool in pools:
        pool.terminate()

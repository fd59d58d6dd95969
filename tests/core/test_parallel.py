"""Pairs aligned in worker processes give exactly the alignment of one process, in pair order."""

from __future__ import annotations

import dataclasses
import multiprocessing
import sys
import threading
from pathlib import Path

import pytest

from reader.core.load.inputs import load_inputs
from reader.core.parallel import MIN_FORKED_WORK, MIN_PARALLEL_WORK, align_pairs, start_method, worker_count
from reader.core.pipeline import align_articles
from reader.core.serialize import dumps
from tests.factories import article_of

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

STORIES = [
    "The storm closed the harbour on Tuesday.\n\nFishermen said the damage would take weeks to repair.\n",
    "Fishermen said repairs would take weeks.\n\nOn Tuesday the storm closed the harbor.\n",
    "The harbour was shut by the storm on Tuesday.\n\nThe mayor promised emergency funds for the council.\n",
    "The mayor said emergency funds would reach the town.\n\nA storm shut the harbour.\n",
]


def test_two_workers_give_the_same_comparison_as_one_process() -> None:
    articles = (*load_inputs([str(SEEDS)]).articles, *load_inputs(STORIES).articles)
    articles = tuple(dataclasses.replace(article, label=chr(65 + k)) for k, article in enumerate(articles))
    serial = align_articles(articles, workers=1)
    parallel = align_articles(articles, workers=2)
    assert [(pair.a, pair.b) for pair in parallel.alignments] == [(pair.a, pair.b) for pair in serial.alignments]
    assert dumps(parallel) == dumps(serial)
    assert any(pair.matches for pair in parallel.alignments), "the seeds share passages: a real alignment"


def test_pairs_come_back_in_the_order_asked_for_whatever_finishes_first() -> None:
    long = article_of([f"Sentence {k} about the harbour and storm number {k}." for k in range(400)], "A")
    short = article_of(["The storm closed the harbour."], "B")
    other = article_of(["Storm number 7 closed the harbour."], "C")
    articles = (long, short, other)
    order = [(1, 2), (0, 1), (0, 2)]  # the first pair is tiny and finishes long before the others
    alignments = align_pairs(articles, order, workers=2)
    assert [(pair.a, pair.b) for pair in alignments] == order


def test_small_jobs_stay_in_this_process_and_large_ones_use_every_core() -> None:
    small = [article_of(["One sentence."], label) for label in "ABC"]
    pairs = [(0, 1), (0, 2), (1, 2)]
    assert worker_count(small, pairs, cores=2, load=0.0) == 1
    sentences = [f"Sentence {k}." for k in range(MIN_PARALLEL_WORK // 4 + 1)]
    large = [article_of(sentences, label) for label in "ABC"]
    assert worker_count(large, pairs, cores=2, load=0.2) == 2
    assert worker_count(large, pairs, cores=8, load=0.0) == 3, "never more workers than pairs"
    assert worker_count(large, pairs, cores=1, load=0.0) == 1
    assert worker_count(large[:2], [(0, 1)], cores=2, load=0.0) == 1, "one pair is one job"


def test_only_idle_cores_get_workers() -> None:
    sentences = [f"Sentence {k}." for k in range(MIN_PARALLEL_WORK // 4 + 1)]
    large = [article_of(sentences, label) for label in "ABCD"]
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert worker_count(large, pairs, cores=4, load=1.0) == 3
    assert worker_count(large, pairs, cores=2, load=1.8) == 1, "a busy machine aligns in this process"
    assert worker_count(large, pairs, cores=2, load=9.0) == 1


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_every_start_method_gives_the_comparison_of_one_process(method: str) -> None:
    articles = load_inputs(STORIES).articles
    pairs = [(i, j) for i in range(len(articles)) for j in range(i + 1, len(articles))]
    serial = align_pairs(articles, pairs, workers=1)
    assert align_pairs(articles, pairs, workers=2, method=method) == serial
    assert any(pair.matches for pair in serial), "the stories share passages: a real alignment"


def test_forked_pools_leave_no_articles_behind() -> None:
    from reader.core import parallel

    articles = load_inputs(STORIES).articles
    align_pairs(articles, [(0, 1), (2, 3)], workers=2, method="fork")
    assert parallel._articles == ()


def test_fork_only_while_this_process_runs_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("fork is the Linux start method")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert start_method() == "forkserver", "a forked copy could inherit a lock another thread holds"


def test_forked_workers_pay_off_on_less_work_than_spawned_ones() -> None:
    sentences = [f"Sentence {k}." for k in range(MIN_FORKED_WORK // 4 + 1)]
    middle = [article_of(sentences, label) for label in "ABC"]
    pairs = [(0, 1), (0, 2), (1, 2)]
    assert MIN_FORKED_WORK < MIN_PARALLEL_WORK
    assert worker_count(middle, pairs, cores=2, load=0.0, method="fork") == 2
    assert worker_count(middle, pairs, cores=2, load=0.0, method="spawn") == 1


def test_other_programs_load_is_what_runs_now_besides_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import io

    import reader.core.parallel as parallel

    real_open = builtins.open

    def fake_loadavg(running: str) -> None:
        def opener(path: object, *args: object, **kwargs: object) -> object:
            if path == "/proc/loadavg":
                return io.StringIO(f"1.80 1.20 0.90 {running}/310 4242\n")
            return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(builtins, "open", opener)

    fake_loadavg("1")  # only this process runs, though the minute's average says 1.8
    assert parallel.others_load() == 0.0
    assert parallel.idle_cores(2) == 2
    fake_loadavg("4")
    assert parallel.others_load() == 3.0
    assert parallel.idle_cores(2) == 1

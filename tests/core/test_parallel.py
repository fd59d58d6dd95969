"""Pairs aligned in worker processes give exactly the alignment of one process, in pair order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.core.load.inputs import load_inputs
from reader.core.parallel import MIN_PARALLEL_WORK, align_pairs, worker_count
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
    assert worker_count(small, pairs, cores=2) == 1
    sentences = [f"Sentence {k}." for k in range(MIN_PARALLEL_WORK // 4 + 1)]
    large = [article_of(sentences, label) for label in "ABC"]
    assert worker_count(large, pairs, cores=2) == 2
    assert worker_count(large, pairs, cores=8) == 3, "never more workers than pairs"
    assert worker_count(large, pairs, cores=1) == 1
    assert worker_count(large[:2], [(0, 1)], cores=2) == 1, "one pair is one job"

"""The pipeline, end to end: inputs → articles → pairwise alignments → (optionally) actors and claims.

Alignment needs no model and runs in milliseconds, so it is its own step (`align_articles`); actors and claims
need spaCy and come after (`add_analysis`). The app paints the alignment first and adds the analysis when its
worker finishes; the CLI and scripts call `compare`, which does both.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from reader.core.collector import collector_paused
from reader.core.details import with_conflicts
from reader.core.load.inputs import load_inputs
from reader.core.parallel import align_pairs
from reader.core.records import Article, Comparison, PairAlignment, SentenceClass

if TYPE_CHECKING:
    from reader.core.analysis.parse import ParseInTwo
    from reader.core.analysis.parsed import ParsedArticle

Input = str | os.PathLike[str]


def compare(inputs: Sequence[Input], *, analyse: bool = True) -> Comparison:
    """Compare articles given as paths (files or one folder) or as texts.

    A `str` that names an existing file or folder is read from disk; any other `str` containing whitespace is
    taken as article text. Raises `InputError` with a one-line message for unusable input.
    """
    with collector_paused():  # every stage allocates small acyclic records (reader.core.collector)
        loaded = load_inputs(inputs)
        parsing = parse_beside(loaded.articles) if analyse else None
        try:
            comparison = align_articles(loaded.articles)
        except BaseException:
            if parsing is not None:
                parsing.cancel()  # no copy left parsing for nobody
            raise
        if not analyse:
            return comparison
        return add_analysis(comparison, parsed=parsing.finish() if parsing is not None else None)


def parse_beside(articles: Sequence[Article]) -> ParseInTwo | None:
    """The articles' parse, half of it started in a forked copy of this process when a second core is free (the
    other half follows here, after the alignment); None (all of it after aligning, here) when it is not worth it
    or not safe.

    spaCy's parse is most of `compare`'s time with analysis: on the seeds the 68 analysed sentences alone take
    about 0.95 of spaCy over the full texts, and the alignment, details and claim work ~0.25 more
    (bench/analysis_time.py). The whole parse in the copy saved nothing there: the alignment it overlapped is a
    tenth of the parse, and the copy's start and the records' trip back cost as much. Half in the copy, half
    here after the alignment, the two cores share the parse itself. Only while this process runs one thread (a
    forked copy of another thread's lock never sees it released: `start_method`), with an idle core
    (`idle_cores`), and when something is left to parse (not all cached). What the copy sends back is checked;
    its half is parsed here when it is missing.
    """
    from reader.core.analysis.parse import parse_in_two
    from reader.core.parallel import available_cores, idle_cores, start_method

    if start_method() != "fork" or idle_cores(available_cores()) < 2:
        return None
    return parse_in_two(articles)


def align_articles(articles: Sequence[Article], *, workers: int | None = None) -> Comparison:
    """Align every pair of articles and count, for each sentence, how many other articles carry it.

    Many or long articles are aligned in parallel, one process per available core (`reader.core.parallel`;
    `workers` overrides the count, 1 keeps everything in this process); the result is the same either way.
    """
    indices = list(combinations(range(len(articles)), 2))
    pairs = align_pairs(articles, indices, workers)
    comparison = Comparison(articles=tuple(articles), alignments=pairs, coverage=coverage_of(articles, pairs))
    with collector_paused():  # the details of every linked pair: as allocation-heavy as the alignment
        return with_conflicts(comparison)


def coverage_of(articles: Sequence[Article], pairs: Sequence[PairAlignment]) -> tuple[tuple[int, ...], ...]:
    """coverage[i][s] = number of other articles whose alignment with article i matches sentence s."""
    counts = [[0] * len(article.sentences) for article in articles]
    unmatched = (SentenceClass.UNIQUE, SentenceClass.BOILERPLATE)
    for pair in pairs:
        for index, cls in enumerate(pair.classes_a):
            if cls not in unmatched:
                counts[pair.a][index] += 1
        for index, cls in enumerate(pair.classes_b):
            if cls not in unmatched:
                counts[pair.b][index] += 1
    return tuple(tuple(row) for row in counts)


def add_analysis(comparison: Comparison, *, parsed: Sequence[ParsedArticle] | None = None) -> Comparison:
    """The same comparison with actors, claims, claim links and the who-is-quoted table filled in.

    Imports spaCy on first use (about a second); callers that must stay responsive run this in a worker.
    `parsed`: the articles' parses when the caller has them (see `parse_beside`).
    """
    from reader.core.analysis import analyse_comparison

    return analyse_comparison(comparison, parsed=parsed)

"""Scale: alignment and analysis per doubling of the article length, stage by stage, and a folder's pairs in parallel.

1. Two articles of N sentences (N = 625 … 10,000 by default) made of real news sentences, no sentence twice in
   one article: the crossoutlet dev texts first, then the sentences of the MSRP and STS news pairs (both sides,
   so an article holds paraphrase pairs), A the first N in pool order, B the same N sentences rotated by a
   third (every passage shared, a third of them moved), so the true links are a fixed share of N at every
   size. Each sentence appears once per article up to about 13,000 sentences; the older version cycled the
   867 crossoutlet sentences, so at 10,000 every sentence came 11-12 times in each article and every copy
   linked to every copy: the links, and every step reading them, grew with N squared by construction of the
   input. Each stage is timed on its own, in CPU seconds of this process (steadier than the wall clock on a
   shared machine) and with the cyclic collector paused, as the pipeline runs it: the alignment
   (`align_articles`, one process), the parse (spaCy, cached after the first run in a bench cache directory,
   so a rerun measures the rest), the mentions, the actor clustering, the claims, the claim links and the
   who-is-quoted table. Printed per size: links of the alignment, each time,
   and the growth per doubling of the alignment and of the analysis without the parse (target ≤ 2.3).
   The size policy (reader/core/limits.py) admits articles of up to 100,000 sentences: `--max 100000` runs
   the alignment up to there (`--align-only` skips the analysis, whose spaCy parse of such sizes takes an hour).
2. Pairs in parallel: K articles of 300 sentences (default 6 and 20: 15 and 190 pairs), aligned in one process
   and then with the pool of reader.core.parallel on every available core; the two results must be identical
   (the bench says so and fails otherwise). Wall clock here: that is what parallelism buys.

Run: `python bench/scale.py [--max N] [--articles 6,20] [--align-only] [--skip-analysis] [--skip-pairs]`.
Timings on the shared 2-core machine are noisy: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._articles import DEV_DATA, article_of_lines  # noqa: E402
from reader.core.load.inputs import read_article  # noqa: E402
from reader.core.records import Article, BlockKind  # noqa: E402

T = TypeVar("T")


def sentence_pool() -> list[str]:
    """Distinct real news sentences (no boilerplate, no headlines), in a fixed order."""
    folder = next(
        (root / "crossoutlet" for root in (DEV_DATA, ROOT.parents[1] / "shared" / "data" / "dev") if root.is_dir()),
        DEV_DATA / "crossoutlet",
    )
    files = sorted(folder.glob("*/*.txt")) if folder.is_dir() else []
    files = files or sorted((ROOT / "seeds").glob("*.txt"))
    pool: list[str] = []
    for path in files:
        article = read_article(path)
        pool.extend(
            " ".join(s.text.split()) for s in article.sentences if s.kind is BlockKind.PARAGRAPH and len(s.text) > 30
        )
    if (DEV_DATA / "msrp_train.tsv").exists():
        from bench.align import real_pairs

        pool.extend(sentence for pair in real_pairs() for sentence in pair)
    return list(dict.fromkeys(pool))


def long_article(pool: list[str], count: int, offset: int, label: str) -> Article:
    return article_of_lines([pool[(offset + k) % len(pool)] for k in range(count)], label)


def rotated(article: Article, shift: int, label: str) -> Article:
    """The article's sentences, the first `shift` of them moved to the end."""
    lines = [sentence.text for sentence in article.sentences]
    return article_of_lines(lines[shift:] + lines[:shift], label)


def timed(action: Callable[[], T]) -> tuple[float, T]:
    """(CPU seconds of this process, the value), with the cyclic collector paused as `compare` pauses it around
    every stage (reader.core.collector). Unpaused, the collector's walks of the heap (which grows with N: the
    parse of 10,000 sentences is millions of records) land in whichever stage passes its threshold: the
    clustering read 0.16 s at 5,000 sentences and 1.93 s at 10,000 in one run, half of it the collector."""
    from reader.core.collector import collector_paused

    with collector_paused():
        start = time.process_time()
        value = action()
        return time.process_time() - start, value


def wall_timed(action: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def growth(value: float, previous: float | None) -> str:
    return f"{value / previous:5.2f}x" if previous else "     -"


def analysis_scale(maximum: int, align_only: bool) -> tuple[float, float]:
    """Prints the table; returns the worst growth per doubling of the alignment and of the analysis."""
    from reader.core.analysis.actors import cluster_candidates
    from reader.core.analysis.claims import extract_claims
    from reader.core.analysis.linking import link_claims
    from reader.core.analysis.mentions import extract_candidates
    from reader.core.analysis.parse import parse_articles
    from reader.core.analysis.quoted import who_is_quoted
    from reader.core.pipeline import align_articles

    pool = sentence_pool()
    print(f"two articles of N sentences (pool of {len(pool)} distinct real sentences; CPU seconds)")
    print(
        f"{'N':>6} {'links':>7} {'align':>7} {'growth':>6} {'parse':>7} {'mentions':>8} {'cluster':>8} "
        f"{'claims':>7} {'c.links':>7} {'quoted':>7} {'analysis':>8} {'growth':>6}"
    )
    print("       ('analysis' = mentions + cluster + claims + c.links + quoted: everything after the parse)")
    previous: tuple[float, float] | None = None
    worst = (0.0, 0.0)
    count = 625
    while count <= maximum:
        a = long_article(pool, count, 0, "A")
        b = rotated(a, count // 3, "B")
        align_time, comparison = timed(lambda a=a, b=b: align_articles((a, b), workers=1))
        links = sum(len(pair.matches) for pair in comparison.alignments)
        if align_only:
            line = f"{count:6d} {links:7d} {align_time:7.2f} {growth(align_time, previous[0] if previous else None)}"
            print(line, flush=True)
            worst = (max(worst[0], align_time / previous[0]) if previous else 0.0, 0.0)
            previous = (align_time, 0.0)
            count *= 2
            continue
        parse_time, parsed = timed(lambda a=a, b=b: parse_articles((a, b)))
        mentions_time, candidates = timed(lambda a=a, b=b, parsed=parsed: extract_candidates((a, b), parsed))
        cluster_time, actors = timed(lambda a=a, b=b, c=candidates: cluster_candidates((a, b), c))
        claims_time, claims = timed(lambda a=a, b=b, p=parsed, ac=actors: extract_claims((a, b), p, ac))
        with_claims = dataclasses.replace(comparison, actors=actors, claims=claims)
        links_time, _ = timed(lambda w=with_claims, c=claims: link_claims(w, c))
        quoted_time, _ = timed(lambda c=claims: who_is_quoted(c, 2))
        analysis = mentions_time + cluster_time + claims_time + links_time + quoted_time
        print(
            f"{count:6d} {links:7d} {align_time:7.2f} {growth(align_time, previous[0] if previous else None)} "
            f"{parse_time:7.2f} {mentions_time:8.2f} {cluster_time:8.2f} {claims_time:7.2f} {links_time:7.2f} "
            f"{quoted_time:7.2f} {analysis:8.2f} {growth(analysis, previous[1] if previous else None)}",
            flush=True,
        )
        if previous:
            worst = (max(worst[0], align_time / previous[0]), max(worst[1], analysis / previous[1]))
        previous = (align_time, analysis)
        count *= 2
    for name, value in (("alignment", worst[0]), ("analysis", worst[1])):
        if value:
            print(f"worst growth per doubling, {name}: {value:.2f}x ({'within' if value <= 2.3 else 'ABOVE'} 2.3x)")
    return worst


def pairs_in_parallel(article_count: int) -> bool:
    from reader.core.parallel import available_cores, worker_count
    from reader.core.pipeline import align_articles
    from reader.core.serialize import dumps

    pool = sentence_pool()
    articles = [long_article(pool, 300, k * 97, chr(ord("A") + k)) for k in range(article_count)]
    pairs = [(i, j) for i in range(article_count) for j in range(i + 1, article_count)]
    workers = max(2, worker_count(articles, pairs, load=0.0))
    print(f"\n{article_count} articles of 300 sentences ({len(pairs)} pairs), {available_cores()} cores available")
    one_time, one = wall_timed(lambda: align_articles(articles, workers=1))
    print(f"  one process    : {one_time:6.1f} s", flush=True)
    pool_time, parallel = wall_timed(lambda: align_articles(articles, workers=workers))
    same = dumps(one) == dumps(parallel)
    print(
        f"  {workers} processes    : {pool_time:6.1f} s  ({one_time / pool_time:.2f}x faster; identical output: {same})"
    )
    chosen = worker_count(articles, pairs)
    print(f"  the pipeline's own choice on this machine now: {chosen} process{'es' if chosen > 1 else ''}")
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=10_000, help="longest article, in sentences (default 10,000)")
    parser.add_argument("--articles", default="6,20", help="article counts of the parallel case (default 6,20)")
    parser.add_argument("--align-only", action="store_true", help="time the alignment alone (no spaCy)")
    parser.add_argument("--skip-analysis", action="store_true")
    parser.add_argument("--skip-pairs", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("READER_CACHE_DIR", str(Path(tempfile.gettempdir()) / "reader-bench-scale-cache"))
    print("timings on a shared, noisy machine: compare the ratios within one run\n")
    if not args.skip_analysis:
        analysis_scale(args.max, args.align_only)
    if args.skip_pairs:
        return 0
    results = [pairs_in_parallel(int(count)) for count in args.articles.split(",")]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())

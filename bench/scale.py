"""Scale: the analysis per doubling of the article length, stage by stage, and a folder's pairs in parallel.

1. Analysis: two articles of N sentences (N = 625 … 10,000 by default), made of real news sentences (the
   crossoutlet dev texts when present, else the seeds) cycled to length; A in their order, B rotated. Each
   stage is timed on its own: the parse (spaCy, cached after the first run in a bench cache directory, so a
   rerun measures the rest), the actors (`build_actors`: mentions and the clustering of actors.py), the claims,
   the claim links and the who-is-quoted table. Each line prints the seconds and the ratio to the line above
   (≤ 2.3 per doubling is near-linear).
2. Pairs in parallel: twenty articles of 300 sentences (190 pairs), aligned in one process and then on every
   available core; the two results must be identical (the bench says so and fails otherwise).

Run: `python bench/scale.py [--max N] [--articles K] [--skip-analysis] [--skip-pairs]`. Timings on the shared
2-core machine are noisy: single runs here, so compare ratios within one run.
"""

from __future__ import annotations

import argparse
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
    """Real news sentences (no boilerplate, no headlines), in a fixed order."""
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
    return pool


def long_article(pool: list[str], count: int, offset: int, label: str) -> Article:
    return article_of_lines([pool[(offset + k) % len(pool)] for k in range(count)], label)


def timed(action: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def analysis_scale(maximum: int) -> None:
    from reader.core.analysis.actors import build_actors
    from reader.core.analysis.claims import extract_claims
    from reader.core.analysis.linking import link_claims
    from reader.core.analysis.parse import parse_articles
    from reader.core.analysis.quoted import who_is_quoted
    from reader.core.pipeline import align_articles

    pool = sentence_pool()
    print(f"analysis of two articles of N sentences (pool of {len(pool)} real sentences, cycled)")
    print(
        f"{'N':>6} {'align':>7} {'parse':>7} {'actors':>7} {'claims':>7} {'links':>7} {'quoted':>7} "
        f"{'no parse':>9} {'ratio':>6}"
    )
    previous = None
    count = 625
    while count <= maximum:
        a = long_article(pool, count, 0, "A")
        b = long_article(pool, count, len(pool) // 3, "B")
        align_time, comparison = timed(lambda a=a, b=b: align_articles((a, b), workers=1))
        parse_time, parsed = timed(lambda a=a, b=b: parse_articles((a, b)))
        actors_time, actors = timed(lambda a=a, b=b, parsed=parsed: build_actors((a, b), parsed))
        claims_time, claims = timed(lambda a=a, b=b, p=parsed, ac=actors: extract_claims((a, b), p, ac))
        import dataclasses

        with_claims = dataclasses.replace(comparison, actors=actors, claims=claims)
        links_time, _ = timed(lambda w=with_claims, c=claims: link_claims(w, c))
        quoted_time, _ = timed(lambda c=claims: who_is_quoted(c, 2))
        rest = actors_time + claims_time + links_time + quoted_time
        ratio = f"{rest / previous:6.2f}" if previous else "     -"
        print(
            f"{count:6d} {align_time:7.2f} {parse_time:7.2f} {actors_time:7.2f} {claims_time:7.2f} "
            f"{links_time:7.2f} {quoted_time:7.2f} {rest:9.2f} {ratio}",
            flush=True,
        )
        previous = rest
        count *= 2


def pairs_in_parallel(article_count: int) -> int:
    from reader.core.parallel import available_cores
    from reader.core.pipeline import align_articles
    from reader.core.serialize import dumps

    pool = sentence_pool()
    articles = [long_article(pool, 300, k * 97, chr(ord("A") + k)) for k in range(article_count)]
    pairs = article_count * (article_count - 1) // 2
    print(f"\n{article_count} articles of 300 sentences ({pairs} pairs), {available_cores()} cores available")
    one_time, one = timed(lambda: align_articles(articles, workers=1))
    print(f"  one process : {one_time:6.1f} s", flush=True)
    all_time, parallel = timed(lambda: align_articles(articles))
    same = dumps(one) == dumps(parallel)
    print(f"  all cores   : {all_time:6.1f} s  ({one_time / all_time:.2f}× faster; identical output: {same})")
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=10_000, help="longest article, in sentences (default 10,000)")
    parser.add_argument("--articles", type=int, default=20, help="articles in the parallel case (default 20)")
    parser.add_argument("--skip-analysis", action="store_true")
    parser.add_argument("--skip-pairs", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("READER_CACHE_DIR", str(Path(tempfile.gettempdir()) / "reader-bench-scale-cache"))
    print("timings on a shared, noisy machine: compare the ratios within one run\n")
    if not args.skip_analysis:
        analysis_scale(args.max)
    return 0 if args.skip_pairs else pairs_in_parallel(args.articles)


if __name__ == "__main__":
    raise SystemExit(main())

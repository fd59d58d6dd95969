"""Alignment time and peak memory on two long documents, 500 to 8,000 sentences a side.

The documents are built from real news sentences (MSRP and STS news development pairs): document A takes one
side of each pair, document B the other side (a real paraphrase or a related sentence), then B is perturbed the
way a rewrite is: about a tenth of its sentences are moved elsewhere, a tenth dropped, a tenth replaced by
sentences from other pairs, and words are dropped from some. Past the available pairs, sentences are reused
with a different word dropped, so no document is a plain repetition.

Prints, for each size: time of `align_pair` (best of a few runs), peak memory under tracemalloc (separate run),
the matches found, and the growth factor of the time per doubling (target: at most 2.3x).

Run from the repository root: `python bench/align.py [--max 8000]`. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import reader.core.align.normalise as normalise_module  # noqa: E402
import reader.core.align.wordlists as wordlists  # noqa: E402
from bench._articles import DEV_DATA, article_of_lines  # noqa: E402
from reader.core.align import align_pair  # noqa: E402
from reader.core.records import Article, PairAlignment  # noqa: E402

DATA = DEV_DATA
SIZES = (500, 1000, 2000, 4000, 8000)


def real_pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    msrp = DATA / "msrp_train.tsv"
    with msrp.open(encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 5:
                pairs.append((fields[3], fields[4]))
    sts = DATA / "sts_news_train.tsv"
    if sts.exists():
        with sts.open(encoding="utf-8") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            pairs.extend((row[5], row[6]) for row in reader if len(row) >= 7)
    return pairs


def drop_word(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if len(words) > 4:
        del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def documents(pairs: Sequence[tuple[str, str]], size: int, seed: int = 1) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    # Distinct pairs first, then each pair again (with a word dropped): a plain repetition would be a second
    # true partner of its sentence, so the many-to-many aligner would rightly link it twice, and the count of
    # such repeats grows with the square of the size (a birthday effect), which is not what this bench measures.
    order = rng.sample(range(len(pairs)), len(pairs))
    chosen = [pairs[order[k % len(pairs)]] for k in range(size)]
    reused = [k >= len(pairs) for k in range(size)]
    a = [drop_word(x, rng) if again else x for (x, _), again in zip(chosen, reused, strict=True)]
    b = [drop_word(y, rng) if again else y for (_, y), again in zip(chosen, reused, strict=True)]
    for k in range(len(b)):
        roll = rng.random()
        if roll < 0.1:
            b[k] = rng.choice(pairs)[1]
        elif roll < 0.3:
            b[k] = drop_word(b[k], rng)
    b = [sentence for sentence in b if rng.random() >= 0.1]
    for _ in range(len(b) // 10):
        b.insert(rng.randrange(len(b)), b.pop(rng.randrange(len(b))))
    return a, b


def cold_caches() -> None:
    """Forget every cached word and sentence, so each run pays the full price of a fresh process."""
    for cached in (
        normalise_module.normalise,
        normalise_module.key_of,
        normalise_module._word_form,
        wordlists.american_spelling,
    ):
        cached.cache_clear()
    gc.collect()


def timed(a: Article, b: Article, repeats: int) -> tuple[float, PairAlignment]:
    best, result = float("inf"), None
    for _ in range(repeats):
        cold_caches()
        started = time.perf_counter()
        result = align_pair(a, b)
        best = min(best, time.perf_counter() - started)
    assert result is not None
    return best, result


def peak_memory(a: Article, b: Article) -> int:
    cold_caches()
    tracemalloc.start()
    align_pair(a, b)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=SIZES[-1], help="largest size (sentences a side)")
    args = parser.parse_args()
    if not (DATA / "msrp_train.tsv").exists():
        print(f"skipped: {DATA / 'msrp_train.tsv'} not found (development data lives outside the repository)")
        return 0
    pairs = real_pairs()
    print(f"{len(pairs)} real sentence pairs; word and sentence caches cleared before each run (cold start)")
    print(f"{'size':>6} {'B sents':>8} {'time s':>8} {'growth':>7} {'peak MB':>8} {'matches':>8} {'moved':>6}")
    previous = None
    worst = 0.0
    for size in (s for s in SIZES if s <= args.max):
        a_text, b_text = documents(pairs, size)
        a, b = article_of_lines(a_text, "A"), article_of_lines(b_text, "B")
        seconds, result = timed(a, b, repeats=3 if size <= 2000 else 1)
        peak = peak_memory(a, b)
        growth = seconds / previous if previous else None
        worst = max(worst, growth or 0.0)
        moved = sum(m.moved for m in result.matches)
        growth_text = f"{growth:.2f}x" if growth else "-"
        print(
            f"{size:>6} {len(b_text):>8} {seconds:>8.3f} {growth_text:>7} {peak / 1e6:>8.1f}"
            f" {len(result.matches):>8} {moved:>6}"
        )
        previous = seconds
    if worst:
        verdict = "within" if worst <= 2.3 else "ABOVE"
        print(f"worst growth per doubling: {worst:.2f}x ({verdict} the 2.3x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

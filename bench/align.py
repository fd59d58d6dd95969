"""Alignment time and peak memory on two long documents, 500 to 8,000 sentences a side.

The documents are built from real news sentences (MSRP and STS news development pairs): document A takes one
side of each pair, document B the other side (a real paraphrase or a related sentence), then B is perturbed the
way a rewrite is: about a tenth of its sentences are moved elsewhere, a tenth dropped, a tenth replaced by
sentences of pairs kept out of A (unrelated to anything in A), and words are dropped from some. MSRP uses many
sentences in several pairs; only pairs whose two sentences are new are kept, so no sentence of A has a second,
identical partner by chance (such chance repeats grow with the square of the size, a birthday effect that is
not what this bench measures). Past the distinct pairs, sentences are reused with a different word dropped:
each such near-copy is a true second partner, so from there the links per sentence rise (printed).

Prints, for each size: the time of `align_pair` (wall clock, best of a few runs, and CPU time of this process,
median: the steadier figure on a shared machine), the growth of each per doubling (target: at most 2.3x),
peak memory under tracemalloc (separate run), the links found per sentence of A, and the recall of the planted
pairs (A's sentence and its partner in B inside one link): a speed-up must not lose them.

Run from the repository root: `python bench/align.py [--max 8000]`. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import statistics
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
    """The MSRP and STS news pairs whose two sentences appear in no earlier pair, in file order."""
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
    seen: set[str] = set()
    distinct: list[tuple[str, str]] = []
    for x, y in pairs:
        if x not in seen and y not in seen and x != y:
            distinct.append((x, y))
        seen.update((x, y))
    return distinct


def drop_word(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if len(words) > 4:
        del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


RESERVED_SHARE = 0.1
"""Share of the distinct pairs kept out of document A: the replacements of B come from them."""


def documents(
    pairs: Sequence[tuple[str, str]], size: int, seed: int = 1
) -> tuple[list[str], list[str], set[tuple[int, int]]]:
    """Documents A and B and the planted pairs (index in A, index in B) of the sentences B kept from A's pairs."""
    rng = random.Random(seed)
    order = rng.sample(range(len(pairs)), len(pairs))
    reserved_count = int(len(pairs) * RESERVED_SHARE)
    reserved, usable = order[:reserved_count], order[reserved_count:]
    chosen = [pairs[usable[k % len(usable)]] for k in range(size)]
    reused = [k >= len(usable) for k in range(size)]
    a = [drop_word(x, rng) if again else x for (x, _), again in zip(chosen, reused, strict=True)]
    b = [drop_word(y, rng) if again else y for (_, y), again in zip(chosen, reused, strict=True)]
    origin: list[int | None] = list(range(size))
    for k in range(len(b)):
        roll = rng.random()
        if roll < 0.1:
            b[k] = pairs[rng.choice(reserved)][1]
            origin[k] = None
        elif roll < 0.3:
            b[k] = drop_word(b[k], rng)
    kept = [(sentence, source) for sentence, source in zip(b, origin, strict=True) if rng.random() >= 0.1]
    for _ in range(len(kept) // 10):
        kept.insert(rng.randrange(len(kept)), kept.pop(rng.randrange(len(kept))))
    planted = {(source, j) for j, (_, source) in enumerate(kept) if source is not None}
    return a, [sentence for sentence, _ in kept], planted


def planted_recall(result: PairAlignment, planted: set[tuple[int, int]]) -> float:
    linked = {(i, j) for match in result.matches for i in match.a for j in match.b}
    return len(planted & linked) / max(1, len(planted))


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


def timed(a: Article, b: Article, repeats: int) -> tuple[float, float, PairAlignment]:
    """(best wall-clock seconds, median CPU seconds of this process, the alignment)."""
    best, cpu, result = float("inf"), [], None
    for _ in range(repeats):
        cold_caches()
        started, started_cpu = time.perf_counter(), time.process_time()
        result = align_pair(a, b)
        best = min(best, time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    assert result is not None
    return best, statistics.median(cpu), result


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
    print(f"{len(pairs)} distinct real sentence pairs; word and sentence caches cleared before each run (cold start)")
    print(
        f"{'size':>6} {'B sents':>8} {'wall s':>8} {'growth':>7} {'cpu s':>8} {'growth':>7} {'peak MB':>8}"
        f" {'links':>7} {'per A':>6} {'moved':>6} {'planted':>8}"
    )
    previous: tuple[float, float] | None = None
    worst_wall = worst_cpu = 0.0
    for size in (s for s in SIZES if s <= args.max):
        a_text, b_text, planted = documents(pairs, size)
        a, b = article_of_lines(a_text, "A"), article_of_lines(b_text, "B")
        seconds, cpu, result = timed(a, b, repeats=3 if size <= 2000 else 2)
        peak = peak_memory(a, b)
        growth = (seconds / previous[0], cpu / previous[1]) if previous else None
        if growth:
            worst_wall, worst_cpu = max(worst_wall, growth[0]), max(worst_cpu, growth[1])
        moved = sum(m.moved for m in result.matches)
        wall_growth, cpu_growth = (f"{g:.2f}x" for g in growth) if growth else ("-", "-")
        print(
            f"{size:>6} {len(b_text):>8} {seconds:>8.3f} {wall_growth:>7} {cpu:>8.3f} {cpu_growth:>7}"
            f" {peak / 1e6:>8.1f} {len(result.matches):>7} {len(result.matches) / size:>6.2f} {moved:>6}"
            f" {planted_recall(result, planted):>8.3f}",
            flush=True,
        )
        previous = (seconds, cpu)
    if worst_wall:
        for name, worst in (("wall clock", worst_wall), ("CPU time", worst_cpu)):
            verdict = "within" if worst <= 2.3 else "ABOVE"
            print(f"worst growth per doubling, {name}: {worst:.2f}x ({verdict} the 2.3x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Analysis time on name-rich text at 1k / 2k / 4k / 8k sentences: is the actor clustering near-linear?

The text is generated (seeded, deterministic): two articles of N/2 sentences each, every sentence naming two or
three people out of a pool where surnames are shared ("Maria Okafor", "David Okafor"), so short mentions
("Okafor said …") take the nearest-person path that used to scan every candidate. Each size is timed cold (spaCy
parse into an empty cache, once) and warm (parses cached: the rules alone, median of 3). Target: ≤ 2.3× per
doubling. Timings on a shared machine are noisy. Run: python bench/analysis_scale.py [--sizes 1000,2000,4000,8000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._articles import article_of_lines
from reader.core.analysis import analyse_comparison
from reader.core.analysis.names import word_set
from reader.core.analysis.nlp import get_nlp
from reader.core.pipeline import align_articles
from reader.core.records import Article

FIRST = sorted(word_set("Maria David Aisha Tom Elena Omar Grace Ivan Nadia Pedro Lucy Kenji Sara Abdul Mei Jonas"))
LAST = sorted(word_set("Okafor Lindqvist Haddad Moreau Tanaka Novak Brennan Alvarez Kowalski Osei Ferreira Nakamura"))
CITIES = sorted(word_set("Lagos Lyon Osaka Porto Krakow Accra Dublin Seville"))
TEMPLATES = (
    "{a} said on Monday that {b} would meet officials in {city}.",
    "{sa} told reporters the plan was ready, but {b} disagreed.",
    "“We will not wait,” {sa} said after talks with {b} and {c}.",
    "According to {a}, {sb} signed the agreement in {city} last week.",
    "{a} and {sb} visited {city}, where {c} warned of delays.",
    "The committee led by {a} rejected the proposal that {sb} had made.",
)


def name_rich_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    people = [f"{first} {last}" for first in FIRST for last in LAST]
    lines = []
    for _ in range(count):
        a, b, c = rng.sample(people, 3)
        template = rng.choice(TEMPLATES)
        lines.append(template.format(a=a, b=b, c=c, sa=a.split()[-1], sb=b.split()[-1], city=rng.choice(CITIES)))
    return lines


def articles_of(size: int) -> tuple[Article, ...]:
    half = size // 2
    return (article_of_lines(name_rich_lines(half, 1), "A"), article_of_lines(name_rich_lines(size - half, 2), "B"))


def main() -> int:
    options = argparse.ArgumentParser()
    options.add_argument("--sizes", default="1000,2000,4000,8000")
    sizes = [int(size) for size in options.parse_args().sizes.split(",")]
    get_nlp()("warm up")
    previous: tuple[float, float] | None = None
    print(f"{'sentences':>10}{'cold s':>9}{'warm s':>9}{'cold x':>8}{'warm x':>8}{'actors':>8}{'claims':>8}")
    for size in sizes:
        comparison = align_articles(articles_of(size))
        with tempfile.TemporaryDirectory(prefix="issue12-scale-") as folder:
            os.environ["READER_CACHE_DIR"] = folder
            started = time.perf_counter()
            analysed = analyse_comparison(comparison)
            cold = time.perf_counter() - started
            warm_runs = []
            for _ in range(3):
                started = time.perf_counter()
                analyse_comparison(comparison)
                warm_runs.append(time.perf_counter() - started)
        warm = statistics.median(warm_runs)
        ratios = f"{cold / previous[0]:8.2f}{warm / previous[1]:8.2f}" if previous else f"{'':8}{'':8}"
        print(f"{size:10}{cold:9.2f}{warm:9.2f}{ratios}{len(analysed.actors):8}{len(analysed.claims):8}")
        previous = (cold, warm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

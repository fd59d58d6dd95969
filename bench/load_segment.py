"""Time of load + clean + layout + segment, per seed and on a long text; prints its figures.

Run from the repository root: `python bench/load_segment.py`. The input side must cost a few milliseconds per
article, so the view can paint before any model loads, and must grow linearly with the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._articles import median_ms  # noqa: E402
from reader.core.load.inputs import article_from_text, load_inputs, read_article  # noqa: E402

REPEATS = 200


def main() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for seed in seeds:
        article = read_article(seed)
        figure = median_ms(lambda seed=seed: read_article(seed), REPEATS)
        print(f"{seed.name}: {figure:.2f} ms  ({len(article.text)} chars, {len(article.sentences)} sentences)")
    print(f"load_inputs(seeds/): {median_ms(lambda: load_inputs([ROOT / 'seeds']), REPEATS):.2f} ms")
    text = seeds[0].read_text(encoding="utf-8")
    previous = 0.0
    for copies in (10, 20, 40, 80):
        long_text = text * copies
        figure = median_ms(lambda long_text=long_text: article_from_text(long_text), repeats=5)
        growth = f"  ×{figure / previous:.2f} per doubling" if previous else ""
        print(f"{copies} copies of seed 000 ({len(long_text)} chars): {figure:.1f} ms{growth}")
        previous = figure


if __name__ == "__main__":
    main()

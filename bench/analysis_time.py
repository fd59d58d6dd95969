"""Time of the analysis of the seeds (cold cache, model loaded) against spaCy's own pipeline on the same text.

Targets: analysis, and the whole pipeline (load, segment, align, analyse: `compare(paths)`), each at most
1.2 × `nlp.pipe` over the articles' full texts. Also prints the warm (cached) time and
spaCy over exactly the sentences the analysis parses. Median of REPEATS runs. Run: python bench/analysis_time.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.analysis import analyse_comparison
from reader.core.analysis.cache import analysed_sentences
from reader.core.analysis.nlp import get_nlp
from reader.core.pipeline import compare

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
REPEATS = 7


def median_seconds(action: object) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    aligned = compare(paths, analyse=False)
    nlp = get_nlp()
    texts = [article.text for article in aligned.articles]
    sentences = [s.text for article in aligned.articles for s in analysed_sentences(article)]
    nlp("warm up")

    def cold() -> None:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["READER_CACHE_DIR"] = folder
            analyse_comparison(aligned)

    def whole_pipeline() -> None:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["READER_CACHE_DIR"] = folder
            compare(paths)

    spacy_full = median_seconds(lambda: list(nlp.pipe(texts)))
    spacy_sentences = median_seconds(lambda: list(nlp.pipe(sentences)))
    analysis_cold = median_seconds(cold)
    whole = median_seconds(whole_pipeline)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["READER_CACHE_DIR"] = folder
        analyse_comparison(aligned)
        analysis_warm = median_seconds(lambda: analyse_comparison(aligned))
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    print(f"seeds: {len(texts)} articles, {tokens} tokens (full text), {len(sentences)} analysed sentences")
    print(f"spaCy nlp.pipe, full texts        {spacy_full * 1000:7.1f} ms")
    print(f"spaCy nlp.pipe, analysed sentences {spacy_sentences * 1000:6.1f} ms")
    print(
        f"analysis, cold cache               {analysis_cold * 1000:6.1f} ms  = {analysis_cold / spacy_full:.2f} x spaCy"
    )
    print(f"whole pipeline, cold cache         {whole * 1000:6.1f} ms  = {whole / spacy_full:.2f} x spaCy")
    print(f"analysis, warm cache               {analysis_warm * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

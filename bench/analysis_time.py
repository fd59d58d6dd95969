"""Time of the analysis of the seeds (cold cache, model loaded) against spaCy's own pipeline on the same text.

Targets: analysis, and the whole pipeline (load, segment, align, analyse: `compare(paths)`), each at most
1.2 × `nlp.pipe` over the articles' full texts. Also prints the warm (cached) time and
spaCy over exactly the sentences the analysis parses. Median of REPEATS runs. Run: python bench/analysis_time.py

Each repeat runs spaCy, the cold analysis and the whole pipeline back to back, so the three see the same load
on the shared machine; the ratios printed are the medians of the per-repeat ratios (the ratio of the medians is
the same within noise when the machine is quiet, and much steadier than it when it is not). The same ratios in
CPU time of this process are printed too: on the shared 2-core machine, wall time counts the moments another
program held the core. Every figure is of a process that has run `compare` once already: the per-process caches
(word keys, the embedding table, name folds) are warm, as in the app's service after its first comparison; a
fresh process pays those once more.
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
REPEATS = 9


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

    runs: dict[str, list[float]] = {"spacy": [], "analysis": [], "whole": []}
    cpu: dict[str, list[float]] = {"spacy": [], "analysis": [], "whole": []}
    actions = {"spacy": lambda: list(nlp.pipe(texts)), "analysis": cold, "whole": whole_pipeline}
    for _ in range(REPEATS):
        for name, action in actions.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            action()
            runs[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
    spacy_full, analysis_cold, whole = (statistics.median(runs[name]) for name in ("spacy", "analysis", "whole"))
    analysis_ratio = statistics.median(a / s for a, s in zip(runs["analysis"], runs["spacy"], strict=True))
    whole_ratio = statistics.median(w / s for w, s in zip(runs["whole"], runs["spacy"], strict=True))
    whole_cpu_ratio = statistics.median(w / s for w, s in zip(cpu["whole"], cpu["spacy"], strict=True))
    analysis_cpu_ratio = statistics.median(a / s for a, s in zip(cpu["analysis"], cpu["spacy"], strict=True))
    spacy_sentences = median_seconds(lambda: list(nlp.pipe(sentences)))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["READER_CACHE_DIR"] = folder
        analyse_comparison(aligned)
        analysis_warm = median_seconds(lambda: analyse_comparison(aligned))
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    print(f"seeds: {len(texts)} articles, {tokens} tokens (full text), {len(sentences)} analysed sentences")
    print(f"spaCy nlp.pipe, full texts        {spacy_full * 1000:7.1f} ms")
    print(f"spaCy nlp.pipe, analysed sentences {spacy_sentences * 1000:6.1f} ms")
    print(f"analysis, cold cache               {analysis_cold * 1000:6.1f} ms  = {analysis_ratio:.2f} x spaCy")
    print(f"whole pipeline, cold cache         {whole * 1000:6.1f} ms  = {whole_ratio:.2f} x spaCy")
    print(
        f"in CPU time of this process        analysis {analysis_cpu_ratio:.2f} x, whole pipeline "
        f"{whole_cpu_ratio:.2f} x spaCy (steadier than wall time when other programs share the cores)"
    )
    print(f"analysis, warm cache               {analysis_warm * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Link precision, recall and F1 of `compare` on 12 real three-outlet events (36 article pairs), annotated by reading.

Loads each event folder as a user would (`reader.core.compare([folder], analyse=False)`), maps our sentences to
the annotated ones by character-offset overlap and counts every (a, b) sentence pair inside a link, as the
data's README says (see bench/_crossoutlet_data.py). Printed next to it, computed in the same run on the same
pairs: the TF-IDF best-partner baseline of the README (cosine over content keys, idf over the event's three
articles, a pair kept when above a threshold and the best partner of one of its sentences), with its threshold
tuned on all events (what the README quotes) and leave-one-event-out (tuned on 11 events, scored on the 12th).

With `--fit` it also refits the link model (`reader/core/align/linkmodel.py`) leave-one-event-out: features of
the candidate pairs of 11 events, logistic weights fitted on them, links chosen on the 12th with those weights;
it prints the held-out figures and the weights fitted on all 12 events (the constants the engine ships).

Run from the repository root: `python bench/crossoutlet.py [--fit]`. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._crossoutlet_data import (  # noqa: E402
    OUTLETS,
    Counts,
    Event,
    GoldPair,
    SentencePair,
    annotated_index,
    load_events,
    predicted_pairs,
)
from reader.core import compare  # noqa: E402
from reader.core.align.normalise import normalise  # noqa: E402
from reader.core.records import Comparison  # noqa: E402

THRESHOLDS = tuple(round(0.05 + 0.01 * k, 2) for k in range(60))


def outlet_of(path: str | None) -> str:
    assert path is not None
    return Path(path).stem


def engine_counts(event: Event, comparison: Comparison) -> Counts:
    counts = Counts()
    index = {outlet_of(article.path): k for k, article in enumerate(comparison.articles)}
    maps = {}
    for outlet in OUTLETS:
        article = comparison.articles[index[outlet]]
        raw = (event.folder / f"{outlet}.txt").read_text(encoding="utf-8")
        assert article.text == raw, f"{event.name}/{outlet}: cleaned text differs from the file, offsets would not map"
        maps[outlet] = annotated_index(article, event.sentences[outlet])
    for gold in event.pairs:
        pair = comparison.alignment(index[gold.a], index[gold.b])
        counts.add(predicted_pairs(pair, maps[gold.a], maps[gold.b]), gold)
    return counts


class TfIdf:
    """TF-IDF vectors of an event's annotated sentences, over content keys (idf over its three articles)."""

    def __init__(self, event: Event) -> None:
        self.keys = {o: [normalise(s.text).keys for s in event.sentences[o]] for o in OUTLETS}
        document_frequency: Counter[str] = Counter()
        total = 0
        for rows in self.keys.values():
            for keys in rows:
                document_frequency.update(set(keys))
                total += 1
        self.vectors: dict[str, list[dict[str, float]]] = {}
        for outlet, rows in self.keys.items():
            vectors = []
            for keys in rows:
                counts = Counter(keys)
                vector = {k: c * math.log(total / document_frequency[k]) for k, c in counts.items()}
                norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
                vectors.append({k: v / norm for k, v in vector.items()})
            self.vectors[outlet] = vectors

    def cosines(self, a: str, b: str) -> list[list[float]]:
        return [
            [sum(value * right.get(key, 0.0) for key, value in left.items()) for right in self.vectors[b]]
            for left in self.vectors[a]
        ]


def baseline_pairs(cosines: Sequence[Sequence[float]], threshold: float) -> frozenset[SentencePair]:
    """Pairs above `threshold` that are the best partner of one of their two sentences (idx = row/column)."""
    if not cosines or not cosines[0]:
        return frozenset()
    best_row = [max(row) for row in cosines]
    best_column = [max(row[j] for row in cosines) for j in range(len(cosines[0]))]
    return frozenset(
        (i, j)
        for i, row in enumerate(cosines)
        for j, value in enumerate(row)
        if value >= threshold and value > 0 and (value == best_row[i] or value == best_column[j])
    )


def baseline(events: Sequence[Event]) -> None:
    tables: dict[str, list[tuple[GoldPair, list[list[float]]]]] = {}
    for event in events:
        tfidf = TfIdf(event)
        tables[event.name] = [(gold, tfidf.cosines(gold.a, gold.b)) for gold in event.pairs]

    def counts_at(names: Sequence[str], threshold: float) -> Counts:
        counts = Counts()
        for name in names:
            for gold, cosines in tables[name]:
                counts.add(baseline_pairs(cosines, threshold), gold)
        return counts

    names = [event.name for event in events]
    best = max(THRESHOLDS, key=lambda t: (counts_at(names, t).f1, -t))
    print(counts_at(names, best).line(f"TF-IDF best partner, threshold {best:.2f} tuned on all"))
    held_out = Counts()
    for name in names:
        rest = [other for other in names if other != name]
        cut = max(THRESHOLDS, key=lambda t: (counts_at(rest, t).f1, -t))
        held_out = held_out.merged(counts_at([name], cut))
    print(held_out.line("TF-IDF best partner, leave-one-event-out threshold"))


def engine(events: Sequence[Event]) -> None:
    total = Counts()
    per_pair: list[float] = []
    per_event: list[tuple[str, Counts]] = []
    for event in events:
        compare([str(event.folder)], analyse=False)  # warm the word caches once, as a second pair would
        started = time.perf_counter()
        comparison = compare([str(event.folder)], analyse=False)
        per_pair.append((time.perf_counter() - started) / len(comparison.alignments))
        counts = engine_counts(event, comparison)
        per_event.append((event.name, counts))
        total = total.merged(counts)
    print(total.line("reader compare (all 36 pairs)"))
    print(f"  time per pair (load + align, median over events): {statistics.median(per_pair) * 1000:.1f} ms")
    print("  per event: " + ", ".join(f"{name[6:]} {c.f1:.2f}" for name, c in per_event))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the link model leave-one-event-out")
    args = parser.parse_args()
    events = load_events()
    if not events:
        print("skipped: ../shared/data/dev/crossoutlet/ not found (development data lives outside the repository)")
        return 0
    pairs = sum(len(event.pairs) for event in events)
    print(f"{len(events)} events, {pairs} article pairs (timings are noisy on a shared machine: medians)")
    engine(events)
    baseline(events)
    if args.fit:
        from bench._linkfit import leave_one_event_out

        leave_one_event_out(events)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Link precision, recall and F1 of `compare` on 12 real three-outlet events (36 article pairs), annotated by reading.

Loads each event folder as a user would (`reader.core.compare([folder], analyse=False)`), maps our sentences to
the annotated ones by character-offset overlap and counts every (a, b) sentence pair inside a link, as the
data's README says (see bench/_crossoutlet_data.py). Printed next to it, computed in the same run on the same
pairs: the TF-IDF best-partner baseline of the README (cosine over content keys, idf over the event's three
articles, a pair kept when above a threshold and the best partner of one of its sentences), with its threshold
tuned on all events (what the README quotes) and leave-one-event-out (tuned on 11 events, scored on the 12th).
The engine runs twice: with the shipped link model and with the lexical one it replaced (`LEXICAL_MODEL`: the
same signals without the two semantic ones), so the gain of the meaning vectors reads off one run.

With `--fit` it also refits the link model (`reader/core/align/linkmodel.py`) leave-one-event-out: features of
the candidate pairs of 11 events, logistic weights fitted on them, links chosen on the 12th with those weights;
it prints the held-out figures and the weights fitted on all 12 events (the constants the engine ships).

Then the kind figure: over our links' sentence pairs that hit a gold link, how often our kind agrees with the
annotators' `rel` (VERBATIM and PARAPHRASE read as "same", PARTIAL as "partial"), with per-class precision and
recall, for the shipped rule and, held out one event at a time (cut chosen on the other 11 events), for a single cut on
each coverage measure the engine computes (additions share, order-aware key ratio, relatedness) and a
two-feature logistic (additions, ratio).

Run from the repository root: `python bench/crossoutlet.py [--fit]`. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
from bench._vectors import install_from_env  # noqa: E402
from reader.core import compare  # noqa: E402
from reader.core.align.aligner import align_pair, link_pairs, normalised_sentences  # noqa: E402
from reader.core.align.linkmodel import LINK_MODEL, LinkModel  # noqa: E402
from reader.core.align.normalise import normalise  # noqa: E402
from reader.core.align.scoring import VERBATIM_RATIO  # noqa: E402
from reader.core.load.inputs import load_inputs  # noqa: E402
from reader.core.records import Comparison, SentenceClass  # noqa: E402

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


LEXICAL_MODEL = LinkModel(
    weights=(
        *(2.570, 0.736, 0.812, -0.371, 0.570, 1.386, 0.066, 0.345, 1.575, 1.487, 2.683, 4.270, 0.0),
        *(0.369, 0.379, 2.611, -0.823, -2.637, 0.0),
    ),
    bias=-4.781,
    threshold=0.28,
)
"""The link model shipped before the semantic signals (weights fitted on the 17 lexical and context signals,
zeros for `semantic` and `semantic_rank`): printed beside the shipped model, in the same run, to show what the
meaning vectors add."""


def engine(events: Sequence[Event], model: LinkModel = LINK_MODEL, name: str = "reader compare (all 36 pairs)") -> None:
    """Load and align every event as a user would, with `model` as the aligner's link model."""
    defaults = align_pair.__kwdefaults__
    previous = defaults["model"]
    defaults["model"] = model
    try:
        _engine(events, name)
    finally:
        defaults["model"] = previous


def _engine(events: Sequence[Event], name: str) -> None:
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
    print(total.line(name))
    print(f"  time per pair (load + align, median over events): {statistics.median(per_pair) * 1000:.1f} ms")
    print("  per event: " + ", ".join(f"{name[6:]} {c.f1:.2f}" for name, c in per_event))


@dataclass(frozen=True)
class KindSample:
    """One of our links' sentence pairs that the annotators linked: our kind, their rel, the coverage measures."""

    event: str
    ours_same: bool
    gold_same: bool
    fixed: bool
    """Copied wording (VERBATIM_RATIO) or below the bracketed bar: the PARTIAL/PARAPHRASE rule does not decide these."""
    measures: dict[str, float]
    """The link's measures a rule may read: MEASURES."""


MEASURES = ("added", "ratio", "score")
"""Additions share (`phrases.added_shares`), order-aware key ratio, relatedness: all in `scoring.PairScore`."""


def kind_samples(events: Sequence[Event]) -> list[KindSample]:
    """Every (a idx, b idx) inside one of our links (as `align_pair` makes them) that is inside a gold link."""
    samples = []
    for event in events:
        articles = {outlet_of(article.path): article for article in load_inputs([str(event.folder)]).articles}
        maps = {o: annotated_index(articles[o], event.sentences[o]) for o in OUTLETS}
        for gold in event.pairs:
            a, b = normalised_sentences(articles[gold.a]), normalised_sentences(articles[gold.b])
            for link, _ in link_pairs(a, b):
                kind = link.kind
                ours_same = kind in (SentenceClass.VERBATIM, SentenceClass.PARAPHRASE)
                fixed = kind is SentenceClass.UNIQUE or link.measures.word_ratio >= VERBATIM_RATIO
                measures = {name: float(getattr(link.measures, name)) for name in MEASURES}
                hit = {(maps[gold.a][i], maps[gold.b][j]) for i in link.a for j in link.b} & gold.links
                samples.extend(
                    KindSample(event.name, ours_same, pair in gold.same, fixed, measures) for pair in sorted(hit)
                )
    return samples


@dataclass
class KindCounts:
    """Agreement of our kind with the gold rel, and per-class precision and recall ("same", "partial")."""

    table: Counter[tuple[bool, bool]] = field(default_factory=Counter)
    """(ours same, gold same) -> count."""

    def add(self, ours_same: bool, gold_same: bool) -> None:
        self.table[(ours_same, gold_same)] += 1

    def merged(self, other: KindCounts) -> KindCounts:
        return KindCounts(self.table + other.table)

    @property
    def agreement(self) -> float:
        total = sum(self.table.values())
        return (self.table[(True, True)] + self.table[(False, False)]) / total if total else 0.0

    def line(self, name: str) -> str:
        parts = []
        for label, value in (("same", True), ("partial", False)):
            hits = self.table[(value, value)]
            predicted = self.table[(value, True)] + self.table[(value, False)]
            gold = self.table[(True, value)] + self.table[(False, value)]
            parts.append(f"{label} P {hits / predicted if predicted else 0.0:.3f} R {hits / gold if gold else 0.0:.3f}")
        total = sum(self.table.values())
        return f"  {name:<52} agree {self.agreement:.3f}  " + "  ".join(parts) + f"  ({total} pairs)"


Rule = Callable[[KindSample], bool]
"""True when the rule calls the pair "same" (PARAPHRASE)."""


def kind_counts(samples: Sequence[KindSample], rule: Rule | None = None) -> KindCounts:
    """Counts with our kind, or with `rule` on the pairs the PARTIAL/PARAPHRASE decision covers."""
    counts = KindCounts()
    for s in samples:
        counts.add(s.ours_same if rule is None or s.fixed else rule(s), s.gold_same)
    return counts


def cut_rule(measure: str, cut: float) -> Rule:
    """Call a pair "same" when `measure` reaches `cut` (for the additions share: when it stays below it)."""
    if measure == "added":
        return lambda s: s.measures[measure] < cut
    return lambda s: s.measures[measure] >= cut


def best_cut(samples: Sequence[KindSample], measure: str) -> float:
    """The cut on `measure` with the best agreement on `samples` (ties: the lower cut)."""
    cuts = [round(0.01 * k, 2) for k in range(101)]
    return max(cuts, key=lambda t: (kind_counts(samples, cut_rule(measure, t)).agreement, -t))


def logistic_rule(samples: Sequence[KindSample], measures: Sequence[str]) -> Rule:
    """Logistic P(same) over `measures`, fitted on the pairs the decision covers."""
    import numpy as np

    from bench._linkfit import fit

    decided = [s for s in samples if not s.fixed]
    x = np.array([[s.measures[m] for m in measures] for s in decided], dtype=float)
    w = fit(x, np.array([float(s.gold_same) for s in decided]))
    return lambda s: math.fsum(float(w[k]) * s.measures[m] for k, m in enumerate(measures)) + float(w[-1]) >= 0.0


def kinds(events: Sequence[Event]) -> None:
    samples = kind_samples(events)
    names = sorted({s.event for s in samples})
    decided = sum(not s.fixed for s in samples)
    print(
        f"kind of our links that hit a gold link ({len(samples)} (link, gold pair) hits: a pair inside two of our "
        f"links counts in each; {sum(s.gold_same for s in samples)} gold same, {decided} decided by the "
        "PARTIAL/PARAPHRASE rule, the rest verbatim or below the bracketed bar)"
    )
    print(kind_counts(samples).line("shipped rule"))
    print(kind_counts(samples, lambda s: True).line("always same"))
    for measure in MEASURES:
        cut = best_cut(samples, measure)
        print(kind_counts(samples, cut_rule(measure, cut)).line(f"{measure} cut {cut:.2f} tuned on all (in-sample)"))
        held, cuts = KindCounts(), []
        for name in names:
            train = [s for s in samples if s.event != name]
            cuts.append(best_cut(train, measure))
            held = held.merged(kind_counts([s for s in samples if s.event == name], cut_rule(measure, cuts[-1])))
        span = f"{min(cuts):.2f}-{max(cuts):.2f}"
        print(held.line(f"{measure} cut, leave-one-event-out (cuts {span})"))
    held = KindCounts()
    for name in names:
        rule = logistic_rule([s for s in samples if s.event != name], ("added", "ratio"))
        held = held.merged(kind_counts([s for s in samples if s.event == name], rule))
    print(held.line("logistic (added, ratio), leave-one-event-out"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the link model leave-one-event-out")
    args = parser.parse_args()
    swapped = install_from_env()
    if swapped:
        print(swapped)
    events = load_events()
    if not events:
        print("skipped: ../shared/data/dev/crossoutlet/ not found (development data lives outside the repository)")
        return 0
    pairs = sum(len(event.pairs) for event in events)
    print(f"{len(events)} events, {pairs} article pairs (timings are noisy on a shared machine: medians)")
    engine(events)
    engine(events, LEXICAL_MODEL, "  the same, lexical model (no semantic signals)")
    baseline(events)
    kinds(events)
    if args.fit:
        from bench._linkfit import leave_one_event_out

        leave_one_event_out(events)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

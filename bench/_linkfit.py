"""Fit the link model on the cross-outlet dev events, leave-one-event-out, and say what each signal adds.

For every article pair of every event: the engine's candidates with their signals (`aligner.scored_candidates`,
exactly what `align_pair` scores), labelled by whether the annotated sentences they map to are linked in the
gold. A logistic model (L2-regularised, Newton's method, numpy) is fitted on 11 events and its threshold chosen
on those 11 (best F1); the 12th event is scored with both. Summed over the 12 held-out events this is the figure
to expect on new events. Then each signal is dropped in turn (refitted the same way) to show what it adds, and
the model is fitted on all 12 events: those are the constants `reader/core/align/linkmodel.py` ships.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bench._crossoutlet_data import OUTLETS, Counts, Event, GoldPair, SentencePair, annotated_index
from reader.core.align.aligner import normalised_sentences, scored_candidates
from reader.core.align.features import FEATURE_NAMES
from reader.core.load.inputs import load_inputs

L2 = 1.0
"""Ridge penalty on the weights (not the bias), in units of the log-likelihood summed over candidates."""
SEMANTIC = ("semantic", "semantic_rank")
"""The signals read off the meaning vectors (`embedding.py`): dropped together to show what they add."""
THRESHOLDS = tuple(round(0.2 + 0.02 * k, 2) for k in range(31))
BAND = tuple(t for t in THRESHOLDS if 0.22 <= t <= 0.40)
"""Fixed cuts over which the held-out F1 is also averaged: the chosen cut jumps between neighbours from one refit
to the next, so the mean over the band around it is the steadier figure to compare two signal sets by."""


@dataclass
class PairData:
    gold: GoldPair
    features: np.ndarray
    labels: np.ndarray
    mapped: list[SentencePair | None]


def event_data(event: Event) -> list[PairData]:
    articles = {}
    for article in load_inputs([str(event.folder)]).articles:
        assert article.path is not None
        articles[article.path.rsplit("/", 1)[-1].removesuffix(".txt")] = article
    maps = {o: annotated_index(articles[o], event.sentences[o]) for o in OUTLETS}
    result = []
    for gold in event.pairs:
        a = normalised_sentences(articles[gold.a])
        b = normalised_sentences(articles[gold.b])
        _, candidates = scored_candidates(a, b)
        mapped: list[SentencePair | None] = []
        for c in candidates:
            ai, bj = maps[gold.a][c.i], maps[gold.b][c.j]
            mapped.append(None if ai is None or bj is None else (ai, bj))
        labels = np.array([m is not None and m in gold.links for m in mapped], dtype=float)
        features = np.array([c.features for c in candidates], dtype=float).reshape(len(candidates), len(FEATURE_NAMES))
        result.append(PairData(gold, features, labels, mapped))
    return result


def fit(features: np.ndarray, labels: np.ndarray, steps: int = 30) -> np.ndarray:
    """Weights then bias of an L2-regularised logistic regression."""
    x = np.hstack([features, np.ones((len(features), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[-1] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -40, 40)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        w = w - np.linalg.solve(hessian, gradient)
    return w


def probabilities(w: np.ndarray, features: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(features @ w[:-1] + w[-1], -40, 40)))


def counts_of(pairs: Sequence[PairData], probs: Sequence[np.ndarray], threshold: float) -> Counts:
    counts = Counts()
    for data, p in zip(pairs, probs, strict=True):
        predicted = frozenset(
            m for m, value in zip(data.mapped, p, strict=True) if m is not None and value >= threshold
        )
        counts.add(predicted, data.gold)
    return counts


def held_out(data: dict[str, list[PairData]], columns: Sequence[int]) -> tuple[Counts, float]:
    """Leave-one-event-out counts with the feature `columns`, and the median chosen threshold."""
    total, cut, _ = held_out_band(data, columns)
    return total, cut


def held_out_band(data: dict[str, list[PairData]], columns: Sequence[int]) -> tuple[Counts, float, float]:
    """`held_out`, and the mean over BAND of the held-out F1 at each fixed cut (the same held-out weights)."""
    total = Counts()
    band = {t: Counts() for t in BAND}
    cuts = []
    for name in data:
        train = [d for other, rows in data.items() if other != name for d in rows]
        x = np.vstack([d.features[:, columns] for d in train])
        y = np.concatenate([d.labels for d in train])
        w = fit(x, y)
        train_probs = [probabilities(w, d.features[:, columns]) for d in train]
        cut = max(THRESHOLDS, key=lambda t: (counts_of(train, train_probs, t).f1, -t))
        cuts.append(cut)
        test = data[name]
        test_probs = [probabilities(w, d.features[:, columns]) for d in test]
        total = total.merged(counts_of(test, test_probs, cut))
        for t in BAND:
            band[t] = band[t].merged(counts_of(test, test_probs, t))
    return total, float(np.median(cuts)), float(np.mean([c.f1 for c in band.values()]))


def leave_one_event_out(events: Sequence[Event]) -> None:
    data = {event.name: event_data(event) for event in events}
    everything = [d for rows in data.values() for d in rows]
    gold_total = sum(len(d.gold.links) for d in everything)
    reachable = sum(len({m for m in d.mapped if m is not None} & d.gold.links) for d in everything)
    candidates = sum(len(d.labels) for d in everything)
    print(f"link model: {candidates} candidates, {reachable}/{gold_total} gold pairs among them")
    all_columns = list(range(len(FEATURE_NAMES)))
    counts, cut, band = held_out_band(data, all_columns)
    print(counts.line(f"link model, leave-one-event-out (median cut {cut:.2f})"))
    print(f"  mean held-out F1 over the cuts {BAND[0]:.2f}-{BAND[-1]:.2f}: {band:.4f}")
    lexical = [k for k, name in enumerate(FEATURE_NAMES) if name not in SEMANTIC]
    without, lexical_cut, lexical_band = held_out_band(data, lexical)
    print(without.line(f"  the same without {' and '.join(SEMANTIC)} (median cut {lexical_cut:.2f})"))
    print(f"  mean held-out F1 over the cuts without them: {lexical_band:.4f}")
    print("  what each signal adds (held-out F1 without it, all others refitted):")
    for k, name in enumerate(FEATURE_NAMES):
        without, _ = held_out(data, [c for c in all_columns if c != k])
        print(f"    {name:<16} F1 without {without.f1:.3f} ({counts.f1 - without.f1:+.3f} from it)")
    x = np.vstack([d.features for d in everything])
    y = np.concatenate([d.labels for d in everything])
    w = fit(x, y)
    probs = [probabilities(w, d.features) for d in everything]
    best = max(THRESHOLDS, key=lambda t: (counts_of(everything, probs, t).f1, -t))
    print(counts_of(everything, probs, best).line(f"fitted on all 12 (in-sample), cut {best:.2f}"))
    print("  weights = (" + ", ".join(f"{v:.3f}" for v in w[:-1]) + f"), bias = {w[-1]:.3f}, threshold = {best}")

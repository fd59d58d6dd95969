"""How well `match_sentences` tells paraphrases apart, on real news pairs (MSRP train, STS news).

Prints, for MSRP (paraphrase = class VERBATIM or PARAPHRASE):
- accuracy and F1 of `match_sentences` at its default thresholds, with rarity weights over the 80 sentences of
  the neighbouring pairs (the size of an article pair, which is what the aligner weighs over);
- a plain difflib-ratio baseline whose threshold is tuned on the same data;
- a two-fold check that the tuning generalises: the paraphrase model (4 weights and a bias) and the baseline's
  threshold are fitted on one half and scored on the other, both ways.
For STS news it prints how often the match decision agrees with "human score ≥ 2.5" (same passage).
Both also print the class the aligner gives a pair it has aligned (`aligned=True`: PARTIAL when one side adds a
clause with nothing opposite). That rule is not tuned on these sets and scores lower on them: MSRP and STS label
a sentence with an extra clause as a paraphrase of the shorter one, which the reader must show as partial.

Run from the repository root: `python bench/paraphrase.py`. Skips with a message when the data is absent.
"""

from __future__ import annotations

import csv
import difflib
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._articles import DEV_DATA  # noqa: E402
from bench._vectors import install_from_env  # noqa: E402
from reader.core.align import match_sentences  # noqa: E402
from reader.core.align.normalise import normalise  # noqa: E402
from reader.core.align.paraphrase import paraphrase_features  # noqa: E402
from reader.core.align.paraphrase import paraphrase_logit as lexical_logit  # noqa: E402
from reader.core.align.scoring import MATCH_THRESHOLD, PairScore, Rarity, paraphrase_logit, score_pair  # noqa: E402
from reader.core.records import SentenceClass  # noqa: E402

DATA = DEV_DATA
WINDOW = 40
"""Neighbouring pairs whose sentences form the rarity context (40 pairs = 80 sentences)."""

LEXICAL_BEFORE = 31
"""The signals of the paraphrase model before `paraphrase.detail_signals` (its first 31 inputs): fitted and
scored beside the full model, in the same run, to show what the detail signals add."""

Pair = tuple[int, str, str]
PARAPHRASE_KINDS = (SentenceClass.VERBATIM, SentenceClass.PARAPHRASE)


def read_msrp(path: Path) -> list[Pair]:
    rows: list[Pair] = []
    with path.open(encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 5:
                rows.append((int(fields[0]), fields[3], fields[4]))
    return rows


def read_sts(path: Path) -> list[tuple[float, str, str]]:
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(float(row[4]), row[5], row[6]) for row in reader if len(row) >= 7]


def context_of(rows: Sequence[tuple[object, str, str]], index: int) -> list[str]:
    start = max(0, index - WINDOW // 2)
    return [text for row in rows[start : start + WINDOW] for text in (row[1], row[2])]


def accuracy_f1(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float]:
    hits = sum(p == g for p, g in zip(predicted, gold, strict=True))
    true_pos = sum(p and g for p, g in zip(predicted, gold, strict=True))
    denominator = sum(predicted) + sum(gold)
    return hits / len(gold), (2 * true_pos / denominator if denominator else 0.0)


def best_threshold(values: Sequence[float], gold: Sequence[bool]) -> float:
    """The cut on `values` (predict positive at or above it) with the best accuracy; ties to the lowest."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    correct = sum(gold)  # everything predicted positive
    best, cut = correct, values[order[0]] if order else 0.0
    for position, k in enumerate(order):
        correct += -1 if gold[k] else 1
        following = values[order[position + 1]] if position + 1 < len(order) else math.inf
        if following != values[k] and correct > best:
            best, cut = correct, following
    return cut


def fit_logistic(features: Sequence[Sequence[float]], gold: Sequence[bool], steps: int = 25) -> list[float]:
    """Newton's method for a small logistic regression (weights then bias), pure Python."""
    rows = [[*row, 1.0] for row in features]
    size = len(rows[0])
    weights = [0.0] * size
    for _ in range(steps):
        gradient = [1e-3 * w for w in weights]
        hessian = [[1e-3 if i == j else 0.0 for j in range(size)] for i in range(size)]
        for row, label in zip(rows, gold, strict=True):
            z = sum(w * x for w, x in zip(weights, row, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(size):
                gradient[i] += (p - label) * row[i]
                for j in range(size):
                    hessian[i][j] += p * (1 - p) * row[i] * row[j]
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
    return weights


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    size = len(vector)
    augmented = [[*matrix[i], vector[i]] for i in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(augmented[r][column]))
        augmented[column], augmented[pivot] = augmented[pivot], augmented[column]
        for row in range(size):
            if row != column:
                factor = augmented[row][column] / augmented[column][column]
                augmented[row] = [a - factor * b for a, b in zip(augmented[row], augmented[column], strict=True)]
    return [augmented[i][size] / augmented[i][i] for i in range(size)]


def difflib_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def report(name: str, predicted: Sequence[bool], gold: Sequence[bool]) -> None:
    accuracy, f1 = accuracy_f1(predicted, gold)
    print(f"  {name:<48} accuracy {accuracy:.3f}   F1 {f1:.3f}")


def msrp_bench(rows: list[Pair]) -> None:
    gold = [label == 1 for label, _, _ in rows]
    started = time.perf_counter()
    results = [match_sentences(a, b, context=context_of(rows, k)) for k, (_, a, b) in enumerate(rows)]
    elapsed = time.perf_counter() - started
    predicted = [r.kind in (SentenceClass.VERBATIM, SentenceClass.PARAPHRASE) for r in results]
    ratios = [difflib_ratio(a, b) for _, a, b in rows]
    cut = best_threshold(ratios, gold)
    print(f"MSRP train: {len(rows)} pairs, {sum(gold)} paraphrases ({sum(gold) / len(rows):.3f} majority class)")
    report("match_sentences, default thresholds", predicted, gold)
    report(f"difflib ratio baseline, tuned cut {cut:.3f}", [r >= cut for r in ratios], gold)
    aligned = [match_sentences(a, b, context=context_of(rows, k), aligned=True) for k, (_, a, b) in enumerate(rows)]
    report(
        "aligned class rule (PARTIAL_RATIO, fitted on the cross-outlet links, not on MSRP)",
        [r.kind in PARAPHRASE_KINDS for r in aligned],
        gold,
    )
    classes = {kind: sum(r.kind is kind for r in results) for kind in SentenceClass}
    print("  classes: " + ", ".join(f"{kind.value} {count}" for kind, count in classes.items() if count))
    print(f"  {elapsed * 1000 / len(rows):.2f} ms per pair (normalising the 80-sentence context included)")

    measures = []
    for k, (_, a, b) in enumerate(rows):
        rarity = Rarity(normalise(text) for text in context_of(rows, k))
        measures.append(score_pair(normalise(a), normalise(b), rarity))
    order = list(range(len(rows)))
    random.Random(2).shuffle(order)
    halves = [sorted(order[: len(order) // 2]), sorted(order[len(order) // 2 :])]
    print("  two-fold (tune on one half, report on the other):")
    for fold, (train, test) in enumerate((halves, halves[::-1]), start=1):
        model = fit_logistic([measures[k].paraphrase_features for k in train], [gold[k] for k in train])
        decide: Callable[[int], bool] = lambda k, m=model: (  # noqa: E731
            measures[k].score >= MATCH_THRESHOLD and paraphrase_logit(measures[k].paraphrase_features, m) >= 0.0
        )
        fold_cut = best_threshold([ratios[k] for k in train], [gold[k] for k in train])
        test_gold = [gold[k] for k in test]
        weights = ", ".join(f"{w:.2f}" for w in model)
        report(f"fold {fold}: old four-weight model ({weights})", [decide(k) for k in test], test_gold)
        report(f"fold {fold}: difflib ratio, cut {fold_cut:.3f}", [ratios[k] >= fold_cut for k in test], test_gold)
    lexical_model(rows, measures, gold, halves)


def lexical_model(
    rows: list[Pair], measures: Sequence[PairScore], gold: Sequence[bool], halves: list[list[int]]
) -> None:
    """The paraphrase model of `align/paraphrase.py`: two-fold, then fitted on all (the shipped constants)."""
    features = []
    for k, (_, a, b) in enumerate(rows):
        rarity = Rarity(normalise(text) for text in context_of(rows, k))
        features.append(paraphrase_features(normalise(a), normalise(b), measures[k], rarity))

    def decide(k: int, weights: Sequence[float]) -> bool:
        logit = lexical_logit(features[k], weights[:-1], weights[-1])
        return measures[k].score >= MATCH_THRESHOLD and logit >= 0.0

    def decide_before(k: int, weights: Sequence[float]) -> bool:
        logit = lexical_logit(features[k][:LEXICAL_BEFORE], weights[:-1], weights[-1])
        return measures[k].score >= MATCH_THRESHOLD and logit >= 0.0

    print(f"  lexical paraphrase model ({len(features[0])} signals), two-fold:")
    for fold, (train, test) in enumerate((halves, halves[::-1]), start=1):
        before = fit_logistic([features[k][:LEXICAL_BEFORE] for k in train], [gold[k] for k in train], steps=12)
        report(
            f"fold {fold}: before the detail signals ({LEXICAL_BEFORE})",
            [decide_before(k, before) for k in test],
            [gold[k] for k in test],
        )
        weights = fit_logistic([features[k] for k in train], [gold[k] for k in train], steps=12)
        report(f"fold {fold}: lexical model", [decide(k, weights) for k in test], [gold[k] for k in test])
    weights = fit_logistic(features, gold, steps=12)
    report("lexical model fitted on all (in-sample)", [decide(k, weights) for k in range(len(rows))], gold)
    print("  weights = (" + ", ".join(f"{w:.3f}" for w in weights[:-1]) + f"), bias = {weights[-1]:.3f}")


def sts_bench(rows: list[tuple[float, str, str]]) -> None:
    same = [score >= 2.5 for score, _, _ in rows]
    results = [match_sentences(a, b, context=context_of(rows, k)) for k, (_, a, b) in enumerate(rows)]
    print(f"STS news: {len(rows)} pairs, {sum(same)} scored >= 2.5 of 5 (same passage)")
    report("match decision vs human score >= 2.5", [r.matched for r in results], same)
    close = [score >= 4.0 for score, _, _ in rows]
    paraphrase = [r.kind in PARAPHRASE_KINDS for r in results]
    report("paraphrase class vs human score >= 4", paraphrase, close)
    aligned = [match_sentences(a, b, context=context_of(rows, k), aligned=True) for k, (_, a, b) in enumerate(rows)]
    report("aligned class rule vs human score >= 4", [r.kind in PARAPHRASE_KINDS for r in aligned], close)


def main() -> int:
    msrp, sts = DATA / "msrp_train.tsv", DATA / "sts_news_train.tsv"
    swapped = install_from_env()
    if swapped:
        print(swapped)
    if not msrp.exists():
        print(f"skipped: {msrp} not found (development data lives outside the repository)")
        return 0
    msrp_bench(read_msrp(msrp))
    if sts.exists():
        sts_bench(read_sts(sts))
    else:
        print(f"STS skipped: {sts} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

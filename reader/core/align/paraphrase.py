"""Does a matched pair, on its own, say the same thing (PARAPHRASE) or only part of it (PARTIAL)?

The decision of `match_sentences` for a pair outside an alignment, benchmarked on MSRP. A logistic model over
lexical signals read the way machine-translation metrics read a candidate against a reference: word n-gram
precision and recall (n = 1..4, the lower and the higher of the two directions, so the model is symmetric),
content-key unigram and bigram overlap, character 3-gram cosine, the length difference, plus the aligner's
own pair measures (overlap, order, anchors, shared numbers and names, additions with nothing opposite).
MSRP's negatives are mostly high-overlap pairs where one side adds, drops or changes a detail; n-gram recall
against precision and the length difference are what tell those apart. bench/paraphrase.py fits it (two-fold
check on MSRP train printed next to the old four-weight model and a difflib baseline); PARAPHRASE_WEIGHTS are
the weights fitted on all of MSRP train.

The meaning vectors of `embedding.py` are not among the inputs: measured two-fold on MSRP train beside these
31 signals, their cosine gave 0.765/0.767 (raw) and 0.768/0.765 (centred over the 80-sentence context) against
0.767/0.768 without, and even the full MiniLM encoder's cosine only 0.770/0.768 (0.734/0.726 alone). MSRP's
negatives share the meaning and differ in a detail, which a sentence vector does not see.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from reader.core.align.features import _char_grams, pair_signals
from reader.core.align.normalise import NormalisedSentence, normalise
from reader.core.align.scoring import PairScore, Rarity, SentenceMatch, decide, score_pair


def _ngram_shares(a: Sequence[str], b: Sequence[str], n: int) -> tuple[float, float]:
    """(lower, higher) of the shares of each side's n-grams found in the other (clipped counts)."""
    left = Counter(tuple(a[k : k + n]) for k in range(len(a) - n + 1))
    right = Counter(tuple(b[k : k + n]) for k in range(len(b) - n + 1))
    if not left or not right:
        return 0.0, 0.0
    common = sum((left & right).values())
    shares = sorted((common / sum(left.values()), common / sum(right.values())))
    return shares[0], shares[1]


def _char_cosine(a: NormalisedSentence, b: NormalisedSentence) -> float:
    left = {g: 1.0 + math.log(c) for g, c in sorted(_char_grams(a).items())}
    right = {g: 1.0 + math.log(c) for g, c in sorted(_char_grams(b).items())}
    norm = math.sqrt(math.fsum(v * v for v in left.values())) * math.sqrt(math.fsum(v * v for v in right.values()))
    if len(left) > len(right):
        left, right = right, left
    return sum(v * right[g] for g, v in left.items() if g in right) / norm if norm else 0.0


def paraphrase_features(
    a: NormalisedSentence, b: NormalisedSentence, measures: PairScore, rarity: Rarity
) -> tuple[float, ...]:
    """The model's inputs, in PARAPHRASE_WEIGHTS order; symmetric in `a` and `b`."""
    lengths = sorted((len(a.words), len(b.words)))
    gap = lengths[1] - lengths[0]
    values = [
        *measures.paraphrase_features,
        _char_cosine(a, b),
        measures.score,
        measures.added,
        *pair_signals(a, b, measures, rarity),
    ]
    for n in (1, 2, 3, 4):
        values.extend(_ngram_shares(a.words, b.words, n))
    for n in (1, 2):
        values.extend(_ngram_shares(a.keys, b.keys, n))
    values += [gap / lengths[1] if lengths[1] else 0.0, math.log1p(gap)]
    return tuple(values)


PARAPHRASE_WEIGHTS: tuple[float, ...] = (
    *(-6.848, 5.281, -2.856, -5.531, 3.264, -5.948, -1.576),
    *(5.437, 5.142, 0.018, 1.213, 0.536, -0.202, -0.354, -0.412, 0.045, -0.494),
    *(18.927, -14.640, -1.342, 0.431, 4.664, -4.619, -4.600, 2.481),
    *(3.972, 2.734, 0.703, -0.390),
    *(4.448, -0.248),
)
"""Fitted on all 4,076 MSRP train pairs (rarity over the 80 sentences of the neighbouring pairs, as the bench
does). What it buys: two-fold accuracy 0.767 and 0.768 (F1 0.835) against 0.750 and 0.747 for the old
four-weight model and 0.71 for a tuned difflib ratio. Rows: the old model's four inputs, character cosine,
score, additions; the aligner's pair signals; word n-gram shares (n = 1..4, lower then higher); key n-gram
shares (n = 1, 2); length difference (share, log). Weights of correlated inputs offset each other (unigram
shares +18.9 and -14.6): read the model as a whole, not weight by weight."""
PARAPHRASE_BIAS = -1.082


def paraphrase_logit(
    features: Sequence[float], weights: Sequence[float] = PARAPHRASE_WEIGHTS, bias: float = PARAPHRASE_BIAS
) -> float:
    """Positive when the pair says the same thing, negative when one side adds or changes much."""
    return math.fsum(w * x for w, x in zip(weights, features, strict=True)) + bias


def match_sentences(
    a: str, b: str, *, context: Sequence[str] | None = None, bracketed: bool = False, aligned: bool = False
) -> SentenceMatch:
    """The score, decision and class the aligner gives sentences `a` and `b`.

    `context` is the set of sentences the rarity weights are computed over (the aligner uses every sentence of
    both articles); `a` and `b` are added when not already in it. Without context all content words weigh the
    same. `bracketed=True` asks for the decision on a pair that lies between two matched pairs; `aligned=True`
    for the class the aligner gives a pair it has linked (`scoring.PARTIAL_RATIO`, not this module's paraphrase
    model).
    """
    first, second = normalise(a), normalise(b)
    texts = list(context) if context is not None else []
    present = set(texts)
    texts.extend(text for text in dict.fromkeys((a, b)) if text not in present)
    rarity = Rarity(normalise(text) for text in texts)
    measures = score_pair(first, second, rarity)
    if not aligned:
        measures = replace(
            measures, paraphrase_logit=paraphrase_logit(paraphrase_features(first, second, measures, rarity))
        )
    return decide(measures, bracketed=bracketed, aligned=aligned)

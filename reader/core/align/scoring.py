"""How alike two sentences (or a sentence and two adjacent ones) are, and which class that earns.

The score mixes four measures, each covering a weakness of the others:

- weighted overlap (Dice over content keys, each key weighted by its rarity in the two articles): paraphrase
  keeps the rare words (names, numbers, "scepticism") while the common ones ("Iran", "officials") say little;
- containment (shared weight over the smaller side): one sentence carried whole inside a longer one;
- an order-aware ratio (Indel/LCS similarity of the key sequences, the exact form of difflib's ratio): copied
  wording keeps its order, a bag of shared topic words does not;
- anchors (`phrases.py`): the weight of content words shared as a copied phrase or inside quotation marks, a
  bonus on top, because one shared quote or phrase marks the same passage even inside long, otherwise
  different sentences ("claims by Trump that Iran's nuclear … “obliterated”").

Whether a matched pair says the *same* thing (paraphrase) or one side carries only part of the other (partial) is
a second decision. For a pair on its own (`match_sentences`, benchmarked on MSRP) it is a small logistic model
over overlap, word order and length, tuned on MSRP (bench/paraphrase.py prints the figures and a two-fold check
that they generalise). For a pair the aligner has aligned as one passage it is read from how much of the
content the two sides tell in the same order (the order-aware key ratio): PARTIAL when little of it lines up
(PARTIAL_RATIO), PARAPHRASE otherwise. That one cut is calibrated on the annotators' `rel` ("same" / "partial")
of the cross-outlet dev links (bench/crossoutlet.py prints the kind agreement, held out one event at a time).
MSRP cannot calibrate it: its annotators count a sentence with an extra clause as a paraphrase of the shorter
one, which is what this product must show as partial. The older coverage rule (PARTIAL when one side's share
of content with nothing opposite, `phrases.added_shares`, reaches 0.20) agreed with the annotators on 0.64 of
the linked pairs, barely above always answering "same" (0.50): the additions share is kept as a measure (the
MSRP model reads it), not as the aligned decision.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.distance import Indel

from reader.core.align.normalise import NormalisedSentence
from reader.core.align.phrases import added_shares, anchored_keys
from reader.core.records import SentenceClass

DICE_WEIGHT = 0.5
RATIO_WEIGHT = 0.2
CONTAINMENT_WEIGHT = 0.3
"""Relatedness = the mix of the three; on STS news (pairs scored ≥ 2.5 of 5 as "same passage") any mix near
these scores about 0.80 accuracy, so the weights favour the overlap measures that survive rewording."""
ANCHOR_WEIGHT = 0.2
"""Bonus for a full anchor: ANCHOR_WORDS words of the rarest kind shared as a phrase or a quote."""
ANCHOR_WORDS = 3.0
"""Anchored weight is counted in units of the rarest word's weight (a word found in one sentence only), so the
bonus means the same in a 20-sentence article pair and in a 10,000-sentence document."""

MATCH_THRESHOLD = 0.40
"""Relatedness below this: not the same passage (best cut on STS news for human scores ≥ 2.5)."""
BRACKETED_THRESHOLD = 0.20
"""The lower bar for a pair lying between two matched pairs, in the same order on both sides."""
VERBATIM_RATIO = 0.90
"""Word-sequence similarity (all words, function words too) from which a pair counts as copied verbatim, when
both sides say it the same way round. A near copy with one side negated ("Iran has agreed to the deal" / "Iran
has not agreed to the deal", "he would vote" / "he wouldn't vote": the same words once the negation is taken
out, `PairScore.negated_copy`) says the opposite, so it is PARTIAL: what the two share is the wording, not the
statement. Not a tuned rule: no MSRP pair and no cross-outlet link is such a copy, so neither bench moves (made
PARTIAL for every aligned pair with one side negated, it cost 0.007 of agreement with the annotators' kinds on
the cross-outlet links: "refused to comment" / "did not comment" is the same point); unit tests pin it."""
NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "none", "nothing", "neither", "nobody"})
"""Words that turn a statement round ("n't" endings count too)."""
PARTIAL_RATIO = 0.35
"""An aligned, non-verbatim pair is PARTIAL when its order-aware key ratio (`PairScore.ratio`: 2 x the longest
in-order run of shared content keys over both sides' key counts) is below this, else PARAPHRASE. Fitted on the
links of ours that hit an annotated link on the 12 cross-outlet dev events (290 sentence pairs, half "same",
half "partial"): agreement with the annotators' rel 0.831 (same P 0.887 R 0.759, partial P 0.789 R 0.903), the
same held out one event at a time (every fold chose 0.35), against 0.641 for the old additions-share rule
(0.662 with its cut refitted) and 0.817 for a cut on the relatedness score. Agreement is flat from 0.34 to 0.40
(0.82-0.83) and falls below 0.30 (0.79) and above 0.45 (0.81). A low ratio is what "one side adds a substantial
other fact" looks like in the words: the shared point is a short run inside two longer, different sentences."""

PARAPHRASE_MODEL = (8.15, 5.39, -4.70, 3.76, -8.94)
"""Logistic weights of (plain key Dice, word ratio, key-bigram overlap, length ratio, bias) for "says the same
thing", fitted on MSRP train. Plain (unweighted) overlap keeps this decision independent of the context: in an
article pair the topic words are common and weigh little, which would push every paraphrase towards partial.
A matched pair with a positive logit is a paraphrase, otherwise partial: MSRP's negatives are mostly
high-overlap pairs where one side adds or changes a detail, which is what partial means here. Given the other
measures, many shared key bigrams count against: "the same sentence with a clause cut or swapped" is the typical
MSRP negative."""


class Rarity:
    """Key weights: log(1 + N / df) over the sentences given, or 1 for every key when there is no context.

    With only the pair itself there is nothing to measure rarity against (a shared key would look commoner than
    an unshared one just because it is shared), so the weights are then uniform.
    """

    def __init__(self, sentences: Iterable[NormalisedSentence]) -> None:
        frequencies: Counter[str] = Counter()
        count = 0
        for sentence in sentences:
            count += 1
            frequencies.update(sentence.key_set)
        self._frequencies = frequencies
        self._count = count
        self._uniform = count <= 2
        self._cache: dict[str, float] = {}
        self._totals: dict[frozenset[str], float] = {}

    @property
    def sentence_count(self) -> int:
        return self._count

    @property
    def rarest_weight(self) -> float:
        """The weight of a key found in one sentence only (the largest weight there is)."""
        return 1.0 if self._uniform else math.log(1.0 + self._count)

    def document_frequency(self, key: str) -> int:
        return self._frequencies.get(key, 0)

    def weight(self, key: str) -> float:
        cached = self._cache.get(key)
        if cached is None:
            frequency = max(1, self._frequencies.get(key, 0))
            cached = 1.0 if self._uniform else math.log(1.0 + self._count / frequency)
            self._cache[key] = cached
        return cached

    def total(self, keys: Iterable[str]) -> float:
        """Sum of the weights of `keys`; fsum is exactly rounded, so the result never depends on set order."""
        return math.fsum(self.weight(key) for key in keys)

    def sentence_total(self, keys: frozenset[str]) -> float:
        """`total` of a sentence's key set, cached: each sentence is scored against many candidates."""
        cached = self._totals.get(keys)
        if cached is None:
            cached = self._totals[keys] = self.total(keys)
        return cached


@dataclass(frozen=True, slots=True)
class PairScore:
    """The measures behind one decision (kept for benches and for explaining a match)."""

    score: float
    """Relatedness in [0, 1]: are these the same passage?"""
    dice: float
    containment: float
    ratio: float
    word_ratio: float
    paraphrase_logit: float
    """Positive when the pair says the same thing (PARAPHRASE), negative when one side adds or changes much."""
    paraphrase_features: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """(plain key Dice, word ratio, key-bigram overlap, length ratio): the inputs of PARAPHRASE_MODEL."""
    anchor: float = 0.0
    """Weight shared as a copied phrase or a quote, in units of ANCHOR_WORDS of the rarest words (at most 1)."""
    added: float = 0.0
    """The larger of the two sides' shares of content with nothing opposite in the other (`added_shares`)."""
    negated_copy: bool = False
    """One side is negated and the other not, and without the negation their words are a near copy
    (VERBATIM_RATIO): the same sentence said the other way round."""


@dataclass(frozen=True)
class SentenceMatch:
    """What the aligner makes of two sentences: `kind` is UNIQUE when they do not match."""

    score: float
    matched: bool
    kind: SentenceClass


_AFFIRMED = {"can't": "can", "won't": "will", "shan't": "shall"}
"""Negated forms whose affirmative is not the word without its "n't"."""


def _negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def negated(sentence: NormalisedSentence) -> bool:
    """Whether the sentence has a negation word (NEGATIONS, or a word ending in "n't"; quotes are folded)."""
    return any(_negation(word) for word in sentence.words)


def _negated_copy(a: NormalisedSentence, b: NormalisedSentence) -> bool:
    """One side negated, the other not, and the same words once the negation is taken out ("wouldn't" read as
    "would")."""
    if negated(a) == negated(b):
        return False

    def plain(words: Sequence[str]) -> list[str]:
        return [_AFFIRMED.get(word, word.removesuffix("n't")) for word in words if word not in NEGATIONS]

    left, right = plain(a.words), plain(b.words)
    return bool(left and right) and Indel.normalized_similarity(left, right) >= VERBATIM_RATIO


def merge(sentences: Sequence[NormalisedSentence]) -> NormalisedSentence:
    """Two adjacent sentences read as one, for 1-to-2 matches (tokens keep their per-sentence offsets)."""
    if len(sentences) == 1:
        return sentences[0]
    return NormalisedSentence(
        text=" ".join(sentence.text for sentence in sentences),
        tokens=tuple(token for sentence in sentences for token in sentence.tokens),
        keys=tuple(key for sentence in sentences for key in sentence.keys),
        words=tuple(word for sentence in sentences for word in sentence.words),
        entities=frozenset().union(*(sentence.entities for sentence in sentences)),
        quoted=frozenset().union(*(sentence.quoted for sentence in sentences)),
    )


def score_pair(a: NormalisedSentence, b: NormalisedSentence, rarity: Rarity, *, added: bool = True) -> PairScore:
    """All measures for one pair; symmetric: score_pair(a, b) == score_pair(b, a).

    `added=False` leaves out the additions measure (0.0), the costliest part, which only the class of a chosen
    link needs: the link model scores every candidate without it."""
    a_keys, b_keys = a.key_set, b.key_set
    word_ratio = float(Indel.normalized_similarity(a.words, b.words)) if a.words and b.words else 0.0
    if not a_keys or not b_keys:
        # Nothing to weigh: only a verbatim copy of a keyless line ("Yes.") is a match.
        exact = 1.0 if word_ratio == 1.0 else 0.0
        return PairScore(exact, exact, exact, exact, word_ratio, 10.0 if exact else -10.0)
    shared = rarity.total(a_keys & b_keys)
    a_total, b_total = rarity.sentence_total(a_keys), rarity.sentence_total(b_keys)
    dice = 2.0 * shared / (a_total + b_total)
    containment = shared / min(a_total, b_total)
    ratio = float(Indel.normalized_similarity(a.keys, b.keys))
    anchored = rarity.total(anchored_keys(a, b)) if shared else 0.0
    anchor = min(1.0, anchored / (ANCHOR_WORDS * rarity.rarest_weight))
    score = DICE_WEIGHT * dice + RATIO_WEIGHT * ratio + CONTAINMENT_WEIGHT * containment + ANCHOR_WEIGHT * anchor
    lengths = sorted((len(a.words), len(b.words)))
    features = (
        2.0 * len(a_keys & b_keys) / (len(a_keys) + len(b_keys)),
        word_ratio,
        _bigram_overlap(a.keys, b.keys),
        lengths[0] / lengths[1],
    )
    added_share = (max(added_shares(a, b, rarity.weight)) if shared else 1.0) if added else 0.0
    return PairScore(
        min(1.0, score),
        dice,
        containment,
        ratio,
        word_ratio,
        paraphrase_logit(features),
        features,
        anchor,
        added_share,
        negated_copy=_negated_copy(a, b),
    )


def paraphrase_logit(features: Sequence[float], model: Sequence[float] = PARAPHRASE_MODEL) -> float:
    """The paraphrase model's logit for (plain Dice, word ratio, bigram overlap, length ratio)."""
    return math.fsum(weight * value for weight, value in zip(model, features, strict=False)) + model[-1]


def _bigram_overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice overlap of adjacent key pairs: how much of the wording kept its local order."""
    a_pairs, b_pairs = set(pairwise(a)), set(pairwise(b))
    if not a_pairs or not b_pairs:
        return 0.0
    return 2.0 * len(a_pairs & b_pairs) / (len(a_pairs) + len(b_pairs))


def classify(measures: PairScore, *, bracketed: bool = False, aligned: bool = False) -> SentenceClass:
    """The class of a pair: VERBATIM, PARAPHRASE, PARTIAL, or UNIQUE when it does not match.

    `bracketed` is the aligner's context rule: a pair lying between two matched pairs (same order on both sides)
    only has to clear BRACKETED_THRESHOLD, because news rewrites keep the order of a passage locally.
    `aligned` asks for the class of a pair aligned as one passage: PARTIAL when little of the content lines up
    in order (PARTIAL_RATIO), else PARAPHRASE; without it the paraphrase model decides (see the module).
    """
    threshold = BRACKETED_THRESHOLD if bracketed else MATCH_THRESHOLD
    if measures.score < threshold:
        return SentenceClass.UNIQUE
    if measures.negated_copy:
        return SentenceClass.PARTIAL
    if measures.word_ratio >= VERBATIM_RATIO:
        return SentenceClass.VERBATIM
    if aligned:
        return SentenceClass.PARTIAL if measures.ratio < PARTIAL_RATIO else SentenceClass.PARAPHRASE
    if measures.paraphrase_logit >= 0.0:
        return SentenceClass.PARAPHRASE
    return SentenceClass.PARTIAL


def decide(measures: PairScore, *, bracketed: bool = False, aligned: bool = False) -> SentenceMatch:
    kind = classify(measures, bracketed=bracketed, aligned=aligned)
    return SentenceMatch(score=measures.score, matched=kind is not SentenceClass.UNIQUE, kind=kind)

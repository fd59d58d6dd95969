"""What the link model reads about a candidate pair of sentences: a fixed vector of symmetric signals.

Each signal covers a way two outlets tell one fact that the others miss:
- the pair measures of `scoring.score_pair`: rarity-weighted overlap (Dice), containment (one sentence carried
  inside a longer one), the order-aware key ratio, anchors (a copied phrase or a shared quotation);
- a shared quotation on its own: the same quote is the same point whoever it is attributed to;
- numbers and names in agreement (shared, or present on both sides and all different);
- TF-IDF cosine over content keys, and character 3-gram TF-IDF cosine (CATS' C3G: catches inflections,
  compounds and names the stemmer splits);
- the centred cosine of the two sentences' meaning vectors (`embedding.py`, a static piece table fitted to
  MiniLM's sentence vectors): the same content in other words ("pull out" / "withdraw"), which no overlap of
  keys or characters sees; and, among the context signals, how near in meaning each is to the other against
  the other's candidate partners (1 / rank, the worse of the two directions: 1 for mutual nearest). On the
  cross-outlet dev events the two together add 0.031 held-out F1 (0.583 -> 0.614, bench/crossoutlet.py --fit);
  with the plain distilled table they added 0.012, with the full MiniLM encoder's vectors 0.028 (0.611): the
  fitted table carries what the encoder adds, numpy-only. Tried and left out: the raw cosine (no gain: every sentence of
  one event is near every other), the rank over all the other side's sentences (the same F1, a square table),
  a margin over the next best, the meaning of the diagonal neighbours, the nearest in meaning as extra
  candidates (8 more gold pairs reachable, held-out F1 -0.006 to -0.011), the cosine in the best-partner
  strength, a 256-dimension plain table (no better than 128); for the fitted table, 256 dimensions (0.611, the
  same as 192) and 128 (0.597: the gain is lost), a linear map and piece weights without row residuals (0.596-0.598,
  band 0.587-0.593: within noise although the vectors are nearer the encoder's), residuals fitted longer or
  penalised less (over-fit the corpus);
- context within the article pair: whether the pair is the best partner of both sentences, or of one (how far
  a pair falls below each sentence's best was tried too: it cost 0.01 held-out F1, so it is out); the
  character similarity of the diagonal neighbours (i-1, j-1) and (i+1, j+1), since a told passage often runs
  on in both articles; how early the pair sits (ledes tell the news, so early pairs link more often) and how
  far apart the two sentences sit in their articles, in shares of the article.
Every signal is symmetric in the two sentences, so the confidence is the same whichever article is called A.

Measured held out one event at a time and left out (issue 8, second round, with the plain distilled table; base
0.595, P 0.693): none moved held-out F1 by more than +0.008, and none moved the mean F1 over the cuts 0.22-0.40 (the
steadier figure: one gold pair is 0.002) by more than +0.003, so each is within what refitting moves: the detail
signals of `paraphrase.py` (numbers or names on one side only, negation, soft word coverage over the static word
vectors, character similarity: 0.589-0.601), the meaning of clauses (best clause against clause or sentence, 0.597),
the meaning or overlap of the side neighbours (i, j +/- 1) and (i +/- 1, j) (a sentence told in two: 0.598-0.603),
of the two paragraphs (0.599-0.603), a second stage over the first stage's confidences (ranks, neighbours, how much
the article pair shares: 0.589-0.605), order against a chain of sure links (0.592-0.597), titles folded ("Sen." /
"Senator", "GOP" / "Republican": 0.589), more candidates per sentence (8: 0.599, 10: 0.597), two thresholds (a lower
one for mutual best partners: 0.595), a nested choice of the threshold (0.593), gradient boosted trees over the same
signals (0.57), the MSRP paraphrase model's logit (0.591-0.596). The most promising, the best path i -> k -> j
through the third outlet's sentences (product of the two confidences), gave 0.606 (P 0.703) at the chosen cut and
+0.005 on the band when the training events' paths were read off in-sample confidences. Built as a second stage over
all pairs of a comparison and fitted with no leakage (every event's first-stage confidences held out, nested inside
each fold), it gave 0.599 (P 0.691) against 0.595 and +0.0024 on the band, dev precision 0.708 -> 0.693, for 1.26x
the CPU and +84 MB on a folder of twenty 300-sentence articles: within what a refit moves, so not shipped (branch
`joint` of this session keeps it).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.embedding import SentenceVectors
from reader.core.align.normalise import NormalisedSentence, fold
from reader.core.align.scoring import PairScore, Rarity, merge, score_pair

FEATURE_NAMES = (
    "dice",
    "containment",
    "ratio",
    "anchor",
    "quote",
    "numbers_shared",
    "numbers_differ",
    "names_shared",
    "exclusive",
    "shared_keys",
    "tfidf",
    "char3",
    "semantic",
    "best_both",
    "best_either",
    "diagonal",
    "early",
    "position_gap",
    "semantic_rank",
)
"""The order of the values in `Candidate.features` (and of the link model's weights)."""
CHAR3 = FEATURE_NAMES.index("char3")
SEMANTIC = FEATURE_NAMES.index("semantic")
CONTEXT_FEATURES = 6
"""The last six depend on the pair's place among the candidates, not on the two sentences alone."""

EXCLUSIVE_SENTENCES = 2
"""A key found in at most this many sentences of the two articles is exclusive to the pair when both carry it:
the mark of one specific fact told by both, where topic words recur all through both articles."""
EXCLUSIVE_KEYS = 3.0
SHARED_KEYS = 6.0
"""Counts of exclusive and of all shared keys are read up to these many (beyond, the pair is plainly linked)."""
QUOTE_KEYS = 2.0
"""Shared quoted keys counted up to this many: two content words inside quotation marks on both sides make a
shared quotation, one word ("obliterated") half of one."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate pair of sentences (indices into the two articles) with its measures and signals.

    `measures` leave out the additions (`added` is 0.0): only a chosen link's class needs them, and the aligner
    computes them for the links alone."""

    i: int
    j: int
    measures: PairScore
    features: tuple[float, ...]


def _char_grams(sentence: NormalisedSentence) -> Counter[str]:
    text = " " + " ".join(fold(sentence.text).lower().split()) + " "
    return Counter(text[k : k + 3] for k in range(len(text) - 2))


class _CharVectors:
    """Log-TF, IDF-weighted character 3-gram vectors, unit length, over the sentences of both articles."""

    def __init__(self, sides: Sequence[Sequence[NormalisedSentence | None]]) -> None:
        self.grams = [[_char_grams(s) if s is not None else Counter() for s in side] for side in sides]
        frequency: Counter[str] = Counter()
        count = 0
        for side in self.grams:
            for counts in side:
                if counts:
                    frequency.update(counts.keys())
                    count += 1
        self._idf = {g: math.log(1.0 + count / f) for g, f in frequency.items()}
        self._vectors: dict[tuple[int, tuple[int, ...]], dict[str, float]] = {}

    def vector(self, side: int, indices: tuple[int, ...]) -> dict[str, float]:
        """The unit vector of one sentence, or of adjacent sentences read as one (a group)."""
        found = self._vectors.get((side, indices))
        if found is None:
            counts: Counter[str] = Counter()
            for index in indices:
                counts.update(self.grams[side][index])
            idf = self._idf
            vector = {g: (1.0 + math.log(c) if c > 1 else 1.0) * idf[g] for g, c in sorted(counts.items())}
            norm = math.sqrt(math.fsum(v * v for v in vector.values())) or 1.0
            found = self._vectors[(side, indices)] = {g: v / norm for g, v in vector.items()}
        return found

    def cosine(self, a: tuple[int, ...], b: tuple[int, ...]) -> float:
        """Summed over the shared grams in sorted order (both vectors are built in sorted gram order, so walking
        either one gives that order): the same float whichever side is which."""
        left, right = self.vector(0, a), self.vector(1, b)
        if len(left) > len(right):
            left, right = right, left
        return sum(value * right[g] for g, value in left.items() if g in right)


def _key_vector(sentence: NormalisedSentence, rarity: Rarity) -> tuple[dict[str, float], float]:
    vector = {key: count * rarity.weight(key) for key, count in sorted(Counter(sentence.keys).items())}
    return vector, math.sqrt(math.fsum(v * v for v in vector.values())) or 1.0


def _tfidf(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
    (left, left_norm), (right, right_norm) = a, b
    if len(left) > len(right):
        left, right = right, left
    return sum(value * right[k] for k, value in left.items() if k in right) / (left_norm * right_norm)


def _numbers(sentence: NormalisedSentence) -> frozenset[str]:
    return frozenset(t.key for t in sentence.tokens if t.number and t.key is not None)


def _names(sentence: NormalisedSentence) -> frozenset[str]:
    return sentence.entities - _numbers(sentence)


def pair_signals(a: NormalisedSentence, b: NormalisedSentence, measures: PairScore, rarity: Rarity) -> list[float]:
    """The signals of one pair that need no context beyond the rarity weights (up to `shared_keys`)."""
    quote = min(1.0, len(a.quoted & b.quoted) / QUOTE_KEYS)
    a_numbers, b_numbers = _numbers(a), _numbers(b)
    numbers_shared = min(2, len(a_numbers & b_numbers)) / 2.0
    numbers_differ = 1.0 if a_numbers and b_numbers and not (a_numbers & b_numbers) else 0.0
    names = rarity.total(_names(a) & _names(b)) / (2.0 * rarity.rarest_weight)
    shared = a.key_set & b.key_set
    exclusive = sum(1 for key in shared if rarity.document_frequency(key) <= EXCLUSIVE_SENTENCES)
    return [
        measures.dice,
        measures.containment,
        measures.ratio,
        measures.anchor,
        quote,
        numbers_shared,
        numbers_differ,
        min(1.0, names),
        min(1.0, exclusive / EXCLUSIVE_KEYS),
        min(1.0, len(shared) / SHARED_KEYS),
    ]


class PairFeatures:
    """Computes the signals of pairs of index groups of two articles, caching per-sentence vectors."""

    def __init__(
        self, a: Sequence[NormalisedSentence | None], b: Sequence[NormalisedSentence | None], rarity: Rarity
    ) -> None:
        self.a, self.b, self.rarity = a, b, rarity
        self._chars = _CharVectors((a, b))
        self.meanings = SentenceVectors((a, b))
        self._key_vectors: dict[tuple[int, tuple[int, ...]], tuple[dict[str, float], float]] = {}

    def key_vector(
        self, side: int, indices: tuple[int, ...], sentence: NormalisedSentence
    ) -> tuple[dict[str, float], float]:
        found = self._key_vectors.get((side, indices))
        if found is None:
            found = self._key_vectors[(side, indices)] = _key_vector(sentence, self.rarity)
        return found

    def sentence(self, side: int, indices: tuple[int, ...]) -> NormalisedSentence:
        found = [s for s in ((self.a, self.b)[side][k] for k in indices) if s is not None]
        return merge(found)

    def measures(self, a: tuple[int, ...], b: tuple[int, ...]) -> PairScore:
        """The full measures of a chosen link (with the additions that decide PARTIAL or PARAPHRASE)."""
        return score_pair(self.sentence(0, a), self.sentence(1, b), self.rarity)

    def signals(self, a: tuple[int, ...], b: tuple[int, ...]) -> tuple[PairScore, list[float], float]:
        """(measures without additions, the signals before the context ones, the strength best partners rank by)."""
        left, right = self.sentence(0, a), self.sentence(1, b)
        measures = score_pair(left, right, self.rarity, added=False)
        signals = pair_signals(left, right, measures, self.rarity)
        tfidf = _tfidf(self.key_vector(0, a, left), self.key_vector(1, b, right))
        char3 = self._chars.cosine(a, b)
        semantic = self.meanings.cosine(a, b)
        return measures, [*signals, tfidf, char3, semantic], 0.5 * (measures.score + char3)


def _meaning_ranks(pairs: Sequence[tuple[int, int, float]]) -> list[int]:
    """For each candidate (i, j, centred cosine): the worse of j's rank among i's candidate partners and i's
    among j's, by cosine (1 = nearest; ties share the better rank). Among the candidates only, so the work stays
    linear in the candidates (a rank over every sentence of the other side measured the same on the dev links
    and needs the whole square table)."""
    by_a: dict[int, list[float]] = {}
    by_b: dict[int, list[float]] = {}
    for i, j, value in pairs:
        by_a.setdefault(i, []).append(value)
        by_b.setdefault(j, []).append(value)
    return [1 + max(sum(v > value for v in by_a[i]), sum(v > value for v in by_b[j])) for i, j, value in pairs]


def candidate_features(
    a: Sequence[NormalisedSentence | None],
    b: Sequence[NormalisedSentence | None],
    rarity: Rarity,
    pairs: Sequence[tuple[int, int]],
    computer: PairFeatures | None = None,
) -> list[Candidate]:
    """The candidates `pairs` (sorted, distinct, never a None sentence) with all FEATURE_NAMES signals."""
    computer = computer or PairFeatures(a, b, rarity)
    partial: list[tuple[int, int, PairScore, list[float], float]] = []
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for i, j in pairs:
        measures, signals, strength = computer.signals((i,), (j,))
        partial.append((i, j, measures, signals, strength))
        best_a[i] = max(best_a.get(i, 0.0), strength)
        best_b[j] = max(best_b.get(j, 0.0), strength)
    char3 = {(i, j): signals[CHAR3] for i, j, _, signals, _ in partial}
    ranks = _meaning_ranks([(i, j, signals[SEMANTIC]) for i, j, _, signals, _ in partial])
    longer = max(len(a), len(b), 1)
    found = []
    for (i, j, measures, signals, strength), rank in zip(partial, ranks, strict=True):
        is_best = (strength >= best_a[i], strength >= best_b[j])
        diagonal = max(char3.get((i - 1, j - 1), 0.0), char3.get((i + 1, j + 1), 0.0))
        gap = abs(i / max(len(a), 1) - j / max(len(b), 1))
        context = [float(all(is_best)), float(any(is_best)), diagonal, min(i, j) / longer, gap]
        context.append(1.0 / rank)
        found.append(Candidate(i, j, measures, tuple(signals + context)))
    return found

"""Which sentence pairs are worth scoring: an inverted index over content keys, rare keys first.

Scoring every sentence of one article against every sentence of the other grows with the square of the length;
two sentences can only match when they share content keys, and only shared *rare* keys make a match likely. So
each side is indexed by key, each sentence looks up its keys, and the other side's sentences are ranked by the
rarity weight they share. Keys carried by very many sentences (a posting list longer than `posting_cap`) are
skipped for this lookup, which keeps the work per sentence bounded, and only the best `per_sentence` partners of
each sentence are kept. Both directions are looked up, so the candidate set is the same whichever article is
called A.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reader.core.align.normalise import NormalisedSentence
from reader.core.align.scoring import Rarity

PER_SENTENCE = 6
"""Partners kept per sentence and direction. On the cross-outlet dev links, 4 reach 85 % of the linked pairs,
6 reach 88 %, 8 90 %, at 1.35x and 1.6x the candidates of 4: independent reports link a sentence to two or
three partners, and not always the ones sharing the most weight."""
POSTING_CAP = 48
"""Keys found in more sentences than this are too common to propose candidates (they still count in scores)."""


class KeyIndex:
    """Key → ascending indices of the sentences (of one article) that contain it."""

    def __init__(self, sentences: Sequence[NormalisedSentence | None]) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        for index, sentence in enumerate(sentences):
            if sentence is None:
                continue
            for key in sorted(sentence.key_set):
                postings[key].append(index)
        self._postings = dict(postings)

    def postings(self, key: str) -> Sequence[int]:
        return self._postings.get(key, ())


def _best_partners(
    sentences: Sequence[NormalisedSentence | None],
    other: KeyIndex,
    rarity: Rarity,
    per_sentence: int,
    posting_cap: int,
) -> list[tuple[int, int]]:
    """For each sentence, the `per_sentence` sentences of the other side sharing the most rarity weight."""
    pairs: list[tuple[int, int]] = []
    for index, sentence in enumerate(sentences):
        if sentence is None:
            continue
        shared: dict[int, float] = defaultdict(float)
        for key in sorted(sentence.key_set):
            postings = other.postings(key)
            if not postings or len(postings) > posting_cap:
                continue
            weight = rarity.weight(key)
            for partner in postings:
                shared[partner] += weight
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:per_sentence]
        pairs.extend((index, partner) for partner, _ in best)
    return pairs


def candidate_pairs(
    a: Sequence[NormalisedSentence | None],
    b: Sequence[NormalisedSentence | None],
    rarity: Rarity,
    *,
    per_sentence: int = PER_SENTENCE,
    posting_cap: int = POSTING_CAP,
) -> list[tuple[int, int]]:
    """Sorted, distinct (a index, b index) pairs worth scoring; None entries (boilerplate) never appear."""
    forward = _best_partners(a, KeyIndex(b), rarity, per_sentence, posting_cap)
    backward = _best_partners(b, KeyIndex(a), rarity, per_sentence, posting_cap)
    return sorted(set(forward) | {(i, j) for j, i in backward})

"""Which sentence pairs are worth scoring: an inverted index over content keys, rare keys first.

Scoring every sentence of one article against every sentence of the other grows with the square of the length;
two sentences can only match when they share content keys, and only shared *rare* keys make a match likely. So
each side is indexed by key, each sentence looks up its keys, and the other side's sentences are ranked by the
rarity weight they share. Keys carried by very many sentences (a posting list longer than `posting_cap`) are
skipped for this lookup, and each sentence reads at most `posting_budget` postings, its rarest keys first (the
shortest posting lists), so the work per sentence is bounded by a constant and the whole lookup grows linearly
with the length; only the best `per_sentence` partners of each sentence are kept. Both directions are looked
up, so the candidate set is the same whichever article is called A.
"""

from __future__ import annotations

import heapq
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
POSTING_BUDGET = 128
"""Postings one sentence may read (its rarest keys first; a key whose list would overrun the budget and every
commoner one are skipped). Without it the lookup grew 2.6-2.8x per doubling from 1,000 to 4,000 sentences a
side (bench/align.py): in long documents more keys sit just under `posting_cap`, so the postings read per
sentence rose from 59 to 106 on average. On the cross-outlet dev pairs no sentence reads more than 111 (median
17), so the budget never changes a candidate there (the dev alignments are byte-identical); in the 4,000- and
8,000-sentence bench documents it trims the commonest keys of about one sentence in six."""


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
    posting_budget: int,
) -> list[tuple[int, int]]:
    """For each sentence, the `per_sentence` sentences of the other side sharing the most rarity weight."""
    pairs: list[tuple[int, int]] = []
    for index, sentence in enumerate(sentences):
        if sentence is None:
            continue
        shared: dict[int, float] = defaultdict(float)
        for key in _lookup_keys(sentence, other, posting_cap, posting_budget):
            weight = rarity.weight(key)
            for partner in other.postings(key):
                shared[partner] += weight
        best = heapq.nsmallest(per_sentence, shared.items(), key=lambda item: (-item[1], item[0]))
        pairs.extend((index, partner) for partner, _ in best)
    return pairs


def _lookup_keys(sentence: NormalisedSentence, other: KeyIndex, posting_cap: int, posting_budget: int) -> list[str]:
    """The keys a sentence looks up, in sorted order (so the weights add up in the same order, whatever was
    skipped): the rarest ones in the other article first, while their postings fit the budget."""
    sized = sorted((len(other.postings(key)), key) for key in sentence.key_set)
    chosen: list[str] = []
    spent = 0
    for length, key in sized:
        if length == 0:
            continue
        if length > posting_cap or spent + length > posting_budget:
            break
        spent += length
        chosen.append(key)
    return sorted(chosen)


def candidate_pairs(
    a: Sequence[NormalisedSentence | None],
    b: Sequence[NormalisedSentence | None],
    rarity: Rarity,
    *,
    per_sentence: int = PER_SENTENCE,
    posting_cap: int = POSTING_CAP,
    posting_budget: int = POSTING_BUDGET,
) -> list[tuple[int, int]]:
    """Sorted, distinct (a index, b index) pairs worth scoring; None entries (boilerplate) never appear."""
    forward = _best_partners(a, KeyIndex(b), rarity, per_sentence, posting_cap, posting_budget)
    backward = _best_partners(b, KeyIndex(a), rarity, per_sentence, posting_cap, posting_budget)
    return sorted(set(forward) | {(i, j) for j, i in backward})

"""The second pass of the many-to-many alignment: a passage one article tells twice.

An article often repeats itself: a standfirst or a list of bullet points sums up the body below it. The other
article tells each point once, so the primary alignment (one partner per sentence) pairs it with the body and
leaves the summary unmatched, which would tell the reader "only A says this", which is false. So, after the
primary alignment, a sentence left unmatched may still be matched to one sentence of the other side that is
already matched, when the pair is a match on its own: it scores at least EXTRA_THRESHOLD and shares at least
one rare content word (rarer than the topic words every passage shares, such as the names of the two leaders).
Each unmatched sentence takes its best such partner, so the result is the same whichever article is called A.
A pair that crosses the in-order chain of the primary matches is marked moved.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from reader.core.align.normalise import NormalisedSentence
from reader.core.align.scoring import BRACKETED_THRESHOLD, PairScore, Rarity

EXTRA_THRESHOLD = BRACKETED_THRESHOLD
"""The score an extra pair needs: the bar of a pair bracketed by two matches, because a summary line is short
and rewords the body (it keeps the rare words, not the sentence); the rare word keeps topic-only pairs out."""
RARE_SENTENCES = 4
RARE_EXPONENT = 1 / 3
"""A key is rare when at most RARE_SENTENCES sentences of the pair carry it, or, in a long pair, the cube root of
the number of sentences (20 in 8,000): a point told twice by one article and once by the other is in three,
a topic word in a tenth or more."""

Pair = tuple[tuple[int, ...], tuple[int, ...]]


def shares_rare_key(a: NormalisedSentence, b: NormalisedSentence, rarity: Rarity) -> bool:
    """Whether the two sentences share a key rarer than the topic words."""
    bound = max(RARE_SENTENCES, rarity.sentence_count**RARE_EXPONENT)
    return any(rarity.document_frequency(key) <= bound for key in a.key_set & b.key_set)


class _Chain:
    """The in-order primary matches, sorted by A (then also by B), to test whether a pair crosses them."""

    def __init__(self, ordered: Sequence[Pair]) -> None:
        self._matches = sorted(ordered)
        self._a_last = [pair[0][-1] for pair in self._matches]
        self._a_first = [pair[0][0] for pair in self._matches]

    def crosses(self, i: int, j: int) -> bool:
        before = bisect.bisect_left(self._a_last, i) - 1  # last match wholly before sentence i of A
        if before >= 0 and self._matches[before][1][0] > j:
            return True
        after = bisect.bisect_right(self._a_first, i)  # first match wholly after sentence i of A
        return after < len(self._matches) and self._matches[after][1][-1] < j


def extra_pairs(
    a: Sequence[NormalisedSentence | None],
    b: Sequence[NormalisedSentence | None],
    rarity: Rarity,
    singles: Sequence[tuple[int, int]],
    primary: Sequence[tuple[Pair, bool]],
    measures: Callable[[tuple[int, ...], tuple[int, ...]], PairScore],
) -> list[tuple[int, int, PairScore, bool]]:
    """(A index, B index, measures, in order) of the extra matches, sorted by (A, B).

    `singles` are the candidate pairs, `primary` the primary matches with their in-order flag, `measures` the
    scorer of a pair of index groups.
    """
    used_a = {i for (left, _), _ in primary for i in left}
    used_b = {j for (_, right), _ in primary for j in right}
    best: dict[tuple[int, int], tuple[tuple[float, int, int, int], int, int, PairScore]] = {}
    for i, j in singles:
        if (i in used_a) == (j in used_b):
            continue  # both matched already, or both unmatched (the primary pass had its chance)
        first, second = a[i], b[j]
        if first is None or second is None:
            continue
        pair_measures = measures((i,), (j,))
        if pair_measures.score < EXTRA_THRESHOLD or not shares_rare_key(first, second, rarity):
            continue
        owner = (0, i) if i not in used_a else (1, j)
        priority = (-pair_measures.score, i + j, i, j)
        if owner not in best or priority < best[owner][0]:
            best[owner] = (priority, i, j, pair_measures)
    chain = _Chain([pair for pair, in_order in primary if in_order])
    found = [(i, j, pair_measures, not chain.crosses(i, j)) for _, i, j, pair_measures in best.values()]
    return sorted(found, key=lambda item: (item[0], item[1]))

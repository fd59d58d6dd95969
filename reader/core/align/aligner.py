"""Align two articles: which sentences (or adjacent pairs of sentences) tell the same passage.

1. Normalise every sentence that is not boilerplate; weigh keys by rarity over both articles.
2. Candidates from the inverted index (`candidates.py`); score each (`scoring.py`).
3. Groups: a sentence against two adjacent sentences of the other side, kept when the pair together covers it
   clearly better than either alone (one outlet's long sentence split in two by the other).
4. A global, deterministic assignment: best score first, each sentence used once; ties go to the pair nearer
   the start of both articles, which is the same rule whichever article is called A.
5. Gap filling: between two matches in order, left-over sentences in the same order may match at a lower bar.
6. Order: matches off the heaviest increasing chain are marked moved (`order.py`).
7. Many-to-many: a sentence still unmatched may join one already matched sentence of the other side when the
   pair is a match on its own (`extras.py`): one article's summary of what both tell in full.
8. Inside each match: shared runs, differing words (`wordiff.py`) and differing details (`details.py`).

A sentence may so sit in several matches; its class is the best kind among them (VERBATIM, then PARAPHRASE,
then PARTIAL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.core.align.candidates import candidate_pairs
from reader.core.align.details import detail_diffs, known_names
from reader.core.align.extras import extra_pairs
from reader.core.align.normalise import NormalisedSentence, normalise
from reader.core.align.order import heaviest_chain, in_order
from reader.core.align.scoring import (
    MATCH_THRESHOLD,
    PairScore,
    Rarity,
    classify,
    merge,
    score_pair,
)
from reader.core.align.wordiff import placed_tokens, word_diff
from reader.core.records import Article, BlockKind, Match, PairAlignment, SentenceClass

GROUP_MARGIN = 0.05
"""A 1-to-2 group must beat the better of its single pairs by this much."""
GROUP_PART_CONTAINMENT = 0.15
"""Each sentence of a group must itself share this much (containment) with the other side."""
GROUP_TOLERANCE = 0.08
COVERAGE_GAIN = 0.15
"""A group scoring up to GROUP_TOLERANCE below its better part is still kept when it covers this much more of
the single sentence's weight: a long sentence told as two, where the second adds length as well as content."""
GROUP_SEED_SCORE = 0.12
"""Groups are grown only from single pairs scoring this much: a group worth keeping has such a part."""
GROUP_PART_LOYALTY = 0.6
"""Each part of a group must score, with the group's single sentence, at least this share of its best score with
any single sentence: a sentence whose own partner lies elsewhere (it shares a quote or a phrase with another
sentence) is not half of this one, however well the group covers the single sentence's topic words."""
MAX_GAP = 4
"""Gaps longer than this (on either side) between two ordered matches are not filled at the lower bar."""
ELIGIBLE_SHARE = 0.6
"""A pair may join the ordered chain only if it scores at least this share of each sentence's best pair."""
KIND_RANK = {SentenceClass.VERBATIM: 0, SentenceClass.PARAPHRASE: 1, SentenceClass.PARTIAL: 2}
"""A sentence in several matches takes the best kind among them."""

Group = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class _Scored:
    a: tuple[int, ...]
    b: tuple[int, ...]
    measures: PairScore
    kind: SentenceClass

    def priority(self) -> tuple[float, int, int, tuple[int, ...], tuple[int, ...]]:
        """Best score first; among equals the pair nearest the start of both texts (symmetric in A and B)."""
        return (-self.measures.score, sum(self.a) + sum(self.b), len(self.a) + len(self.b), self.a, self.b)


class _PairScorer:
    """Scores groups of sentence indices, caching merged sentences and results."""

    def __init__(
        self, a: Sequence[NormalisedSentence | None], b: Sequence[NormalisedSentence | None], rarity: Rarity
    ) -> None:
        self.a, self.b, self.rarity = a, b, rarity
        self._cache: dict[Group, PairScore] = {}

    def usable(self, side: Sequence[NormalisedSentence | None], indices: tuple[int, ...]) -> bool:
        return all(0 <= index < len(side) and side[index] is not None for index in indices)

    def coverage_gain(self, a: tuple[int, ...], b: tuple[int, ...]) -> float:
        """How much more of the single sentence's key weight the pair of sentences covers than its better half."""
        single, pair, side = (
            (self.a[a[0]], [self.b[j] for j in b], b)
            if len(a) == 1
            else (
                self.b[b[0]],
                [self.a[i] for i in a],
                a,
            )
        )
        assert single is not None and all(s is not None for s in pair) and len(side) == 2
        total = self.rarity.sentence_total(single.key_set)
        if not total:
            return 0.0
        covered = [self.rarity.total(single.key_set & s.key_set) for s in pair if s is not None]
        together = self.rarity.total(single.key_set & frozenset().union(*(s.key_set for s in pair if s)))
        return (together - max(covered)) / total

    def measures(self, a: tuple[int, ...], b: tuple[int, ...]) -> PairScore:
        cached = self._cache.get((a, b))
        if cached is None:
            left = merge([s for s in (self.a[i] for i in a) if s is not None])
            right = merge([s for s in (self.b[j] for j in b) if s is not None])
            cached = score_pair(left, right, self.rarity)
            self._cache[(a, b)] = cached
        return cached


def _normalised(article: Article) -> list[NormalisedSentence | None]:
    return [None if s.kind is BlockKind.BOILERPLATE else normalise(s.text) for s in article.sentences]


def _best_single(scorer: _PairScorer, singles: Sequence[tuple[int, int]]) -> tuple[dict[int, float], dict[int, float]]:
    """Each sentence's best score with a single sentence of the other side, over the candidate pairs."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for i, j in singles:
        score = scorer.measures((i,), (j,)).score
        best_a[i] = max(best_a.get(i, 0.0), score)
        best_b[j] = max(best_b.get(j, 0.0), score)
    return best_a, best_b


def _group_candidates(scorer: _PairScorer, singles: Sequence[tuple[int, int]]) -> list[_Scored]:
    """1-to-2 and 2-to-1 groups around each candidate pair that cover their single sentence better together."""
    found: dict[Group, _Scored] = {}
    best_a, best_b = _best_single(scorer, singles)
    for i, j in singles:
        seed = scorer.measures((i,), (j,))
        if seed.containment < GROUP_PART_CONTAINMENT or seed.score < GROUP_SEED_SCORE:
            continue  # (i, j) is a part of every group below: too weak a part, or not the group's strong part
        for a, b in (((i,), (j - 1, j)), ((i,), (j, j + 1)), ((i - 1, i), (j,)), ((i, i + 1), (j,))):
            if (a, b) in found or not (scorer.usable(scorer.a, a) and scorer.usable(scorer.b, b)):
                continue
            parts = [scorer.measures(a, (part,)) for part in b] if len(b) == 2 else []
            parts += [scorer.measures((part,), b) for part in a] if len(a) == 2 else []
            if min(part.containment for part in parts) < GROUP_PART_CONTAINMENT:
                continue
            bests = [best_b.get(part, 0.0) for part in b] if len(b) == 2 else [best_a.get(part, 0.0) for part in a]
            if any(part.score < GROUP_PART_LOYALTY * best for part, best in zip(parts, bests, strict=True)):
                continue
            measures = scorer.measures(a, b)
            best_part = max(part.score for part in parts)
            clearly_better = measures.score >= best_part + GROUP_MARGIN
            covers_more = measures.score >= best_part - GROUP_TOLERANCE and scorer.coverage_gain(a, b) >= COVERAGE_GAIN
            if not (clearly_better or covers_more):
                continue
            kind = classify(measures, bracketed=True, aligned=True)
            if kind is not SentenceClass.UNIQUE:
                found[(a, b)] = _Scored(a, b, measures, kind)
    return list(found.values())


def _assign(scored: Sequence[_Scored]) -> list[_Scored]:
    """Best-first greedy assignment: each sentence joins at most one match."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[_Scored] = []
    for candidate in sorted(scored, key=_Scored.priority):
        if used_a.isdisjoint(candidate.a) and used_b.isdisjoint(candidate.b):
            chosen.append(candidate)
            used_a.update(candidate.a)
            used_b.update(candidate.b)
    return chosen


def _fill_gaps(scorer: _PairScorer, chosen: list[_Scored], ordered: Sequence[bool]) -> list[_Scored]:
    """Pairs left over between two matches in order, themselves in order, matched at the bracketed bar."""
    anchors = sorted((m for m, keep in zip(chosen, ordered, strict=True) if keep), key=lambda m: m.a[0])
    used_a = {i for m in chosen for i in m.a}
    used_b = {j for m in chosen for j in m.b}
    added: list[_Scored] = []
    for before, after in pairwise(anchors):
        gap_a = [i for i in range(before.a[-1] + 1, after.a[0]) if i not in used_a and scorer.a[i] is not None]
        gap_b = [j for j in range(before.b[-1] + 1, after.b[0]) if j not in used_b and scorer.b[j] is not None]
        if not gap_a or not gap_b or after.a[0] - before.a[-1] > MAX_GAP + 1 or after.b[0] - before.b[-1] > MAX_GAP + 1:
            continue
        options = []
        for i in gap_a:
            for j in gap_b:
                measures = scorer.measures((i,), (j,))
                kind = classify(measures, bracketed=True, aligned=True)
                if kind is not SentenceClass.UNIQUE:
                    options.append(_Scored((i,), (j,), measures, kind))
        taken: list[_Scored] = []
        for option in sorted(options, key=_Scored.priority):
            i, j = option.a[0], option.b[0]
            if all((i - t.a[0]) * (j - t.b[0]) > 0 for t in taken):
                taken.append(option)
        added.extend(taken)
    return added


def _best_per_sentence(scored: Sequence[_Scored]) -> tuple[dict[int, float], dict[int, float]]:
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for item in scored:
        for i in item.a:
            best_a[i] = max(best_a.get(i, 0.0), item.measures.score)
        for j in item.b:
            best_b[j] = max(best_b.get(j, 0.0), item.measures.score)
    return best_a, best_b


def _ordered_matches(scored: Sequence[_Scored]) -> list[_Scored]:
    """The matches of the heaviest in-order chain: sure ones, and weaker ones lying between two sure ones.

    The chain maximises the sentences it covers (then the scores): when one article repeats a passage (a summary
    above the full text), the partner that keeps the longer stretch in order wins. Only a pair close to the best
    that each of its sentences can do elsewhere may join the chain (so order never outvotes a clearly better
    partner); a pair on the chain below the match bar is kept when sure matches of the chain stand before and
    after it: the passage between two matched passages, in the same order.
    """
    best_a, best_b = _best_per_sentence(scored)
    eligible = [
        item
        for item in scored
        if all(item.measures.score >= ELIGIBLE_SHARE * best_a[i] for i in item.a)
        and all(item.measures.score >= ELIGIBLE_SHARE * best_b[j] for j in item.b)
    ]
    eligible.sort(key=_Scored.priority)
    chain = [
        eligible[k]
        for k in heaviest_chain(
            [(item.a, item.b) for item in eligible],
            [len(item.a) + len(item.b) + item.measures.score for item in eligible],
        )
    ]
    sure = [k for k, item in enumerate(chain) if item.measures.score >= MATCH_THRESHOLD]
    if not sure:
        return []
    return [item for k, item in enumerate(chain) if sure[0] <= k <= sure[-1]]


def _select(
    a: Sequence[NormalisedSentence | None], b: Sequence[NormalisedSentence | None]
) -> list[tuple[_Scored, bool]]:
    rarity = Rarity(s for s in (*a, *b) if s is not None)
    scorer = _PairScorer(a, b, rarity)
    singles = candidate_pairs(a, b, rarity)
    scored = []
    for i, j in singles:
        measures = scorer.measures((i,), (j,))
        kind = classify(measures, bracketed=True, aligned=True)
        if kind is not SentenceClass.UNIQUE:
            scored.append(_Scored((i,), (j,), measures, kind))
    scored.extend(_group_candidates(scorer, singles))
    chosen = _ordered_matches(scored)
    used_a = {i for item in chosen for i in item.a}
    used_b = {j for item in chosen for j in item.b}
    rest = [
        item
        for item in scored
        if item.measures.score >= MATCH_THRESHOLD and used_a.isdisjoint(item.a) and used_b.isdisjoint(item.b)
    ]
    chosen += _assign(rest)
    chosen = [_Scored(item.a, item.b, item.measures, _aligned_kind(item.measures)) for item in chosen]
    ordered = in_order([(m.a, m.b) for m in chosen])
    added = _fill_gaps(scorer, chosen, ordered)
    if added:
        chosen += added
        ordered = in_order([(m.a, m.b) for m in chosen])
    result = list(zip(chosen, ordered, strict=True))
    primary = [((m.a, m.b), keep) for m, keep in result]
    for i, j, measures, keep in extra_pairs(a, b, rarity, singles, primary, scorer.measures):
        result.append((_Scored((i,), (j,), measures, _aligned_kind(measures)), keep))
    return sorted(result, key=lambda item: (item[0].a, item[0].b))


def _aligned_kind(measures: PairScore) -> SentenceClass:
    return classify(measures, bracketed=True, aligned=True)


def align_pair(a: Article, b: Article, a_index: int = 0, b_index: int = 1) -> PairAlignment:
    """The alignment of two articles: matches ordered by (a, b) and one class per sentence on each side."""
    a_sentences, b_sentences = _normalised(a), _normalised(b)
    names = known_names([s for s in (*a_sentences, *b_sentences) if s is not None])
    matches: list[Match] = []
    classes_a = [SentenceClass.BOILERPLATE if s is None else SentenceClass.UNIQUE for s in a_sentences]
    classes_b = [SentenceClass.BOILERPLATE if s is None else SentenceClass.UNIQUE for s in b_sentences]
    for chosen, keep_order in _select(a_sentences, b_sentences):
        a_tokens = placed_tokens(a, chosen.a, a_sentences)
        b_tokens = placed_tokens(b, chosen.b, b_sentences)
        runs, a_only, b_only = word_diff(a_tokens, b_tokens, a.text, b.text)
        matches.append(
            Match(
                a=chosen.a,
                b=chosen.b,
                score=round(chosen.measures.score, 6),
                kind=chosen.kind,
                moved=not keep_order,
                shared_runs=runs,
                a_only=a_only,
                b_only=b_only,
                details=detail_diffs(a_tokens, b_tokens, a.text, b.text, names),
            )
        )
        for classes, indices in ((classes_a, chosen.a), (classes_b, chosen.b)):
            for index in indices:
                if classes[index] not in KIND_RANK or KIND_RANK[chosen.kind] < KIND_RANK[classes[index]]:
                    classes[index] = chosen.kind
    return PairAlignment(
        a=a_index, b=b_index, matches=tuple(matches), classes_a=tuple(classes_a), classes_b=tuple(classes_b)
    )

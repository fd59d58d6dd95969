"""Each match's typed details with their status, and the comparison's conflicts written into its matches.

Inside one match, a date, count, amount, tally or rank of one side is AGREE when the other side gives the same
value for its slot, PRECISION when it gives a compatible one (rounded, bounded, coarser), CONFLICT when the pair
is one of the comparison's conflicts (all of `conflicts.py`'s checks passed), and one side only otherwise
(an incompatible value that failed those checks stays one-sided on both sides: two different facts, not a
disagreement). Names and places come from the aligner's own details (one-sided only).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from reader.core.details.attribution import find_drifts
from reader.core.details.conflicts import PlacedFact, article_facts, find_conflicts
from reader.core.details.values import judge_values, published_date
from reader.core.records import (
    Article,
    Comparison,
    Conflict,
    DetailDiff,
    DetailKind,
    DetailStatus,
    Match,
    PairAlignment,
    TextSpan,
)

TYPED_KINDS = frozenset({DetailKind.NUMBER, DetailKind.DATE, DetailKind.MONEY, DetailKind.TALLY, DetailKind.ORDINAL})
"""The kinds `facts.py` reads; the aligner's own NUMBER and DATE details give way to them."""
_RANK = {DetailStatus.AGREE: 0, DetailStatus.PRECISION: 1}


def _span(article: Article, placed: PlacedFact) -> TextSpan:
    return TextSpan(placed.start, placed.end, article.text[placed.start : placed.end])


def match_details(
    left: Article,
    right: Article,
    match: Match,
    left_facts: Mapping[int, Sequence[PlacedFact]],
    right_facts: Mapping[int, Sequence[PlacedFact]],
    conflicts: Sequence[Conflict],
) -> list[DetailDiff]:
    """The typed details of one match, each with its status, in text order."""
    from reader.core.details.conflicts import slot_label

    xs = [f for sentence in match.a for f in left_facts.get(sentence, ())]
    ys = [f for sentence in match.b for f in right_facts.get(sentence, ())]
    conflict_spans = {(c.a.start, c.b.start) for c in conflicts}
    pub_left, pub_right = published_date(left.meta.published), published_date(right.meta.published)
    details: list[DetailDiff] = []
    paired_right: set[int] = set()
    seen: set[tuple[str, str]] = set()
    for x in xs:
        best: tuple[DetailStatus, PlacedFact] | None = None
        for index, y in enumerate(ys):
            if y.key != x.key:
                continue
            if (x.start, y.start) in conflict_spans:
                best = (DetailStatus.CONFLICT, y)
                paired_right.add(index)
                break
            status = judge_values(x.fact.value, y.fact.value, pub_left, pub_right)
            if status in _RANK and (best is None or _RANK[status] < _RANK.get(best[0], 9)):
                best = (status, y)
                paired_right.add(index)
        label = slot_label(x.fact)
        if best is None:
            entry = DetailDiff(x.fact.kind, DetailStatus.A_ONLY, _span(left, x), None, label)
        else:
            entry = DetailDiff(x.fact.kind, best[0], _span(left, x), _span(right, best[1]), label)
        ident = (entry.a.text if entry.a else "", entry.b.text if entry.b else "")
        if ident not in seen:
            seen.add(ident)
            details.append(entry)
    for index, y in enumerate(ys):
        if index in paired_right or any(
            judge_values(x.fact.value, y.fact.value, pub_left, pub_right) in _RANK for x in xs if x.key == y.key
        ):
            continue
        entry = DetailDiff(y.fact.kind, DetailStatus.B_ONLY, None, _span(right, y), slot_label(y.fact))
        ident = ("", entry.b.text if entry.b else "")
        if ident not in seen:
            seen.add(ident)
            details.append(entry)
    return details


def _order(detail: DetailDiff) -> tuple[int, int, str]:
    a_start = detail.a.start if detail.a is not None else -1
    b_start = detail.b.start if detail.b is not None else -1
    return (min(x for x in (a_start, b_start) if x >= 0), max(a_start, b_start), detail.kind.value)


def _by_sentence(facts: Sequence[PlacedFact]) -> dict[int, list[PlacedFact]]:
    grouped: dict[int, list[PlacedFact]] = {}
    for fact in facts:
        grouped.setdefault(fact.sentence, []).append(fact)
    return grouped


def _pair_with_details(
    articles: Sequence[Article], pair: PairAlignment, conflicts: Sequence[Conflict]
) -> PairAlignment:
    left, right = articles[pair.a], articles[pair.b]
    left_facts, right_facts = _by_sentence(article_facts(left)), _by_sentence(article_facts(right))
    own = [c for c in conflicts if (c.a_article, c.b_article) == (pair.a, pair.b)]
    matches = []
    for match in pair.matches:
        kept = [d for d in match.details if d.kind not in TYPED_KINDS]
        typed = match_details(left, right, match, left_facts, right_facts, own)
        matches.append(dataclasses.replace(match, details=tuple(sorted(kept + typed, key=_order))))
    return dataclasses.replace(pair, matches=tuple(matches))


def with_conflicts(comparison: Comparison) -> Comparison:
    """The comparison with its conflicts found, every match's typed details filled in, and the attribution
    drift of its linked passages."""
    conflicts = find_conflicts(comparison.articles, comparison.alignments)
    pairs = tuple(_pair_with_details(comparison.articles, pair, conflicts) for pair in comparison.alignments)
    drifts = find_drifts(comparison.articles, pairs)
    return dataclasses.replace(comparison, alignments=pairs, conflicts=conflicts, drifts=drifts)

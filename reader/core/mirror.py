"""Records seen from the other side: a pair's alignment with A and B swapped, so callers can always ask for
(left, right) whichever article the comparison stored first. Swapping twice gives the record back unchanged
(tests/core/test_links.py holds the aligner to `align_pair(b, a) == swap_alignment(align_pair(a, b))`)."""

from __future__ import annotations

from reader.core.records import DetailDiff, DetailStatus, Match, PairAlignment, WordRun


def swap_span_pair(run: WordRun) -> WordRun:
    """The same run seen from the other side."""
    return WordRun(a=run.b, b=run.a, words=run.words)


def swap_detail(detail: DetailDiff) -> DetailDiff:
    """The same detail seen from the other side."""
    status = {
        DetailStatus.A_ONLY: DetailStatus.B_ONLY,
        DetailStatus.B_ONLY: DetailStatus.A_ONLY,
    }.get(detail.status, detail.status)
    return DetailDiff(kind=detail.kind, status=status, a=detail.b, b=detail.a, slot=detail.slot)


def swap_alignment(pair: PairAlignment) -> PairAlignment:
    """The alignment seen from B's side, so callers can always ask for (left, right)."""
    matches = tuple(
        sorted(
            (
                Match(
                    a=m.b,
                    b=m.a,
                    score=m.score,
                    kind=m.kind,
                    moved=m.moved,
                    shared_runs=tuple(swap_span_pair(r) for r in m.shared_runs),
                    a_only=m.b_only,
                    b_only=m.a_only,
                    details=tuple(swap_detail(d) for d in m.details),
                    confidence=m.confidence,
                )
                for m in pair.matches
            ),
            key=lambda m: (m.a, m.b),
        )
    )
    return PairAlignment(a=pair.b, b=pair.a, matches=matches, classes_a=pair.classes_b, classes_b=pair.classes_a)

"""Overlap lookups by bisection answer exactly what a scan of every span answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.spans import SpanSet, overlapping, pair_high, pair_low

SPAN = st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda s: (s[0], s[0] + s[1]))
QUERY = st.tuples(st.integers(-5, 90), st.integers(0, 15)).map(lambda q: (q[0], q[0] + q[1]))


def _scan(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [(low, high) for low, high in spans if low < end and start < high]


@given(st.lists(SPAN, max_size=30), QUERY)
def test_span_set_agrees_with_a_scan_for_any_spans(spans: list[tuple[int, int]], query: tuple[int, int]) -> None:
    assert SpanSet(spans).overlaps(*query) == bool(_scan(spans, *query))


@given(st.lists(st.integers(1, 6), max_size=30), st.lists(st.integers(0, 4), max_size=30), QUERY)
def test_overlapping_agrees_with_a_scan_for_sorted_disjoint_spans(
    lengths: list[int], gaps: list[int], query: tuple[int, int]
) -> None:
    spans: list[tuple[int, int]] = []
    position = 0
    for length, gap in zip(lengths, gaps, strict=False):
        position += gap
        spans.append((position, position + length))
        position += length
    assert list(overlapping(spans, *query, pair_low, pair_high)) == _scan(spans, *query)


def test_touching_is_not_overlapping() -> None:
    assert not SpanSet([(0, 5)]).overlaps(5, 9)
    assert list(overlapping([(0, 5), (5, 9)], 5, 6, pair_low, pair_high)) == [(5, 9)]

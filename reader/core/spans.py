"""Overlap lookups over character spans in logarithmic time, so the analysis stays near-linear in the length.

Several analysis steps asked "which spans overlap this one?" by scanning every span of the article (every quote
for each claim, every sentence for each claim, every name mention for each capitalised word): time grew with
the square of the article. These two helpers answer by bisection instead:

- `overlapping(items, start, end)`: the items of a list sorted by position and not overlapping one another
  (sentences, quotation spans), that overlap [start, end);
- `SpanSet(spans).overlaps(start, end)`: whether any of a set of arbitrary spans (nested, overlapping, in any
  order: name mentions) overlaps [start, end).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import TypeVar

Item = TypeVar("Item")


def overlapping(
    items: Sequence[Item], start: int, end: int, low: Callable[[Item], int], high: Callable[[Item], int]
) -> Sequence[Item]:
    """The items overlapping [start, end), in order; `items` sorted by position and pairwise disjoint.

    `low` and `high` read an item's span (`pair_low` and `pair_high` for `(low, high)` tuples).
    """
    first = bisect.bisect_right(items, start, key=high)  # the first item ending after `start`
    stop = first
    while stop < len(items) and low(items[stop]) < end:
        stop += 1
    return items[first:stop]


def pair_low(span: tuple[int, int]) -> int:
    return span[0]


def pair_high(span: tuple[int, int]) -> int:
    return span[1]


class SpanSet:
    """Arbitrary spans (any order, nesting allowed), asked whether any overlaps a given span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._lows = [low for low, _high in ordered]
        self._reach = list(accumulate((high for _low, high in ordered), max))
        """_reach[k]: the furthest end among the first k + 1 spans (by start)."""

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span (low, high) has low < end and start < high."""
        count = bisect.bisect_left(self._lows, end)  # spans starting before `end`
        return count > 0 and self._reach[count - 1] > start

"""Which matches sit in order: the longest chain increasing on both sides, and the matches off it ("moved").

A match is in order when it lies on *every* heaviest chain of matches increasing in both articles (weight =
sentences covered). When two passages simply swapped places, either could be called the moved one; marking both
keeps the answer the same whichever article is called A, which the view and the saved files rely on.
"""

from __future__ import annotations

from collections.abc import Sequence


class _MaxTree:
    """Fenwick tree of prefix maxima over positions 1..size."""

    def __init__(self, size: int) -> None:
        self._tree = [0] * (size + 1)

    def update(self, position: int, value: int) -> None:
        while position < len(self._tree):
            if self._tree[position] < value:
                self._tree[position] = value
            position += position & -position

    def query(self, position: int) -> int:
        """Maximum over positions 1..position (0 when empty)."""
        best = 0
        while position > 0:
            best = max(best, self._tree[position])
            position -= position & -position
        return best


def _chain_ends(spans: Sequence[tuple[int, int, int, int]], size: int) -> list[int]:
    """For each span (a_first, a_last, b_first, b_last) in ascending a order: heaviest chain weight ending there."""
    tree = _MaxTree(size)
    ends: list[int] = []
    for a_first, a_last, b_first, b_last in spans:
        weight = (a_last - a_first + 1) + (b_last - b_first + 1)
        best = tree.query(b_first) + weight  # chains whose last b index is < b_first (positions are b + 1)
        ends.append(best)
        tree.update(b_last + 1, best)
    return ends


def in_order(groups: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[bool]:
    """For each (a indices, b indices) group, whether it lies on every heaviest increasing chain.

    Groups must be disjoint on each side. O(n log n): chains are found with prefix-maximum trees.
    """
    if not groups:
        return []
    order = sorted(range(len(groups)), key=lambda index: groups[index][0][0])
    spans = [(groups[i][0][0], groups[i][0][-1], groups[i][1][0], groups[i][1][-1]) for i in order]
    size = max(span[3] for span in spans) + 2
    ends = _chain_ends(spans, size)
    mirrored = [
        (-a_last, -a_first, size - 2 - b_last, size - 2 - b_first) for a_first, a_last, b_first, b_last in spans
    ]
    starts = list(reversed(_chain_ends(list(reversed(mirrored)), size)))
    weights = [(s[1] - s[0] + 1) + (s[3] - s[2] + 1) for s in spans]
    heaviest = max(ends)
    critical = [ends[k] + starts[k] - weights[k] == heaviest for k in range(len(spans))]
    coverage = [0] * (heaviest + 1)
    for k, is_critical in enumerate(critical):
        if is_critical:
            coverage[ends[k] - weights[k]] += 1
            coverage[ends[k]] -= 1
    running, covered = 0, []
    for delta in coverage:
        running += delta
        covered.append(running)
    result = [False] * len(groups)
    for k, index in enumerate(order):
        if critical[k]:
            result[index] = all(covered[p] == 1 for p in range(ends[k] - weights[k], ends[k]))
    return result


class _BestTree:
    """Fenwick tree of prefix maxima of (weight, -item) pairs, for the heaviest chain with back-pointers."""

    def __init__(self, size: int) -> None:
        self._tree: list[tuple[float, int]] = [(0.0, 1)] * (size + 1)

    def update(self, position: int, value: tuple[float, int]) -> None:
        while position < len(self._tree):
            if self._tree[position] < value:
                self._tree[position] = value
            position += position & -position

    def query(self, position: int) -> tuple[float, int]:
        best = (0.0, 1)
        while position > 0:
            best = max(best, self._tree[position])
            position -= position & -position
        return best


def heaviest_chain(groups: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], weights: Sequence[float]) -> list[int]:
    """Indices of the groups on the heaviest chain increasing in both A and B (positive weights only).

    Groups may overlap (a sentence in several candidate groups); a chain never repeats a sentence because each
    step must start after the previous one ends on both sides. Ties go to the group listed first.
    """
    order = sorted(range(len(groups)), key=lambda k: (groups[k][0][0], k))
    if not order:
        return []
    size = max(max(g[1]) for g in groups) + 2
    tree = _BestTree(size)
    pending = sorted(order, key=lambda k: (groups[k][0][-1], k))
    inserted = 0
    totals: dict[int, float] = {}
    previous: dict[int, int] = {}
    for k in order:
        a_first = groups[k][0][0]
        while inserted < len(pending) and groups[pending[inserted]][0][-1] < a_first:
            done = pending[inserted]
            if done in totals:
                tree.update(groups[done][1][-1] + 1, (totals[done], -done))
            inserted += 1
        best, before = tree.query(groups[k][1][0])
        totals[k] = best + weights[k]
        if before <= 0:
            previous[k] = -before
    if not totals:
        return []
    end = max(totals, key=lambda k: (totals[k], -k))
    chain = [end]
    while chain[-1] in previous:
        chain.append(previous[chain[-1]])
    return sorted(chain, key=lambda k: groups[k][0][0])

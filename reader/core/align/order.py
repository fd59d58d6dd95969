"""Which links sit in reading order: the heaviest chain increasing on both sides, and the links off it ("moved").

Links may share sentences (many-to-many), so a chain is a sequence of links each starting, on both sides, after
the previous one ends. A link is in order when it lies on *every* heaviest chain: when two passages simply
swapped places, or two partners of one sentence tie, either could be called the moved one, and marking both
keeps the answer the same whichever article is called A, which the view and the saved files rely on. The links
in order are a subset of one chain, so the level rows they give are always in reading order on both sides.

Why "every chain" can be read off two sweeps: on a heaviest chain each link occupies the stretch
(F - w, F] of total weight, F being the heaviest chain ending with it; a heaviest chain's links tile (0, H]
exactly. So a link on some heaviest chain is on all of them exactly when no other such link's stretch overlaps
its own. Weights are integers so the sums compare exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

Group = tuple[tuple[int, ...], tuple[int, ...]]


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


def _chain_ends(spans: Sequence[tuple[int, int, int, int]], weights: Sequence[int]) -> list[int]:
    """For spans (a_first, a_last, b_first, b_last): the heaviest chain weight ending with each span.

    A span may follow another only when it starts after it ends on both sides; spans are inserted into the tree
    (keyed by b_last) once the sweep over a_first has passed their a_last, so overlapping spans never chain.
    """
    size = max(span[3] for span in spans) + 2
    tree = _MaxTree(size)
    by_start = sorted(range(len(spans)), key=lambda k: spans[k][0])
    by_end = sorted(range(len(spans)), key=lambda k: spans[k][1])
    ends = [0] * len(spans)
    inserted = 0
    for k in by_start:
        while inserted < len(by_end) and spans[by_end[inserted]][1] < spans[k][0]:
            done = by_end[inserted]
            tree.update(spans[done][3] + 1, ends[done])
            inserted += 1
        ends[k] = tree.query(spans[k][2]) + weights[k]  # chains whose last b index is < b_first
    return ends


def in_order(groups: Sequence[Group], weights: Sequence[int] | None = None) -> list[bool]:
    """For each (a indices, b indices) group, whether it lies on every heaviest chain increasing in A and B.

    `weights` (positive integers) default to the sentences a group covers. Groups may share sentences.
    O(n log n): chains are found with prefix-maximum trees.
    """
    if not groups:
        return []
    if weights is None:
        weights = [len(a) + len(b) for a, b in groups]
    spans = [(a[0], a[-1], b[0], b[-1]) for a, b in groups]
    ends = _chain_ends(spans, weights)
    width = max(max(span[1], span[3]) for span in spans) + 1
    mirrored = [
        (width - a_last, width - a_first, width - b_last, width - b_first) for a_first, a_last, b_first, b_last in spans
    ]
    starts = _chain_ends(mirrored, weights)
    heaviest = max(ends)
    critical = [k for k in range(len(spans)) if ends[k] + starts[k] - weights[k] == heaviest]
    stretches = sorted((ends[k] - weights[k], ends[k], k) for k in critical)
    result = [False] * len(groups)
    reach = -1  # the furthest end of the stretches before this one
    for position, (low, high, k) in enumerate(stretches):
        overlapped = reach > low or (position + 1 < len(stretches) and stretches[position + 1][0] < high)
        result[k] = not overlapped
        reach = max(reach, high)
    return result

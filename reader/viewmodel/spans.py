"""Highlight layers of one pane: character spans per layer (detail, search, mention, note), found per row fast.

A drawn row asks which spans of each layer overlap its characters. With a thousand notes, scanning every span
for every row made each redraw slow; the spans are kept sorted with their starts and the longest span's length,
so a row finds its spans by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanLayers:
    """Named layers of (start, end) character spans."""

    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[int, int]]] = {}
        """Each layer's spans, sorted."""
        self._index: dict[str, tuple[list[int], int]] = {}

    def set(self, layer: str, spans: Iterable[tuple[int, int]]) -> bool:
        """Replace one layer's spans; False when they are the ones it already had (nothing to redraw)."""
        ordered = sorted(spans)
        if self.spans.get(layer, []) == ordered:
            self.spans[layer] = ordered
            return False
        self.spans[layer] = ordered
        longest = max((end - start for start, end in ordered), default=0)
        self._index[layer] = ([start for start, _ in ordered], longest)
        return True

    def overlapping(self, layer: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of `layer` that overlap the characters [start, end), in order."""
        spans = self.spans.get(layer)
        if not spans:
            return []
        starts, longest = self._index[layer]
        first = bisect.bisect_left(starts, start - longest)
        last = bisect.bisect_left(starts, end)
        return [(a, b) for a, b in spans[first:last] if a < end and b > start]

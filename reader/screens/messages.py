"""Messages the main screen's workers post back to it.

Plain classes rather than dataclasses, like every message the first frame imports: Python 3.11 takes ~0.3 ms to
make a dataclass (it compiles each generated method), and ten of them were ~3 ms of the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from reader.core.records import Comparison


class AlignmentReady(Message):
    """The alignment of every pair is done (no actors or claims yet)."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        super().__init__()


class AnalysisReady(Message):
    """Actors, claims and the who-is-quoted table are in."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        super().__init__()


class EarlyAnalysisReady(Message):
    """Actors, claims and the who-is-quoted table, before the alignment: a comparison without alignments or
    claim links, for the sidebar only (None: the early analysis failed; the analysis step will say why)."""

    def __init__(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        super().__init__()

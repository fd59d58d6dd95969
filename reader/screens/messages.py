"""Messages the main screen's workers post back to it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.core.records import Comparison


@dataclass
class AlignmentReady(Message):
    """The alignment of every pair is done (no actors or claims yet)."""

    comparison: Comparison


@dataclass
class AnalysisReady(Message):
    """Actors, claims and the who-is-quoted table are in."""

    comparison: Comparison


@dataclass
class EarlyAnalysisReady(Message):
    """Actors, claims and the who-is-quoted table, before the alignment: a comparison without alignments or
    claim links, for the sidebar only (None: the early analysis failed; the analysis step will say why)."""

    comparison: Comparison | None

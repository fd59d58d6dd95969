"""The Conflicts tab: every conflicting detail of the pair (then of the other pairs), both values and the slot.

Each entry is two lines laid out for the sidebar's width: the slot with the kind at the right edge, then
`A “Tuesday”  ≠  B “Wednesday”`. A conflict between passages the aligner did not match says so ("unmatched").
Enter (or a click) posts `ConflictList.Selected`; the screen jumps both panes to the two passages. Article text
is data: values are shown as plain text, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message

from reader.core.records import Comparison
from reader.viewmodel.conflicts import ConflictRow, conflict_rows
from reader.widgets.sidebar_list import SidebarList

EMPTY_HINT = "No conflicting details between these articles."


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class ConflictList(SidebarList[ConflictRow]):
    """The pair's conflicts in the left article's reading order, then the other pairs'."""

    @dataclass
    class Selected(Message):
        """The user chose a conflict."""

        row: ConflictRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_hint = EMPTY_HINT
        self.rows: list[ConflictRow] = []

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.rows = conflict_rows(comparison, left, right)
        self.set_entries(self.rows)

    def entry_key(self, entry: ConflictRow) -> str:
        return entry.key

    def entry_prompt(self, entry: ConflictRow, width: int) -> Content:
        tag = entry.kind if entry.linked else f"{entry.kind}, unmatched"
        if not entry.in_pair:
            tag = f"{entry.labels[0]}⇄{entry.labels[1]} {tag}"
        slot = _clip(entry.slot, max(4, width - len(tag) - 1))
        gap = " " * max(1, width - len(slot) - len(tag))
        half = max(6, (width - 5) // 2 - 3)
        left = f"{entry.labels[0]} “{_clip(entry.values[0].text, half)}”"
        right = f"{entry.labels[1]} “{_clip(entry.values[1].text, half)}”"
        return Content.assemble(
            (slot, "bold"),
            gap,
            (tag, "italic $text-muted" if not entry.in_pair else "$text-error"),
            "\n",
            left,
            (" ≠ ", "bold $text-error"),
            right,
        )

    def entry_selected(self, entry: ConflictRow) -> None:
        self.post_message(self.Selected(entry))

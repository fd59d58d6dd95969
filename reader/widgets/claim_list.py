"""The Claims tab: who said what, and whether the other article carries the same claim.

Each claim is an entry of three lines laid out for the sidebar's width: the speaker with the status at the
right edge, then the reporting verb and what was said, wrapped onto two lines. Status: both, A only, B only,
source differs, cue differs, always as words (the colour only repeats it), in theme colours that read on
light and dark themes. Enter on an entry posts `ClaimList.Selected` with the claim(s) it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message

from reader.core.records import Comparison
from reader.viewmodel.sidebar_rows import ClaimRow, ClaimStatus, claim_rows
from reader.viewmodel.sidebar_text import CONTENT_INDENT, claim_entry
from reader.widgets.sidebar_list import SidebarList

STATUS_STYLES: dict[ClaimStatus, str] = {
    ClaimStatus.BOTH: "$text-success",
    ClaimStatus.LEFT_ONLY: "italic $text-muted",
    ClaimStatus.RIGHT_ONLY: "italic $text-muted",
    ClaimStatus.SOURCE_DIFFERS: "bold $text-error",
    ClaimStatus.CUE_DIFFERS: "bold $text-warning",
    ClaimStatus.VERB_DIFFERS: "bold $text-warning",
    ClaimStatus.FACT_ELSEWHERE: "bold $text-warning",
}

EMPTY_HINT = "No attributed statements found in this pair."


class ClaimList(SidebarList[ClaimRow]):
    """The pair's claims, in the left article's reading order, then those only the right one has."""

    @dataclass
    class Selected(Message):
        """The user chose a claim."""

        row: ClaimRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = ("A", "B")
        self.claims_by_key: dict[str, ClaimRow] = {}
        self.empty_hint = EMPTY_HINT

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.labels = (comparison.articles[left].label, comparison.articles[right].label)
        rows = claim_rows(comparison, left, right)
        self.claims_by_key = {row.key: row for row in rows}
        self.set_entries(rows)

    def entry_key(self, entry: ClaimRow) -> str:
        return entry.key

    def entry_prompt(self, entry: ClaimRow, width: int) -> Content:
        laid = claim_entry(entry, self.labels, width)
        parts: list[str | tuple[str, str]] = [(laid.speaker, "bold"), (laid.status, STATUS_STYLES[entry.status])]
        for number, line in enumerate(laid.lines):
            parts.append("\n")
            if number == 0 and laid.cue_length:
                cut = len(CONTENT_INDENT) + laid.cue_length
                parts.extend((line[: len(CONTENT_INDENT)], (line[len(CONTENT_INDENT) : cut], "italic $text-primary")))
                parts.append(line[cut:])
            else:
                parts.append(line)
        return Content.assemble(*parts)

    def entry_selected(self, entry: ClaimRow) -> None:
        self.post_message(self.Selected(entry))

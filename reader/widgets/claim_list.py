"""The Claims tab: who said what, and whether the other article carries the same claim.

Status: both, left only, right only (shown with the article labels), source differs, cue differs. Selecting a
row posts `ClaimList.Selected` with the claim(s) it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from reader.core.records import Comparison
from reader.viewmodel.sidebar_rows import ClaimRow, ClaimStatus, claim_rows, snippet

STATUS_STYLES: dict[ClaimStatus, str] = {
    # Mid-tone colours and text styles that read on both light and dark themes.
    ClaimStatus.BOTH: "",
    ClaimStatus.LEFT_ONLY: "italic",
    ClaimStatus.RIGHT_ONLY: "italic",
    ClaimStatus.SOURCE_DIFFERS: "bold red3",
    ClaimStatus.CUE_DIFFERS: "bold magenta3",
}


def status_label(status: ClaimStatus, labels: tuple[str, str]) -> str:
    """The status as the user reads it: "A only" rather than "left only"."""
    if status is ClaimStatus.LEFT_ONLY:
        return f"{labels[0]} only"
    if status is ClaimStatus.RIGHT_ONLY:
        return f"{labels[1]} only"
    return str(status.value)


class ClaimList(DataTable[Text]):
    """A table of the pair's claims."""

    @dataclass
    class Selected(Message):
        """The user chose a claim row."""

        row: ClaimRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", id=id)
        self.claims_by_key: dict[str, ClaimRow] = {}

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.clear(columns=True)
        labels = comparison.articles[left].label, comparison.articles[right].label
        for name in ("speaker", "status", "cue", "what"):
            self.add_column(name, key=name)
        self.claims_by_key = {}
        for row in claim_rows(comparison, left, right):
            claim = row.shown
            self.claims_by_key[row.key] = row
            cue = claim.cue.text
            if row.left and row.right and row.left.cue.text.casefold() != row.right.cue.text.casefold():
                cue = f"{row.left.cue.text} / {row.right.cue.text}"
            self.add_row(
                Text(snippet(claim.speaker_label, 18)),
                Text(status_label(row.status, labels), style=STATUS_STYLES[row.status]),
                Text(snippet(cue, 16), style="italic"),
                Text(snippet(claim.content.text, 48)),
                key=row.key,
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.claims_by_key.get(str(event.row_key.value))
        if row is not None:
            self.post_message(self.Selected(row))

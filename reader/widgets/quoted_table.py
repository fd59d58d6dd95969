"""The "Who is quoted" tab: each speaker's claims and quoted words per article of the pair.

Selecting a row posts `QuotedTable.Selected`; the screen jumps to that speaker's claims, cycling on repeat.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from reader.core.records import Comparison
from reader.viewmodel.sidebar_rows import QuotedLine, quoted_lines, snippet


class QuotedTable(DataTable[Text]):
    """Speakers by how much each article quotes them."""

    @dataclass
    class Selected(Message):
        line: QuotedLine

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", id=id)
        self.speakers: list[QuotedLine] = []

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.clear(columns=True)
        labels = comparison.articles[left].label, comparison.articles[right].label
        self.add_column("speaker", key="speaker")
        self.add_column(f"claims {labels[0]}", key="claims-left")
        self.add_column(f"claims {labels[1]}", key="claims-right")
        self.add_column(f"words {labels[0]}", key="words-left")
        self.add_column(f"words {labels[1]}", key="words-right")
        self.speakers = quoted_lines(comparison, left, right)
        for index, line in enumerate(self.speakers):
            self.add_row(
                Text(snippet(line.speaker, 24)),
                *(Text(str(value), justify="right") for value in (*line.claims, *line.words)),
                key=str(index),
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(str(event.row_key.value))
        if 0 <= index < len(self.speakers):
            self.post_message(self.Selected(self.speakers[index]))

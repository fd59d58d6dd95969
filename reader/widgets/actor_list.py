"""The Actors tab: people, organisations, places and groups with their mentions per article, filterable.

Typing in the filter narrows the list by name or alias; Enter (or a second click) on a row posts
`ActorList.Selected`, and the screen decides where that jumps (selecting the same actor again cycles).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input

from reader.core.records import Comparison
from reader.viewmodel.sidebar_rows import ActorRow, actor_rows


class ActorList(Vertical):
    """Filter input above a table of actors."""

    @dataclass
    class Selected(Message):
        """The user chose an actor."""

        actor_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.pair = (0, 1)
        self.rows: list[ActorRow] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter actors…", id="actor-filter")
        table: DataTable[Text | str] = DataTable(cursor_type="row", zebra_stripes=False, id="actor-table")
        yield table

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.comparison = comparison
        self.pair = (left, right)
        if self.is_mounted:
            self._fill(self.query_one("#actor-filter", Input).value)

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        table: DataTable[Text | str] = self.query_one("#actor-table", DataTable)
        table.clear(columns=True)
        if self.comparison is None:
            return
        left, right = self.pair
        labels = self.comparison.articles[left].label, self.comparison.articles[right].label
        table.add_column("actor", key="name")
        table.add_column("kind", key="kind")
        table.add_column(labels[0], key="left")
        table.add_column(labels[1], key="right")
        self.rows = actor_rows(self.comparison, left, right, query)
        for row in self.rows:
            table.add_row(
                Text(row.name),
                Text(row.kind, style="dim"),
                Text(str(row.counts[0]), justify="right"),
                Text(str(row.counts[1]), justify="right"),
                key=row.actor_id,
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter selects the first actor that is left."""
        event.stop()
        if self.rows:
            self.post_message(self.Selected(self.rows[0].actor_id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Selected(event.row_key.value))

"""The Actors tab: people, organisations, places and groups with their mentions per article, filterable.

Typing in the filter narrows the list by name or alias; Enter (or a click) on an entry posts
`ActorList.Selected`, and the screen decides where that jumps (selecting the same actor again cycles). Each
entry is one line laid out for the sidebar's width: the kind and both counts keep their full width, the name
takes the rest. A count per article of the comparison (not only the pair shown): with three outlets the reader
sees at once who only one of them names.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from reader.core.records import Comparison
from reader.viewmodel.sidebar_rows import ActorRow, actor_rows
from reader.viewmodel.sidebar_text import actor_columns
from reader.widgets.sidebar_list import SidebarList


class ActorEntries(SidebarList[ActorRow]):
    """The actors left by the filter, most mentioned first."""

    def __init__(self, *, heading: Static | None = None, id: str | None = None) -> None:
        super().__init__(heading=heading, id=id)
        self.labels: tuple[str, ...] = ("A", "B")

    def entry_key(self, entry: ActorRow) -> str:
        return entry.actor_id

    def entry_prompt(self, entry: ActorRow, width: int) -> Content:
        name, kind, *counts = actor_columns(self.entries, self.labels, width).cells(entry)
        return Content.assemble(name, " ", (kind, "$text-muted"), " ", " ".join(counts))

    def heading(self, width: int) -> Content | None:
        return Content.styled(actor_columns(self.entries, self.labels, width).header(self.labels), "bold $text-muted")

    def entry_selected(self, entry: ActorRow) -> None:
        self.post_message(ActorList.Selected(entry.actor_id))


class ActorList(Vertical):
    """Filter input above the heading and the list of actors."""

    @dataclass
    class Selected(Message):
        """The user chose an actor."""

        actor_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.pair = (0, 1)

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter actors…", id="actor-filter", select_on_focus=False)
        heading = Static(id="actor-heading", classes="sidebar-heading")
        yield heading
        yield ActorEntries(heading=heading, id="actor-entries")

    @property
    def rows(self) -> list[ActorRow]:
        """The actors listed now (after the filter)."""
        found = self.query(ActorEntries)
        return found.first().entries if found else []

    @property
    def highlighted_id(self) -> str | None:
        """The actor under the list's highlight (what `m` annotates)."""
        found = self.query(ActorEntries)
        return found.first().highlighted_key if found else None

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.comparison = comparison
        self.pair = (left, right)
        if self.is_mounted:
            self._fill(self.query_one("#actor-filter", Input).value)

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        entries = self.query_one(ActorEntries)
        if self.comparison is None:
            entries.set_entries([])
            return
        left, right = self.pair
        entries.labels = tuple(article.label for article in self.comparison.articles)
        entries.empty_hint = f"No actor matches “{query}”." if query.strip() else "No actors found in this pair."
        entries.set_entries(actor_rows(self.comparison, left, right, query))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter selects the first actor that is left."""
        event.stop()
        if self.rows:
            self.post_message(self.Selected(self.rows[0].actor_id))

"""The sidebar: a list of tabs (Actors, Claims, Who is quoted, Notes) over the pair's analysis.

The tabs are data (`SIDEBAR_TABS`), each a title and a factory of a widget that can `show(comparison, left,
right)`; a later feature adds a tab by appending to the list. Until the analysis arrives, a progress bar says
that it is running.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import ProgressBar, Static, TabbedContent, TabPane

from reader.core.records import Comparison
from reader.widgets.actor_list import ActorList
from reader.widgets.claim_list import ClaimList
from reader.widgets.notes_list import NotesList
from reader.widgets.quoted_table import QuotedTable


@runtime_checkable
class ShowsComparison(Protocol):
    """What a sidebar tab's widget must offer."""

    def show(self, comparison: Comparison, left: int, right: int) -> None: ...


@dataclass(frozen=True)
class SidebarTab:
    """One tab: its title, the id of its pane, and how to build its widget."""

    title: str
    id: str
    make: Callable[[], Widget]


SIDEBAR_TABS: list[SidebarTab] = [
    SidebarTab("Actors", "actors", lambda: ActorList(id="actor-list")),
    SidebarTab("Claims", "claims", lambda: ClaimList(id="claim-list")),
    SidebarTab("Quoted", "quoted", lambda: QuotedTable(id="quoted-table")),
    SidebarTab("Notes", "notes", lambda: NotesList(id="notes-list")),
]


class Sidebar(Vertical):
    """Tabs over the analysis, or a progress bar while it runs."""

    def __init__(self, tabs: Sequence[SidebarTab] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-pending")
        self.tabs = list(SIDEBAR_TABS if tabs is None else tabs)
        self.contents: dict[str, Widget] = {}
        self.shown: tuple[Comparison, int, int] | None = None
        self.pending_message = "Finding actors and claims…"

    def compose(self) -> ComposeResult:
        with Vertical(id="sidebar-pending"):
            yield Static(self.pending_message, id="sidebar-pending-text")
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="sidebar-progress")
        with TabbedContent(id="sidebar-tabs"):
            for tab in self.tabs:
                widget = tab.make()
                self.contents[tab.id] = widget
                with TabPane(tab.title, id=f"tab-{tab.id}"):
                    yield widget

    def on_mount(self) -> None:
        """The analysis may have arrived (or failed) while the tabs were being built: show it now."""
        self._fill_pending()
        self._fill()

    def show_pending(self, message: str) -> None:
        """Show the progress bar (analysis running) or, when it failed, only the message."""
        self.set_class(True, "-pending")
        self.pending_message = message
        self._fill_pending()

    def _fill_pending(self) -> None:
        for text in self.query("#sidebar-pending-text").results(Static):
            text.update(self.pending_message)
        for bar in self.query("#sidebar-progress").results(ProgressBar):
            bar.display = self.pending_message.endswith("…")

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        """Fill every tab from an analysed comparison."""
        self.set_class(False, "-pending")
        self.shown = (comparison, left, right)
        if self.is_mounted:
            self._fill()

    def _fill(self) -> None:
        if self.shown is None:
            return
        for widget in self.contents.values():
            if isinstance(widget, ShowsComparison):
                widget.show(*self.shown)

    def activate(self, tab_id: str) -> None:
        self.query_one("#sidebar-tabs", TabbedContent).active = f"tab-{tab_id}"

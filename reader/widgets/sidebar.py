"""The sidebar: a list of tabs (Actors, Claims, Who is quoted, Notes, Conflicts) over the pair's analysis.

The tabs are data (`SIDEBAR_TABS`), each a title and a factory of a widget that can `show(comparison, left,
right)`; a later feature adds a tab by appending to the list. The tabs are there from the start: until the
analysis arrives, the tabs that show it (Actors, Claims, Quoted) hold a progress bar in place of their list, or
the error line when the analysis failed, while the Notes tab works as always.

The sidebar mounts after the first paint, and only the open tab's content at once: the others' are mounted
shortly after (`LaterContent`, `LATER_TABS_DELAY`), and each tab's widget module is imported when its tab is
built, so the actors show up sooner (the Notes tab alone pulls in the store). A sidebar built once the
analysis is in starts without the "pending" state.

The pending state shows and hides the few widgets it concerns (each analysis tab's progress line and its list)
through their `display`, not through a class on the sidebar and descendant rules: a class changed on the sidebar
makes Textual restyle every widget under it, which was a quarter of the time from the analysis arriving to the
actors drawn on a cold start (~26 ms of ~110, sampled in six runs on the seeds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar, Protocol, runtime_checkable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, OptionList, ProgressBar, Static, TabbedContent, TabPane
from textual.widgets.tabbed_content import ContentTabs

from reader.core.records import Comparison


@runtime_checkable
class ShowsComparison(Protocol):
    """What a sidebar tab's widget must offer."""

    def show(self, comparison: Comparison, left: int, right: int) -> None: ...


@dataclass(frozen=True)
class SidebarTab:
    """One tab: its title, the id of its pane, how to build its widget, and whether it shows the analysis."""

    title: str
    id: str
    make: Callable[[], Widget]
    needs_analysis: bool = True
    """Shows a progress bar (or the analysis error) in place of its widget until the analysis is in."""
    reads_alignment: bool = False
    """Filled as soon as the comparison is aligned, before the analysis (the Conflicts tab)."""


def _actor_list() -> Widget:
    from reader.widgets.actor_list import ActorList

    return ActorList(id="actor-list")


def _claim_list() -> Widget:
    from reader.widgets.claim_list import ClaimList

    return ClaimList(id="claim-list")


def _quoted_table() -> Widget:
    from reader.widgets.quoted_table import QuotedTable

    return QuotedTable(id="quoted-table")


def _notes_list() -> Widget:
    from reader.widgets.notes_list import NotesList

    return NotesList(id="notes-list")


def _conflict_list() -> Widget:
    from reader.widgets.conflict_list import ConflictList

    return ConflictList(id="conflict-list")


SIDEBAR_TABS: list[SidebarTab] = [
    SidebarTab("Actors", "actors", _actor_list),
    SidebarTab("Claims", "claims", _claim_list),
    SidebarTab("Quoted", "quoted", _quoted_table),
    SidebarTab("Notes", "notes", _notes_list, needs_analysis=False),
    SidebarTab("Conflicts", "conflicts", _conflict_list, needs_analysis=False, reads_alignment=True),
]


LIST_KEYS = frozenset("mM12345")
"""Printable keys a sidebar list keeps for itself: a note on the entry (m, M) and the tabs (1-5). Any other
printable key typed in a list goes to the tab's filter when it has one, else nowhere: never to a command of
the main screen (typing "Hezb" in the Actors list once opened Export on its "e")."""

WALK_KEYS: dict[str, str] = {"conflict-list": "cC", "claim-list": "aA"}
"""A list's own walk keys: in the Conflicts list c/C walk the conflicts, in the Claims list a/A the claims (the
same keys as in the panes, acting on the list's own entries)."""


LATER_TABS_DELAY = 0.2
"""Seconds after the open tab's first frame before the other tabs are built. Built a frame later (before), their
widgets and modules (the Notes tab pulls in the store) held the frame with the actors back: in tmux, a warm
start showed the actors ~390 ms after the first paint, ~100 ms of it building tabs nobody had opened yet
(bench/startup.py, seeds, five runs). Opening a tab before then builds it at once (`Sidebar.activate`)."""


class LaterContent(Widget):
    """Stands in a tab until shortly after the sidebar's first frame, then builds and mounts the tab's content in
    its place (like `textual.lazy.Lazy`, but the widgets, and the modules they come from, are made only then)."""

    DEFAULT_CSS = "LaterContent { display: none; }"

    def __init__(self, build: Callable[[], list[Widget]], then: Callable[[], None]) -> None:
        super().__init__()
        self._build = build
        self._then = then
        self._built = False

    def on_mount(self) -> None:
        self.call_after_refresh(self.set_timer, LATER_TABS_DELAY, self.build_now)

    async def build_now(self) -> None:
        """Mount the tab's content in this placeholder's place (once; later calls do nothing)."""
        parent = self.parent
        if self._built or not isinstance(parent, Widget):
            return
        self._built = True
        await parent.mount_all(self._build(), after=self)
        await self.remove()
        self._then()


class PendingText(Static):
    """The line above an analysis tab's progress bar; one mounted late (a lazy tab) catches up on mounting."""

    def on_mount(self) -> None:
        for sidebar in self.ancestors:
            if isinstance(sidebar, Sidebar):
                sidebar.call_later(sidebar._fill_pending)
                return


class Sidebar(Vertical):
    """Tabs over the analysis; its tabs show a progress bar while it runs.

    Focus rules: in a list, printable keys filter (or are dropped), never run the screen's commands; Escape
    from a list or a filter hands the focus back to the pane (`Sidebar.Leave`).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back to the text", show=False, id="sidebar-leave"),
    ]

    class Leave(Message):
        """Escape in the sidebar: the screen puts the focus back on the active pane."""

    def __init__(self, tabs: Sequence[SidebarTab] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.failed = False
        """The analysis failed: its tabs show the error line, without a progress bar."""
        self.tabs = list(SIDEBAR_TABS if tabs is None else tabs)
        self.contents: dict[str, Widget] = {}
        self.shown: tuple[Comparison, int, int] | None = None
        self.aligned: tuple[Comparison, int, int] | None = None
        self.pending_message = "Finding actors and claims…"

    @property
    def pending(self) -> bool:
        """The analysis tabs show their progress line (or the error line, when `failed`) in place of their list:
        until an analysed comparison is shown."""
        return self.shown is None

    def compose(self) -> ComposeResult:
        if isinstance(self.parent, Widget):  # the slot, laid out since the first frame: no restyle a frame later
            self._fit_tab_labels(self.parent.size.width)
        with TabbedContent(id="sidebar-tabs"):
            for position, tab in enumerate(self.tabs):
                with TabPane(tab.title, id=f"tab-{tab.id}"):
                    if position == 0:  # the open tab at once; the others shortly after
                        yield from self._tab_content(tab)
                    else:
                        yield LaterContent(partial(self._tab_content, tab), partial(self._fill_tab, tab))

    def _tab_content(self, tab: SidebarTab) -> list[Widget]:
        """A tab's widget (registered in `contents`, given what the sidebar shows now) and its progress line."""
        widget = tab.make()
        self.contents[tab.id] = widget
        if not tab.needs_analysis:
            return [widget]
        widget.add_class("analysis-view")
        pending = Vertical(
            PendingText(self.pending_message, classes="tab-pending-text", markup=False),
            ProgressBar(total=None, show_eta=False, show_percentage=False, classes="tab-progress"),
            classes="tab-pending",
        )
        pending.display, widget.display = self.pending, not self.pending
        return [pending, widget]

    def on_resize(self, event: events.Resize) -> None:
        self._fit_tab_labels(event.size.width)

    def _fit_tab_labels(self, width: int) -> None:
        """Tab labels one column apart (`-tight-tabs`, sidebar.tcss) when the sidebar is narrower than the strip
        with Textual's column of padding on each side of each label: else "Conflicts" scrolls out of sight."""
        self.set_class(width < sum(len(tab.title) + 2 for tab in self.tabs), "-tight-tabs")

    def on_mount(self) -> None:
        """The analysis may have arrived (or failed) while the tabs were being built: show it now.

        The tab bar leaves the focus chain: tab goes from the panes straight to the open tab's filter and list
        (1-4 and the mouse switch tabs), instead of stopping on a row of titles where Enter does nothing. An app
        that quits while the sidebar mounts has removed the tabs already: then there is nothing to set."""
        for tabs in self.query(ContentTabs):
            tabs.can_focus = False
        self._fill_pending()
        self._fill_aligned()
        self._fill()

    def show_pending(self, message: str, *, failed: bool = False) -> None:
        """In the analysis tabs: the message with a progress bar (running) or, when it failed, the message alone."""
        self.failed = failed
        self.shown = None  # what comes next is shown, even the comparison shown before
        self.pending_message = message
        self._show_pending_or_lists()
        self._fill_pending()

    def _show_pending_or_lists(self) -> None:
        """Show each analysis tab's progress line, or its list (see the module's docstring)."""
        for line in self.query(".tab-pending"):
            line.display = self.pending
        for view in self.query(".analysis-view"):
            view.display = not self.pending

    def _fill_pending(self) -> None:
        for text in self.query(".tab-pending-text").results(Static):
            text.update(self.pending_message)
            text.set_class(self.failed, "-error")
        for bar in self.query(".tab-progress").results(ProgressBar):
            bar.display = not self.failed

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        """Fill every tab from an analysed comparison (again only when it or the pair changed: a fill of the
        lists costs tens of milliseconds)."""
        if self.shown is not None and self.shown[0] is comparison and self.shown[1:] == (left, right):
            return
        self.failed = False
        self.shown = (comparison, left, right)
        self._show_pending_or_lists()
        if self.is_mounted:
            self._fill()

    def _fill_tab(self, tab: SidebarTab) -> None:
        """A tab mounted late: what the sidebar shows now."""
        for tab_id, widget in self.contents.items():
            if tab_id != tab.id or not isinstance(widget, ShowsComparison):
                continue
            if tab.reads_alignment and self.aligned is not None:
                widget.show(*self.aligned)
            if self.shown is not None:
                widget.show(*self.shown)

    def _fill(self) -> None:
        if self.shown is None:
            return
        for widget in self.contents.values():
            if isinstance(widget, ShowsComparison):
                widget.show(*self.shown)

    def show_alignment(self, comparison: Comparison, left: int, right: int) -> None:
        """Fill the tabs that read the aligned comparison (Conflicts) without waiting for the analysis."""
        self.aligned = (comparison, left, right)
        if self.is_mounted:
            self._fill_aligned()

    def _fill_aligned(self) -> None:
        if self.aligned is None:
            return
        reading = {tab.id for tab in self.tabs if tab.reads_alignment}
        for tab_id, widget in self.contents.items():
            if tab_id in reading and isinstance(widget, ShowsComparison):
                widget.show(*self.aligned)

    def on_key(self, event: events.Key) -> None:
        """A printable key from a list (inputs keep theirs): to the tab's filter, or dropped."""
        focused = self.screen.focused
        if not event.is_printable or event.character is None or not isinstance(focused, OptionList):
            return
        if event.character in LIST_KEYS or event.character in WALK_KEYS.get(focused.id or "", ""):
            return
        event.stop()
        event.prevent_default()
        container = focused.parent
        filters = container.query(Input) if container is not None else None
        if filters:
            field = filters.first()
            field.focus()
            field.insert_text_at_cursor(event.character)
        else:
            self.notify(
                "Keys typed in a list stay in the list: Esc goes back to the text, where they are commands.",
                timeout=3,
            )

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def activate(self, tab_id: str) -> None:
        """Open a tab and put the focus on its list, so the arrows and Enter act on what was just asked for
        (pressing 1-4 means "let me pick an actor / a claim"); Tab or shift+Tab goes back to the panes."""
        tabs = self.query_one("#sidebar-tabs", TabbedContent)
        tabs.active = f"tab-{tab_id}"
        self.call_after_refresh(self._show_active_pane)
        pane = tabs.query_one(f"#tab-{tab_id}")
        later = pane.query(LaterContent)
        if later:  # asked for before it was built: build it now, then focus its list
            self.call_later(self._build_and_focus, later.first(), pane)
            return
        self._focus_list(pane)

    def _show_active_pane(self) -> None:
        """Show the open tab's pane, if the tabs' content switcher lost it.

        Textual's ContentSwitcher sets its shown pane when it mounts, without a watcher: a tab opened in the
        sidebar's first frames (a 1-5 key pressed as the app starts, or on a loaded machine) had its tab lit
        and no pane shown, an empty sidebar. Until the switcher has mounted, look again after the next frame.
        """
        tabs = self.query_one("#sidebar-tabs", TabbedContent)
        switcher = tabs.query_one(ContentSwitcher)
        if not switcher.is_mounted:
            self.call_after_refresh(self._show_active_pane)
        elif tabs.active and switcher.current != tabs.active:
            switcher.current = tabs.active

    async def _build_and_focus(self, later: LaterContent, pane: Widget) -> None:
        await later.build_now()
        self._focus_list(pane)

    @staticmethod
    def _focus_list(pane: Widget) -> None:
        lists = pane.query(OptionList)
        if lists:
            lists.first().focus()

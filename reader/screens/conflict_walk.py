"""c/C and the Conflicts tab: walk the pair's conflicts, Enter on one jumps both panes to its two passages.

A mixin of MainScreen. `c`/`C` step through the same rows the Conflicts tab lists (linked or not), in the
active pane's reading order, highlight the row in the tab and put both panes on its passages; a row of another
pair (three or more articles) first switches the panes to that pair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.viewmodel.bands import Side
from reader.viewmodel.pair_view import PairView

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from reader.core.records import Comparison, TextSpan
    from reader.viewmodel.conflicts import ConflictRow
    from reader.widgets.article_pane import ArticlePane
    from reader.widgets.conflict_list import ConflictList
    from reader.widgets.sidebar import Sidebar


class ConflictWalk:
    """Handlers for c/C and the Conflicts tab's Selected message."""

    comparison: Comparison | None
    view: PairView
    active: Side
    pair: tuple[int, int]

    if TYPE_CHECKING:  # provided by MainScreen and its other mixins; declared for the type checker only

        def pane(self, side: Side) -> ArticlePane: ...
        def show_spans(self, side: Side, sentence: int | None, spans: Sequence[TextSpan]) -> None: ...
        def _pair_chosen(self, pair: tuple[int, int] | None) -> None: ...
        def sidebar(self) -> Sidebar | None: ...
        def call_after_refresh(self, callback: Callable[..., object], *args: object) -> bool: ...

    def walk_conflicts(self, forward: bool) -> bool:
        """Go to the pair's next (or previous) conflict after the active pane's cursor; False when there is none
        that way (the caller says so)."""
        if self.comparison is None:
            return False
        from reader.viewmodel.conflicts import conflict_rows, step_conflict  # on first use: not before the first paint

        rows = conflict_rows(self.comparison, *self.pair)
        index = step_conflict(rows, int(self.active), self.pane(self.active).cursor, forward)
        if index is None:
            return False
        self.go_to_conflict(rows[index])
        from reader.widgets.sidebar_list import SidebarList  # the sidebar's widgets load after the first paint

        sidebar = self.sidebar()
        widget = sidebar.contents.get("conflicts") if sidebar is not None else None
        if isinstance(widget, SidebarList):
            widget.select_key(rows[index].key)
        return True

    def go_to_conflict(self, row: ConflictRow) -> None:
        """Both panes on the conflict's passages, its two values highlighted; the active pane keeps its side."""
        if row.articles != self.pair:
            self._pair_chosen(row.articles)
            self.call_after_refresh(self._show_conflict, row)  # once the new pair is laid out
            return
        self._show_conflict(row)

    def _show_conflict(self, row: ConflictRow) -> None:
        keep = self.active
        for side in (Side.RIGHT, Side.LEFT) if keep is Side.LEFT else (Side.LEFT, Side.RIGHT):
            self.show_spans(side, row.sentences[side], (row.values[side],))
        self.active = keep

    def on_conflict_list_selected(self, message: ConflictList.Selected) -> None:
        self.go_to_conflict(message.row)

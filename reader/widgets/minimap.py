"""Minimap: one column beside a pane showing where its matches, unique passages and conflicts sit.

Each cell is a glyph as well as a colour (`≈` match, `+` unique, `!` conflict); the cells covering the visible
part of the pane are drawn brighter. A click asks the screen to scroll the pane there.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from reader.viewmodel.bands import Side
from reader.viewmodel.overview import OVERVIEW_GLYPHS, Overview, cell_range, row_of_cell, squeeze
from reader.widgets.late_styles import MINIMAP_ALIGNMENT_COMPONENTS, DrawnStyles, HoldsLateStyles, MinimapMarkStyles


class Minimap(HoldsLateStyles, Widget):
    """The overview column of one pane."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"minimap--text", "minimap--viewport"}
    """What a first frame draws; the alignment's cell classes are on a `MinimapMarkStyles` child
    (`reader.widgets.late_styles`)."""

    DEFAULT_CSS = """
    Minimap {
        width: 1;
        height: 1fr;
    }
    Minimap > .minimap--text { color: $foreground 30%; }
    Minimap > .minimap--viewport { background: $foreground 15%; }
    """

    class Clicked(Message):
        """The user clicked a cell: scroll the pane so that `row` is at the top."""

        def __init__(self, minimap: Minimap, side: Side, row: int) -> None:
            self.minimap = minimap
            self.side = side
            self.row = row
            super().__init__()

    def __init__(self, side: Side, *, highlighted_from_start: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.side = side
        self.highlighted_from_start = highlighted_from_start
        self._drawn = DrawnStyles(self, MINIMAP_ALIGNMENT_COMPONENTS, MinimapMarkStyles)
        self.kinds: list[Overview] = []
        self.viewport: tuple[int, int] = (0, 0)
        self._cells: list[Overview] = []
        self._styles: dict[tuple[Overview, bool], Style] = {}
        """Cell styles by kind and viewport, computed once per style change rather than once per row."""

    def show(self, kinds: list[Overview]) -> None:
        """New row kinds (after a layout change)."""
        self.kinds = kinds
        self._cells = []
        if any(kind > Overview.TEXT for kind in kinds):
            self.style_highlights()  # the alignment's cells
        self.refresh()

    def set_viewport(self, top: int, height: int) -> None:
        """The rows the pane shows right now."""
        if (top, height) != self.viewport:
            self.viewport = (top, height)
            self.refresh()

    def render_line(self, y: int) -> Strip:
        height = self.size.height
        if len(self._cells) != height:
            self._cells = squeeze(self.kinds, height)
        if y >= len(self._cells):
            return Strip.blank(self.size.width, self.rich_style)
        kind = self._cells[y]
        start, end = cell_range(y, height, len(self.kinds))
        top, rows = self.viewport
        in_view = start < top + rows and end > top and bool(self.kinds)
        style = self._styles.get((kind, in_view))
        if style is None:
            style = self.rich_style + self._kind_style(kind)
            if in_view:
                style += self._drawn("minimap--viewport")
            self._styles[(kind, in_view)] = style
        glyph = OVERVIEW_GLYPHS[kind]
        width = self.size.width
        return Strip([Segment(glyph + " " * max(0, width - len(glyph)), style)], width)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: the cached cell styles are stale."""
        super().notify_style_update()
        self._styles.clear()
        self._drawn.forget()

    def redraw_late_styled(self) -> None:
        self._styles.clear()
        self.refresh()

    def _kind_style(self, kind: Overview) -> Style:
        name = {
            Overview.MATCH: "minimap--match",
            Overview.UNIQUE: "minimap--unique",
            Overview.CONFLICT: "minimap--conflict",
            Overview.TEXT: "minimap--text",
        }.get(kind)
        return self._drawn(name) if name else Style()

    def on_click(self, event: events.Click) -> None:
        if self.kinds:
            row = row_of_cell(event.y, self.size.height, len(self.kinds))
            self.post_message(self.Clicked(self, self.side, row))

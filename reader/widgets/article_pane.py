"""ArticlePane: one article drawn row by row (the line API), so long texts scroll without building widgets.

The screen hands it what to draw (a PairView and the pane's rows: attributes down) and where the other pane's
cursor lights things up; the pane draws gutter, tints and highlights, moves its own cursor with the keys and the
mouse, and reports what the user did with messages (messages up). Article text goes into Segments as plain
text, never through markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.viewmodel.bands import Side
from reader.viewmodel.layout import PaneRows, Row, RowKind
from reader.viewmodel.pair_view import PairView
from reader.viewmodel.scrolling import gutter_width, reveal
from reader.viewmodel.spans import SpanLayers
from reader.widgets.late_styles import PANE_ALIGNMENT_COMPONENTS, DrawnStyles, HoldsLateStyles, PaneHighlightStyles
from reader.widgets.pane_drawing import draw_row


class ArticlePane(HoldsLateStyles, ScrollView, can_focus=True):
    """One side of the comparison."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-pane--gutter",
        "article-pane--cursor-bar",
        "article-pane--cursor",
        "article-pane--cursor-idle",
        "article-pane--fold",
        "article-pane--boilerplate",
        "article-pane--mark-note",
        "article-pane--note",
    }
    """What a first frame can draw (the loaded text, its boilerplate and a session's notes); the alignment's
    classes are on a `PaneHighlightStyles` child (`reader.widgets.late_styles`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(-1)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
        Binding("enter", "counterpart", "Jump", id="counterpart", tooltip="Jump to the matching passage"),
    ]

    # the messages are plain classes, not dataclasses: see reader.screens.messages
    class CursorMoved(Message):
        """The user moved this pane's cursor onto a sentence."""

        def __init__(self, pane: ArticlePane, side: Side, sentence: int) -> None:
            self.pane = pane
            self.side = side
            self.sentence = sentence
            super().__init__()

    class CounterpartRequested(Message):
        """Enter on a matched sentence: jump to its counterpart in the other pane."""

        def __init__(self, pane: ArticlePane, side: Side, sentence: int) -> None:
            self.pane = pane
            self.side = side
            self.sentence = sentence
            super().__init__()

    class Scrolled(Message):
        """The user scrolled this pane (wheel, scrollbar, page keys) by `delta` rows."""

        def __init__(self, pane: ArticlePane, side: Side, delta: float) -> None:
            self.pane = pane
            self.side = side
            self.delta = delta
            super().__init__()

    class FoldClicked(Message):
        """A folded boilerplate row was clicked: the screen shows the boilerplate."""

        def __init__(self, pane: ArticlePane, side: Side) -> None:
            self.pane = pane
            self.side = side
            super().__init__()

    class Resized(Message):
        """The pane changed size: its rows must be wrapped again."""

        def __init__(self, pane: ArticlePane) -> None:
            self.pane = pane
            super().__init__()

    def __init__(
        self, side: Side, *, highlighted_from_start: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.side = side
        self.highlighted_from_start = highlighted_from_start
        self.view: PairView | None = None
        self.rows = PaneRows()
        self.cursor: int | None = None
        self.lit: frozenset[int] = frozenset()
        self.active = side is Side.LEFT
        self.span_layers = SpanLayers()
        """Highlighted character spans by layer (detail, search, mention, note)."""
        self.noted: frozenset[int] = frozenset()
        """Sentences that carry a note: marked in the gutter's note column."""
        self.gutter_cells = 6
        self._quiet = False
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._base_style: Style | None = None
        self._drawn = DrawnStyles(self, PANE_ALIGNMENT_COMPONENTS, PaneHighlightStyles)
        self.laid_out_size = Size(-1, -1)
        """The content size the rows were last wrapped and scrolled for (`show`)."""
        self.lay_out_now: Callable[[], None] | None = None
        """Set by the screen: wraps both panes for their current widths (called when this pane's is stale)."""

    # -- what to draw (set by the screen) -------------------------------------------------------------------

    def show(self, view: PairView, rows: PaneRows) -> None:
        """Draw a new view (new pair, new alignment, new width or boilerplate shown)."""
        self.view = view
        self.rows = rows
        self.laid_out_size = self.scrollable_content_region.size
        self.gutter_cells = gutter_width(view.article(self.side), with_coverage=len(view.articles) >= 3)
        if view.aligned:
            self.style_highlights()
        self.span_layers.set("detail", view.detail_spans(self.side))
        if self.cursor is not None:
            self.cursor = view.nearest_shown(self.side, self.cursor)
        self._resize_virtual()
        self.redraw()

    def laid_out_for_its_size(self) -> bool:
        """The rows were wrapped (and the cursor revealed) for the size the pane has now: a Resize message that
        arrives after the frame that laid them out has nothing left to do."""
        return self.laid_out_size == self.scrollable_content_region.size

    def _resize_virtual(self) -> None:
        """Rows plus a viewport of slack, so a passage near the end can still be scrolled level."""
        slack = max(0, self.scrollable_content_region.height - 1)
        # Set without asking Textual for a layout: the pane's size never depends on its rows, and a layout asked
        # for while the first frame is drawn (this runs inside it, from `render_line`) re-laid out the screen right
        # after that frame and flipped the (zero-width) scrollbars there, two more frames before the work after
        # the first paint could start. The scroll limits read `virtual_size` itself; the wheel reads whether the
        # vertical scrollbar is shown, decided here as Textual would at its next layout.
        self.set_reactive(ArticlePane.virtual_size, Size(self.size.width, len(self.rows.rows) + slack))
        if self.styles.overflow_y == "auto":
            shown = self.virtual_size.height > self.container_size.height
            self.set_reactive(ArticlePane.show_vertical_scrollbar, shown)

    def set_state(
        self,
        *,
        cursor: int | None = None,
        lit: frozenset[int] | None = None,
        active: bool | None = None,
    ) -> None:
        """Change the cursor, the lit counterparts or whether this is the pane the keys act on."""
        if cursor is not None:
            self.cursor = cursor
        if lit is not None:
            self.lit = lit
            if lit:
                self.style_highlights()
        if active is not None:
            self.active = active
        self.redraw()

    def set_highlight(self, layer: str, spans: Iterable[tuple[int, int]]) -> None:
        """Replace one layer of highlighted character spans (mention, search, note…); redrawn only when they
        changed."""
        if self.span_layers.set(layer, spans):
            if self.span_layers.spans.get(layer) and f"article-pane--{layer}" in PANE_ALIGNMENT_COMPONENTS:
                self.style_highlights()  # a search's hits or a mention, drawn with the alignment's styles
            self.redraw()

    def set_notes(self, sentences: frozenset[int], spans: Iterable[tuple[int, int]]) -> None:
        """Mark the annotated sentences in the gutter and lay the "note" highlight over their passages.

        The screen calls this each time the comparison changes (the alignment, the analysis), with marks that
        are mostly the ones already shown: redrawn unchanged, both panes and their minimaps were repainted in
        the frame that brings the actors and claims (a full-screen frame instead of the sidebar's)."""
        changed = sentences != self.noted
        self.noted = sentences
        if self.span_layers.set("note", spans) or changed:
            self.redraw()

    def redraw(self) -> None:
        self._cache.clear()
        self._base_style = None
        self.refresh()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: the cached strips and base style are stale."""
        super().notify_style_update()
        self._cache.clear()
        self._base_style = None
        self._drawn.forget()

    @property
    def highlights(self) -> dict[str, list[tuple[int, int]]]:
        """Each highlight layer's spans, sorted."""
        return self.span_layers.spans

    @property
    def text_width(self) -> int:
        """Cells available for text on a row (the screen wraps the rows to this)."""
        return max(8, self.scrollable_content_region.width - self.gutter_cells)

    # -- scrolling -------------------------------------------------------------------------------------------

    def scroll_quietly(self, y: float) -> None:
        """Scroll without reporting it (the screen scrolls the other pane itself)."""
        self._quiet = True
        try:
            self.scroll_to(y=max(0.0, y), animate=False, immediate=True)
        finally:
            self._quiet = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._quiet and round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self, self.side, new_value - old_value))

    def reveal_sentence(self, sentence: int) -> None:
        """Scroll just enough to show the whole sentence (quietly: the screen levels the other pane)."""
        span = self.rows.span(sentence)
        if span is None:
            return
        viewport = self.scrollable_content_region.height
        self.scroll_quietly(reveal(span[0], span[1], round(self.scroll_y), viewport))

    def sentence_at(self, row: int) -> Row | None:
        if 0 <= row < len(self.rows.rows):
            return self.rows.rows[row]
        return None

    # -- actions ---------------------------------------------------------------------------------------------

    def _move_to(self, sentence: int | None) -> None:
        if sentence is None:
            return
        self.set_state(cursor=sentence)
        self.reveal_sentence(sentence)
        self.post_message(self.CursorMoved(self, self.side, sentence))

    def action_move(self, delta: int) -> None:
        if self.view is not None:
            self._move_to(self.view.step(self.side, self.cursor, delta))

    def action_edge(self, direction: int) -> None:
        if self.view is not None:
            order = self.view.shown(self.side)
            if order:
                self._move_to(order[0] if direction < 0 else order[-1])

    def action_page(self, direction: int) -> None:
        """Scroll a page and put the cursor on the first sentence that starts on it."""
        if self.view is None:
            return
        viewport = max(1, self.scrollable_content_region.height - 1)
        target = max(0.0, min(self.max_scroll_y, self.scroll_y + direction * viewport))
        self.scroll_to(y=target, animate=False, immediate=True)
        top = round(self.scroll_y)
        for row in self.rows.rows[top : top + viewport + 1]:
            if row.kind is RowKind.TEXT and row.first and row.sentence is not None:
                self.set_state(cursor=row.sentence)
                self.post_message(self.CursorMoved(self, self.side, row.sentence))
                return

    def action_counterpart(self) -> None:
        if self.cursor is not None:
            self.post_message(self.CounterpartRequested(self, self.side, self.cursor))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "counterpart":
            return bool(self.view and self.cursor is not None and self.view.counterparts(self.side, self.cursor))
        return True

    def on_resize(self, event: events.Resize) -> None:
        self._resize_virtual()
        self.post_message(self.Resized(self))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self.sentence_at(round(self.scroll_y) + offset.y)
        if row is None or row.sentence is None:
            return
        if row.kind is RowKind.FOLD:
            self.post_message(self.FoldClicked(self, self.side))
            return
        self.focus()
        self.set_state(cursor=row.sentence)
        self.post_message(self.CursorMoved(self, self.side, row.sentence))

    # -- drawing ---------------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self.laid_out_size.width and self.lay_out_now is not None:
            # The first frame (or a resize) reaches us before any Resize message: wrap now, not a frame later.
            self.lay_out_now()
        index = round(self.scroll_y) + y
        cached = self._cache.get(index)
        if cached is not None and cached.cell_length == width:
            return cached
        base = self._base_style
        if base is None:
            base = self._base_style = self.rich_style
        strip = draw_row(self, self.sentence_at(index), width, base, self._drawn)
        self._cache[index] = strip
        return strip

    def redraw_late_styled(self) -> None:
        self.redraw()

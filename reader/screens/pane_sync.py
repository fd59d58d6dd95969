"""The main screen's panes kept in step: wrapping to the panes' widths, the cursor and its lit counterparts, the
other pane scrolled level, the minimaps' viewports, the narrow layout.

A mixin of MainScreen. A pane reports a cursor move, a scroll or a resize (messages up); this lights the
counterparts in the other pane, scrolls it level and sets the minimaps (attributes down).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size

from reader.core.records import Article
from reader.screens.mixin import MainScreenMixin
from reader.viewmodel.bands import Side
from reader.viewmodel.layout import PaneMode, lay_out
from reader.viewmodel.overview import row_overview
from reader.viewmodel.pair_view import PairView
from reader.viewmodel.scrolling import gutter_width, level
from reader.widgets.article_pane import ArticlePane
from reader.widgets.headers import PaneHeader
from reader.widgets.minimap import Minimap

if TYPE_CHECKING:
    from reader.core.records import Comparison

NARROW_WIDTH = 100
"""Below this many columns the sidebar folds away (`s` brings it back in place of the right pane)."""


class PaneSync(MainScreenMixin):
    """Layout and cursor handling of the two panes (MainScreen derives from it)."""

    articles: tuple[Article, ...]
    comparison: Comparison | None
    pair: tuple[int, int]
    view: PairView
    active: Side
    show_boilerplate: bool
    pane_mode: PaneMode = PaneMode.FLOW
    """Each pane in its own reading order, kept level at the cursor: chosen over padding and folding because
    both panes show text on every screen (bench/first_screen.py) and nothing is hidden behind a fold."""
    _layout_pending: bool = False
    _footer_offers: tuple[object, ...] = ()

    if TYPE_CHECKING:  # provided by MainScreen's other mixins (a stub here would shadow them)

        def show_note_marks(self) -> None: ...

        def _update_status(self) -> None: ...

        def action_toggle_boilerplate(self) -> None: ...

    def pane(self, side: Side) -> ArticlePane:
        return self.query_one(f"#{side.name.lower()}-pane", ArticlePane)

    def minimap(self, side: Side) -> Minimap:
        return self.query_one(f"#{side.name.lower()}-map", Minimap)

    # -- layout ----------------------------------------------------------------------------------------------

    def _rebuild_view(self) -> None:
        self.view = PairView(self.articles, *self.pair, self.comparison, show_boilerplate=self.show_boilerplate)
        self._relayout()

    def on_article_pane_resized(self, message: ArticlePane.Resized) -> None:
        """Re-wrap after a resize, unless the panes were already wrapped for their sizes: the first frame lays
        them out as it draws them (`ArticlePane.render_line`), and the Resize that follows it would redraw both
        panes, the minimaps and the status line for nothing, delaying the work that waits for the first paint."""
        if all(self.pane(side).laid_out_for_its_size() for side in (Side.LEFT, Side.RIGHT)):
            return
        if not self._layout_pending:
            self._layout_pending = True
            self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        """Wrap both articles to the panes' current widths and redraw, keeping the cursor where it was."""
        self._layout_pending = False
        left, right = self.pane(Side.LEFT), self.pane(Side.RIGHT)
        coverage = len(self.articles) >= 3
        widths = tuple(
            max(8, pane.scrollable_content_region.width - gutter_width(self.view.article(side), coverage))
            for side, pane in ((Side.LEFT, left), (Side.RIGHT, right))
        )
        rows = lay_out(self.view.bands, self.view.pair, (widths[0], widths[1]), self.pane_mode)
        for side, pane in ((Side.LEFT, left), (Side.RIGHT, right)):
            pane.show(self.view, rows[side])
            if pane.cursor is None:
                pane.cursor = self.view.step(side, None, 1)
            self.minimap(side).show(row_overview(rows[side], self.view, side))
        self.show_note_marks()
        self._cursor_changed(self.active, reveal=True)
        self._update_status()

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _screen_resized(self, size: Size) -> None:
        """Lay the screen out again for a new terminal size, not for the one it was just laid out for.

        Textual relays the whole screen whenever the app hands it a Resize, and the terminal's first size report
        arrives after the first frame with the size that frame was drawn at: two more frames (~37 KB for the
        terminal) for nothing, in the time the work after the first paint waits for."""
        if size == self.outer_size:  # the size of the last layout (`self.size` is already the app's new one)
            return
        super()._screen_resized(size)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "-narrow")

    def _show_headers(self) -> None:
        for side in (Side.LEFT, Side.RIGHT):
            self.query_one(f"#{side.name.lower()}-header", PaneHeader).show_article(self.view.article(side))

    # -- cursor and scrolling --------------------------------------------------------------------------------

    def on_article_pane_cursor_moved(self, message: ArticlePane.CursorMoved) -> None:
        self.active = message.side
        self._cursor_changed(message.side, reveal=False)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, ArticlePane) and focused.side is not self.active:
            self.active = focused.side
            self._cursor_changed(focused.side, reveal=False)

    def _cursor_changed(self, side: Side, *, reveal: bool) -> None:
        """Light the counterparts of the cursor's passage in the other pane and stand them level with it."""
        pane, other = self.pane(side), self.pane(side.other)
        sentence = pane.cursor
        pane.set_state(active=True, lit=frozenset())
        other.set_state(active=False)
        if sentence is None:
            return
        if reveal:
            pane.reveal_sentence(sentence)
        counterparts = self.view.counterparts(side, sentence)
        other.set_state(lit=frozenset(counterparts), cursor=counterparts[0] if counterparts else None)
        anchor, anchor_counterpart = self._level_anchor(side, sentence)
        my_top = pane.rows.top.get(anchor)
        other_top = other.rows.top.get(anchor_counterpart) if anchor_counterpart is not None else None
        if my_top is not None and other_top is not None:
            other.scroll_quietly(level(my_top, round(pane.scroll_y), other_top))
        elif self.pane_mode is not PaneMode.FLOW:
            other.scroll_quietly(pane.scroll_y)
        self._sync_minimaps()
        self._refresh_footer()

    def _level_anchor(self, side: Side, sentence: int) -> tuple[int, int | None]:
        """The passage to stand level with the other pane, and its counterpart there.

        The cursor's own passage when it has a counterpart; for a passage only this side tells, the nearest
        passage before it that has one (so the other pane keeps showing the context the reader came from).
        """
        counterparts = self.view.counterparts(side, sentence)
        if counterparts:
            return self.view.group(side, sentence)[0], counterparts[0]
        if self.pane_mode is not PaneMode.FLOW:
            return sentence, None
        shown = self.view.shown(side)
        position = shown.index(sentence) if sentence in shown else 0
        for earlier in reversed(shown[:position]):
            found = self.view.counterparts(side, earlier)
            if found:
                return self.view.group(side, earlier)[0], found[0]
        return sentence, None

    def _refresh_footer(self) -> None:
        """Recompute the footer only when what it offers changes (rebuilding it costs more than a key press)."""
        sentence = self.pane(self.active).cursor
        offers = (
            self.active,
            sentence is not None and self.view.match_index(self.active, sentence) is not None,
            sentence is not None and bool(self.view.counterparts(self.active, sentence)),
            self.view.aligned,
        )
        if offers != self._footer_offers:
            self._footer_offers = offers
            self.refresh_bindings()

    def on_article_pane_scrolled(self, message: ArticlePane.Scrolled) -> None:
        other = self.pane(message.side.other)
        other.scroll_quietly(other.scroll_y + message.delta)
        self._sync_minimaps()

    def on_article_pane_counterpart_requested(self, message: ArticlePane.CounterpartRequested) -> None:
        counterparts = self.view.counterparts(message.side, message.sentence)
        if not counterparts:
            return
        target = self.pane(message.side.other)
        target.set_state(cursor=counterparts[0])
        target.reveal_sentence(counterparts[0])
        self.active = message.side.other
        target.focus()
        self._cursor_changed(message.side.other, reveal=False)

    def on_article_pane_fold_clicked(self, message: ArticlePane.FoldClicked) -> None:
        self.action_toggle_boilerplate()

    def on_minimap_clicked(self, message: Minimap.Clicked) -> None:
        pane = self.pane(message.side)
        pane.scroll_to(y=message.row, animate=False, immediate=True)
        self._sync_minimaps()

    def _sync_minimaps(self) -> None:
        for side in (Side.LEFT, Side.RIGHT):
            pane = self.pane(side)
            self.minimap(side).set_viewport(round(pane.scroll_y), pane.scrollable_content_region.height)

    def move_cursor(self, side: Side, sentence: int) -> None:
        """Put the cursor of a pane on a sentence, make that pane the active one and level the other."""
        pane = self.pane(side)
        shown = self.view.nearest_shown(side, sentence)
        if shown is None:
            return
        pane.set_state(cursor=shown)
        self.active = side
        self._cursor_changed(side, reveal=True)

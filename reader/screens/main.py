"""MainScreen: the two panes, their minimaps and headers, the sidebar, the search line and the footer.

It owns the state that spans widgets (the pair shown, the PairView, which pane the keys act on) and routes
messages: a pane reports a cursor move, the screen lights the counterpart in the other pane and scrolls it
level; a sidebar list reports a selection, the screen moves both panes. Slow work runs in thread workers
(alignment, then analysis) that post their result; worker errors become notifications.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from reader.core.records import Article, Comparison
from reader.screens.help import HelpScreen
from reader.screens.messages import AlignmentReady, AnalysisReady
from reader.screens.notes_actions import NOTE_BINDINGS, NotesActions
from reader.screens.pair_picker import Pair, PairPicker
from reader.screens.routing import SelectionRouting
from reader.screens.search_status import SearchAndStatus
from reader.screens.store_actions import STORE_BINDINGS, StoreActions
from reader.screens.word_diff import WordDiffScreen
from reader.viewmodel.bands import Side
from reader.viewmodel.layout import lay_out
from reader.viewmodel.overview import row_overview
from reader.viewmodel.pair_view import Jump, PairView, SearchHit
from reader.viewmodel.scrolling import gutter_width, level
from reader.viewmodel.word_diff import word_diff
from reader.widgets.article_pane import ArticlePane
from reader.widgets.headers import PaneHeader, StatusLine, status_text
from reader.widgets.minimap import Minimap

if TYPE_CHECKING:
    from reader.store.session import Session
    from reader.widgets.search_bar import SearchBar
    from reader.widgets.sidebar import Sidebar

Aligner = Callable[[Sequence[Article]], Comparison]
Analyser = Callable[[Comparison], Comparison]

NARROW_WIDTH = 100
"""Below this many columns the sidebar folds away (`s` brings it back in place of the right pane)."""


class MainScreen(NotesActions, StoreActions, SelectionRouting, SearchAndStatus):
    """The comparison of one pair of articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "jump('match', 1)", "Match", id="next-match", tooltip="Next matched passage"),
        Binding("N", "jump('match', 0)", "Prev match", show=False, id="previous-match"),
        Binding("u", "jump('unique', 1)", "Unique", id="next-unique", tooltip="Next unique passage"),
        Binding("U", "jump('unique', 0)", "Prev unique", show=False, id="previous-unique"),
        Binding("c", "jump('conflict', 1)", "Conflict", id="next-conflict", tooltip="Next detail conflict"),
        Binding("C", "jump('conflict', 0)", "Prev conflict", show=False, id="previous-conflict"),
        Binding("slash", "search", "Search", id="search"),
        Binding("b", "toggle_boilerplate", "Boilerplate", show=False, id="boilerplate"),
        Binding("w", "word_diff", "Diff", id="word-diff", tooltip="Word diff of the selected pair"),
        Binding("p", "pick_pair", "Pair", id="pick-pair"),
        Binding("s", "toggle_sidebar", "Sidebar", show=False, id="sidebar"),
        Binding("1", "sidebar_tab('actors')", "Actors", show=False, id="tab-actors"),
        Binding("2", "sidebar_tab('claims')", "Claims", show=False, id="tab-claims"),
        Binding("3", "sidebar_tab('quoted')", "Quoted", show=False, id="tab-quoted"),
        Binding("question_mark", "help", "Help", id="help"),
        *NOTE_BINDINGS,
        *STORE_BINDINGS,
    ]

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        aligner: Aligner,
        analyser: Analyser,
        comparison: Comparison | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.aligner = aligner
        self.analyser = analyser
        self.comparison = comparison
        self.pair: Pair = (0, 1)
        self.show_boilerplate = False
        self.view = PairView(self.articles, 0, 1, comparison)
        self.active = Side.LEFT
        self.progress = ""
        self.hits: list[SearchHit] = []
        self.hit_index: int | None = None
        self._layout_pending = False
        self.analysis_error = ""
        self._footer_offers: tuple[object, ...] = ()
        self.adopt_session(session)

    # -- composition -----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusLine(status_text(*self._status_parts()), id="status")
        with Horizontal(id="body"):
            for side in (Side.LEFT, Side.RIGHT):
                name = side.name.lower()
                with Vertical(id=f"{name}-column", classes="column"):
                    yield PaneHeader(id=f"{name}-header", classes="pane-header")
                    with Horizontal(classes="pane-row"):
                        yield ArticlePane(side, id=f"{name}-pane")
                        yield Minimap(side, id=f"{name}-map")
            yield Vertical(id="sidebar-slot")
        yield Footer(compact=True)

    def _mount_extras(self) -> None:
        """Mount the sidebar and the search line after the first paint: the texts come first."""
        from reader.widgets.search_bar import SearchBar
        from reader.widgets.sidebar import Sidebar

        search = SearchBar(id="search-bar")
        search.display = False
        self.query_one("#sidebar-slot").mount(Sidebar(id="sidebar"))
        self.mount(search, before=self.query_one(Footer))
        self.call_after_refresh(self._sync_sidebar)

    def sidebar(self) -> Sidebar | None:
        from reader.widgets.sidebar import Sidebar

        found = self.query(Sidebar)
        return found.first() if found else None

    def search_bar(self) -> SearchBar | None:
        from reader.widgets.search_bar import SearchBar

        found = self.query(SearchBar)
        return found.first() if found else None

    def _sync_sidebar(self) -> None:
        """Show the analysis in the sidebar, or what is keeping it."""
        sidebar = self.sidebar()
        if sidebar is None:
            return
        if self.comparison is not None and self.comparison.analysed:
            sidebar.show(self.comparison, *self.pair)
        elif self.analysis_error:
            sidebar.show_pending(f"The analysis failed: {self.analysis_error}", failed=True)
        else:
            sidebar.show_pending("Finding actors and claims…")

    def pane(self, side: Side) -> ArticlePane:
        return self.query_one(f"#{side.name.lower()}-pane", ArticlePane)

    def minimap(self, side: Side) -> Minimap:
        return self.query_one(f"#{side.name.lower()}-map", Minimap)

    def on_mount(self) -> None:
        for side in (Side.LEFT, Side.RIGHT):
            self.pane(side).lay_out_now = self._relayout
        self._show_headers()
        self.pane(Side.LEFT).focus()
        self.pane(Side.LEFT).cursor = self.view.step(Side.LEFT, None, 1)
        self.pane(Side.RIGHT).cursor = self.view.step(Side.RIGHT, None, 1)
        self._apply_width(self.size.width)
        self.call_after_refresh(self._after_first_paint)
        if self.comparison is None:
            self._set_progress("aligning…")

    def _after_first_paint(self) -> None:
        """Start the work that would compete with the first frame for the interpreter: alignment, the sidebar."""
        self._mount_extras()
        if self.comparison is None:
            self.align_articles()
        else:
            self._comparison_arrived(self.comparison)

    # -- workers ---------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="align", name="alignment")
    def align_articles(self) -> None:
        self.post_message(AlignmentReady(self.aligner(self.articles)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis", name="analysis")
    def analyse(self, comparison: Comparison) -> None:
        self.post_message(AnalysisReady(self.analyser(comparison)))

    def on_alignment_ready(self, message: AlignmentReady) -> None:
        self._comparison_arrived(message.comparison)

    def _comparison_arrived(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._rebuild_view()
        if comparison.analysed:
            self._set_progress("")
        else:
            self._set_progress("finding actors and claims…")
            self.analyse(comparison)
        self._sync_sidebar()
        self.session_comparison(comparison)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self.comparison = message.comparison
        self.view = PairView(self.articles, *self.pair, message.comparison, show_boilerplate=self.show_boilerplate)
        self._set_progress("")
        self._sync_sidebar()
        self._relayout()
        self.session_comparison(message.comparison)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        what = event.worker.name or "background work"
        detail = str(error) or type(error).__name__
        self.notify(f"{what} failed: {detail}", title="reader", severity="error", timeout=12)
        self._set_progress(f"{what} failed")
        if what == "analysis":
            self.analysis_error = detail
            self._sync_sidebar()

    # -- layout ----------------------------------------------------------------------------------------------

    def _rebuild_view(self) -> None:
        self.view = PairView(self.articles, *self.pair, self.comparison, show_boilerplate=self.show_boilerplate)
        self._relayout()

    def on_article_pane_resized(self, message: ArticlePane.Resized) -> None:
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
        rows = lay_out(self.view.bands, self.view.pair, (widths[0], widths[1]))
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
        my_top = pane.rows.top.get(self.view.group(side, sentence)[0])
        other_top = other.rows.top.get(counterparts[0]) if counterparts else None
        if my_top is not None and other_top is not None:
            other.scroll_quietly(level(my_top, round(pane.scroll_y), other_top))
        else:
            other.scroll_quietly(pane.scroll_y)
        self._sync_minimaps()
        self._refresh_footer()

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

    # -- actions ---------------------------------------------------------------------------------------------

    def action_jump(self, kind: str, forward: int) -> None:
        pane = self.pane(self.active)
        target = self.view.jump(self.active, pane.cursor, Jump(kind), forward=bool(forward))
        if target is None:
            direction = "after" if forward else "before"
            self.notify(f"No {kind} {direction} this passage.", timeout=2)
            return
        self.move_cursor(self.active, target)

    def action_toggle_boilerplate(self) -> None:
        self.show_boilerplate = not self.show_boilerplate
        self._rebuild_view()

    def action_word_diff(self) -> None:
        sentence = self.pane(self.active).cursor
        index = None if sentence is None else self.view.match_index(self.active, sentence)
        if index is None:
            return
        match = self.view.matches[index]
        diff = word_diff(self.view.pair[0], self.view.pair[1], match)
        labels = (self.view.pair[0].label, self.view.pair[1].label)
        self.app.push_screen(WordDiffScreen(diff, labels, match.kind.value))

    def action_pick_pair(self) -> None:
        self.app.push_screen(PairPicker(self.articles, self.comparison, self.pair), self._pair_chosen)

    def _pair_chosen(self, pair: Pair | None) -> None:
        if pair is None or pair == self.pair:
            return
        self.pair = pair
        self.view = PairView(self.articles, *pair, self.comparison, show_boilerplate=self.show_boilerplate)
        self._show_headers()
        for side in (Side.LEFT, Side.RIGHT):
            self.pane(side).cursor = self.view.step(side, None, 1)
            self.pane(side).scroll_quietly(0)
        self.active = Side.LEFT
        self._relayout()
        self._sync_sidebar()

    def action_toggle_sidebar(self) -> None:
        self.toggle_class("-sidebar-open" if self.has_class("-narrow") else "-sidebar-closed")

    def action_sidebar_tab(self, tab: str) -> None:
        if self.has_class("-narrow"):
            self.add_class("-sidebar-open")
        self.remove_class("-sidebar-closed")
        sidebar = self.sidebar()
        if sidebar is not None:
            sidebar.activate(tab)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_search(self) -> None:
        bar = self.search_bar()
        if bar is not None:
            bar.display = True
            bar.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "jump":
            return True if self.view.aligned else None
        if action == "word_diff":
            sentence = self.pane(self.active).cursor if self.is_mounted else None
            return sentence is not None and self.view.match_index(self.active, sentence) is not None
        if action == "pick_pair":
            return len(self.articles) >= 3
        return super().check_action(action, parameters)

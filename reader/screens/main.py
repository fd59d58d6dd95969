"""MainScreen: the two panes, their minimaps and headers, the sidebar, the search line and the footer.

It owns the state that spans widgets (the pair shown, the PairView, which pane the keys act on) and routes
messages: a pane reports a cursor move, the screen lights the counterpart in the other pane and scrolls it
level (pane_sync.py); a sidebar list reports a selection, the screen moves both panes (routing.py). Slow work
runs in thread workers (alignment, then analysis) that post their result (work.py); notes, saving, search and
the status line have mixins of their own. This module composes the screen and holds its keys and actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from reader.core.records import Article
from reader.screens.conflict_walk import ConflictWalk
from reader.screens.notes_actions import NOTE_BINDINGS, NotesActions
from reader.screens.pane_sync import PaneSync
from reader.screens.routing import SelectionRouting
from reader.screens.search_status import SearchAndStatus
from reader.screens.store_actions import STORE_BINDINGS, StoreActions
from reader.screens.story_actions import StoryAndClaims
from reader.screens.work import Aligner, Analyser, BackgroundWork, EarlyAnalyser
from reader.viewmodel.bands import Side
from reader.viewmodel.pair_view import Jump, PairView, SearchHit
from reader.widgets.article_pane import ArticlePane
from reader.widgets.headers import PaneHeader, StatusLine, status_text
from reader.widgets.minimap import Minimap

# Dialogs and the word diff load on first use, not before the first paint.
if TYPE_CHECKING:
    from reader.core.records import Comparison
    from reader.screens.pair_picker import Pair
    from reader.store.session import Session
    from reader.widgets.search_bar import SearchBar
    from reader.widgets.sidebar import Sidebar

__all__ = ["Aligner", "Analyser", "MainScreen"]

FIRST_FRAME_GRACE = 0.02
"""Seconds between handing the first frame to the terminal and starting the work after it. Started at once, the
alignment thread and the sidebar's mounting held the frame back from the screen by ~100 ms (measured in tmux
with bench/startup.py: the output thread and the terminal compete for the same cores); 20-40 ms of grace lets
the frame land, and the highlights arrive that much later. 20 rather than 40 since the sidebar builds only its
open tab and the footer no longer resizes the panes: a warm start showed the actors 196 ms after the first
paint instead of 234 (nine interleaved runs each), the first paint unchanged within the noise (±30 ms).

The grace counts from the first frame (`on_screen_resume`), not from the frames Textual draws after it (its
relayout for the sizes it has just set, and the screen's repaint at resume, ~30 ms later): counted from those,
as it was, the work began ~55 ms after the first frame instead of ~33 (in-process timeline of a warm start,
12 interleaved runs each; the actors were written 141 ms after the first frame instead of 177)."""


SEARCH_KEY = "slash"
"""The key that opens the search line; what is typed after it is the query (`MainScreen.on_key`)."""


class MainScreen(
    PaneSync,
    BackgroundWork,
    NotesActions,
    StoreActions,
    SelectionRouting,
    ConflictWalk,
    SearchAndStatus,
    StoryAndClaims,
    Screen[None],
):
    """The comparison of one pair of articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "jump('match', 1)", "Match", id="next-match", tooltip="Next matched passage"),
        Binding("N", "jump('match', 0)", "Prev match", show=False, id="previous-match"),
        Binding("u", "jump('unique', 1)", "Unique", id="next-unique", tooltip="Next unique passage"),
        Binding("U", "jump('unique', 0)", "Prev unique", show=False, id="previous-unique"),
        Binding("c", "jump('conflict', 1)", "Conflict", id="next-conflict", tooltip="Next detail conflict"),
        Binding("C", "jump('conflict', 0)", "Prev conflict", show=False, id="previous-conflict"),
        Binding("a", "claim(1)", "Claim", show=False, id="next-claim", tooltip="Next claim in this article"),
        Binding("A", "claim(0)", "Prev claim", show=False, id="previous-claim"),
        Binding("v", "story", "Story", id="story", tooltip="The story: each point, which outlet tells it"),
        Binding(SEARCH_KEY, "search", "Search", id="search"),
        Binding("b", "toggle_boilerplate", "Boilerplate", show=False, id="boilerplate"),
        Binding("w", "word_diff", "Diff", id="word-diff", tooltip="Word diff of the selected pair"),
        Binding("p", "pick_pair", "Pair", id="pick-pair"),
        Binding("s", "toggle_sidebar", "Sidebar", id="sidebar", tooltip="Show or hide the sidebar"),
        Binding("1", "sidebar_tab('actors')", "Actors", show=False, id="tab-actors"),
        Binding("2", "sidebar_tab('claims')", "Claims", show=False, id="tab-claims"),
        Binding("3", "sidebar_tab('quoted')", "Quoted", show=False, id="tab-quoted"),
        Binding("5", "sidebar_tab('conflicts')", "Conflicts", show=False, id="tab-conflicts"),
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
        early_analyser: EarlyAnalyser | None = None,
        idle_service_aligner: Aligner | None = None,
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.aligner = aligner
        self.analyser = analyser
        self.early_analyser = early_analyser
        self.early_analysis: Comparison | None = None
        self.idle_service_aligner = idle_service_aligner
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
        self.records_kept: set[str] = set()
        self._footer_offers: tuple[object, ...] = ()
        self._resumed = False
        self._typed_for_search: str | None = None
        """Keys typed between `/` and the search line taking the focus (see `on_key`); None: not searching."""
        self.adopt_session(session)

    # -- composition -----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        aligned = self.comparison is not None  # a reopened comparison: the first frame draws its alignment
        yield StatusLine(status_text(*self._status_parts()), id="status")
        with Horizontal(id="body"):
            for side in (Side.LEFT, Side.RIGHT):
                name = side.name.lower()
                with Vertical(id=f"{name}-column", classes="column"):
                    yield PaneHeader(id=f"{name}-header", classes="pane-header")
                    with Horizontal(classes="pane-row"):
                        yield ArticlePane(side, highlighted_from_start=aligned, id=f"{name}-pane")
                        yield Minimap(side, highlighted_from_start=aligned, id=f"{name}-map")
            yield Vertical(id="sidebar-slot")
        yield Vertical(id="footer-slot")

    def _mount_extras(self) -> None:
        """Mount the footer and the sidebar after the first paint: the texts come first.

        The footer alone (a dozen keys, each styled) costs about a quarter of the first frame's time. A sidebar
        built when the analysis is already in (a warm start) is built with it, so its lists fill once. Each goes
        into its slot, kept from the first frame, so Textual repaints the slot alone; the search line mounts on
        the first `/` (`action_search`): mounted on the screen here, it made Textual repaint the whole screen
        (a 22 KB frame) while the sidebar was being built.
        """
        from reader.stylesheets import SIDEBAR_STYLESHEETS, read_once
        from reader.widgets.footer import ReaderFooter
        from reader.widgets.sidebar import Sidebar

        read_once(self.app.stylesheet, SIDEBAR_STYLESHEETS)  # parsed as they mount (reader.stylesheets)
        footer = ReaderFooter()
        self.query_one("#footer-slot").mount(footer)  # its row is kept from the first frame: the panes keep their size
        analysed = self.comparison if self.comparison is not None and self.comparison.analysed else None
        shown = analysed or self.early_analysis
        sidebar = Sidebar(id="sidebar")
        if shown is not None:
            sidebar.show(shown, *self.pair)
        self.query_one("#sidebar-slot").mount(sidebar)
        self.call_after_refresh(self._sync_sidebar)

    def sidebar(self) -> Sidebar | None:
        from reader.widgets.sidebar import Sidebar

        found = self.query(Sidebar)
        return found.first() if found else None

    def search_bar(self) -> SearchBar | None:
        from reader.widgets.search_bar import SearchBar

        found = self.query(SearchBar)
        return found.first() if found else None

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume keeps the styles the screen was just mounted with, and starts the grace after the first
        frame (FIRST_FRAME_GRACE).

        Runs before Textual's own handler, which re-applies the stylesheet to every node when a screen resumes (to
        catch what changed while it was covered): for a screen that has never been covered, each node's styles
        are the ones it got as it mounted a moment ago, and the pass cost ~12 ms of the first frame."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            # Textual's handler, after this one, lays out and draws the screen it has not yet laid out for the
            # terminal's size: the first frame. What is called next runs once that handler is done.
            self.call_next(self.set_timer, FIRST_FRAME_GRACE, self._after_first_paint)

    def on_mount(self) -> None:
        for side in (Side.LEFT, Side.RIGHT):
            self.pane(side).lay_out_now = self._relayout
        self._show_headers()
        self.pane(Side.LEFT).focus()
        self.pane(Side.LEFT).cursor = self.view.step(Side.LEFT, None, 1)
        self.pane(Side.RIGHT).cursor = self.view.step(Side.RIGHT, None, 1)
        self._apply_width(self.size.width)
        if self.comparison is None:
            self._set_progress("aligning…")

    def _after_first_paint(self) -> None:
        """Start the work that would compete with the first frame: the footer, the sidebar, the alignment."""
        from reader.core.collector import end_startup_pause

        end_startup_pause()  # the command line paused the collector until now
        if self.comparison is None and self.early_analyser is not None:
            # a warm cache: the service sent the actors and claims before the first paint; else ask a worker
            self.early_analysis = self.early_analyser(self.articles, 0)
            if self.early_analysis is None:
                self.analyse_early()
            elif self.idle_service_aligner is not None:  # the service is idle: it aligns, this process draws
                self.aligner = self.idle_service_aligner
        self._mount_extras()
        if self.comparison is None:
            self.align_articles()
        else:
            self._comparison_arrived(self.comparison)

    # -- actions ---------------------------------------------------------------------------------------------

    def action_jump(self, kind: str, forward: int) -> None:
        if kind == "conflict":  # the Conflicts tab's list, linked passages or not (conflict_walk.py)
            if not self.walk_conflicts(bool(forward)):
                self.notify(f"No conflict {'after' if forward else 'before'} this passage.", timeout=2)
            return
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
        from reader.screens.word_diff import WordDiffScreen
        from reader.viewmodel.word_diff import word_diff

        diff = word_diff(self.view.pair[0], self.view.pair[1], match)
        labels = (self.view.pair[0].label, self.view.pair[1].label)
        self.app.push_screen(WordDiffScreen(diff, labels, match.kind.value))

    def action_pick_pair(self) -> None:
        from reader.screens.pair_picker import PairPicker

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

    def on_sidebar_leave(self, message: Sidebar.Leave) -> None:
        """Escape in a sidebar list or filter: back to the pane the keys last acted on."""
        self.pane(self.active).focus()

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def on_key(self, event: events.Key) -> None:
        """What is typed right after `/` is the query. Textual hands each key to the widget focused when the key is
        read, and keys typed in a burst (or pasted as keys) are all read before the search line takes the focus:
        from `/` on they are kept here (not run as the pane's commands) and typed into the line when it opens.

        The line can open while some of them are still on their way up from the pane (the `/` binding runs in
        the app's queue, beside the screen's): a printable key that reaches the screen while the line has the
        focus was read before it had it (the line stops every key typed into it), so it goes into the line too."""
        if event.key == SEARCH_KEY:
            self._typed_for_search = ""
            return
        if not event.is_printable or event.character is None:
            return
        if self._typed_for_search is not None:
            self._typed_for_search += event.character
        elif (bar := self.search_bar()) is not None and self.focused is bar:
            bar.insert_text_at_cursor(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    async def action_search(self) -> None:
        """Open the search line (mounted the first time) and give it the keys at once, so that what is typed
        right after `/` goes to the search, not to the pane's commands."""
        bar = self.search_bar()
        if bar is None:
            from reader.widgets.search_bar import SearchBar

            bar = SearchBar(id="search-bar")
            await self.mount(bar)
        bar.display = True
        self.set_focus(bar)
        if self._typed_for_search:
            bar.insert_text_at_cursor(self._typed_for_search)
        self._typed_for_search = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "jump":
            return True if self.view.aligned else None
        if action == "word_diff":
            sentence = self.pane(self.active).cursor if self.is_mounted else None
            return sentence is not None and self.view.match_index(self.active, sentence) is not None
        if action == "story":
            return True if self.comparison is not None else None
        if action == "pick_pair":
            return len(self.articles) >= 3
        return super().check_action(action, parameters)

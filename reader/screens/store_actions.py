"""Saving, reopening and exporting from the main screen: ctrl+s, `o`, `e`, and the view state that comes back.

A mixin of MainScreen. The screen always works through a `Session`: a new comparison gets one as soon as the
alignment arrives (so the first note is autosaved), a reopened one arrives with it. ctrl+s asks for a name the
first time and settles a conflict with another instance; `o` replaces the comparison on screen with a saved
one (opened in a worker: reopening re-reads and re-aligns the sources); `e` writes an export atomically. The
view (pair, cursor, boilerplate, sidebar tab) is recorded in the session before every save and restored when
a saved comparison opens. Quitting saves too, and refuses once when the notes could not be saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message

from reader.core.errors import ReaderError
from reader.screens.mixin import MainScreenMixin
from reader.shown import shown, shown_markup
from reader.viewmodel.bands import Side

# The store, the exporters and the dialogs load on first use, not before the first paint.
if TYPE_CHECKING:
    from reader.core.records import Article, Comparison
    from reader.screens.main import Aligner, Analyser
    from reader.store.session import Session
    from reader.viewmodel.pair_view import PairView
    from reader.viewmodel.saving import ExportRequest
    from reader.widgets.article_pane import ArticlePane
    from reader.widgets.sidebar import Sidebar

STORE_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="save", tooltip="Save the comparison (asks for a name the first time)"),
    Binding("o", "open_saved", "Open", id="open-saved", tooltip="Open a saved comparison"),
    Binding("e", "export", "Export", id="export", tooltip="Export as Markdown, HTML or JSON"),
]


class SessionOpened(Message):
    """The `o` worker reopened a saved comparison (or says why it could not)."""

    def __init__(self, session: Session | None, error: str = "") -> None:
        self.session = session
        self.error = error
        super().__init__()


class StoreActions(MainScreenMixin):
    """ctrl+s, o, e and the view state (MainScreen derives from it)."""

    session: Session | None
    comparison: Comparison | None
    articles: tuple[Article, ...]
    view: PairView
    active: Side
    pair: tuple[int, int]
    show_boilerplate: bool
    aligner: Aligner
    analyser: Analyser
    _restore_pending: bool = False
    _leave_warned: str = ""
    """The way of leaving (quit, open) the user was last warned about losing unsaved notes."""

    if TYPE_CHECKING:  # provided by MainScreen or a sibling mixin; declared for the type checker only

        def pane(self, side: Side) -> ArticlePane: ...
        def sidebar(self) -> Sidebar | None: ...
        def move_cursor(self, side: Side, sentence: int) -> None: ...

    if TYPE_CHECKING:  # provided by NotesActions, before this class in MainScreen's bases

        def refresh_notes(self, select: str | None = None) -> None: ...

    # -- the session follows the comparison ------------------------------------------------------------------

    def adopt_session(self, session: Session | None) -> None:
        """Called at the end of MainScreen.__init__: take a reopened session's pair and boilerplate setting."""
        from reader.viewmodel.pair_view import PairView

        self.session = session
        if session is None:
            return
        saved = session.view
        count = len(self.articles)
        if saved.pair[0] != saved.pair[1] and max(saved.pair) < count and min(saved.pair) >= 0:
            self.pair = (saved.pair[0], saved.pair[1])
        self.show_boilerplate = saved.boilerplate_shown
        self.view = PairView(self.articles, *self.pair, self.comparison, show_boilerplate=self.show_boilerplate)
        self._restore_pending = True

    def session_comparison(self, comparison: Comparison) -> None:
        """A comparison arrived (alignment or analysis): start the session, or hand it the analysed one."""
        from reader.store.session import Session

        if self.session is None:
            self.session = Session(comparison)
        elif comparison is not self.session.comparison:
            try:
                self.session.set_comparison(comparison)
            except ReaderError as error:
                self.notify(shown_markup(str(error)), title="notes", severity="error", timeout=8)
        if self._restore_pending:
            self._restore_pending = False
            self._restore_view()
        self.refresh_notes()

    def _restore_view(self) -> None:
        """Put the cursor back where the saved comparison was left and say what reopening found."""
        session = self.session
        if session is None:
            return
        saved = session.view
        for side, article in ((Side.LEFT, self.view.left), (Side.RIGHT, self.view.right)):
            if article == saved.cursor_article:
                sentences = self.view.article(side).sentences
                if 0 <= saved.cursor_sentence < len(sentences):
                    self.pane(side).scroll_quietly(saved.scroll[side])
                    self.move_cursor(side, saved.cursor_sentence)
                    self.pane(side).focus()
        if session.report is not None:
            self.notify(
                shown_markup(session.report.summary()),
                title=shown(f"opened {session.name}"),
                severity="warning" if session.report.changed else "information",
                timeout=10,
            )

    def restore_sidebar_tab(self) -> None:
        """Open the sidebar tab the saved comparison was left on (once the tabs exist)."""
        session = self.session
        sidebar = self.sidebar()
        if session is None or sidebar is None or session.view.sidebar_tab == "actors":
            return
        if sidebar.query(f"#tab-{session.view.sidebar_tab}"):
            sidebar.activate(session.view.sidebar_tab)

    def _sync_view_state(self) -> None:
        """Record where the reader is, so the next save carries it."""
        session = self.session
        if session is None or not self.is_mounted:
            return
        pane = self.pane(self.active)
        tab = session.view.sidebar_tab
        tabs = self.query("#sidebar-tabs")
        if tabs:
            from textual.widgets import TabbedContent

            tab = tabs.first(TabbedContent).active.removeprefix("tab-") or tab
        session.update_view(
            pair=self.pair,
            cursor_article=self.view.left if self.active is Side.LEFT else self.view.right,
            cursor_sentence=pane.cursor or 0,
            scroll=(round(self.pane(Side.LEFT).scroll_y), round(self.pane(Side.RIGHT).scroll_y)),
            boilerplate_shown=self.show_boilerplate,
            sidebar_tab=tab,
        )

    # -- ctrl+s ----------------------------------------------------------------------------------------------

    def action_save(self) -> None:
        session = self.session
        if session is None:
            return
        self._sync_view_state()
        from reader.screens.save_as import SaveAsScreen
        from reader.store.files import ConflictError
        from reader.viewmodel.saving import suggested_name

        if session.needs_name:
            initial = suggested_name(session.comparison, session.name, session.auto_named)
            self.app.push_screen(SaveAsScreen(initial, self._save_as), self._saved)
            return
        if session.has_conflict:
            self._offer_conflict(str(session.save_error))
            return
        try:
            path = session.save()
        except ConflictError as error:
            self._offer_conflict(str(error))
        except ReaderError as error:
            self.notify(
                shown_markup(f"{error}. Your notes are kept in memory."),
                title="save failed",
                severity="error",
                timeout=12,
            )
        else:
            self._saved(path)

    def _save_as(self, name: str) -> Path | str:
        assert self.session is not None
        try:
            return self.session.save_as(name)
        except ReaderError as error:
            return str(error)

    def _force_save(self) -> Path | str:
        assert self.session is not None
        try:
            return self.session.save(force=True)
        except ReaderError as error:
            return str(error)

    def _offer_conflict(self, reason: str) -> None:
        assert self.session is not None
        from reader.screens.save_as import SaveAsScreen

        initial = f"{self.session.name} (mine)"
        screen = SaveAsScreen(initial, self._save_as, conflict=reason, overwrite=self._force_save)
        self.app.push_screen(screen, self._saved)

    def _saved(self, path: Path | None) -> None:
        if path is not None and self.session is not None:
            self._leave_warned = ""
            self.notify(shown_markup(f"Saved “{self.session.name}” to {path}"), title="saved", timeout=4)

    # -- o ---------------------------------------------------------------------------------------------------

    def action_open_saved(self) -> None:
        from reader.screens.open_saved import OpenSavedScreen
        from reader.store.files import list_saved

        current = self.session.path.stem if self.session is not None and self.session.path else None
        self.app.push_screen(OpenSavedScreen(list_saved(), current), self._open_chosen)

    def _open_chosen(self, slug: str | None) -> None:
        if slug is None:
            return
        if self.session is not None and self.session.path is not None and self.session.path.stem == slug:
            self.notify("That comparison is the one open.", timeout=3)
            return
        self.notify(shown_markup(f"Opening {slug}…"), timeout=2)
        self.open_saved(slug)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open", name="opening")
    def open_saved(self, slug: str) -> None:
        """Reopen in a worker: the sources are read again and realigned, notes re-anchored."""
        from reader.store.session import Session

        try:
            self.post_message(SessionOpened(Session.open(slug)))
        except ReaderError as error:
            self.post_message(SessionOpened(None, str(error)))

    def on_session_opened(self, message: SessionOpened) -> None:
        if message.session is None:
            self.notify(shown_markup(message.error), title="cannot open", severity="error", timeout=10)
            return
        if not self.save_before_leaving("open it again to leave them"):
            return
        from reader.screens.main import MainScreen

        session = message.session
        screen = MainScreen(
            session.comparison.articles,
            aligner=self.aligner,
            analyser=self.analyser,
            comparison=session.comparison,
            session=session,
        )
        self.app.switch_screen(screen)

    # -- e ---------------------------------------------------------------------------------------------------

    def action_export(self, fmt: str = "html") -> None:
        session = self.session
        if session is None:
            return
        self._sync_view_state()
        from reader.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(session.suggested_export_name, fmt), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        session = self.session
        if request is None or session is None:
            return
        try:
            path = session.export(request.fmt, request.path)
        except (ReaderError, OSError) as error:
            self.notify(shown_markup(f"Export failed: {error}"), title="export", severity="error", timeout=12)
            return
        partial = "" if session.comparison.analysed else " (actors and claims were still being found)"
        self.notify(shown_markup(f"Wrote {path}{partial}"), title="exported", timeout=6)

    # -- leaving ---------------------------------------------------------------------------------------------

    def save_before_leaving(self, anyway: str = "q again to quit anyway") -> bool:
        """Save the view and any unsaved notes; False (once) when notes would be lost, so the user asks again."""
        session = self.session
        if session is None:
            return True
        self._sync_view_state()
        error = session.autosave()
        if error is None or not session.annotations or self._leave_warned == anyway:
            return True
        self._leave_warned = anyway
        self.notify(
            shown_markup(f"Your notes are not saved: {error}. ctrl+s to save them, or {anyway}."),
            title="unsaved notes",
            severity="error",
            timeout=15,
        )
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("annotate", "save", "export"):
            return self.session is not None
        return True

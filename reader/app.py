"""ReaderApp: the Textual application `reader PATH...` runs. Small on purpose: the screen does the work.

The articles are loaded before the app starts (so a bad path exits with a one-line error); alignment and
analysis run in the main screen's workers, so the first frame never waits for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.commands import ReaderCommands
from reader.core.records import Article
from reader.screens.main import Aligner, Analyser, MainScreen
from reader.shown import shown_markup
from reader.stylesheets import LATER_STYLESHEETS, STYLESHEETS, read_once, stylesheet

if TYPE_CHECKING:
    from reader.core.parse_service import AnalysisService
    from reader.core.records import Comparison
    from reader.store.session import Session


def _align(articles: Sequence[Article]) -> Comparison:
    from reader.core import align_articles

    return align_articles(articles)


def _analyse(comparison: Comparison) -> Comparison:
    from reader.core import add_analysis

    return add_analysis(comparison)


class ReaderApp(App[int]):
    """Two articles side by side, with what they share and what only one of them says."""

    TITLE = "reader"
    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet(name) for name in STYLESHEETS]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        comparison: Comparison | None = None,
        aligner: Aligner = _align,
        analyser: Analyser = _analyse,
        notices: Sequence[str] = (),
        session: Session | None = None,
        ends_process: bool = False,
        service: AnalysisService | None = None,
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.notices = tuple(notices)
        self.comparison = comparison
        self.session = session
        """A reopened saved comparison (`reader open NAME`); None starts a new one."""
        self.aligner = aligner
        self.analyser = analyser
        self.ends_process = ends_process
        """The command line's app: under `run()`, spaCy gets its own process and the app's end ends the process
        at once (`reader.lifetime`). Off for tests and harnesses that run the app inside their own process."""
        self.service = service
        """The analysis service the command line started before Textual (`reader.core.parse_service`)."""
        self.early_analyser: Callable[[Sequence[Article], float | None], Comparison | None] | None = None
        """Actors and claims before the alignment (from the service), for the sidebar; None: after it."""
        self.idle_service_aligner: Callable[[Sequence[Article]], Comparison] | None = None
        """The alignment in the service, used when it is idle at the first paint (the analysis came from the
        warm cache): the app's interpreter then has only the sidebar to build."""
        self._ending_process = False
        self._service_wanted = False

    def run(self, *args: Any, **kwargs: Any) -> int | None:
        """Run in a real terminal: spaCy gets its own process; when the app ends, the process ends at once.

        Only for the command line's app (`ends_process=True`); any other app runs as Textual's. See `reader.lifetime`.
        """
        if not self.ends_process:
            return super().run(*args, **kwargs)
        from reader import lifetime

        if self.service is not None:
            lifetime.adopt(self.service)
        if self.analyser is _analyse and not (self.comparison is not None and self.comparison.analysed):
            self.analyser = lifetime.analyser_with_service(self.service)
            if self.service is not None:
                self.early_analyser = lifetime.early_analyser(self.service)
                if self.aligner is _align:
                    self.idle_service_aligner = lifetime.aligner_with_service(self.service, _align)
            else:
                self._service_wanted = True
        self._ending_process = True
        try:
            return super().run(*args, **kwargs)
        finally:
            lifetime.stop_helpers()

    async def run_async(self, *args: Any, **kwargs: Any) -> int | None:
        """The app's run; under `run()`, the process then ends before asyncio waits for the worker threads.

        asyncio's shutdown joins every thread of its default executor, where Textual runs thread workers: a quit
        during a three-minute analysis would wait three minutes. The quit action has saved the notes and the
        terminal is restored when this point is reached, so nothing is lost by not waiting.
        """
        result = await super().run_async(*args, **kwargs)
        if self._ending_process:
            from reader import lifetime

            lifetime.end_process(result if isinstance(result, int) else (self.return_code or 0))
        return result

    def on_ready(self) -> None:
        """After the first paint, when the command line started no service (a reopened comparison): start one
        now, so it imports the model while the alignment runs."""
        if self._service_wanted:
            from reader import lifetime

            lifetime.start_analysis_service(self.articles)

    def get_default_screen(self) -> MainScreen:
        """The main screen is the first screen itself, composed with the app as Textual's default screen is.

        Pushed from `on_mount` over the default blank screen, it was laid out and rendered inside the batch
        Textual holds over the app's compose and mount, so that first frame (~30 ms of rendering, a fifth of
        Textual's share of the first paint) was thrown away and drawn again once the batch ended; the blank
        screen beneath it was composed and styled too.
        """
        return MainScreen(
            self.articles,
            aligner=self.aligner,
            analyser=self.analyser,
            comparison=self.comparison,
            session=self.session,
            early_analyser=self.early_analyser,
            idle_service_aligner=self.idle_service_aligner,
        )

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Textual's push, with the dialogs' stylesheet read first (once): only a pushed screen uses it."""
        read_once(self.stylesheet, LATER_STYLESHEETS)  # parsed with the screen's first styling
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, screen: Screen[Any] | str) -> AwaitComplete:
        """Textual's switch, also for the first screen: the reopened comparison takes the main screen's place.

        Textual's switch drops the result callback that a push gave the screen it replaces, and the first screen
        was never pushed (Textual issue 2650: "pop from empty list"); it is given the empty callback a push gives.
        """
        if len(self.screen_stack) == 1 and screen is not self.screen:
            self.screen._push_result_callback(self.screen, None)
        return super().switch_screen(screen)

    def on_mount(self) -> None:
        for notice in self.notices:
            self.notify(shown_markup(notice), title="skipped", severity="warning", timeout=8)

    async def action_quit(self) -> None:
        """Quit after saving the notes and the view; refuses once when the notes could not be saved."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen) and not screen.save_before_leaving():
                return
        self.exit(0)

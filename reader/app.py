"""ReaderApp: the Textual application `reader PATH...` runs. Small on purpose: the screen does the work.

The articles are loaded before the app starts (so a bad path exits with a one-line error); alignment and
analysis run in the main screen's workers, so the first frame never waits for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from reader.commands import ReaderCommands
from reader.core.records import Article, Comparison
from reader.screens.main import Aligner, Analyser, MainScreen
from reader.shown import shown_markup

if TYPE_CHECKING:
    from reader.store.session import Session

STYLESHEETS = ("reader.tcss",)


def stylesheet(name: str) -> Path:
    """A stylesheet of the installed `reader.styles` package (the repo's top-level styles/), or of a checkout."""
    try:
        return Path(str(resources.files("reader.styles") / name))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "styles" / name


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
    ) -> None:
        super().__init__()
        self.articles = tuple(articles)
        self.notices = tuple(notices)
        self.comparison = comparison
        self.session = session
        """A reopened saved comparison (`reader open NAME`); None starts a new one."""
        self.aligner = aligner
        self.analyser = analyser
        self._end_process_on_exit = False

    def run(self, *args: Any, **kwargs: Any) -> int | None:
        """Run in a real terminal: spaCy's process starts first; when the app ends, the process ends at once.

        See `reader.lifetime`. Tests drive the app with `run_test`, which goes through neither step.
        """
        from reader import lifetime

        if self.analyser is _analyse and not (self.comparison is not None and self.comparison.analysed):
            self.analyser = lifetime.analyser_with(lifetime.start_parse_service(self.articles))
        # a scripted run (auto_pilot: the snapshot harness, inside pytest) is not a user quitting the app; a
        # plain headless run still is (tests/tui/test_quit.py runs the real app headless in a child process)
        self._end_process_on_exit = kwargs.get("auto_pilot") is None
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
        if self._end_process_on_exit:
            from reader import lifetime

            lifetime.end_process(result if result is not None else (self.return_code or 0))
        return result

    def on_mount(self) -> None:
        self.push_screen(
            MainScreen(
                self.articles,
                aligner=self.aligner,
                analyser=self.analyser,
                comparison=self.comparison,
                session=self.session,
            )
        )
        for notice in self.notices:
            self.notify(shown_markup(notice), title="skipped", severity="warning", timeout=8)

    async def action_quit(self) -> None:
        """Quit after saving the notes and the view; refuses once when the notes could not be saved."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen) and not screen.save_before_leaving():
                return
        self.exit(0)

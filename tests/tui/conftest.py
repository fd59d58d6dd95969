"""Builders for the app under test: hand-made records, instant workers, a record of posted messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from textual.message import Message
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.core.records import Article, Comparison
from reader.screens.main import MainScreen
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles

AppFactory = Callable[..., ReaderApp]


def fixture_app(
    count: int = 2,
    *,
    aligner: Callable[[Sequence[Article]], Comparison] | None = None,
    analyser: Callable[[Comparison], Comparison] | None = None,
) -> ReaderApp:
    """The app over the fixture articles, with the fixture comparison instead of the engine."""
    app = ReaderApp(
        fixture_articles(count),
        aligner=aligner or aligned_comparison,
        analyser=analyser or analysed_comparison,
    )
    app.theme = "textual-dark"
    app.animation_level = "none"  # the tab underline would otherwise be caught mid-slide in snapshots
    return app


@pytest.fixture
def make_app() -> AppFactory:
    return fixture_app


class MessageLog:
    """Collects every message the app processes, so tests assert on what widgets posted."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def __call__(self, message: Message) -> None:
        self.messages.append(message)

    def of(self, kind: type[Message]) -> list[Message]:
        """Messages of one kind, each once (a bubbling message is seen by every node it passes)."""
        seen: set[int] = set()
        found: list[Message] = []
        for message in self.messages:
            if isinstance(message, kind) and id(message) not in seen:
                seen.add(id(message))
                found.append(message)
        return found

    def clear(self) -> None:
        self.messages.clear()


@pytest.fixture
def message_log() -> MessageLog:
    return MessageLog()


def extras_pending(screen: MainScreen) -> bool:
    """Some sidebar tab still waits to be built (they are built a frame after the sidebar)."""
    from reader.widgets.sidebar import LaterContent

    return bool(screen.query(LaterContent))


async def settle(pilot: Pilot[int]) -> MainScreen:
    """Wait (without sleeping) until the workers have started and finished and the sidebar is filled.

    The alignment worker starts only after the first frame, so one `wait_for_complete` may come too early;
    loop on pauses until the screen reports the analysis in (or failed).
    """
    screen = pilot.app.screen
    for _ in range(500):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        screen = pilot.app.screen
        if not isinstance(screen, MainScreen):
            continue
        done = screen.comparison is not None and (screen.comparison.analysed or bool(screen.analysis_error))
        sidebar = screen.sidebar()
        filled = sidebar is not None and sidebar.is_mounted and not sidebar.pending
        built = bool(screen.query_one("#footer-slot").children) and not extras_pending(screen)
        if done and built and (filled or bool(screen.analysis_error)) and not pilot.app.workers:
            break
    await pilot.pause()
    assert isinstance(screen, MainScreen)
    return screen

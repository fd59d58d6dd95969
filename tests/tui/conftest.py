"""Builders for the app under test: hand-made records, instant workers, a record of posted messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from textual.message import Message

from reader.app import ReaderApp
from reader.core.records import Article, Comparison
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

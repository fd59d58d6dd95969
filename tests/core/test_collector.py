"""The cyclic garbage collector is off while the analysis builds its records, and back on after."""

from __future__ import annotations

import gc
from collections.abc import Sequence

import pytest

import reader.core.analysis.comparison as comparison
from reader.core.records import Article
from tests.factories import article_of


def test_the_analysis_runs_with_the_collector_paused_and_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def parse(articles: Sequence[Article], *, use_cache: bool = True) -> tuple[()]:
        seen.append(gc.isenabled())
        return ()

    def actors(articles: Sequence[Article], parsed: tuple[()]) -> tuple[()]:
        seen.append(gc.isenabled())
        return ()

    monkeypatch.setattr(comparison, "parse_articles", parse)
    monkeypatch.setattr(comparison, "build_actors", actors)
    monkeypatch.setattr(comparison, "extract_claims", lambda articles, parsed, actors: ())
    assert gc.isenabled()
    result = comparison._analyse([article_of(["The minister said the talks would go on."], "A")])
    assert seen == [False, False]
    assert gc.isenabled()
    assert result.actors == () and result.claims == ()


def test_the_startup_pause_holds_until_released_and_a_stage_between_does_not_end_it() -> None:
    from reader.core.collector import collector_paused, end_startup_pause, pause_for_startup

    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    try:
        pause_for_startup()
        pause_for_startup()  # a second call holds nothing more
        assert not gc.isenabled()
        with collector_paused():  # an alignment that starts before the first paint
            assert not gc.isenabled()
        assert not gc.isenabled(), "the stage's end must not switch the collector on during the startup pause"
        end_startup_pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen_before, "what start-up built is moved out of the collector's walks"
        end_startup_pause()  # once only: a second release does not unbalance the count
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_startup_pause_keeps_a_collector_that_was_off_off() -> None:
    from reader.core.collector import end_startup_pause, pause_for_startup

    gc.disable()
    try:
        pause_for_startup()
        end_startup_pause()
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_what_lives_now_is_frozen_only_in_the_command_line_app_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.collector as collector

    try:
        monkeypatch.setattr(collector, "_started_as_the_app", False)
        before = gc.get_freeze_count()
        collector.keep_what_lives_now()  # a test process running apps: nothing frozen
        assert gc.get_freeze_count() == before
        monkeypatch.setattr(collector, "_started_as_the_app", True)
        collector.keep_what_lives_now()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_the_startup_pause_marks_the_process_as_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.collector as collector

    monkeypatch.setattr(collector, "_started_as_the_app", False)
    try:
        collector.pause_for_startup()
        assert collector._started_as_the_app
    finally:
        collector.end_startup_pause()
        gc.unfreeze()
        gc.enable()

"""The cyclic garbage collector is off while the analysis builds its records, and back on after."""

from __future__ import annotations

import gc
from collections.abc import Sequence

import pytest

import reader.core.analysis as analysis
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

    monkeypatch.setattr(analysis, "parse_articles", parse)
    monkeypatch.setattr(analysis, "build_actors", actors)
    monkeypatch.setattr(analysis, "extract_claims", lambda articles, parsed, actors: ())
    assert gc.isenabled()
    result = analysis._analyse([article_of(["The minister said the talks would go on."], "A")])
    assert seen == [False, False]
    assert gc.isenabled()
    assert result.actors == () and result.claims == ()

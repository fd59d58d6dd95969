"""SVG snapshots of issue 10's screens: the seeds' first screen (no blank pane), the story view, and three
articles side by side, at 160×48 and 80×24.

The seeds run through the real loader and aligner (the analysis is replaced by an empty one, so spaCy and its
model version never change the picture); they change when the aligner does. Update with `pytest
tests/tui/test_snapshots_story.py --snapshot-update` after looking at the new screen.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.app import ReaderApp
from reader.core import load_inputs
from reader.core.records import Comparison
from tests.tui.conftest import fixture_app
from tests.tui.test_snapshots import SnapCompare, after

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _empty_analysis(comparison: Comparison) -> Comparison:
    return replace(comparison, analysed=True)


def seeds_app() -> ReaderApp:
    app = ReaderApp(load_inputs([str(SEEDS)]).articles, analyser=_empty_analysis)
    app.theme = "textual-dark"
    app.animation_level = "none"
    return app


def test_seeds_first_screen_has_text_in_both_panes(snap_compare: SnapCompare) -> None:
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=after())


def test_seeds_first_screen_narrow(snap_compare: SnapCompare) -> None:
    assert snap_compare(seeds_app(), terminal_size=(80, 24), run_before=after())


def test_story_view_three_articles_wide(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(3), terminal_size=(160, 48), run_before=after("v"))


def test_story_view_three_articles_narrow(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(3), terminal_size=(80, 24), run_before=after("v", "f", "f"))


def test_three_articles_wide(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(3), terminal_size=(160, 48), run_before=after("1"))


def test_three_articles_narrow(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(3), terminal_size=(80, 24), run_before=after("j", "j"))

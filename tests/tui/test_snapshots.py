"""SVG snapshots of the screen at 120×40 and 80×24 (pytest-textual-snapshot 1.1.0).

Deterministic on purpose: hand-made records, a fixed theme, workers finished before the shot (so no progress
bar), no clock. Update with `pytest tests/tui/test_snapshots.py --snapshot-update` after a deliberate change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.pilot import Pilot

from tests.tui.conftest import fixture_app, settle

SnapCompare = Callable[..., bool]


def after(*keys: str) -> Callable[[Pilot[Any]], Any]:
    """A run_before hook: wait for the workers, then press `keys`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await press(pilot, keys)

    return run_before


async def press(pilot: Pilot[Any], keys: Sequence[str]) -> None:
    for key in keys:
        await pilot.press(key)
    await pilot.pause()


def test_main_screen_wide(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(120, 40), run_before=after("c"))


def test_main_screen_narrow(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(80, 24), run_before=after("j", "j", "j"))


def test_narrow_with_sidebar(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(80, 24), run_before=after("s"))


def test_word_diff_dialog(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(120, 40), run_before=after("c", "w"))


def test_help_dialog(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(120, 40), run_before=after("question_mark"))


def test_three_articles_with_coverage(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(3), terminal_size=(120, 40), run_before=after("b"))


def test_light_theme(snap_compare: SnapCompare) -> None:
    app = fixture_app()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(120, 40), run_before=after("n", "n"))


def test_claims_tab_light_theme(snap_compare: SnapCompare) -> None:
    """Speaker, status, cue and content of every claim inside the sidebar; statuses readable on a light theme."""
    app = fixture_app()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(120, 30), run_before=after("2"))


def test_claims_tab_dark_theme_wide(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(160, 30), run_before=after("2"))


def test_conflicts_tab(snap_compare: SnapCompare) -> None:
    assert snap_compare(fixture_app(), terminal_size=(120, 40), run_before=after("5", "down"))

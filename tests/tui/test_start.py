"""The start: actors and claims before the alignment, the sidebar's tabs mounted after the open one, and what
the first frame (and the command line's process) must not import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.core.records import Article, Comparison
from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from reader.widgets.sidebar import SIDEBAR_TABS, LaterContent, Sidebar
from tests.tui.conftest import fixture_app, settle
from tests.tui.fixtures import aligned_comparison, analysed_comparison

ROOT = Path(__file__).resolve().parents[2]


def _early_from(articles: Sequence[Article]) -> Comparison:
    """What the service hands over before the alignment: the analysis, no alignments, no claim links."""
    import dataclasses

    full = analysed_comparison(aligned_comparison(articles))
    return dataclasses.replace(
        full,
        alignments=(),
        claim_links=(),
        coverage=tuple((0,) * len(article.sentences) for article in articles),
    )


async def test_actors_and_claims_fill_the_sidebar_before_the_alignment() -> None:
    released = threading.Event()

    def slow_align(articles: Sequence[Article]) -> Comparison:
        released.wait(10)
        return aligned_comparison(articles)

    app = fixture_app(aligner=slow_align)
    app.early_analyser = lambda articles, timeout: _early_from(articles)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(100):
            await pilot.pause()
            sidebar = screen.sidebar()
            if sidebar is not None and sidebar.shown is not None:
                break
        sidebar = screen.query_one(Sidebar)
        assert not screen.view.aligned, "the alignment is still running"
        assert not sidebar.pending, "built with the analysis in: never pending"
        assert screen.progress == "aligning…"
        await pilot.press("1")
        await pilot.press("enter")  # the first actor: both panes jump to its mentions, alignment or not
        await pilot.pause()
        assert screen.pane(Side.LEFT).cursor is not None
        released.set()
        screen = await settle(pilot)
        assert screen.comparison is not None and screen.comparison.analysed
        assert screen.progress == "", "no 'finding actors' once they are in"


async def test_a_failed_early_analysis_leaves_the_analysis_step_to_report() -> None:
    app = fixture_app()
    app.early_analyser = lambda articles, timeout: None
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        assert screen.early_analysis is None
        assert screen.comparison is not None and screen.comparison.analysed


async def mounted_sidebar(pilot: Pilot[int]) -> Sidebar:
    """The main screen's sidebar, as soon as it is mounted (after the first paint)."""
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    for _ in range(100):
        await pilot.pause()
        sidebar = screen.sidebar()
        if sidebar is not None and sidebar.is_mounted:
            return sidebar
    raise AssertionError("the sidebar never mounted")


async def test_a_tab_opened_before_it_is_built_is_built_at_once_with_its_list_focused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.widgets.sidebar as sidebar_module

    monkeypatch.setattr(sidebar_module, "LATER_TABS_DELAY", 60.0)  # the user is quicker than the timer
    app = fixture_app()
    async with app.run_test(size=(140, 40)) as pilot:
        sidebar = await mounted_sidebar(pilot)
        assert list(sidebar.query(LaterContent)), "the other tabs wait for the timer"
        assert "claims" not in sidebar.contents
        await pilot.press("2")
        await pilot.pause()
        assert "claims" in sidebar.contents
        assert pilot.app.focused is not None and pilot.app.focused.id == "claim-list"


async def test_only_the_open_tab_is_built_at_once_and_every_tab_follows() -> None:
    app = fixture_app()
    async with app.run_test(size=(140, 40)) as pilot:
        sidebar = await mounted_sidebar(pilot)
        if list(sidebar.query(LaterContent)):  # caught between the sidebar's mount and the next frame
            assert list(sidebar.contents) == ["actors"]
        await settle(pilot)
        assert list(sidebar.contents) == [tab.id for tab in SIDEBAR_TABS]
        assert not list(sidebar.query(LaterContent))
        await pilot.press("2")
        assert pilot.app.focused is not None and pilot.app.focused.id == "claim-list"
        await pilot.press("5")
        assert pilot.app.focused is not None and pilot.app.focused.id == "conflict-list"


FIRST_FRAME = """
import json, sys
from reader.core.load.inputs import load_inputs

articles = load_inputs([sys.argv[1]]).articles
loaded = set(sys.modules)  # what the app imports from here on is its own (the command line loads in the service)
import reader.screens.main as main
from reader.app import ReaderApp

def first_paint(self):
    print(json.dumps(sorted(set(sys.modules) - loaded)), flush=True)
    print(json.dumps(sorted(name for name in sys.modules if name.startswith("reader.core.records."))), flush=True)
    self.app.exit(0)

main.MainScreen._after_first_paint = first_paint
ReaderApp(articles).run(headless=True)
"""

HEAVY = ("spacy", "reader.store", "reader.core.align", "reader.core.analysis", "reader.export", "rapidfuzz")


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_CACHE_DIR": str(tmp_path / "cache"),
    }


def test_the_first_frame_imports_nothing_heavy(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    imported = json.loads(result.stdout.splitlines()[0])
    heavy = sorted(name for name in imported if name.split(".")[0] in HEAVY or name.startswith(HEAVY))
    assert heavy == [], result.stderr
    sidebar = [name for name in imported if name.startswith("reader.widgets.")]
    assert "reader.widgets.sidebar" not in sidebar, "the sidebar mounts after the first paint"
    later = {"reader.viewmodel.sidebar_rows", "reader.viewmodel.conflicts", "reader.widgets.footer"}
    assert later.isdisjoint(imported), "the sidebar's rows, the conflict rows and the footer come after the paint"
    records = json.loads(result.stdout.splitlines()[1])
    assert records == [
        "reader.core.records.article",
        "reader.core.records.frozen",
        "reader.core.records.kinds",
    ], "made before they can arrive"


COMMAND_LINE = """
import sys
import reader.app
from reader import lifetime

class Reported(reader.app.ReaderApp):
    def run(self, *args, **kwargs):
        service = self.service
        print("loaded here:", "reader.core.load.layout" in sys.modules, flush=True)
        later = ("reader.core.service_loop", "reader.core.records.analysis")
        print("service's end here:", [name for name in later if name in sys.modules], flush=True)
        print("articles:", len(self.articles), flush=True)
        print("service:", service.pid if service is not None else None, flush=True)
        return super().run(headless=True)

    def on_ready(self):
        super().on_ready()
        self.call_after_refresh(self.exit, 0)

reader.app.ReaderApp = Reported
from reader.cli import main
main([sys.argv[1]])
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_the_command_line_loads_in_the_service_and_quitting_ends_it(tmp_path: Path) -> None:
    """`reader PATH`: this process never imports the loading stage (the service did it), nor, before its app
    runs, the service's loop or the analysis records (they arrive after the first paint); and when the app ends
    (as on `q`) the service is killed and reaped with it."""
    output = tmp_path / "out.txt"
    with output.open("w") as stream:
        app = subprocess.Popen(
            [sys.executable, "-c", COMMAND_LINE, str(ROOT / "seeds")],
            stdout=stream,
            stderr=subprocess.STDOUT,
            env=_env(tmp_path),
        )
        assert app.wait(timeout=120) == 0, output.read_text()
    lines = dict(line.split(": ", 1) for line in output.read_text().splitlines() if ": " in line)
    assert lines["loaded here"] == "False"
    assert lines["service's end here"] == "[]"
    assert lines["articles"] == "2"
    pid = int(lines["service"])
    assert not Path(f"/proc/{pid}").exists(), "the service outlived the app (or is a zombie)"


async def test_the_panes_keep_their_size_when_the_footer_and_sidebar_arrive(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.screens.main as main_module

    monkeypatch.setattr(main_module, "FIRST_FRAME_GRACE", 60.0)  # hold the extras back until asked
    app = fixture_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        assert screen.sidebar() is None, "the first frame has neither the sidebar nor the footer"
        first = {side: screen.pane(side).size for side in (Side.LEFT, Side.RIGHT)}
        screen._after_first_paint()
        await settle(pilot)
        assert screen.sidebar() is not None
        assert {side: screen.pane(side).size for side in (Side.LEFT, Side.RIGHT)} == first


async def test_the_analysis_arriving_redraws_neither_pane_and_freezes_once_per_kind_of_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The frame that brings the actors and claims repaints the sidebar, not the panes: the note marks handed to
    the panes again with the analysis are the ones they show. And what lives at the first alignment and at the
    first actors and claims is moved out of the collector's walks, once each (`keep_what_lives_now`)."""
    import reader.screens.work as work
    from reader.widgets.article_pane import ArticlePane

    released = threading.Event()
    frozen: list[str] = []
    redrawn: list[str] = []
    original_redraw = ArticlePane.redraw

    def gated_analysis(comparison: Comparison) -> Comparison:
        released.wait(10)
        return analysed_comparison(comparison)

    def early(articles: Sequence[Article], timeout: float | None) -> Comparison | None:
        return _early_from(articles) if released.wait(timeout if timeout is not None else 10) else None

    def counting_redraw(self: ArticlePane) -> None:
        redrawn.append(self.id or "")
        original_redraw(self)

    monkeypatch.setattr(work, "keep_what_lives_now", lambda: frozen.append("frozen"))
    app = fixture_app(analyser=gated_analysis)
    app.early_analyser = early
    async with app.run_test(size=(140, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(200):
            await pilot.pause()
            if screen.comparison is not None and screen.sidebar() is not None:
                break
        assert screen.comparison is not None and not screen.comparison.analysed
        assert frozen == ["frozen"], "the first alignment's arrival"
        monkeypatch.setattr(ArticlePane, "redraw", counting_redraw)
        released.set()
        screen = await settle(pilot)
        assert screen.comparison is not None and screen.comparison.analysed
        assert redrawn == [], redrawn
        assert frozen == ["frozen", "frozen"], "and the first actors and claims' arrival, nothing more"
        left = screen.pane(Side.LEFT)
        left.set_notes(frozenset({0}), [(0, 5)])  # a note: the marks change, the pane is redrawn
        left.set_notes(frozenset({0}), [(0, 5)])  # the same marks again: not
        left.set_notes(frozenset({0}), [(0, 7)])  # the passage moved: redrawn
        left.set_notes(frozenset({1}), [(0, 7)])  # another sentence marked: redrawn
        assert redrawn == ["left-pane", "left-pane", "left-pane"]

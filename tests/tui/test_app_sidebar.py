"""Pilot tests of the sidebar, the pair picker, the workers' order, resizing and the command palette."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from reader.core.records import Article, Comparison
from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from reader.widgets.actor_list import ActorList
from reader.widgets.claim_list import ClaimList
from reader.widgets.headers import PaneHeader
from reader.widgets.sidebar import Sidebar
from tests.tui.conftest import AppFactory, MessageLog, fixture_app, settle
from tests.tui.fixtures import aligned_comparison, analysed_comparison


def mention_text(screen: MainScreen, side: Side) -> list[str]:
    pane = screen.pane(side)
    text = screen.view.article(side).text
    return [text[start:end] for start, end in pane.highlights.get("mention", [])]


async def test_actor_selection_jumps_both_panes_and_cycles(make_app: AppFactory, message_log: MessageLog) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40), message_hook=message_log) as pilot:
        screen = await settle(pilot)
        screen.query_one("#actor-entries").focus()
        await pilot.pause()
        await pilot.press("enter")
        selected = message_log.of(ActorList.Selected)
        assert [m.actor_id for m in selected] == ["lena-ortiz"]  # type: ignore[attr-defined]
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 3)
        assert mention_text(screen, Side.LEFT) == ["Lena Ortiz"]
        assert mention_text(screen, Side.RIGHT) == ["Lena Ortiz"]
        await pilot.press("enter")  # again: the next mention (B has two, A one)
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 4)
        assert mention_text(screen, Side.RIGHT) == ["Ortiz"]
        await pilot.press("enter")
        assert screen.pane(Side.RIGHT).cursor == 3


async def test_actor_filter_narrows_the_list(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        screen.query_one("#actor-filter").focus()
        await pilot.press(*"hal")
        assert [row.name for row in screen.query_one(ActorList).rows] == ["Tom Hale"]
        await pilot.press("enter")
        assert screen.pane(Side.LEFT).cursor == 7
        assert screen.pane(Side.RIGHT).cursor == 6


async def test_claim_selection_jumps_and_shows_status(make_app: AppFactory, message_log: MessageLog) -> None:
    async with make_app().run_test(size=(140, 40), message_hook=message_log) as pilot:
        screen = await settle(pilot)
        await pilot.press("2")
        claims = screen.query_one(ClaimList)
        statuses = [row.status.value for row in claims.claims_by_key.values()]
        assert sorted(statuses) == ["both", "cue differs", "left only", "right only"]
        claims.focus()
        await pilot.pause()
        await pilot.press("enter")
        row = message_log.of(ClaimList.Selected)[0].row  # type: ignore[attr-defined]
        assert row.left.id == "a-ortiz" and row.right.id == "b-ortiz"
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 3)
        assert mention_text(screen, Side.LEFT) == ["Mayor Lena Ortiz", "said"]


async def test_quoted_table_jumps_to_the_speakers_claims(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("3")
        screen.query_one("#quoted-list").focus()
        await pilot.pause()
        await pilot.press("enter")
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 3)
        await pilot.press("enter")  # Ortiz's second claim in B
        assert screen.pane(Side.RIGHT).cursor == 4


async def test_pair_picker_switches_the_pair_and_shows_coverage() -> None:
    app = fixture_app(3)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        assert screen.check_action("pick_pair", ()) is True
        assert screen.view.coverage_mark(Side.LEFT, 4) == "3/3"
        await pilot.press("p")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "PairPicker"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.pair == (0, 2)
        assert screen.view.article(Side.RIGHT).label == "C"
        header = screen.query_one("#right-header", PaneHeader)
        assert "Bridge vote passes" in str(header.render())
        assert screen.view.counterparts(Side.LEFT, 4) == (1,)


async def test_pair_picker_is_not_offered_for_two_articles(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert screen.check_action("pick_pair", ()) is False
        await pilot.press("p")
        assert pilot.app.screen is screen


async def test_text_paints_before_alignment_and_sidebar_waits_for_analysis() -> None:
    aligned, analysed = threading.Event(), threading.Event()

    def slow_align(articles: Sequence[Article]) -> Comparison:
        aligned.wait(10)
        return aligned_comparison(articles)

    def slow_analyse(comparison: Comparison) -> Comparison:
        analysed.wait(10)
        return analysed_comparison(comparison)

    app = fixture_app(aligner=slow_align, analyser=slow_analyse)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        assert screen.pane(Side.LEFT).rows.rows  # the text is there already
        assert not screen.view.aligned
        assert screen.progress == "aligning…"
        aligned.set()
        await pilot.app.workers.wait_for_complete([w for w in pilot.app.workers if w.name == "alignment"])
        await pilot.pause()
        assert screen.view.aligned
        assert screen.query_one(Sidebar).pending
        assert "actors" in screen.progress
        rows_before = screen.pane(Side.LEFT).rows
        analysed.set()
        await settle(pilot)
        assert not screen.query_one(Sidebar).pending
        assert screen.progress == ""
        assert screen.comparison is not None and screen.comparison.analysed
        assert screen.pane(Side.LEFT).rows is rows_before, "the panes draw nothing the analysis adds: not re-laid"


async def test_worker_errors_become_notifications_not_tracebacks() -> None:
    def broken(comparison: Comparison) -> Comparison:
        raise RuntimeError("model missing")

    app = fixture_app(analyser=broken)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        assert screen.progress == "analysis failed"
        for _ in range(200):  # the notification is a message of its own: a loaded machine may take more frames
            if any("model missing" in n.message for n in pilot.app._notifications):
                break
            await pilot.pause(0.05)
        assert any("model missing" in n.message for n in pilot.app._notifications)
        assert screen.view.aligned  # the panes keep working
        await pilot.press("n")
        assert screen.pane(Side.LEFT).cursor == 2


async def test_narrow_terminal_folds_the_sidebar_and_resizing_never_crashes(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        sidebar = screen.query_one(Sidebar)
        assert sidebar.display and sidebar.region.width > 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert sidebar.region.width == 0
        left = screen.pane(Side.LEFT)
        assert left.region.width > 30
        await pilot.press("s")
        await pilot.pause()
        assert sidebar.region.width > 0
        await pilot.press("s")
        for size in ((20, 6), (200, 60), (81, 24), (40, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j", "n", "u")
        assert screen.pane(Side.LEFT).rows.rows


@pytest.mark.parametrize("width", [50, 64, 80, 99])
async def test_on_a_narrow_terminal_the_open_sidebar_and_the_pane_share_the_width(
    make_app: AppFactory, width: int
) -> None:
    """The sidebar kept its 34-column minimum in place of the right pane: at 50 columns the left pane had 15
    (three characters of text a line)."""
    async with make_app().run_test(size=(width, 24)) as pilot:
        screen = await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        sidebar = screen.query_one("#sidebar-slot")
        left = screen.query_one("#left-column")
        assert sidebar.region.width > 0
        assert abs(left.region.width - sidebar.region.width) <= 2
        assert left.region.width + sidebar.region.width == width


async def test_command_palette_runs_namespaced_commands(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"view: toggle boilerplate")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.show_boilerplate

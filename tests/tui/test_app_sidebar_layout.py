"""Pilot tests of what the sidebar shows: every field of a claim, actor and speaker within its width at 80, 120
and 160 columns, and tabs that stay usable (Notes included) while the analysis runs or after it failed."""

from __future__ import annotations

import threading

import pytest
from textual.pilot import Pilot

from reader.core.records import Comparison
from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from reader.widgets.actor_list import ActorEntries
from reader.widgets.claim_list import ClaimList
from reader.widgets.quoted_table import QuotedList
from reader.widgets.sidebar import Sidebar
from reader.widgets.sidebar_list import SidebarList
from tests.tui.conftest import fixture_app, settle
from tests.tui.fixtures import analysed_comparison


def shown_lines(widget: SidebarList[object], count: int) -> list[str]:
    """What the list draws on its first `count` lines, as text."""
    return [widget.render_line(y).text for y in range(count)]


async def open_tab(pilot: Pilot[int], key: str, width: int) -> MainScreen:
    screen = await settle(pilot)
    if width < 100:
        await pilot.press("s")
    await pilot.press(key)
    await pilot.pause()
    return screen


@pytest.mark.parametrize("width", [80, 120, 160])
async def test_claims_show_speaker_cue_status_and_content_inside_the_sidebar(width: int) -> None:
    async with fixture_app().run_test(size=(width, 40)) as pilot:
        screen = await open_tab(pilot, "2", width)
        claims = screen.query_one(ClaimList)
        assert claims.region.right <= width
        lines = shown_lines(claims, 9)
        assert "Lena Ortiz" in lines[0] and lines[0].rstrip().endswith("both")
        assert lines[1].strip().startswith("said: the work would start")
        residents = next(n for n, line in enumerate(lines) if line.startswith(" Residents"))
        assert lines[residents].rstrip().endswith("A only")
        hale = next(n for n, line in enumerate(lines) if line.startswith(" Tom Hale"))
        assert lines[hale].rstrip().endswith("cue differs")
        assert "warned / cautioned: costs" in lines[hale + 1]
        assert all(len(line) == claims.scrollable_content_region.width for line in lines)


async def test_enter_and_m_still_work_on_a_claim_entry() -> None:
    app = fixture_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tab(pilot, "2", 120)
        claims = screen.query_one(ClaimList)
        claims.focus()
        await pilot.press("down", "down", "enter")  # Tom Hale's claim, linked across both
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (7, 6)
        await pilot.press("m")
        assert "claim Tom Hale" in getattr(app.screen, "subject", "")


@pytest.mark.parametrize("width", [80, 120, 160])
async def test_actors_and_speakers_keep_names_and_counts_inside_the_sidebar(width: int) -> None:
    async with fixture_app().run_test(size=(width, 40)) as pilot:
        screen = await open_tab(pilot, "1", width)
        actors = screen.query_one(ActorEntries)
        assert actors.region.right <= width
        first = actors.render_line(0).text.split()
        assert first == ["Lena", "Ortiz", "person", "1", "2"]
        await pilot.press("3")
        await pilot.pause()
        quoted = screen.query_one(QuotedList)
        assert quoted.render_line(0).text.split() == ["Lena", "Ortiz", "1/2", "10/13"]
        heading = str(screen.query_one("#quoted-heading").render())
        assert heading.split() == ["speaker", "(A/B)", "claims", "words"]


async def test_tabs_and_notes_stay_usable_while_the_analysis_runs() -> None:
    """Also: a tab opened while the sidebar is still mounting (here ~50 ms after it appears) shows its pane;
    Textual's content switcher, mounting after the key, once hid every pane (`Sidebar._show_active_pane`)."""
    release = threading.Event()

    def slow_analyse(comparison: Comparison) -> Comparison:
        release.wait(10)
        return analysed_comparison(comparison)

    app = fixture_app(analyser=slow_analyse)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(200):
            await pilot.pause(0.05)
            if screen.sidebar() is not None and screen.session is not None:
                break
        sidebar = screen.query_one(Sidebar)
        assert sidebar.pending
        await pilot.press("2")
        for _ in range(200):  # a loaded machine may need more than one refresh (and the later tabs' timer)
            await pilot.pause(0.05)
            pending = sidebar.query_one("#tab-claims .tab-pending")  # the tab may be built meanwhile: ask again
            if pending.region.height > 0:
                break
        assert pending.region.height > 0 and "Finding actors and claims" in str(pending.children[0].render())
        assert screen.query_one(ClaimList).region.height == 0
        await pilot.press("4")
        for _ in range(200):
            await pilot.pause(0.05)
            notes = sidebar.query_one("#notes-list")
            if notes.region.height > 0:
                break
        assert notes.region.height > 0
        assert "No notes yet" in notes.render_line(0).text
        release.set()
        await settle(pilot)
        await pilot.press("2")
        for _ in range(200):
            await pilot.pause(0.05)
            if screen.query_one(ClaimList).region.height > 0:
                break
        assert screen.query_one(ClaimList).region.height > 0
        assert sidebar.query_one("#tab-claims .tab-pending").region.height == 0


async def test_a_failed_analysis_says_so_in_the_tabs_and_leaves_notes_usable() -> None:
    def broken(comparison: Comparison) -> Comparison:
        raise RuntimeError("model [missing]")

    app = fixture_app(analyser=broken)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        sidebar = screen.query_one(Sidebar)
        assert sidebar.failed
        text = sidebar.query_one("#tab-actors .tab-pending-text")
        assert "The analysis failed: model [missing]" in str(text.render())
        assert sidebar.query_one("#tab-actors .tab-progress").display is False
        await pilot.press("4")
        await pilot.pause()
        assert sidebar.query_one("#notes-list").region.height > 0
        await pilot.press("m")  # a note on the cursor's passage still works
        assert type(app.screen).__name__ == "AnnotateScreen"


async def test_a_tab_key_from_a_sidebar_list_opens_that_tab_and_focuses_its_list() -> None:
    """Hiding the focused list used to hand the focus to the old tab's filter, which switched the tab back."""
    app = fixture_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        screen.query_one(ActorEntries).focus()
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.focused, ClaimList)
        assert screen.query_one("#sidebar-tabs").active == "tab-claims"  # type: ignore[attr-defined]
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.focused, QuotedList)
        await pilot.press("enter")
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 3)


@pytest.mark.parametrize("width", [80, 100, 113, 120, 160])
async def test_every_tab_label_is_in_sight_whatever_the_sidebars_width(width: int) -> None:
    """At 100 to ~140 columns the sidebar is at its narrowest (reader.tcss), and at 80 it takes half the screen;
    with Textual's padding the last label ("Conflicts") had scrolled out of the strip below ~140."""
    from textual.widgets import Tab

    async with fixture_app().run_test(size=(width, 40)) as pilot:
        await open_tab(pilot, "1", width)
        sidebar = pilot.app.screen.query_one(Sidebar)
        labels = list(sidebar.query(Tab))
        assert [str(tab.label) for tab in labels] == ["Actors", "Claims", "Quoted", "Notes", "Conflicts"]
        inside = sidebar.content_region
        for tab in labels:
            assert inside.x <= tab.region.x and tab.region.right <= inside.right, (width, str(tab.label))
        # where the strip fits with Textual's padding (a wide sidebar) each label keeps it
        padding = 0 if width < 160 else 2
        assert [tab.region.width for tab in labels] == [len(str(tab.label)) + padding for tab in labels]


async def test_the_tab_labels_close_up_when_the_terminal_narrows_and_space_out_again() -> None:
    from textual.widgets import Tab

    async with fixture_app().run_test(size=(160, 40)) as pilot:
        await open_tab(pilot, "1", 160)
        sidebar = pilot.app.screen.query_one(Sidebar)
        conflicts = list(sidebar.query(Tab))[-1]
        assert not sidebar.has_class("-tight-tabs")
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        await pilot.pause()
        assert sidebar.has_class("-tight-tabs") and conflicts.region.right <= sidebar.content_region.right
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        await pilot.pause()
        assert not sidebar.has_class("-tight-tabs")

"""Focus rules (printable keys in a list or a filter never run the screen's commands; Escape goes back to the
pane), the export dialog's choice of folder, the claim walk, and the story view's jumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet

from reader.screens.export import ExportScreen
from reader.screens.main import MainScreen
from reader.screens.story import StoryScreen
from reader.viewmodel.bands import Side
from reader.widgets.actor_list import ActorList
from reader.widgets.article_pane import ArticlePane
from tests.tui.conftest import AppFactory, settle


async def test_typing_in_the_actors_list_filters_and_never_opens_export(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("1")  # the Actors tab, its list focused
        assert screen.focused is not None and screen.focused.id == "actor-entries"
        await pilot.press(*"hale")  # "e" is Export on the main screen
        assert app.screen is screen  # no dialog opened
        assert screen.query_one("#actor-filter", Input).value == "hale"
        assert [row.name for row in screen.query_one(ActorList).rows] == ["Tom Hale"]
        await pilot.press("down", "enter")
        assert app.screen is screen


async def test_printable_keys_in_a_list_without_filter_are_dropped(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("2")
        assert screen.focused is not None and screen.focused.id == "claim-list"
        cursor = screen.pane(Side.LEFT).cursor
        await pilot.press("e", "n", "b", "slash", "q")  # export, next match, boilerplate, search, quit
        assert app.screen is screen and app.is_running
        assert screen.pane(Side.LEFT).cursor == cursor
        assert not screen.show_boilerplate
        assert screen.focused is not None and screen.focused.id == "claim-list"


async def test_escape_from_a_filter_or_a_list_returns_to_the_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        screen.query_one("#actor-filter", Input).focus()
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(screen.focused, ArticlePane) and screen.focused.side is Side.LEFT
        await pilot.press("j", "tab")  # the right pane is the active one now
        await pilot.press("2")
        await pilot.press("escape")
        assert isinstance(screen.focused, ArticlePane) and screen.focused.side is Side.RIGHT


async def test_export_asks_which_folder_and_suggests_the_exports_folder_first(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        field = dialog.query_one("#export-path", Input)
        exports = tmp_path / "data" / "exports"
        assert Path(field.value).parent == exports
        assert "writes" in str(dialog.query_one("#export-hint").render())  # made on export, not refused
        folders = dialog.query_one("#export-folder", RadioSet)
        await pilot.click("#folder-1")
        assert folders.pressed_index == 1
        assert Path(field.value).parent == Path.cwd()
        await pilot.click("#folder-0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert [path.suffix for path in exports.iterdir()] == [".html"]


async def test_a_walks_the_claims_of_the_active_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("a")
        assert screen.pane(Side.LEFT).cursor == 3  # Mayor Lena Ortiz said…
        text = screen.view.article(Side.LEFT).text
        assert [text[a:b] for a, b in screen.pane(Side.LEFT).highlights["mention"]] == ["Mayor Lena Ortiz", "said"]
        await pilot.press("a")
        assert screen.pane(Side.LEFT).cursor == 6  # several shop owners said…
        await pilot.press("a")
        assert screen.pane(Side.LEFT).cursor == 7  # Councillor Tom Hale warned…
        await pilot.press("a")
        assert screen.pane(Side.LEFT).cursor == 3  # wraps around
        await pilot.press("A")
        assert screen.pane(Side.LEFT).cursor == 7


async def test_story_view_lists_points_and_enter_jumps_to_the_passage(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("v")
        story = app.screen
        assert isinstance(story, StoryScreen)
        # in A's order; B's "Ortiz added…" (told by B only) follows the point B tells before it
        assert [p.passages for p in story.listed][:5] == [
            ((0,), (0,)),
            ((2,), (2,)),
            ((3,), (3,)),
            ((), (4,)),
            ((4,), (5,)),
        ]
        await pilot.press("down", "down", "enter")  # the point A 3 / B 3 (the mayor's claim)
        assert app.screen is screen
        assert screen.pane(Side.LEFT).cursor == 3
        assert screen.pane(Side.RIGHT).cursor == 3
        assert isinstance(screen.focused, ArticlePane) and screen.focused.side is Side.LEFT


async def test_story_filters_cycle(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        story = app.screen
        assert isinstance(story, StoryScreen)
        every = len(story.listed)
        await pilot.press("f")  # carried by all
        assert all(p.carried == 2 for p in story.listed) and len(story.listed) < every
        await pilot.press("f")  # only in one
        assert all(p.carried == 1 for p in story.listed) and story.listed
        await pilot.press("f")  # conflicting
        assert [p.passages for p in story.listed] == [((2,), (2,)), ((3,), (3,))]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_story_jump_to_a_point_only_the_third_article_tells_changes_the_pair(make_app: AppFactory) -> None:
    app = make_app(3)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("v")
        story = app.screen
        assert isinstance(story, StoryScreen)
        only_c = [index for index, p in enumerate(story.listed) if p.outlets == (2,)]
        shared = next(index for index, p in enumerate(story.listed) if p.carried == 3)
        assert only_c and only_c[-1] == shared + 1  # C's bakery follows the point C tells before it
        for _ in range(only_c[-1]):
            await pilot.press("down")
        await pilot.press("enter")
        assert screen.pair == (0, 2)
        assert screen.pane(Side.RIGHT).cursor == 2
        assert isinstance(screen.focused, ArticlePane) and screen.focused.side is Side.RIGHT


async def test_the_story_view_reopens_with_the_order_and_filter_it_was_left_with(make_app: AppFactory) -> None:
    app = make_app(3)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v", "r", "f", "escape", "v")
        story = app.screen
        assert isinstance(story, StoryScreen)
        assert (story.reading, story.chosen.value) == (1, "carried by all")

"""Pilot tests of the main screen: moving, next/previous of each kind, counterparts, search, boilerplate."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from reader.widgets.article_pane import ArticlePane
from reader.widgets.search_bar import SearchBar
from tests.tui.conftest import AppFactory, MessageLog, settle


def cursors(screen: MainScreen) -> tuple[int | None, int | None]:
    return screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor


async def test_down_and_up_move_the_cursor_and_light_the_counterpart(
    make_app: AppFactory, message_log: MessageLog
) -> None:
    app: ReaderApp = make_app()
    async with app.run_test(size=(120, 40), message_hook=message_log) as pilot:
        screen = await settle(pilot)
        assert cursors(screen)[0] == 0
        message_log.clear()
        await pilot.press("j", "j")
        moved = message_log.of(ArticlePane.CursorMoved)
        assert [m.sentence for m in moved] == [1, 2]  # type: ignore[attr-defined]
        assert screen.pane(Side.LEFT).cursor == 2
        assert screen.pane(Side.RIGHT).lit == frozenset({2})
        await pilot.press("k")
        assert screen.pane(Side.LEFT).cursor == 1
        assert screen.pane(Side.RIGHT).lit == frozenset()  # "By Ana Ruiz" is unique to A
        await pilot.press("down")
        assert screen.pane(Side.LEFT).cursor == 2


async def test_next_and_previous_of_each_kind(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        left = screen.pane(Side.LEFT)
        await pilot.press("n")
        assert left.cursor == 2
        await pilot.press("n", "n")
        assert left.cursor == 4
        await pilot.press("N")
        assert left.cursor == 3
        await pilot.press("u")
        assert left.cursor == 6
        await pilot.press("U")
        assert left.cursor == 1
        await pilot.press("c")
        assert left.cursor == 2
        await pilot.press("c")  # the adjacent conflict is not skipped
        assert left.cursor == 3
        await pilot.press("C")
        assert left.cursor == 2


async def test_enter_jumps_to_a_moved_counterpart_and_levels_it(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot)
        left, right = screen.pane(Side.LEFT), screen.pane(Side.RIGHT)
        right.focus()
        await pilot.pause()
        await pilot.press("j")  # B1 "Engineers found cracks…", matched out of order with A5
        assert right.cursor == 1
        assert screen.view.moved(Side.RIGHT, 1)
        assert left.lit == frozenset({5})
        # The left pane scrolled so that A5 stands on the same screen row as B1.
        assert left.rows.top[5] - round(left.scroll_y) == right.rows.top[1] - round(right.scroll_y)
        await pilot.press("enter")
        assert screen.active is Side.LEFT
        assert screen.focused is left
        assert left.cursor == 5
        assert right.lit == frozenset({1})


async def test_word_diff_opens_for_a_match_only(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("j")  # unique: no word diff on offer
        assert screen.check_action("word_diff", ()) is False
        await pilot.press("j", "w")
        await pilot.pause()
        dialog = pilot.app.screen
        assert type(dialog).__name__ == "WordDiffScreen"
        details = dialog.diff.details  # type: ignore[attr-defined]
        assert [(d.left, d.right) for d in details] == [("7-2", "6-3")]
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_boilerplate_toggle_shows_and_folds(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert 8 not in screen.view.shown(Side.LEFT)
        await pilot.press("b")
        assert screen.view.show_boilerplate
        assert {8, 9} <= set(screen.view.shown(Side.LEFT))
        await pilot.press("b")
        assert 8 not in screen.view.shown(Side.LEFT)


async def test_search_lights_hits_and_enter_walks_them(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert not screen.query(SearchBar), "mounted on the first /, not while the sidebar is built"
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        assert bar.display and screen.focused is bar
        await pilot.press(*"trucks")
        assert len(screen.hits) == 2
        assert screen.pane(Side.LEFT).highlights["search"]
        await pilot.press("enter")
        assert (screen.active, screen.pane(screen.active).cursor) == (Side.LEFT, 4)
        await pilot.press("enter")
        assert (screen.active, screen.pane(screen.active).cursor) == (Side.RIGHT, 5)
        await pilot.press("escape")
        assert not bar.display
        assert screen.focused is screen.pane(Side.RIGHT)
        assert screen.pane(Side.LEFT).highlights["search"] == []


async def test_keys_typed_in_a_burst_after_slash_are_the_query_not_commands(make_app: AppFactory) -> None:
    """Textual hands each key to the widget focused when it is read: a burst ("/Tehran" typed fast, or pasted as
    keys) was read before the search line took the focus, so its letters ran as the pane's commands."""
    from textual import events

    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        for character in "/trucks":  # all queued before any is handled, as a fast typist's keys arrive
            key = "slash" if character == "/" else character
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert screen.focused is bar and bar.value == "trucks"
        assert len(screen.hits) == 2
        await pilot.press("escape")
        await pilot.press("n")  # after the search closes, letters are commands again
        assert screen.focused is not bar and bar.value == ""


async def test_keys_still_on_their_way_from_the_pane_when_the_search_opens_go_into_it(make_app: AppFactory) -> None:
    """The `/` binding runs in the app's queue while the rest of a burst climbs from the pane to the screen: the
    line may open before the last keys get there (seen in tmux: "/Obama" gave "O"). Posting them to the pane
    once the line is open is that order, made certain."""
    from textual import events

    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        left = screen.pane(Side.LEFT)
        for character in "/tr":
            pilot.app.post_message(events.Key("slash" if character == "/" else character, character))
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert screen.focused is bar and bar.value == "tr"
        for character in "ucks":  # read while the pane had the focus, handled after the line took it
            left.post_message(events.Key(character, character))
        await pilot.pause()
        await pilot.pause()
        assert bar.value == "trucks" and screen.focused is bar
        assert len(screen.hits) == 2


async def test_keys_typed_after_the_line_takes_the_focus_add_to_what_came_before(make_app: AppFactory) -> None:
    """The first keys of a burst go into the line before its focus is handled: a line that selected its text on
    focus had the next key replace them (in tmux, the first `/Trump` after a fresh install gave "ump": the line's
    first mount, read from a cold disk, let "Tr" in before the focus)."""
    from textual import events

    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        for character in "/tr":
            pilot.app.post_message(events.Key("slash" if character == "/" else character, character))
        await pilot.pause()
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert screen.focused is bar and bar.value == "tr"
        await pilot.press(*"ucks")  # typed into the line itself, once it has the focus
        assert bar.value == "trucks"
        assert len(screen.hits) == 2


async def test_help_lists_keys_and_legend(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert pilot.app.screen is screen


def test_help_names_every_key_of_the_main_screen() -> None:
    """The help once listed the sidebar tabs as `1 2 3 4` when `5` opened a fifth: every key bound on the main
    screen (Textual's own copy keys aside) is in the help's key column."""
    from textual.binding import Binding
    from textual.screen import Screen

    from reader.screens.help import KEY_TABLE
    from reader.screens.main import MainScreen

    shown = {token for keys, _ in KEY_TABLE for token in keys.split()}
    inherited = {binding.key for binding in Screen.BINDINGS if isinstance(binding, Binding)}
    spelled = {"question_mark": "?", "slash": "/"}
    bound = {
        spelled.get(key, key)
        for cls in MainScreen.__mro__
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and binding.key not in inherited
        for key in binding.key.split(",")
    }
    assert {"5", "?", "/", "m", "ctrl+s"} <= bound
    assert bound - shown == set()


async def test_clicks_move_the_cursor_and_the_minimap_scrolls(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(100, 24)) as pilot:
        screen = await settle(pilot)
        right = screen.pane(Side.RIGHT)
        row = right.rows.top[3]
        await pilot.click("#right-pane", offset=(12, row - round(right.scroll_y)))
        assert screen.active is Side.RIGHT
        assert right.cursor == 3
        left = screen.pane(Side.LEFT)
        await pilot.click("#left-map", offset=(0, 12))
        assert left.scroll_y > 0
        assert right.scroll_y > 0  # the other pane follows


async def test_quit_returns_zero(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0

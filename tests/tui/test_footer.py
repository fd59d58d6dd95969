"""The footer fits its width: the least needed keys are hidden first, q Quit and ? Help always show."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from reader.widgets.footer import FOOTER_RANK, keys_to_hide, rank
from tests.tui.conftest import fixture_app, settle


def test_lowest_ranked_keys_are_hidden_first_until_the_rest_fits() -> None:
    keys = [("counterpart", 7), ("search", 9), ("export", 9), ("help", 7), ("quit", 7)]
    assert keys_to_hide(keys, 100) == set()
    assert keys_to_hide(keys, 30) == {2}  # export goes first
    assert keys_to_hide(keys, 21) == {1, 2}
    assert keys_to_hide(keys, 14) == {0, 1, 2}
    assert rank("app.quit") == rank("quit") == 0
    assert rank("some_new_action") == len(FOOTER_RANK)


def shown_keys(app: object) -> dict[str, FooterKey]:
    screen = app.screen  # type: ignore[attr-defined]
    return {key.description: key for key in screen.query(FooterKey) if key.display and key.description}


async def test_quit_and_help_stay_visible_at_80_columns_and_all_keys_return_when_wide() -> None:
    app = fixture_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = shown_keys(app)
        for name in ("Quit", "Help", "Note", "Match", "Sidebar"):
            assert name in shown and shown[name].region.right <= 80 - 10, name
        assert "Export" not in shown
        await pilot.press("e")  # a hidden key still works
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"
        await pilot.press("escape")
        await pilot.resize_terminal(160, 30)
        for _ in range(5):
            await pilot.pause()
        shown = shown_keys(app)
        assert {"Quit", "Help", "Export", "Open", "Save", "Search", "Diff"} <= set(shown)
        await pilot.resize_terminal(80, 24)
        for _ in range(5):
            await pilot.pause()
        assert "Export" not in shown_keys(app) and "Quit" in shown_keys(app)

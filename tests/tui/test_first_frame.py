"""The first frame is drawn once: nothing is rendered only to be thrown away, and the panes are wrapped once.

Both were measured costs of the first paint (in-app timeline, `bench/startup.py`): a main screen pushed from the
app's mount was rendered inside the batch Textual holds over that mount, and the render was dropped; the Resize
that follows the first frame wrapped and redrew both panes again for the size they had been drawn at.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual._compositor import Compositor
from textual._context import active_app

from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from tests.tui.conftest import AppFactory, settle


@pytest.fixture
def renders_inside_a_batch(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The compositor's renders made while the running app holds a batch (Textual displays none of them)."""
    counted: list[str] = []
    original = Compositor.render_update

    def render_update(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        if active_app.get()._batch_count:
            counted.append(type(active_app.get().screen).__name__)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_update", render_update)
    return counted


async def test_no_frame_is_rendered_inside_the_mount_batch(
    make_app: AppFactory, renders_inside_a_batch: list[int]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert app.screen_stack == [screen]  # the main screen is the first screen, nothing beneath it
    assert renders_inside_a_batch == []


async def test_the_panes_are_wrapped_once_for_the_first_frame_and_again_for_a_new_size(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    relayout, after_first_paint = MainScreen._relayout, MainScreen._after_first_paint

    def counting_relayout(self: MainScreen) -> None:
        events.append("wrap")
        relayout(self)

    def noting_first_paint(self: MainScreen) -> None:
        events.append("painted")
        after_first_paint(self)

    monkeypatch.setattr(MainScreen, "_relayout", counting_relayout)
    monkeypatch.setattr(MainScreen, "_after_first_paint", noting_first_paint)
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.pause()
        assert events[: events.index("painted")] == ["wrap"]
        left = screen.pane(Side.LEFT)
        assert left.laid_out_size.width == left.scrollable_content_region.width
        wide = left.laid_out_size.width
        events.clear()
        await pilot.resize_terminal(150, 40)
        await pilot.pause()
        await pilot.pause()
        assert "wrap" in events
        assert left.laid_out_size.width == left.scrollable_content_region.width > wide
        events.clear()
        await pilot.resize_terminal(150, 30)  # a new height only: the cursor is kept in view
        await pilot.pause()
        await pilot.pause()
        assert "wrap" in events
        assert left.cursor is not None
        span = left.rows.span(left.cursor)
        assert span is not None
        assert left.scroll_y <= span[0] < left.scroll_y + left.scrollable_content_region.height

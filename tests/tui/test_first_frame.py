"""The first frame is drawn once: nothing is rendered only to be thrown away, and the panes are wrapped once.

Both were measured costs of the first paint (in-app timeline, `bench/startup.py`): a main screen pushed from the
app's mount was rendered inside the batch Textual holds over that mount, and the render was dropped; the Resize
that follows the first frame wrapped and redrew both panes again for the size they had been drawn at.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual import events
from textual._compositor import Compositor
from textual._context import active_app
from textual.geometry import Size
from textual.pilot import Pilot
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from reader.app import ReaderApp
from reader.core.records import Article, Comparison, SentenceClass
from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from reader.viewmodel.layout import RowKind
from reader.widgets.article_pane import ArticlePane
from reader.widgets.late_styles import LateStyles, PaneHighlightStyles
from tests.tui.conftest import AppFactory, fixture_app, settle
from tests.tui.fixtures import aligned_comparison, analysed_comparison


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


async def test_nothing_is_laid_out_again_between_the_first_frame_and_the_work_after_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing asks for a layout while the first frame is drawn (the panes wrap inside it) or after it, until the
    work after the first paint starts: not the panes' rows, not their zero-width scrollbars (decided by Textual
    only at its next layout), not the status line. Each was one more frame for the terminal in the time the
    sidebar waits for. Textual's own relayout after its first frame remains (its scrollbar widgets are made then)."""
    phase = ["before the first frame"]
    relaid: list[str] = []
    original_render, original_refresh = Compositor.render_update, Widget.refresh
    after_first_paint = MainScreen._after_first_paint

    def render_update(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        if not active_app.get()._batch_count and phase == ["before the first frame"]:
            phase[0] = "drawing"
            relaid.clear()  # what was asked before the first frame is in it
        return original_render(self, *args, **kwargs)

    def refresh(self: Widget, *args: Any, **kwargs: Any) -> Any:
        if phase != ["after"] and kwargs.get("layout") and not isinstance(self, ScrollBar):
            relaid.append(type(self).__name__)
        return original_refresh(self, *args, **kwargs)

    def stop_counting(self: MainScreen) -> None:
        phase[0] = "after"
        after_first_paint(self)

    monkeypatch.setattr(Compositor, "render_update", render_update)
    monkeypatch.setattr(Widget, "refresh", refresh)
    monkeypatch.setattr(MainScreen, "_after_first_paint", stop_counting)
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert screen.pane(Side.LEFT).show_vertical_scrollbar  # the article is longer than the pane
    assert phase == ["after"]
    assert relaid == [], relaid


async def test_a_resize_to_the_size_the_screen_has_lays_nothing_out(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[Size] = []
    original = Screen._refresh_layout

    def refresh_layout(self: Screen[Any], size: Size | None = None, scroll: bool = False) -> None:
        sizes.append(size or self.size)
        original(self, size, scroll)

    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        monkeypatch.setattr(Screen, "_refresh_layout", refresh_layout)
        screen._screen_resized(Size(120, 40))
        assert sizes == []
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        await pilot.pause()
        assert Size(130, 40) in sizes
        assert screen.pane(Side.LEFT).laid_out_size.width == screen.pane(Side.LEFT).scrollable_content_region.width


async def test_the_first_resume_keeps_the_styles_the_screen_mounted_with_and_a_later_one_refreshes_them(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[str] = []
    update_node_styles = Widget.update_node_styles

    def noting(self: Widget, animate: bool = True) -> None:
        refreshed.append(type(self).__name__)
        update_node_styles(self, animate)

    monkeypatch.setattr(Widget, "update_node_styles", noting)
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert "MainScreen" not in refreshed
        screen.post_message(events.ScreenResume())
        await pilot.pause()
        assert "MainScreen" in refreshed


async def test_the_dialogs_stylesheet_is_read_with_the_first_dialog_not_with_the_first_frame(
    make_app: AppFactory,
) -> None:
    from reader.stylesheets import LATER_STYLESHEETS, stylesheet

    dialogs = str(stylesheet(LATER_STYLESHEETS[0]).absolute())
    async with make_app().run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not pilot.app.stylesheet.has_source(dialogs)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "HelpScreen"
        assert pilot.app.stylesheet.has_source(dialogs)
        body = pilot.app.screen.query_one("#help-body")
        assert body.styles.max_width is not None and body.styles.max_width.value == 110  # a dialogs.tcss rule


async def test_the_sidebar_stylesheet_is_read_as_the_sidebar_mounts_not_with_the_first_frame(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.stylesheets import SIDEBAR_STYLESHEETS, stylesheet

    rules = str(stylesheet(SIDEBAR_STYLESHEETS[0]).absolute())
    read_before_the_sidebar: list[bool] = []
    original = MainScreen._mount_extras

    def noting(screen: MainScreen) -> None:
        read_before_the_sidebar.append(screen.app.stylesheet.has_source(rules))
        original(screen)

    monkeypatch.setattr(MainScreen, "_mount_extras", noting)
    async with make_app().run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert read_before_the_sidebar == [False]
        assert pilot.app.stylesheet.has_source(rules)
        notes = pilot.app.screen.query_one("#notes-list")
        assert notes.styles.text_overflow == "ellipsis" and notes.styles.padding.top == 0  # sidebar.tcss rules
        actor_filter = pilot.app.screen.query_one("#actor-filter")
        assert actor_filter.styles.height is not None and actor_filter.styles.height.value == 3


async def test_the_grace_after_the_first_frame_counts_from_that_frame(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The timer that starts the work after the first paint is set once one frame is drawn: not before it (the work
    would hold the frame back), and not after the frames Textual draws next (its relayout and its repaint at
    resume, which came ~30 ms later and delayed the sidebar by as much)."""
    frames: list[str] = []
    frames_when_set: list[int] = []
    original_render, original_set_timer = Compositor.render_update, MainScreen.set_timer

    def render_update(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        if not active_app.get()._batch_count:
            frames.append("frame")
        return original_render(self, *args, **kwargs)

    def set_timer(self: MainScreen, delay: float, callback: Any = None, **kwargs: Any) -> Any:
        if getattr(callback, "__name__", "") == "_after_first_paint":
            frames_when_set.append(len(frames))
        return original_set_timer(self, delay, callback, **kwargs)

    monkeypatch.setattr(Compositor, "render_update", render_update)
    monkeypatch.setattr(MainScreen, "set_timer", set_timer)
    async with make_app().run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(frames) > 1  # Textual drew more frames after the first one
    assert frames_when_set == [1]


LAYOUT_ONLY = ("#body", "#right-column", ".pane-row", "#footer-slot")
"""The containers reader.tcss keeps from being drawn: their children cover them (see the rule's comment)."""

DRAWN_FROM_THE_FIRST_FRAME = ("#status", ".pane-header", "ArticlePane", "Minimap", "#left-column", "#sidebar-slot")


def _shown(node: Widget) -> bool:
    """Displayed, as are all its ancestors up to the screen."""
    return all(ancestor.display for ancestor in node.ancestors_with_self if isinstance(ancestor, Widget))


@pytest.mark.parametrize(("size", "keys"), [((160, 48), ()), ((80, 24), ("s",))])
async def test_layout_containers_are_not_drawn_and_every_widget_inside_them_is(
    make_app: AppFactory, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    """Hidden is inherited in Textual: a widget mounted into a layout-only container and not made visible again
    would be laid out and never drawn. Wide, and narrow with the sidebar in place of the right pane."""
    async with make_app().run_test(size=size) as pilot:
        screen = await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        drawn = set(screen._compositor.visible_widgets)
        layout_only = {node for selector in LAYOUT_ONLY for node in screen.query(selector)}
        assert len(layout_only) == 5
        assert not layout_only & drawn
        expected = [node for selector in DRAWN_FROM_THE_FIRST_FRAME for node in screen.query(selector) if _shown(node)]
        assert len(expected) >= 6
        assert all(node in drawn for node in expected)
        textual_hidden = ("ToastRack", "ToastHolder")
        undrawn = [
            f"{type(node).__name__}#{node.id}"
            for node in screen.walk_children()
            if _shown(node)
            and not node.visible
            and node not in layout_only
            and type(node).__name__ not in textual_hidden
        ]
        assert undrawn == []
        assert screen.query_one("ReaderFooter").visible and screen.query_one("Sidebar").visible


def _holders(screen: MainScreen) -> list[LateStyles]:
    return [
        holder
        for side in (Side.LEFT, Side.RIGHT)
        for owner in (screen.pane(side), screen.minimap(side))
        for holder in owner.query_children(LateStyles)
    ]


def _draws_a_verbatim_tint(pane: ArticlePane) -> bool:
    """A verbatim sentence in view is drawn on the verbatim tint (from highlights.tcss), not on the plain pane."""
    holders = pane.query_children(PaneHighlightStyles)
    if not holders:
        return False
    tint = holders.first().style_of("article-pane--verbatim").bgcolor
    assert tint is not None and tint != pane.rich_style.bgcolor
    assert pane.view is not None
    for y in range(pane.size.height):
        row = pane.sentence_at(int(pane.scroll_y) + y)
        if row is None or row.sentence is None:
            continue
        if pane.view.sentence_class(pane.side, row.sentence) is SentenceClass.VERBATIM:
            return any(segment.style is not None and segment.style.bgcolor == tint for segment in pane.render_line(y))
    raise AssertionError("no verbatim sentence in view")


async def test_a_fresh_start_styles_the_alignment_after_the_first_frame_and_then_draws_it(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame of a fresh start has no alignment: the alignment's classes are neither parsed nor styled
    for it (reader.widgets.late_styles); they are in, hidden, when the alignment is drawn."""
    from reader.stylesheets import HIGHLIGHT_STYLESHEETS, stylesheet

    rules = str(stylesheet(HIGHLIGHT_STYLESHEETS[0]).absolute())
    at_first_paint: list[tuple[int, bool]] = []
    after_first_paint = MainScreen._after_first_paint

    def noting(screen: MainScreen) -> None:
        at_first_paint.append((len(_holders(screen)), screen.app.stylesheet.has_source(rules)))
        after_first_paint(screen)
        # nor with the work after it: they mount as the alignment is drawn (a mount re-lays its parent out,
        # which with the sidebar's frames was a repaint of both panes for nothing)
        at_first_paint.append((len(_holders(screen)), screen.app.stylesheet.has_source(rules)))

    monkeypatch.setattr(MainScreen, "_after_first_paint", noting)
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert at_first_paint == [(0, False), (0, False)]
        assert len(_holders(screen)) == 4 and not any(holder.display for holder in _holders(screen))
        assert _draws_a_verbatim_tint(screen.pane(Side.LEFT)) and _draws_a_verbatim_tint(screen.pane(Side.RIGHT))


async def test_a_reopened_comparison_draws_its_alignment_in_the_first_frame(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A saved comparison comes with its alignment: its first frame is drawn with the tints, not plain and then
    tinted."""
    articles = make_app().articles
    app = ReaderApp(articles, comparison=aligned_comparison(articles), analyser=analysed_comparison)
    app.theme = "textual-dark"
    tinted_in_the_first_frame: list[bool] = []
    original_render = Compositor.render_update

    def render_update(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        rendered = original_render(self, *args, **kwargs)  # the panes take their rows as the frame draws them
        screen = active_app.get().screen
        if not active_app.get()._batch_count and not tinted_in_the_first_frame and isinstance(screen, MainScreen):
            tinted_in_the_first_frame.extend(_draws_a_verbatim_tint(screen.pane(side)) for side in Side)
        return rendered

    monkeypatch.setattr(Compositor, "render_update", render_update)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    assert tinted_in_the_first_frame == [True, True]


async def test_the_alignment_tints_follow_a_theme_chosen_while_the_app_runs(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        left = screen.pane(Side.LEFT)
        holder = left.query_children(PaneHighlightStyles).first()
        dark = holder.style_of("article-pane--verbatim").bgcolor
        pilot.app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = holder.style_of("article-pane--verbatim").bgcolor
        assert light is not None and light != dark
        assert _draws_a_verbatim_tint(left)  # drawn with the light tint (the dark one is no longer it)


@asynccontextmanager
async def _before_the_alignment() -> AsyncIterator[tuple[Pilot[int], MainScreen]]:
    """The app at 120×40 with its first frame drawn and the alignment held back until the block ends."""
    release = threading.Event()

    def slow_align(articles: Sequence[Article]) -> Comparison:
        release.wait(10)
        return aligned_comparison(articles)

    async with fixture_app(aligner=slow_align).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen) and not screen.view.aligned
        try:
            yield pilot, screen
        finally:
            release.set()
            await settle(pilot)


async def test_a_search_before_the_alignment_mounts_the_styles_its_hits_are_drawn_with() -> None:
    """The holders mount when a pane is first handed something they style: here a search's hits, typed while the
    alignment is still on its way (nothing else is tinted yet)."""
    async with _before_the_alignment() as (pilot, screen):
        left = screen.pane(Side.LEFT)
        assert not left.query_children(PaneHighlightStyles)
        await pilot.press("slash", *"trucks")
        await pilot.pause()
        holders = left.query_children(PaneHighlightStyles)
        assert holders and not screen.view.aligned
        hit = holders.first().style_of("article-pane--search").bgcolor
        (start, _end), *_ = left.highlights["search"]
        row = next(i for i, r in enumerate(left.rows.rows) if r.sentence is not None and r.start <= start < r.end)
        left.scroll_to(y=row, animate=False, immediate=True)
        await pilot.pause()
        drawn = left.render_line(row - round(left.scroll_y))
        assert any(segment.style is not None and segment.style.bgcolor == hit for segment in drawn)


async def test_a_row_of_the_first_frame_is_sent_as_two_segments_its_gutter_and_its_text() -> None:
    """Neighbouring pieces of one style are one segment, and a blank gutter cell takes the gutter's style: each
    segment costs the terminal its own escape sequences, and a row was up to seven (the first frame of the seeds
    went from 22.4 to 17.5 KB on a pty)."""
    async with _before_the_alignment() as (_pilot, screen):
        right = screen.pane(Side.RIGHT)
        right.set_state(active=False)
        text_rows = [
            y
            for y in range(right.size.height)
            if (row := right.sentence_at(y)) is not None
            and row.kind is RowKind.TEXT
            and row.sentence is not None
            and row.sentence != right.cursor
        ]
        assert len(text_rows) > 10
        for y in text_rows:
            assert len(list(right.render_line(y))) == 2, y


async def test_what_was_drawn_plainly_before_the_holder_mounted_is_drawn_again_once_it_has() -> None:
    from rich.style import Style

    async with _before_the_alignment() as (pilot, screen):
        left, right = screen.pane(Side.LEFT), screen.pane(Side.RIGHT)
        redrawn: list[str] = []
        left.redraw = lambda: redrawn.append("left")  # type: ignore[method-assign]
        right.redraw = lambda: redrawn.append("right")  # type: ignore[method-assign]
        assert left._drawn("article-pane--verbatim") == Style()  # no holder yet: plain
        left.style_highlights()
        right.style_highlights()  # the right pane drew nothing late: nothing to draw again
        await pilot.pause()
        await pilot.pause()
        assert redrawn == ["left"]
        assert left._drawn("article-pane--verbatim").bgcolor is not None

"""Pilot tests of the Conflicts tab and c/C: the list, Enter on an entry, walking it, another pair's entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.core.records import Article, Comparison, Conflict, DetailKind
from reader.screens.main import MainScreen
from reader.viewmodel.bands import Side
from reader.widgets.conflict_list import ConflictList
from tests.tui.conftest import AppFactory, MessageLog, fixture_app, settle
from tests.tui.fixtures import aligned_comparison, span


def highlighted(screen: MainScreen, side: Side) -> list[str]:
    pane = screen.pane(side)
    text = screen.view.article(side).text
    return [text[start:end] for start, end in pane.highlights.get("mention", [])]


async def test_the_tab_lists_the_pairs_conflicts_and_enter_jumps_both_panes(
    make_app: AppFactory, message_log: MessageLog
) -> None:
    async with make_app().run_test(size=(140, 40), message_hook=message_log) as pilot:
        screen = await settle(pilot)
        await pilot.press("5")
        conflicts = screen.query_one(ConflictList)
        assert screen.focused is conflicts
        assert [(r.slot, r.values[0].text, r.values[1].text) for r in conflicts.rows] == [
            ("number", "7-2", "6-3"),
            ("date", "March", "April"),
        ]
        await pilot.press("down", "enter")
        assert [m.row.key for m in message_log.of(ConflictList.Selected)] == [conflicts.rows[1].key]  # type: ignore[attr-defined]
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 3)
        assert highlighted(screen, Side.LEFT) == ["March"]
        assert highlighted(screen, Side.RIGHT) == ["April"]


async def test_c_and_shift_c_walk_the_same_list_and_highlight_its_entry(make_app: AppFactory) -> None:
    async with make_app().run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        conflicts = screen.query_one(ConflictList)
        await pilot.press("c")
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (2, 2)
        assert highlighted(screen, Side.RIGHT) == ["6-3"]
        assert conflicts.highlighted_key == conflicts.rows[0].key
        await pilot.press("c")
        assert screen.pane(Side.LEFT).cursor == 3
        assert conflicts.highlighted_key == conflicts.rows[1].key
        await pilot.press("c")  # none after the last: the cursor stays
        assert screen.pane(Side.LEFT).cursor == 3
        await pilot.press("C")
        assert screen.pane(Side.LEFT).cursor == 2
        assert conflicts.highlighted_key == conflicts.rows[0].key


def _with_conflict_in_other_pair(articles: Sequence[Article]) -> Comparison:
    """The fixture comparison with one conflict between B and C (a pair the panes do not show at first)."""
    comparison = aligned_comparison(articles)
    b, c = articles[1], articles[2]
    since_b = span(b, "Bridge", 0) if "Bridge" in b.sentences[0].text else span(b, b.sentences[0].text.split()[0], 0)
    conflict = Conflict(1, 2, 0, 1, DetailKind.DATE, "year", since_b, span(c, "2021", 1), linked=False)
    return replace(comparison, conflicts=(conflict,))


async def test_an_entry_of_another_pair_switches_the_panes_to_that_pair() -> None:
    app = fixture_app(3, aligner=_with_conflict_in_other_pair)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("5")
        conflicts = screen.query_one(ConflictList)
        other = [row for row in conflicts.rows if not row.in_pair]
        assert [(row.labels, row.values[1].text) for row in other] == [(("B", "C"), "2021")]
        conflicts.select_key(other[0].key)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.pair == (1, 2)
        assert screen.pane(Side.RIGHT).cursor == 1
        assert highlighted(screen, Side.RIGHT) == ["2021"]

"""The story view laid out for a width (every line exactly as wide as the screen gives it), and where Enter leads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.headlines import openings
from reader.core.story import StoryPoint, story_points
from reader.viewmodel.story_rows import (
    GUTTER,
    STORY_LINES,
    column_width,
    jump_target,
    opening_lines,
    pair_for,
    story_entry,
    story_heading,
)
from tests.tui.fixtures import aligned_comparison, fixture_articles


@given(width=st.integers(20, 240), count=st.sampled_from([2, 3]))
def test_every_entry_line_fits_the_width(width: int, count: int) -> None:
    comparison = aligned_comparison(fixture_articles(count))
    for point in story_points(comparison):
        entry = story_entry(point, comparison.articles, width)
        assert len(entry.gutter) == GUTTER
        assert 1 <= len(entry.lines) <= STORY_LINES
        column = column_width(count, width)
        for cells in entry.lines:
            assert [cell_len(cell) for cell in cells] == [column] * count
        assert cell_len(story_heading(comparison.articles, width)) <= GUTTER + count * column + count - 1


def test_an_outlet_that_does_not_tell_the_point_shows_a_dash() -> None:
    comparison = aligned_comparison(fixture_articles(3))
    bakery = next(p for p in story_points(comparison) if p.passages == ((), (), (2,)))
    entry = story_entry(bakery, comparison.articles, 120)
    assert entry.gutter.startswith("1/3")
    assert entry.lines[0][0].strip() == "—" and entry.lines[0][1].strip() == "—"
    assert entry.lines[0][2].startswith("A local bakery")


def test_enter_leads_to_the_reading_article_when_it_tells_the_point_else_the_first_outlet() -> None:
    point = StoryPoint(((), (4,), (1,)), conflicting=False, headline=False)
    assert jump_target(point, 0) == (1, 4)
    assert jump_target(point, 2) == (2, 1)
    assert pair_for(point, 2, (0, 1), 3) == ((1, 2), False)  # beside B, which tells it too
    assert pair_for(point, 1, (0, 1), 3) == ((0, 1), False)  # the current pair holds B: it stays
    alone = StoryPoint(((), (), (2,)), conflicting=False, headline=False)
    assert pair_for(alone, 2, (0, 1), 3) == ((0, 2), False)


def test_headlines_show_the_words_only_they_use_as_marked_pieces() -> None:
    articles = fixture_articles(3)
    lines = opening_lines(openings(articles), articles, 120)
    assert [line.label for line in lines] == ["A", "", "B", "", "C", ""]
    marked_c = [text for text, marked in lines[4].pieces if marked]
    assert marked_c == ["vote", "passes"]
    assert "".join(text for text, _ in lines[4].pieces) == "Bridge vote passes"


def test_column_headings_name_every_outlet_the_same_way() -> None:
    from dataclasses import replace

    from reader.core.records import ArticleMeta

    first, second = fixture_articles(2)
    with_outlet = replace(first, path="/news/fox.txt", meta=ArticleMeta(outlet="Fox News"))
    without = replace(second, path="/news/nyt.txt", meta=ArticleMeta())
    mixed = story_heading((with_outlet, without), 120)
    assert "A fox.txt" in mixed and "B nyt.txt" in mixed and "Fox News" not in mixed
    both = story_heading((with_outlet, replace(without, meta=ArticleMeta(outlet="The New York Times"))), 120)
    assert "A Fox News" in both and "B The New York Times" in both

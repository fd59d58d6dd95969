"""Boilerplate rules, tested on pages written for these tests (the seeds are covered in test_loading)."""

from __future__ import annotations

import pytest

from reader.core.load.boilerplate import (
    is_engagement_widget,
    is_navigation_label,
    is_short_label,
    mark_boilerplate,
    opens_story_list,
)
from reader.core.load.lineshape import is_title_like, normalise, unglue


@pytest.mark.parametrize(
    "line",
    [
        "Home",
        "World News",
        "Related Stories",
        "Read More",
        "Trending Now",  # "now" is not navigation vocabulary...
        "Top StoriesWorld",
        "Home › World › Middle East",
        "Most Popular",
        "Sign Up",
        "More on Politics",
        "Next Post",
        "Advertisement",
    ],
)
def test_navigation_labels(line: str) -> None:
    expected = line != "Trending Now"  # ...so that line is not a pure navigation label
    assert is_navigation_label(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Ceasefire talks resume in Cairo",
        "The minister resigned on Friday.",
        "Business leaders meet in Davos to discuss the world economy and trade",
        "",
    ],
)
def test_headlines_and_prose_are_not_navigation(line: str) -> None:
    assert not is_navigation_label(line)


@pytest.mark.parametrize(
    "line",
    [
        "Was this story helpful?",
        "Click on the stars to rate this post",
        "Rating: 4.5 (12 votes)",
        "Be the first to comment.",
        "Share on Facebook",
        "Share this article",
        "Sign up for our morning newsletter",
        "© 2025 Example Media Group. All rights reserved.",
        "Copyright Example Times",
        "We use cookies to improve your experience.",
        "Leave a comment",
        "Thanks for your feedback!",
    ],
)
def test_engagement_widgets(line: str) -> None:
    assert is_engagement_widget(line)


def test_prose_that_mentions_widget_words_is_not_a_widget() -> None:
    prose = (
        "Readers who subscribe to the paper's print edition were told on Monday that the price would rise by "
        "ten percent next year, the company said in a statement."
    )
    assert not is_engagement_widget(prose)
    assert not is_engagement_widget("The minister said she would rate the plan later.")


def test_story_list_openers() -> None:
    assert opens_story_list("Previous Post")
    assert opens_story_list("Related Coverage")
    assert not opens_story_list("World")


def test_short_labels_and_title_shape() -> None:
    assert is_short_label("Background")
    assert not is_short_label("Talks Resume")
    assert not is_short_label("Talks collapse in Geneva")
    assert is_title_like("Talks collapse in Geneva, officials say")
    assert not is_title_like("Talks collapsed.")
    assert not is_title_like("The talks, which began in the")
    assert not is_title_like("Officials said that")


def test_unglue_and_normalise() -> None:
    assert unglue("Top StoriesWorld") == "Top Stories World"
    assert unglue("Latest NewsUK") == "Latest News UK"
    assert unglue("McDonald iPhone") == "McDonald iPhone"
    assert normalise("  Talks  Collapse — in GENEVA! ") == "talks collapse in geneva"


PAGE = [
    "Sections",  # 0 short label
    "Ministers Agree Budget Deal After Marathon Talks",  # 1 headline
    "Ministers agreed a budget deal on Friday after talks lasting twenty hours, officials said.",  # 2 prose
    "Ministers Agree Budget Deal After Marathon Talks",  # 3 repeated headline: divider
    "Summary",  # 4 short label
    "Spending on schools rises by four percent.",  # 5 bullet
    "The deficit target is unchanged.",  # 6 bullet
    "The finance minister called the agreement a fair compromise for all regions of the country.",  # 7 prose
    "Related Coverage",  # 8 story-list opener
    "Opposition Vows to Fight Budget in Parliament",  # 9 teaser
    "Markets Rally as Budget Deal Nears",  # 10 teaser
    "Was this article helpful?",  # 11 widget
    "Share on Facebook",  # 12 widget
    "Weather Forecast for the Weekend",  # 13 tail title
    "By Anna Berg",  # 14 byline (protected)
]


def test_mark_boilerplate_on_a_written_page() -> None:
    marked = mark_boilerplate(PAGE, bullets={5, 6}, headline=1, protected={14})
    assert sorted(marked) == [0, 3, 4, 8, 9, 10, 11, 12, 13]


def test_teasers_end_where_prose_resumes() -> None:
    page = [
        "Budget Deal Agreed",
        "Read Also",
        "Another Story Title Here",
        "The budget deal was agreed late on Friday after long talks between the parties.",
        "Schools Get More Money",
        "Schools will receive more money under the deal, which also raises pensions slightly.",
    ]
    marked = mark_boilerplate(page, headline=0)
    assert marked == {1, 2}  # the subheading after prose resumed stays content


def test_repeated_title_lines_are_dividers_but_prose_repeats_are_not() -> None:
    page = ["Section Divider Title Text", "Same prose sentence here again.", "Section Divider Title Text"]
    page.append("Same prose sentence here again.")
    assert mark_boilerplate(page, headline=None) == {0, 2}


def test_symbol_only_lines_are_boilerplate() -> None:
    assert mark_boilerplate(["***", "A real sentence of the article body.", "—"]) == {0, 2}


def test_empty_input() -> None:
    assert mark_boilerplate([]) == set()

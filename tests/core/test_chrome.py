"""Web chrome by its shape, in text copied from a browser; the publication date it gives; and the issue-8 rule
that a last line without a full stop or a short subheading is not chrome by that alone."""

from __future__ import annotations

import pytest

from reader.core.load.chrome import date_in, is_web_chrome, publication_date, without_trailing_stamp
from reader.core.load.inputs import article_from_text
from reader.core.records import Article, BlockKind


@pytest.mark.parametrize(
    "line",
    [
        "Home › Politics › Elections",
        "Home / World / Europe",
        "News » Local » Harbour",
        "Facebook Twitter Email Print",
        "All sharing options",
        "Share this story",
        "Tweet",
        "Published March 25, 2014",
        "Published 1 day ago",
        "Updated Nov 19, 2019, 7:53pm EST",
        "Updated: Dec. 3, 2019 at 10:05 a.m.",
        "5 hours ago",
        "Nov 19, 2019, 7:53pm EST",
        "Image 1 of 5",
        "Photo 3/12",
        "New, 15 comments",
        "15 Comments",
        "Filed under:",
        "Category: Press Releases",
        "Tags: harbour, bridge",
        "(Credit: Jane Doe / Coastwire)",
        "Photo: Coastwire",
        "Read more: Ferry firm cuts jobs as bridge returns",
        "Related: Council approves budget",
        "Sign up for our newsletter",
        "Coastwire Morning Newsletter",
        "Never miss the latest news by signing up to our alerts",
        "Follow Coastwire on Twitter and Instagram @coastwire",
        "Download the Coastwire app for breaking news",
    ],
)
def test_chrome_shapes(line: str) -> None:
    assert is_web_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter, published by the group, claimed victory.",
        "Fans can follow him on Twitter for updates.",
        "Facebook said it would comply with the ruling.",
        "Share prices fell sharply on Monday.",
        "Published in 2019, the report found flaws in the design.",
        "More than 200 people came to the opening.",
        "Home of the brave",
        "Talks Collapse In Geneva",
        "Reporting by Jane Doe; editing by John Roe",
        "He said he had signed up to fight in 2014 and never looked back.",
        "",
    ],
)
def test_story_lines_are_not_chrome(line: str) -> None:
    assert not is_web_chrome(line)


def test_dates_read_as_iso() -> None:
    assert publication_date("Published March 25, 2014") == "2014-03-25"
    assert publication_date("Updated 7:53 PM ET, Tue November 19, 2019") == "2019-11-19"
    assert publication_date("Posted on 25 March 2014") == "2014-03-25"
    assert publication_date("Published 1 day ago") is None  # no calendar date to give
    assert publication_date("March 25, 2014") is None  # no "Published": the caller decides
    assert date_in("WASHINGTON, Nov. 19, 2019") == "2019-11-19"
    assert date_in("on 2019-13-01") is None  # no 13th month
    assert date_in("in March 2014") is None
    assert without_trailing_stamp("Jane Doe Nov 19, 2019, 7:53pm EST") == "Jane Doe"


def kinds(article: Article) -> list[tuple[BlockKind, str]]:
    return [(s.kind, s.text) for s in article.sentences]


COPIED = """Home › Politics › Elections

Council Approves Harbour Budget

By Ann Lee

Published March 25, 2014

Facebook Twitter Email Print

The council approved the harbour budget on Tuesday after a long debate, officials said.

Image 1 of 5

Members argued for an hour about the cost of the new ferry pier.

New, 15 comments
"""


def test_text_copied_from_a_browser() -> None:
    article = article_from_text(COPIED)
    assert kinds(article) == [
        (BlockKind.BOILERPLATE, "Home › Politics › Elections"),
        (BlockKind.HEADLINE, "Council Approves Harbour Budget"),
        (BlockKind.BYLINE, "By Ann Lee"),
        (BlockKind.BOILERPLATE, "Published March 25, 2014"),
        (BlockKind.BOILERPLATE, "Facebook Twitter Email Print"),
        (
            BlockKind.PARAGRAPH,
            "The council approved the harbour budget on Tuesday after a long debate, officials said.",
        ),
        (BlockKind.BOILERPLATE, "Image 1 of 5"),
        (BlockKind.PARAGRAPH, "Members argued for an hour about the cost of the new ferry pier."),
        (BlockKind.BOILERPLATE, "New, 15 comments"),
    ]
    assert article.meta.published == "2014-03-25"
    assert (article.meta.author, article.meta.headline) == ("Ann Lee", "Council Approves Harbour Budget")


def test_a_date_only_line_or_a_dated_dateline_gives_the_publication_date() -> None:
    assert article_from_text("Storm Hits\n\nMarch 25, 2014\n\nThe storm hit the coast.").meta.published == "2014-03-25"
    dated = article_from_text("Storm Hits\n\nWASHINGTON, Nov. 19, 2019 — The storm hit the coast on Tuesday.")
    assert (dated.meta.published, dated.meta.dateline) == ("2019-11-19", "WASHINGTON")
    assert article_from_text("Storm Hits\n\nThe storm hit the coast on Tuesday.").meta.published is None


# -- issue 8 item 4 -----------------------------------------------------------------------------------------------


def test_a_last_line_without_a_full_stop_is_story() -> None:
    text = (
        "Talks Resume In Geneva\n\nThe talks resumed on Monday after a week of delays, officials said.\n\n"
        "Both sides said they hoped for a deal by Friday"
    )
    last = (BlockKind.PARAGRAPH, "Both sides said they hoped for a deal by Friday")
    assert kinds(article_from_text(text))[-1] == last


def test_a_one_word_subheading_above_prose_is_story() -> None:
    text = (
        "Talks Resume In Geneva\n\nThe talks resumed on Monday after a week of delays, officials said.\n\n"
        "Background\n\nThe talks began in 2023 and stalled twice over the border question."
    )
    assert (BlockKind.HEADLINE, "Background") in kinds(article_from_text(text))


def test_a_column_of_links_after_the_story_is_still_chrome() -> None:
    text = (
        "Talks Resume In Geneva\n\nThe talks resumed on Monday after a week of delays, officials said.\n\n"
        "Ferry Firm Cuts Jobs\n\nCouncil Approves Budget"
    )
    assert [kind for kind, _ in kinds(article_from_text(text))][-2:] == [BlockKind.BOILERPLATE] * 2


def test_the_title_given_twice_at_the_top_is_not_chrome() -> None:
    text = "Schumer Bashed Over Deal\n\nSchumer Bashed Over Deal\n\nSenate Democrats voted on Monday to end it."
    assert [kind for kind, _ in kinds(article_from_text(text))] == [
        BlockKind.HEADLINE,
        BlockKind.HEADLINE,
        BlockKind.PARAGRAPH,
    ]

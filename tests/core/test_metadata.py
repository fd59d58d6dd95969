"""Headline, byline, slash chain, dateline and dates, on texts written for these tests."""

from __future__ import annotations

import pytest

from reader.core.load.metadata import (
    find_dates,
    find_headline,
    is_name,
    looks_like_outlet,
    parse_byline,
    parse_dateline,
    parse_slash_chain,
)


def test_headline_is_the_first_title_like_line_near_the_top() -> None:
    texts = ["Breaking News", "Flood Waters Rise Across the Valley", "Rivers burst their banks on Sunday."]
    assert find_headline(texts) == 1


def test_headline_prefers_a_line_the_text_repeats() -> None:
    texts = [
        "Short Teaser Line Here",
        "Storm Hits Coast as Thousands Evacuate",
        "Storm Hits Coast as Thousands Evacuate",
        "Heavy rain fell overnight.",
    ]
    assert find_headline(texts) == 1


def test_headline_from_a_page_hint_ignores_the_site_suffix() -> None:
    texts = ["Menu", "Storm Hits Coast", "Heavy rain fell overnight across the region."]
    assert find_headline(texts, hint="Storm Hits Coast | The Daily Example") == 1


def test_no_headline_in_plain_prose_or_when_it_is_a_bullet() -> None:
    assert find_headline(["The first sentence ends here.", "So does the second."]) is None
    assert find_headline(["A bullet point title"], bullets=[0]) is None
    assert find_headline([]) is None


def test_headline_is_never_a_byline() -> None:
    assert find_headline(["By Anna Berg", "Ministers agree a new budget"]) == 1


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Vugar Khalilov", "Vugar Khalilov", None),
        ("By J. R. Hartley", "J. R. Hartley", None),
        ("By Anna Berg and Tom Lind", "Anna Berg, Tom Lind", None),
        ("By Anna Berg | Northern Herald", "Anna Berg", "Northern Herald"),
        ("Written by Maria de la Cruz", "Maria de la Cruz", None),
        ("Reporting by Tom Lind; Editing by Sue Park", "Tom Lind", None),
        ("Author: Karl Ove Smith", "Karl Ove Smith", None),
        ("By AFP", None, "AFP"),
        ("By Anna Berg in Kyiv", "Anna Berg", None),
        ("By Anna Berg, Tom Lind and Sue Park", "Anna Berg, Tom Lind, Sue Park", None),
        ("By Anna Berg for Coastwire", "Anna Berg", "Coastwire"),
    ],
)
def test_bylines(line: str, author: str | None, outlet: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.author, byline.outlet) == (author, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the talks had ended.",
        "By the end of the week the ceasefire held.",
        "Bystanders watched the parade",
        "The report was written by officials.",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_names_and_outlets() -> None:
    assert is_name("J. Mansour")
    assert is_name("Vugar Khalilov")
    assert not is_name("WASHINGTON")
    assert not is_name("Morning Edition")
    assert not is_name("Monday Morning")
    assert looks_like_outlet("Northern Herald")
    assert looks_like_outlet("Examplenews")
    assert looks_like_outlet("example.com")
    assert not looks_like_outlet("the talks were held in Geneva on Monday")


def test_slash_chain_fields_get_roles_by_their_shape() -> None:
    text = "Harbour Bridge Reopens After Repairs/ Coastwire/ SYDNEY/ P. Okafor/ Evening Edition/ The bridge reopened."
    chain = parse_slash_chain(text, headline="Harbour Bridge Reopens After Repairs")
    assert chain is not None
    assert chain.headline == "Harbour Bridge Reopens After Repairs"
    assert (chain.outlet, chain.dateline, chain.author, chain.edition) == (
        "Coastwire",
        "SYDNEY",
        "P. Okafor",
        "Evening Edition",
    )
    assert text[: chain.prefix_end].endswith("Evening Edition/")
    assert text[chain.prefix_end :].strip() == "The bridge reopened."


def test_slash_chain_without_headline_field() -> None:
    chain = parse_slash_chain("Coastwire/ NEW DELHI/ Asha Rao/ Prices rose sharply in May.")
    assert chain is not None
    assert (chain.headline, chain.outlet, chain.dateline, chain.author) == (None, "Coastwire", "NEW DELHI", "Asha Rao")


@pytest.mark.parametrize(
    "text",
    [
        "Sales grew 24/7 and/or faster.",
        "He said the deal/ agreement was fine.",
        "A plain sentence without slashes.",
        "",
    ],
)
def test_text_without_a_slash_chain(text: str) -> None:
    assert parse_slash_chain(text) is None


def test_wire_datelines() -> None:
    assert parse_dateline("WASHINGTON (AP) — The Senate voted.") == ("WASHINGTON", "AP")
    assert parse_dateline("LONDON, Dec 29 (Reuters) - Prices fell.") == ("LONDON", "Reuters")
    assert parse_dateline("TEL AVIV — Sirens sounded.") == ("TEL AVIV", None)
    assert parse_dateline("The Senate voted — narrowly.") is None
    assert parse_dateline("US — a short line") is None


def test_dates_as_written_in_order_without_repeats() -> None:
    texts = [
        "The talks on December 29 followed the June 2025 war; a summit on Jan. 23, 2026 is planned.",
        "On Monday officials met, and again on 3 March. In September, and on 2025-12-29, they spoke.",
        "They spoke on Monday again. Plans may change in May.",
    ]
    assert find_dates(texts) == (
        "December 29",
        "June 2025",
        "Jan. 23, 2026",
        "Monday",
        "3 March",
        "September",
        "2025-12-29",
    )

"""Conflicts in the exports: the Markdown and HTML sections and the JSON record carry every conflict."""

from __future__ import annotations

import json

from reader.core.pipeline import align_articles
from reader.core.records import Comparison
from reader.export import render
from tests.core.test_conflicts import VOTE_A, VOTE_B, articles


def _comparison() -> Comparison:
    return align_articles(articles([VOTE_A], [VOTE_B]))


def test_markdown_lists_each_conflict_with_its_slot_values_and_lines() -> None:
    text = render("md", _comparison())
    section = text.split("## Conflicts (1)", 1)[1].split("##", 1)[0]
    assert "**date** — day: “Tuesday” (A, line 7) vs “Wednesday” (B, line 7)" in section


def test_markdown_without_conflicts_says_so() -> None:
    same = align_articles(articles([VOTE_A], [VOTE_A]))
    assert "## Conflicts (0)\n\nNo conflicting details found." in render("md", same)


def test_html_section_links_both_passages_of_the_pair_shown() -> None:
    page = render("html", _comparison())
    section = page.split('<section class="block wrap conflicts">', 1)[1].split("</section>", 1)[0]
    assert "<h2>Conflicts (1)</h2>" in section
    assert '<a href="#s-0-6">A · “Tuesday” · line 7</a>' in section
    assert '<a href="#s-1-6">B · “Wednesday” · line 7</a>' in section
    assert 'id="s-0-6"' in page and 'id="s-1-6"' in page


def test_json_carries_the_conflicts() -> None:
    data = json.loads(render("json", _comparison()))
    (conflict,) = data["comparison"]["conflicts"]
    assert (conflict["kind"], conflict["slot"], conflict["a"]["text"], conflict["b"]["text"]) == (
        "date",
        "day",
        "Tuesday",
        "Wednesday",
    )

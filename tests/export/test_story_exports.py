"""The story and who-is-quoted sections of every export, for N articles, and `reader compare --format story`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.story import story_counts
from reader.export import render
from reader.export.story_sections import render_story_text
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles

ROOT = Path(__file__).resolve().parents[2]


def test_markdown_has_headlines_the_story_with_a_column_per_outlet_and_who_is_quoted() -> None:
    comparison = analysed_comparison(aligned_comparison(fixture_articles(3)))
    report = render("md", comparison)
    for heading in ("## Headlines and ledes", "## Story", "## Who is quoted (3)"):
        assert heading in report
    assert "| # | told by | A | B | C |" in report
    shared = "3/3 (A, B, C) | " + " | ".join(["The bridge has been closed to trucks since 2021."] * 3) + " |"
    assert shared in report
    assert "A local bakery said business had halved." in report  # only C tells it
    assert "| speaker | A | B | C |" in report
    assert "**Bridge** **vote** **passes**" not in report  # "bridge" is in every headline: not marked
    assert "**passes**" in report
    figures = [line for line in report.splitlines() if line.startswith("| A ⇄ C") or line.startswith("| B ⇄ C")]
    assert len(figures) == 2  # every pair's figures


def test_html_has_the_story_every_pair_and_who_is_quoted_escaped() -> None:
    comparison = analysed_comparison(aligned_comparison(fixture_articles(3)))
    page = render("html", comparison)
    assert "<h2>Story</h2>" in page and "<h2>Every pair</h2>" in page and "<h2>Who is quoted (3)</h2>" in page
    assert page.count("<tr class='conflicting'>") == 2
    assert "<mark class='only'>passes</mark>" in page
    assert "A ⇄ C" in page and "B ⇄ C" in page


def test_json_export_carries_the_story_counts_that_agree_with_the_core() -> None:
    comparison = analysed_comparison(aligned_comparison(fixture_articles(3)))
    data = json.loads(render("json", comparison))
    counts = story_counts(comparison)
    assert data["story"]["counts"]["points"] == counts.points
    assert data["story"]["counts"]["only_in"] == list(counts.only_in)
    assert len(data["story"]["points"]) == counts.points
    assert [o["article"] for o in data["story"]["openings"]] == [0, 1, 2]


def test_story_text_lists_each_point_with_every_outlet() -> None:
    text = render_story_text(aligned_comparison(fixture_articles(3)))
    assert "told by 3/3 (A, B, C)" in text
    assert "C  line 3: A local bakery said business had halved." in text
    assert "   A  —" in text


def test_compare_format_story_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", str(ROOT / "seeds"), "--no-analysis", "--format", "story"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Headlines and ledes")
    assert "A  Netanyahu Discusses *Second* Strike on Iran with Trump" in out
    assert "1. told by 2/2 (A, B)" in out


def test_counts_agree_between_the_cli_the_status_line_and_the_exports(capsys: pytest.CaptureFixture[str]) -> None:
    comparison = aligned_comparison(fixture_articles())
    from reader.cli.text_report import render_text
    from reader.core.counts import pair_counts

    counts = pair_counts(comparison.alignments[0])
    assert f"unique sentences: {counts.unique[0]} in A, {counts.unique[1]} in B" in render_text(comparison)
    assert f"| + unique | {counts.unique[0]} | {counts.unique[1]} |" in render("md", comparison)

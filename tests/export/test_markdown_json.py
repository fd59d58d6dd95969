"""Markdown and JSON exports: complete, escaped, and readable back."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.records import Comparison
from reader.core.serialize import from_data
from reader.export import export_to, render, suggested_file_name
from reader.export.markdown import escape_md, render_markdown
from reader.store.annotations import Annotation, make_annotation, passage_target
from tests.store.build import hand_comparison


def test_markdown_has_every_section() -> None:
    comparison = hand_comparison()
    a = comparison.articles[0]
    note = make_annotation(passage_target(a.text, 0, 0, 10), "two\nlines <b>", ["check"])
    report = render_markdown(comparison, [note])
    for heading in ("## Articles", "## Figures", "### Matched passages A ⇄ B", "### Only in A", "### Only in B"):
        assert heading in report
    assert "## Actors" not in report and "## Claims" not in report  # not analysed
    assert "date: “Monday” (A) vs “December 29” (B)" in report
    assert "↕ moved" in report
    assert "> two\\\n> lines \\<b\\>" in report
    assert "`check`" in report


def test_markdown_escapes_article_text() -> None:
    report = render_markdown(hand_comparison())
    assert "<script>" not in report
    assert "\\<script\\>alert(1)\\</script\\>" in report
    assert "\\[bold\\]markup\\[/bold\\]" in report


def test_markdown_lists_orphans_apart() -> None:
    comparison = hand_comparison()
    a = comparison.articles[0]
    target = passage_target(a.text, 0, 0, 10)
    orphan = make_annotation(replace(target, orphaned=True), "lost passage")
    report = render_markdown(comparison, [orphan])
    assert "orphaned passage" in report and "**orphaned**" in report


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_escape_md_leaves_no_live_markup(text: str) -> None:
    escaped = escape_md(text)
    assert "\n" not in escaped
    index = 0
    while index < len(escaped):
        char = escaped[index]
        if char == "\\":
            index += 2
            continue
        assert char not in "<>[]*_`|&~#"
        index += 1


def test_json_export_reads_back() -> None:
    comparison = hand_comparison()
    a = comparison.articles[0]
    notes = [make_annotation(passage_target(a.text, 0, 0, 10), "x")]
    data = json.loads(render("json", comparison, notes))
    assert data["kind"] == "reader-export"
    assert from_data(Comparison, data["comparison"]) == comparison
    assert [from_data(Annotation, item) for item in data["annotations"]] == notes
    assert data["orphaned"] == []


def test_export_to_writes_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    path = export_to(target, "html", hand_comparison())
    assert path == target and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_suggested_file_name() -> None:
    assert suggested_file_name("Iran talks / Mar-a-Lago", "html") == "iran-talks-mar-a-lago.html"
    assert suggested_file_name("!!!", "md") == "comparison.md"

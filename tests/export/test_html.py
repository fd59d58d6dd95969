"""The HTML export: parsed and checked (every note, no script, text escaped), and rendered by Chromium."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.records import Comparison
from reader.export.html import render_html
from reader.store.annotations import ActorTarget, Annotation, make_annotation, passage_target
from tests.store.build import hand_comparison

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_NOTE = "<script>alert('note')</script>\n[bold]not markup[/bold] & <b>no tags</b>\nthird line"


class Page(HTMLParser):
    """Collects what the checks need: tags, attributes with URLs, visible text, note bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.in_style = False
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "action", "data", "srcset") and value is not None:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)
            assert not name.startswith("on"), f"event handler attribute {name}"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.style += data
        else:
            self.text.append(data)


def notes_for(comparison: Comparison) -> list[Annotation]:
    a, b = comparison.articles
    first = a.sentences[0]
    hostile_sentence = b.sentences[2]
    return [
        make_annotation(passage_target(a.text, 0, first.start, first.end), "Monday vs December 29", "conflict"),
        make_annotation(
            passage_target(b.text, 1, hostile_sentence.start, hostile_sentence.end), HOSTILE_NOTE, ["check", "mine"]
        ),
        make_annotation(ActorTarget("actor-x", "Donald Trump"), "actor note"),
    ]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_page_is_self_contained_and_escapes_everything() -> None:
    comparison = hand_comparison()
    html = render_html(comparison, notes_for(comparison))
    page = parse(html)
    assert "script" not in page.tags
    assert "<script>" not in html and "<b>no tags</b>" not in html
    assert all(url.startswith("#") for url in page.urls), page.urls
    assert "url(" not in page.style and "@import" not in page.style
    assert {"link", "img", "iframe", "object", "embed"}.isdisjoint(page.tags)
    visible = "".join(page.text)
    # The article's hostile text comes through as text, not markup.
    assert "<script>alert(1)</script>" in visible
    assert "[bold]markup[/bold]" in visible


def test_every_note_is_present_with_its_tags_and_lines() -> None:
    comparison = hand_comparison()
    notes = notes_for(comparison)
    page = parse(render_html(comparison, notes))
    visible = "".join(page.text)
    for note in notes:
        assert note.note in visible
        for tag in note.tags:
            assert tag in visible
    # Reading order numbering: every in-text reference points at a note card that exists.
    assert {"note-1", "note-2", "note-3"} <= page.ids


def test_moved_passages_link_to_their_counterpart() -> None:
    comparison = hand_comparison()
    html = render_html(comparison)
    page = parse(html)
    moved_targets = [url[1:] for url in page.urls if url.startswith("#s-")]
    assert moved_targets, "a moved match should link to its counterpart"
    assert set(moved_targets) <= page.ids
    assert 'href="#s-1-0"' in html  # A's sentence 3 moved: its counterpart is B's first sentence


def test_level_rows_and_marks() -> None:
    comparison = hand_comparison()
    html = render_html(comparison)
    assert html.count('class="row level"') == 3  # three in-order matches stand level
    assert "c-paraphrase" in html and "c-verbatim" in html and "c-unique" in html
    assert 'class="d-conflict"' in html  # the date conflict is marked
    assert "December 29" in html and "Monday" in html


def test_pair_can_be_swapped() -> None:
    comparison = hand_comparison()
    html = render_html(comparison, pair=(1, 0))
    assert html.index('id="s-1-0"') < html.index('id="s-0-0"')  # B is now the left pane
    assert "B · Right headline" in html.split('class="colhead"')[1].split("</div>")[0]


def test_analysis_sections_only_when_analysed() -> None:
    comparison = hand_comparison()
    assert "Actors (" not in render_html(comparison)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium is not installed")
def test_chromium_renders_the_page(tmp_path: Path) -> None:
    comparison = hand_comparison()
    page = tmp_path / "export.html"
    page.write_text(render_html(comparison, notes_for(comparison)), encoding="utf-8")
    png = tmp_path / "export.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,1600",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=90, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium did not finish in time")
    assert png.exists() and png.stat().st_size > 10_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)

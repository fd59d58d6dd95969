"""File and saved names in the app: the pane header, the `o` dialog and notifications show them as inert text
(escape sequences, bidi controls and Textual markup such as `[$accent]`, which rich.markup.escape misses)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.content import Content

from reader.app import ReaderApp
from reader.core.records import ArticleMeta
from reader.store.files import SavedEntry
from reader.viewmodel.saving import entry_lines
from reader.widgets.headers import header_text
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles

HOSTILE = "news\x1b]0;owned\x07\u202e[$accent]txt\n.txt"


def test_the_pane_header_shows_a_hostile_file_name_inert() -> None:
    article = replace(fixture_articles(2)[0], path=f"/downloads/{HOSTILE}", meta=ArticleMeta())
    plain = header_text(article).plain
    assert "\x1b" not in plain and "\x07" not in plain and "\u202e" not in plain
    assert "news\\x1b]0;owned\\x07\\u202e[$accent]txt\\n.txt" in plain


def test_the_open_dialog_lines_are_inert() -> None:
    good = SavedEntry("x", Path("x.json"), HOSTILE, (f"A: {HOSTILE}",), 1, "2026-01-01T00:00:00+00:00")
    bad = SavedEntry(HOSTILE, Path("y.json"), HOSTILE, (), 0, "", error=f"{HOSTILE} is damaged")
    for entry in (good, bad):
        text = "".join(entry_lines(entry))
        assert not {"\x1b", "\x07", "\u202e", "\n"} & set(text), repr(text)


async def test_notifications_show_textual_markup_in_names_literally() -> None:
    notice = f"skipped [$accent]{HOSTILE}[/]: not a text file"
    app = ReaderApp(fixture_articles(2), aligner=aligned_comparison, analyser=analysed_comparison, notices=(notice,))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = [Content.from_markup(str(n.message)).plain for n in app._notifications]
        assert any("skipped [$accent]news\\x1b]0;owned" in message and "[/]" in message for message in shown), shown
        assert not any("\x1b" in message for message in shown)

"""Plain tests of the notes and saving view models: Notes tab rows, tag field and quick picks, dialog validators."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reader.core.records import Comparison
from reader.store.annotations import (
    QUICK_TAGS,
    ActorTarget,
    PassageTarget,
    TextPositionSelector,
    TextQuoteSelector,
    make_annotation,
    passage_target,
)
from reader.store.files import SavedEntry
from reader.viewmodel.notes import (
    NoteKind,
    dialog_title,
    note_edit,
    note_rows,
    passage_subject,
    quick_tags_on,
    sentence_of,
    tags_in,
    toggle_tag,
)
from reader.viewmodel.saving import (
    check_name,
    entry_lines,
    export_hint,
    export_request,
    local_time,
    suggested_name,
    with_format,
)
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles


def comparison() -> Comparison:
    return analysed_comparison(aligned_comparison(fixture_articles()))


def test_rows_in_reading_order_with_actor_claim_and_orphan_last() -> None:
    current = comparison()
    left, right = current.articles
    late = make_annotation(passage_target(left.text, 0, left.sentences[7].start, left.sentences[7].end), "late")
    early = make_annotation(passage_target(left.text, 0, left.sentences[2].start, left.sentences[2].end), "one\ntwo")
    other = make_annotation(passage_target(right.text, 1, right.sentences[1].start, right.sentences[1].end), "")
    actor = make_annotation(ActorTarget("tom-hale", "Tom Hale"), "  \n second line first", ["check"])
    gone = TextQuoteSelector("vanished words", "", "")
    orphan = make_annotation(PassageTarget(0, gone, TextPositionSelector(0, 14), orphaned=True), "lost")
    rows = note_rows([orphan, actor, late, other, early], current, {orphan.id})
    assert [row.annotation_id for row in rows] == [early.id, late.id, other.id, actor.id, orphan.id]
    assert [row.where for row in rows] == ["A 3", "A 8", "B 2", "actor", "A"]
    assert rows[0].note == "one" and rows[0].kind is NoteKind.PASSAGE
    assert rows[0].subject.startswith("“The city council voted 7-2")
    assert rows[3].note == "second line first" and rows[3].subject == "Tom Hale" and rows[3].tags == ("check",)
    assert rows[4].orphaned and rows[4].subject == "“vanished words”"
    assert not any(row.orphaned for row in rows[:4])


def test_claim_row_names_the_article_and_speaker() -> None:
    from reader.store.reopen import claim_target

    current = comparison()
    claim = next(c for c in current.claims if c.id == "b-ortiz-2")
    (row,) = note_rows([make_annotation(claim_target(claim), "half?")], current, ())
    assert row.kind is NoteKind.CLAIM and row.where == "claim B"
    assert row.subject == "Lena Ortiz: “the state would pay half of the cost”"


def test_titles_and_subjects_are_one_line() -> None:
    current = comparison()
    article = current.articles[0]
    sentence = article.sentences[2]
    subject = passage_subject(article, sentence.start, sentence.end)
    assert subject.startswith("A line 3: “The city council") and subject.endswith("…”") and "\n" not in subject
    assert dialog_title(None, subject).startswith("New note on A line 3")
    note = make_annotation(passage_target(article.text, 0, sentence.start, sentence.end), "x")
    assert dialog_title(note, "it") == "Edit note on it"


def test_sentence_of_finds_the_sentence_holding_an_offset() -> None:
    article = fixture_articles()[0]
    for sentence in article.sentences:
        assert sentence_of(article, sentence.start) == sentence.index
        assert sentence_of(article, sentence.end - 1) == sentence.index


def test_tag_field_and_quick_picks_agree() -> None:
    assert toggle_tag("", "check", True) == "check"
    assert toggle_tag("budget, Check", "check", False) == "budget"
    assert toggle_tag("budget", "conflict", True) == "budget, conflict"
    assert quick_tags_on(" AGREE , budget") == {"agree": True, "conflict": False, "check": False, "important": False}
    assert tags_in("a, b ,, A") == ("a", "b")


@given(st.lists(st.sampled_from(["budget", "x y", *QUICK_TAGS]), max_size=6), st.sampled_from(QUICK_TAGS))
def test_toggling_a_quick_tag_sets_exactly_that_box(existing: list[str], tag: str) -> None:
    text = ", ".join(existing)
    on = toggle_tag(text, tag, True)
    off = toggle_tag(text, tag, False)
    assert quick_tags_on(on)[tag] and not quick_tags_on(off)[tag]
    others = [t for t in QUICK_TAGS if t != tag]
    assert all(quick_tags_on(on)[t] == quick_tags_on(text)[t] == quick_tags_on(off)[t] for t in others)
    assert tags_in(on).count(tag) == 1


def test_note_validator() -> None:
    assert note_edit("line one\nline two\n\n", "check") == note_edit("line one\nline two", "check")
    assert note_edit("", "check").tags == ("check",)
    assert note_edit("[bold]not markup[/]", "").note == "[bold]not markup[/]"
    with pytest.raises(ReaderError, match="write a note or pick a tag"):
        note_edit("  \n ", " , ")
    with pytest.raises(ReaderError, match="tag too long"):
        note_edit("x", "a" * 41)


def test_names_and_suggestions() -> None:
    current = comparison()
    assert suggested_name(current, None, False) == "Council approves river bridge repair after a long"
    assert suggested_name(current, "notes Council", True) == "Council approves river bridge repair after a long"
    assert suggested_name(current, "mine", False) == "mine"
    assert check_name("Bridge, second look") == "bridge-second-look"
    for bad in ("../../etc", "..", "", "a/b"):
        with pytest.raises(ReaderError):
            check_name(bad)


def test_export_request_validates_the_path(tmp_path: Path) -> None:
    request = export_request("html", "out.html", tmp_path)
    assert request.path == tmp_path / "out.html" and request.fmt == "html"
    assert export_hint(request) == f"writes {tmp_path / 'out.html'}"
    (tmp_path / "out.html").write_text("old", encoding="utf-8")
    assert export_hint(request).startswith("replaces ")
    with pytest.raises(ReaderError, match="give a file"):
        export_request("md", "  ", tmp_path)
    with pytest.raises(ReaderError, match="is a folder"):
        export_request("md", str(tmp_path), tmp_path)
    with pytest.raises(ReaderError, match="does not exist"):
        export_request("md", "missing/x.md", tmp_path)
    with pytest.raises(ReaderError, match="choose a format"):
        export_request("pdf", "x.pdf", tmp_path)


def test_with_format_switches_only_export_extensions() -> None:
    assert with_format("/tmp/report.html", "md") == "/tmp/report.md"
    assert with_format("report.md", "json") == "report.json"
    assert with_format("report.txt", "md") == "report.txt"


def test_saved_entry_lines() -> None:
    stamp = "2026-01-02T03:04:05+00:00"
    good = SavedEntry("bridge", Path("bridge.json"), "Bridge", ("A: a.txt", "B: (text)"), 1, stamp)
    shown = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert entry_lines(good) == (f"Bridge  ·  1 note  ·  {shown}", "A: a.txt; B: (text)")
    broken = SavedEntry("bad", Path("bad.json"), "bad", (), 0, "", error="bad.json is damaged")
    assert entry_lines(broken) == ("bad", "cannot be opened: bad.json is damaged")
    assert local_time("not a time") == "not a time"

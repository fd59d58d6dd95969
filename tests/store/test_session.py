"""The Session the app holds: annotate → autosave, save-as, reopen with re-anchoring, errors kept in memory."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from reader.core import compare
from reader.core.errors import ReaderError
from reader.core.paths import comparisons_dir
from reader.store.files import (
    ConflictError,
    Fingerprint,
    InvalidNameError,
    NameTakenError,
    delete_saved,
    read_saved,
    write_saved,
)
from reader.store.reopen import SourceState
from reader.store.session import Session

LEFT = """Storm hits the coast

Heavy rain fell across the northern coast on Monday, flooding dozens of homes.
The regional governor said emergency teams were working through the night.
Officials said 40 people had been moved to shelters in the town hall.
Schools will remain closed until Thursday, the education office said.
"""

RIGHT = """Coastal storm floods homes

Dozens of homes were flooded on Monday as heavy rain fell across the northern coast.
Emergency teams worked through the night, the regional governor said.
About 400 residents spent the night in shelters, according to the fire service.
Forecasters expect more rain later in the week.
"""


@pytest.fixture
def sources(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return left, right


def new_session(sources: tuple[Path, Path]) -> Session:
    return Session(compare([str(p) for p in sources], analyse=False))


def sentence_with(session: Session, article: int, words: str) -> int:
    return next(s.index for s in session.comparison.articles[article].sentences if words in s.text)


def test_first_note_autosaves_under_an_automatic_name(sources: tuple[Path, Path]) -> None:
    session = new_session(sources)
    assert session.autosave() is None and session.path is None  # nothing to save yet
    note = session.annotate_sentence(0, sentence_with(session, 0, "40 people"), "40 or 400?\nCheck.", "check")
    assert session.path is not None and session.path.exists()
    assert session.auto_named and session.needs_name
    saved, _ = read_saved(session.name or "")
    assert saved.annotations == (note,)


def test_edit_and_delete_autosave(sources: tuple[Path, Path]) -> None:
    session = new_session(sources)
    note = session.annotate_sentence(1, 0, "first", ["agree"])
    edited = session.edit(note.id, note="second", tags="conflict, Important")
    assert edited.id == note.id and edited.tags == ("conflict", "important")
    assert read_saved(session.name or "")[0].annotations[0].note == "second"
    removed = session.delete(note.id)
    assert read_saved(session.name or "")[0].annotations == ()
    session.restore(removed)
    assert read_saved(session.name or "")[0].annotations == (edited,)


def test_save_as_renames_and_removes_the_automatic_file(sources: tuple[Path, Path]) -> None:
    session = new_session(sources)
    session.annotate_sentence(0, 1, "note")
    auto_path = session.path
    path = session.save_as("Storm coverage")
    assert path.name == "storm-coverage.json"
    assert auto_path is not None and not auto_path.exists()
    assert not session.needs_name
    session.annotate_sentence(0, 2, "another")
    assert len(read_saved("Storm coverage")[0].annotations) == 2


def test_save_as_refuses_a_taken_or_unsafe_name(sources: tuple[Path, Path]) -> None:
    first = new_session(sources)
    first.save_as("taken")
    second = new_session(sources)
    with pytest.raises(NameTakenError):
        second.save_as("taken")
    with pytest.raises(InvalidNameError):
        second.save_as("../../etc")
    assert second.save_as("taken", overwrite=True).name == "taken.json"


def test_reopen_unchanged_keeps_every_note_in_place(sources: tuple[Path, Path]) -> None:
    session = new_session(sources)
    session.save_as("storm")
    index = sentence_with(session, 0, "governor")
    note = session.annotate_sentence(0, index, "same claim in both")
    session.update_view(cursor_article=0, cursor_sentence=index, scroll=(5, 7))
    session.save()
    reopened = Session.open("storm")
    assert reopened.annotations == (note,)
    assert reopened.view.scroll == (5, 7)
    assert reopened.report is not None and reopened.report.kept == 1 and not reopened.report.changed
    assert reopened.notes_for_sentence(0, index) == (note,)


def test_reopen_after_edits_reanchors_and_orphans(sources: tuple[Path, Path]) -> None:
    left, _ = sources
    session = new_session(sources)
    session.save_as("storm")
    governor = session.annotate_sentence(0, sentence_with(session, 0, "governor"), "moved down")
    shelters = session.annotate_sentence(0, sentence_with(session, 0, "40 people"), "edited inside")
    schools = session.annotate_sentence(0, sentence_with(session, 0, "Schools"), "deleted")
    changed = (
        LEFT.replace("Heavy rain", "A new first line was added.\nHeavy rain")
        .replace("40 people had been moved", "45 people had been moved")
        .replace("Schools will remain closed until Thursday, the education office said.\n", "")
    )
    left.write_text(changed, encoding="utf-8")
    reopened = Session.open("storm")
    report = reopened.report
    assert report is not None
    assert report.sources[0].state is SourceState.CHANGED and report.sources[1].state is SourceState.UNCHANGED
    assert report.reanchored == 2 and report.orphaned == (schools.id,)
    assert "2 notes re-anchored, 1 orphaned" in report.summary()
    text = reopened.comparison.articles[0].text
    by_id = {a.id: a for a in reopened.annotations}
    moved = by_id[governor.id].passage
    assert moved is not None and text[moved.position.start : moved.position.end].startswith("The regional governor")
    edited = by_id[shelters.id].passage
    assert edited is not None and "45 people" in text[edited.position.start : edited.position.end]
    orphan = by_id[schools.id]
    assert orphan.orphaned and orphan.note == "deleted"
    assert reopened.orphans == (orphan,)
    # Orphans are saved and come back as orphans: never dropped.
    reopened.save()
    again = Session.open("storm")
    assert {a.id for a in again.orphans} == {schools.id}


def test_reopen_with_a_file_gone_uses_the_saved_text(sources: tuple[Path, Path]) -> None:
    _, right = sources
    session = new_session(sources)
    session.save_as("storm")
    note = session.annotate_sentence(1, sentence_with(session, 1, "400 residents"), "number differs")
    right.unlink()
    reopened = Session.open("storm")
    assert reopened.report is not None and reopened.report.sources[1].state is SourceState.MISSING
    assert reopened.comparison.articles[1].text == session.comparison.articles[1].text
    assert reopened.annotations == (note,)
    assert "using the saved text" in reopened.report.summary()


def test_failed_autosave_keeps_notes_in_memory_and_retries(
    sources: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = new_session(sources)
    session.save_as("storm")

    def read_only(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", read_only)
        note = session.annotate_sentence(0, 1, "kept in memory")
        assert session.save_error is not None and "Read-only" in str(session.save_error)
        assert session.dirty and session.annotations == (note,)
        assert read_saved("storm")[0].annotations == ()
    assert session.autosave() is None
    assert session.save_error is None and not session.dirty
    assert read_saved("storm")[0].annotations == (note,)


def test_second_instance_save_is_merged_not_lost(sources: tuple[Path, Path]) -> None:
    """Two windows on one comparison: each save folds in what the other saved; the user is told."""
    mine = new_session(sources)
    mine.save_as("storm")
    theirs = Session.open("storm")
    their_note = theirs.annotate_sentence(1, 1, "theirs")
    my_note = mine.annotate_sentence(0, 1, "mine")
    assert mine.save_error is None and not mine.has_conflict
    assert [a.note for a in read_saved("storm")[0].annotations] == ["mine", "theirs"]
    assert {a.id for a in mine.annotations} == {my_note.id, their_note.id}
    notice = mine.take_notice()
    assert notice is not None and "merged" in notice and "1 new" in notice
    theirs.delete(their_note.id)  # a deletion travels too, and my note survives their next save
    assert [a.note for a in read_saved("storm")[0].annotations] == ["mine"]


def test_a_comparison_deleted_while_open_is_saved_again_and_the_user_told(sources: tuple[Path, Path]) -> None:
    """`reader delete storm` while a window has it open: the window's next note brings the file back with every
    note (nothing written is lost), and says so instead of recreating it silently."""
    mine = new_session(sources)
    first = mine.annotate_sentence(0, 1, "before")
    mine.save_as("storm")
    assert mine.take_notice() is None
    delete_saved("storm")
    second = mine.annotate_sentence(1, 1, "after")
    assert mine.save_error is None
    assert [a.id for a in read_saved("storm")[0].annotations] == [first.id, second.id]
    assert mine.take_notice() == "'storm' had been deleted on disk; saved again with these notes"
    mine.annotate_sentence(0, 2, "later")
    assert mine.take_notice() is None  # said once


def test_both_windows_editing_one_note_keep_both_versions(sources: tuple[Path, Path]) -> None:
    mine = new_session(sources)
    note = mine.annotate_sentence(0, 1, "first draft")
    mine.save_as("storm")
    theirs = Session.open("storm")
    theirs.edit(note.id, note="their wording")
    mine.edit(note.id, note="my wording")
    notes = sorted(a.note for a in read_saved("storm")[0].annotations)
    assert notes == ["my wording", "their wording"]
    copy = next(a for a in read_saved("storm")[0].annotations if a.note == "their wording")
    assert "merged" in copy.tags and copy.id != note.id


def test_without_merge_a_changed_file_is_a_conflict(sources: tuple[Path, Path]) -> None:
    mine = new_session(sources)
    mine.save_as("storm")
    _, stale = read_saved("storm")
    Session.open("storm").annotate_sentence(1, 1, "theirs")
    with pytest.raises(ConflictError):
        write_saved(mine.snapshot(), expected=stale)
    assert [a.note for a in read_saved("storm")[0].annotations] == ["theirs"]


def test_corrupt_file_is_never_overwritten_by_a_session(sources: tuple[Path, Path]) -> None:
    path = comparisons_dir() / "storm.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"kind": "reader-comparison", "schema_versi', encoding="utf-8")
    with pytest.raises(ReaderError, match="truncated"):
        Session.open("storm")
    session = new_session(sources)
    with pytest.raises(ReaderError):
        session.save_as("storm", overwrite=True)
    assert path.read_text(encoding="utf-8").endswith("schema_versi")


def test_sentence_marks_and_passage_annotations(sources: tuple[Path, Path]) -> None:
    session = new_session(sources)
    article = session.comparison.articles[0]
    first, second = article.sentences[1], article.sentences[2]
    note = session.annotate_passage(0, first.start + 6, second.start + 5, "spans two sentences")
    assert session.sentence_marks(0) == {1: (note,), 2: (note,)}
    assert note.passage is not None and note.passage.quote.exact == article.text[first.start + 6 : second.start + 5]
    with pytest.raises(ReaderError):
        session.annotate_passage(0, 10, 5, "backwards")
    with pytest.raises(ReaderError):
        session.edit("no-such-id", note="x")


def test_set_comparison_refuses_other_articles(sources: tuple[Path, Path], tmp_path: Path) -> None:
    session = new_session(sources)
    other = tmp_path / "other.txt"
    other.write_text("Something else entirely happened.\nNothing in common at all here.\n", encoding="utf-8")
    with pytest.raises(ReaderError):
        session.set_comparison(compare([str(sources[0]), str(other)], analyse=False))


def test_write_saved_of_a_snapshot_is_safe_from_a_worker(sources: tuple[Path, Path]) -> None:
    session = new_session(sources)
    session.save_as("storm")
    snapshot = session.snapshot()
    session.annotate_sentence(0, 1, "after the snapshot")
    with pytest.raises(ConflictError):
        write_saved(snapshot, expected=Fingerprint(0, 0, "stale"))

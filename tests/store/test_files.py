"""Saved files: round trips, safe names, atomic writes, conflicts, and bad files reported and left untouched."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reader.core.paths import comparisons_dir
from reader.core.serialize import to_data
from reader.store.annotations import ActorTarget, Annotation, ClaimTarget, make_annotation, passage_target
from reader.store.files import (
    ConflictError,
    CorruptFileError,
    InvalidNameError,
    NameTakenError,
    NotFoundError,
    SaveFailedError,
    delete_saved,
    list_saved,
    path_for,
    read_saved,
    slugify,
    write_saved,
)
from reader.store.saved import SavedArticle, SavedComparison, ViewState
from tests.store.build import hand_comparison


def saved_with(annotations: tuple[Annotation, ...] = (), name: str = "Iran talks") -> SavedComparison:
    comparison = hand_comparison()
    return SavedComparison(
        name=name,
        articles=tuple(SavedArticle.of(article) for article in comparison.articles),
        annotations=annotations,
        created="2026-01-01T00:00:00+00:00",
        modified="2026-01-01T00:00:00+00:00",
        view=ViewState(pair=(0, 1), cursor_article=1, cursor_sentence=2, scroll=(3, 4), boilerplate_shown=True),
    )


def a_note(note: str = "check this", tags: object = ("check",)) -> Annotation:
    text = hand_comparison().articles[0].text
    return make_annotation(passage_target(text, 0, 0, 12), note, tags)


# ------------------------------------------------------------------ round trips

notes = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200) | st.sampled_from(
    ["[bold]x[/bold]", "<script>alert(1)</script>", "line one\nline two\r\n\n", "é ü 中文 🙂", ""]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note_texts=st.lists(notes, min_size=0, max_size=5), tags=st.lists(st.text(min_size=1, max_size=10), max_size=3))
def test_load_of_save_is_identity(note_texts: list[str], tags: list[str]) -> None:
    text = hand_comparison().articles[0].text
    annotations = [make_annotation(passage_target(text, 0, 0, 5), note, tags) for note in note_texts]
    annotations.append(make_annotation(ActorTarget("actor-1", "Donald Trump"), note_texts[0] if note_texts else "x"))
    annotations.append(make_annotation(ClaimTarget("claim-1", 1, "Tehran would respond", "Pezeshkian"), "y"))
    saved = saved_with(tuple(annotations))
    path, _ = write_saved(saved, expected=None, overwrite=True)
    loaded, _ = read_saved("Iran talks")
    assert loaded == saved
    assert path == path_for("Iran talks")
    assert path_for("iran talks") != path, "distinct names never share a file"


def test_saved_file_is_plain_json_with_schema_version() -> None:
    path, _ = write_saved(saved_with((a_note(),)), expected=None)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["kind"] == "reader-comparison"
    assert data["articles"][0]["sha256"]
    selector = data["annotations"][0]["passage"]
    assert set(selector["quote"]) == {"exact", "prefix", "suffix"}
    assert set(selector["position"]) == {"start", "end"}


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("name", ["../../etc", "/abs", "a/b", "..", ".", "a\\b", "", "   ", "\x00x", "!!!"])
def test_unsafe_or_empty_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidNameError) as error:
        path_for(name)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Iran talks", "iran-talks"),
        ("Über Straße — Iran", "über-straße-iran"),
        ("中文 报道", "中文-报道"),
        ("  spaced   out  ", "spaced-out"),
        ("a.b_c", "a.b_c"),
        ("...hidden", "hidden"),
    ],
)
def test_names_become_safe_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug
    path = path_for(name)
    assert path.parent == comparisons_dir()
    assert path.name == f"{slug}.json"


@given(st.text(max_size=100))
def test_no_name_leaves_the_directory(name: str) -> None:
    try:
        path = path_for(name)
    except InvalidNameError:
        return
    assert path.parent == comparisons_dir()
    assert not path.name.startswith(".")
    assert "/" not in path.name and "\\" not in path.name


# ------------------------------------------------------------------ bad files


def _write_raw(name: str, text: str) -> Path:
    path = path_for(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _assert_refused_and_untouched(name: str, path: Path, fragment: str) -> None:
    before = path.read_bytes()
    with pytest.raises(CorruptFileError) as error:
        read_saved(name)
    message = str(error.value)
    assert fragment in message and "\n" not in message and str(path) in message
    with pytest.raises(CorruptFileError):  # overwriting a damaged file is refused too
        write_saved(saved_with(name=name), expected=None, overwrite=True)
    assert path.read_bytes() == before


def test_truncated_file_is_reported_and_untouched() -> None:
    write_saved(saved_with((a_note(),)), expected=None)
    path = path_for("Iran talks")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _assert_refused_and_untouched("Iran talks", path, "truncated")


def test_not_utf8_is_reported() -> None:
    path = path_for("binary")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CorruptFileError, match="damaged"):
        read_saved("binary")


def test_unknown_schema_version_is_reported_and_untouched() -> None:
    data = to_data(saved_with(name="future"))
    data["schema_version"] = 99
    path = _write_raw("future", json.dumps(data))
    _assert_refused_and_untouched("future", path, "newer version")


def test_unknown_fields_are_reported_and_untouched() -> None:
    data = to_data(saved_with((a_note(),), name="extra"))
    data["annotations"][0]["colour"] = "red"
    path = _write_raw("extra", json.dumps(data))
    _assert_refused_and_untouched("extra", path, "unknown field")


def test_other_json_is_not_taken_for_a_comparison() -> None:
    path = _write_raw("other", json.dumps({"hello": "world"}))
    _assert_refused_and_untouched("other", path, "not a saved reader comparison")


def test_annotation_with_two_targets_is_reported() -> None:
    data = to_data(saved_with((a_note(),), name="twotargets"))
    data["annotations"][0]["actor"] = {"actor_id": "x", "name": "X"}
    path = _write_raw("twotargets", json.dumps(data))
    _assert_refused_and_untouched("twotargets", path, "exactly one target")


def test_missing_file_is_a_clear_error() -> None:
    with pytest.raises(NotFoundError, match="reader list"):
        read_saved("nothing here")


# ------------------------------------------------------------------ writes


def test_first_save_never_replaces_another_comparison() -> None:
    write_saved(saved_with((a_note("first"),)), expected=None)
    with pytest.raises(NameTakenError):
        write_saved(saved_with((a_note("second"),)), expected=None)
    loaded, _ = read_saved("Iran talks")
    assert loaded.annotations[0].note == "first"


def test_concurrent_modification_is_detected() -> None:
    _, mine = write_saved(saved_with((a_note("mine"),)), expected=None)
    loaded, theirs_expected = read_saved("Iran talks")
    # A second instance saves first...
    write_saved(replace(loaded, annotations=(a_note("theirs"),)), expected=theirs_expected)
    # ...so our save, based on the old fingerprint, is refused and their file survives.
    with pytest.raises(ConflictError, match="another reader"):
        write_saved(saved_with((a_note("mine, later"),)), expected=mine)
    assert read_saved("Iran talks")[0].annotations[0].note == "theirs"


def test_touching_the_file_without_changing_it_is_no_conflict() -> None:
    path, fingerprint = write_saved(saved_with(), expected=None)
    os.utime(path, ns=(1, 1))
    write_saved(saved_with((a_note(),)), expected=fingerprint)


def test_read_only_directory_raises_and_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch) -> None:
    _, fingerprint = write_saved(saved_with((a_note("old"),)), expected=None)
    directory = comparisons_dir()
    directory.chmod(0o500)
    try:
        with monkeypatch.context() as patch:
            if os.geteuid() == 0:  # root ignores directory permissions: fail the way a read-only mount does

                def read_only(*_: object, **__: object) -> None:
                    raise OSError(errno.EROFS, "Read-only file system")

                patch.setattr(tempfile, "mkstemp", read_only)
            with pytest.raises(SaveFailedError, match="cannot write"):
                write_saved(saved_with((a_note("new"),)), expected=fingerprint)
    finally:
        directory.chmod(0o700)
    assert read_saved("Iran talks")[0].annotations[0].note == "old"


def test_failed_write_leaves_no_temporary_file(monkeypatch: pytest.MonkeyPatch) -> None:
    _, fingerprint = write_saved(saved_with((a_note("old"),)), expected=None)

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full_disk)
        with pytest.raises(SaveFailedError, match="No space left"):
            write_saved(saved_with((a_note("new"),)), expected=fingerprint)
    assert [p.name for p in comparisons_dir().iterdir()] == ["iran-talks.json"]
    assert read_saved("Iran talks")[0].annotations[0].note == "old"


# ------------------------------------------------------------------ list and delete


def test_list_shows_names_notes_and_unreadable_files() -> None:
    write_saved(saved_with((a_note(), a_note()), name="First one"), expected=None)
    _write_raw("broken", "{")
    entries = {entry.slug: entry for entry in list_saved()}
    assert entries["first-one"].notes == 2
    assert entries["first-one"].name == "First one"
    assert entries["first-one"].articles == ("A: (text)", "B: (text)")
    assert entries["broken"].error is not None


def test_delete_removes_and_reports_missing() -> None:
    write_saved(saved_with(name="gone soon"), expected=None)
    assert delete_saved("gone soon").name == "gone-soon.json"
    with pytest.raises(NotFoundError):
        delete_saved("gone soon")
    with pytest.raises(ReaderError):
        delete_saved("../../etc/passwd")

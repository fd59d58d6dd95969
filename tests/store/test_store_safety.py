"""Saved files under hostile conditions: damage of any kind, colliding names, read-only files, stale temporaries,
notes that UTF-8 cannot hold. Each failure is one line for that file alone; the others still list and open."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.core import compare
from reader.core.paths import comparisons_dir
from reader.store.atomic import STALE_AFTER_SECONDS, lock_path
from reader.store.files import (
    CorruptFileError,
    NameTakenError,
    SaveFailedError,
    list_saved,
    read_saved,
    write_saved,
)
from reader.store.session import Session
from tests.store.test_files import a_note, saved_with

GOOD = "good one"


def _raw(stem: str, text: str) -> Path:
    path = comparisons_dir() / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _valid_data() -> dict[str, Any]:
    path, _ = write_saved(saved_with((a_note(),), name="template"), expected=None)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    return data


def _damaged_files() -> dict[str, str]:
    data = _valid_data()
    deep = '{"kind": "reader-comparison", "schema_version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    huge_int = json.dumps(data).replace('"schema_version": 1', '"schema_version": 1' + "0" * 5_000)
    wrong_type = dict(data, articles="not a list")
    bad_pair = dict(data, view=dict(data["view"], pair=[0, 7]))
    same_pair = dict(data, view=dict(data["view"], pair=[1, 1]))
    huge_cursor = json.dumps(dict(data, view=dict(data["view"], cursor_sentence=0))).replace(
        '"cursor_sentence": 0', '"cursor_sentence": 1' + "0" * 4_000
    )
    one_article = dict(data, articles=data["articles"][:1])
    annotations = json.loads(json.dumps(data["annotations"]))
    annotations[0]["passage"]["position"] = {"start": -5, "end": 3}
    bad_position = dict(data, annotations=annotations)
    return {
        "deep": deep,
        "huge-int": huge_int,
        "wrong-type": json.dumps(wrong_type),
        "bad-pair": json.dumps(bad_pair),
        "same-pair": json.dumps(same_pair),
        "one-article": json.dumps(one_article),
        "huge-cursor": huge_cursor,
        "bad-position": json.dumps(bad_position),
    }


def test_any_damage_is_one_line_for_that_file_alone(capsys: pytest.CaptureFixture[str]) -> None:
    write_saved(saved_with((a_note(),), name=GOOD), expected=None)
    damaged = {stem: _raw(stem, text) for stem, text in _damaged_files().items()}
    before = {stem: path.read_bytes() for stem, path in damaged.items()}
    for stem, path in damaged.items():
        with pytest.raises(CorruptFileError) as error:
            read_saved(stem)
        message = str(error.value)
        assert "\n" not in message and "left untouched" in message and len(message) < 400, stem
        assert path.read_bytes() == before[stem]
    entries = {entry.slug: entry for entry in list_saved()}
    assert entries["good-one"].error is None and entries["good-one"].notes == 1
    assert all(entries[stem].error for stem in damaged)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "good-one" in out and out.count("unreadable") == len(damaged) and "Traceback" not in out
    assert read_saved(GOOD)[0].name == GOOD


def test_an_impossible_pair_in_memory_never_breaks_the_html_export(tmp_path: Path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("The storm hit on Monday.\nTeams worked all night.\n", encoding="utf-8")
    right.write_text("Teams worked all night.\nThe storm hit on Monday.\n", encoding="utf-8")
    session = Session(compare([str(left), str(right)], analyse=False))
    for pair in ((-1, 0), (0, 5), (1, 1)):
        session.update_view(pair=pair)
        assert "<html" in str(session.export("html"))


def test_distinct_names_never_share_a_file() -> None:
    long_a = "A very long headline about the talks in Geneva that goes on and on past the limit " + "one"
    long_b = long_a[:-3] + "two"
    names = ["Iran talks", "IRAN TALKS!", "Iran  Talks", long_a, long_b]
    paths = []
    for name in names:
        path, _ = write_saved(saved_with((a_note(name),), name=name), expected=None)
        paths.append(path)
    assert len(set(paths)) == len(paths)
    for name in names:
        saved, _ = read_saved(name)
        assert saved.name == name and saved.annotations[0].note == name
    for path in paths:  # the stem `reader list` shows reopens the file it names
        assert read_saved(path.stem)[0].name == json.loads(path.read_text(encoding="utf-8"))["name"]
    assert all(len(path.stem) <= 80 for path in paths)
    with pytest.raises(NameTakenError, match="file name of the saved comparison"):
        write_saved(saved_with(name="iran-talks"), expected=None)  # a stem names one comparison only


def test_autosave_of_long_headlines_always_finds_its_own_file(tmp_path: Path) -> None:
    headline = "Negotiators from both delegations met again on Tuesday in the Swiss city of Geneva for talks"
    for number in range(3):
        left, right = tmp_path / f"a{number}.txt", tmp_path / f"b{number}.txt"
        left.write_text(f"{headline}\n\nThe talks went on for hours on day {number}.\n", encoding="utf-8")
        right.write_text(f"Talks in Geneva\n\nThe talks lasted hours on day {number}.\n", encoding="utf-8")
        session = Session(compare([str(left), str(right)], analyse=False))
        session.annotate_sentence(0, 1, f"note {number}")
        assert session.save_error is None and session.path is not None
    assert len(list(comparisons_dir().glob("*.json"))) == 3


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path, fingerprint = write_saved(saved_with((a_note("kept"),), name="frozen"), expected=None)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(SaveFailedError, match="read-only"):
        write_saved(saved_with((a_note("new"),), name="frozen"), expected=fingerprint)
    with pytest.raises(SaveFailedError, match="read-only"):
        write_saved(saved_with((a_note("new"),), name="frozen"), expected=None, overwrite=True)
    assert path.read_bytes() == before


def test_autosave_steps_over_read_only_and_taken_names(tmp_path: Path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("Storm hits\n\nThe storm hit on Monday.\n", encoding="utf-8")
    right.write_text("Storm\n\nOn Monday the storm hit.\n", encoding="utf-8")
    first = Session(compare([str(left), str(right)], analyse=False))
    first.annotate_sentence(0, 1, "first")
    assert first.path is not None
    first.path.chmod(0o444)
    taken = [f"{first.name} {n}" for n in range(2, 100)]
    for name in taken:
        write_saved(saved_with(name=name), expected=None)
    second = Session(compare([str(left), str(right)], analyse=False))
    second.annotate_sentence(0, 1, "second")
    assert second.save_error is None and second.name not in (first.name, *taken)
    assert read_saved(second.name or "")[0].annotations[0].note == "second"


def test_a_note_with_a_lone_surrogate_is_saved_and_the_user_told(tmp_path: Path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("Storm hits\n\nThe storm hit on Monday.\n", encoding="utf-8")
    right.write_text("Storm\n\nOn Monday the storm hit.\n", encoding="utf-8")
    session = Session(compare([str(left), str(right)], analyse=False))
    note = session.annotate_sentence(0, 1, "pasted \ud83d half an emoji", tags=["ok\udcff"])
    assert session.save_error is None
    assert note.note == "pasted \ufffd half an emoji" and note.tags == ("ok\ufffd",)
    assert read_saved(session.name or "")[0].annotations[0].note == note.note
    notice = session.take_notice()
    assert notice is not None and "2 characters" in notice and session.take_notice() is None
    session.edit(note.id, note="again \udc80")
    assert session.save_error is None and session.get(note.id).note == "again \ufffd"
    assert session.save_as("name \ud800").exists()


def test_stale_temporaries_are_removed_at_start_and_live_ones_kept() -> None:
    write_saved(saved_with(name=GOOD), expected=None)
    directory = comparisons_dir()
    stale = directory / ".good-one.json.abc123.tmp"
    fresh = directory / ".good-one.json.def456.tmp"
    unrelated = directory / ".hidden-notes.txt"
    for path in (stale, fresh, unrelated):
        path.write_bytes(b"x" * 100)
    old = time.time() - STALE_AFTER_SECONDS - 10
    os.utime(stale, (old, old))
    os.utime(unrelated, (old, old))
    holder = subprocess.Popen(  # another process in the middle of a save: nothing may be removed
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(30)\n",
            str(lock_path(directory)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        from reader.store.atomic import clean_stale_temporaries

        assert clean_stale_temporaries(directory) == []
        assert stale.exists()
    finally:
        holder.kill()
        holder.wait()
    import reader.store.files as files

    files._cleaned.discard(directory)
    list_saved()  # the store's first use in a process cleans up
    assert not stale.exists() and fresh.exists() and unrelated.exists()
    assert fcntl is not None


def test_an_export_writes_through_a_link_and_refuses_what_is_not_a_file(tmp_path: Path) -> None:
    """A rename over the target would replace the node itself: a link became a file, /dev/full a file, a FIFO's
    reader got nothing. A link is written through; a device, a FIFO or a directory is refused."""
    from reader.store.atomic import atomic_write_text

    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path, Path(os.devnull)):
        with pytest.raises(SaveFailedError, match="not a regular file"):
            atomic_write_text(target, "x")
    assert fifo.exists() and not fifo.is_file()
    assert Path(os.devnull).is_char_device()

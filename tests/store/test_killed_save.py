"""A save killed part-way (SIGKILL in a subprocess) leaves the previous file intact and readable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.core.paths import comparisons_dir
from reader.store.annotations import make_annotation, passage_target
from reader.store.files import read_saved, write_saved
from tests.store.build import hand_comparison
from tests.store.test_files import saved_with

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from dataclasses import replace
    from reader.store import files
    from reader.store.annotations import make_annotation, passage_target
    from reader.store.files import read_saved, write_saved

    mode = sys.argv[1]
    saved, fingerprint = read_saved("victim")
    text = saved.articles[0].text
    huge = "x" * (100 * 1024 * 1024 if mode == "during-write" else 10)
    new = replace(saved, annotations=(make_annotation(passage_target(text, 0, 0, 5), huge),))

    real_replace = os.replace
    def stalled_replace(src, dst):
        print("BEFORE-REPLACE", flush=True)
        time.sleep(120)
        real_replace(src, dst)
    if mode in ("before-replace", "during-write"):
        os.replace = stalled_replace
    print("WRITING", flush=True)
    write_saved(new, expected=fingerprint)
    print("DONE", flush=True)
    """
)


def _start(mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", WRITER, mode], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def _previous() -> bytes:
    text = hand_comparison().articles[0].text
    original = saved_with((make_annotation(passage_target(text, 0, 0, 5), "the note to keep"),), name="victim")
    path, _ = write_saved(original, expected=None)
    return path.read_bytes()


def _assert_intact(before: bytes) -> None:
    path = comparisons_dir() / "victim.json"
    assert path.read_bytes() == before
    saved, _ = read_saved("victim")
    assert saved.annotations[0].note == "the note to keep"


def test_killed_between_write_and_replace() -> None:
    before = _previous()
    process = _start("before-replace")
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(2)]
    assert lines == ["WRITING", "BEFORE-REPLACE"]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    _assert_intact(before)


def test_killed_while_writing_a_large_file() -> None:
    before = _previous()
    process = _start("during-write")
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "WRITING"
    deadline = time.monotonic() + 30
    temporary: list[Path] = []
    while time.monotonic() < deadline and not temporary:
        temporary = [p for p in comparisons_dir().iterdir() if p.name.endswith(".tmp")]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    if not temporary:
        pytest.fail("the writer never created its temporary file")
    _assert_intact(before)


def test_an_unkilled_save_replaces_the_file() -> None:
    before = _previous()
    process = _start("complete")
    out, _ = process.communicate(timeout=30)
    assert "DONE" in out
    path = comparisons_dir() / "victim.json"
    assert path.read_bytes() != before
    assert read_saved("victim")[0].annotations[0].note == "x" * 10

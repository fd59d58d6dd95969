"""End to end in a real terminal (tmux): write a note on the seeds, see its mark and the Notes tab, save by name.

Reuses the tmux terminal of test_e2e_tmux (stderr never redirected, waits by polling the screen). Skips
cleanly where tmux is missing.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.tui.test_e2e_tmux import Terminal, terminal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

__all__ = ["terminal"]


def type_text(terminal: Terminal, text: str) -> None:
    terminal.tmux("send-keys", "-t", terminal.name, "-l", text)


def test_a_note_on_the_seeds_is_marked_listed_and_saved(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_for(lambda s: "A ⇄ B" in s and "matched" in s, "the aligned panes")
    terminal.wait_for(lambda s: "finding actors" not in s and "actor" in s, "the analysis", 90)

    terminal.keys("j", "m")
    terminal.wait_for(lambda s: "New note on A line" in s, "the note dialog")
    type_text(terminal, "Check the [bold]date[/] of the meeting")
    terminal.wait_for(lambda s: "of the meeting" in s, "the typed note")
    terminal.keys("C-s")
    terminal.wait_for(lambda s: "New note on" not in s and "✎" in s, "the note mark in the gutter")

    terminal.keys("4")
    terminal.wait_for(lambda s: "Check the [bold]date[/]" in s, "the note in the Notes tab")

    terminal.keys("C-s")
    terminal.wait_for(lambda s: "Save the comparison as" in s, "the name dialog")
    terminal.wait_for(lambda s: ".json in the saved" in s, "the suggested name's file hint")
    terminal.keys("C-u")
    terminal.wait_for(lambda s: "needs a name" in s, "the emptied name field")
    type_text(terminal, "e2e notes")
    terminal.wait_for(lambda s: "e2e-notes.json" in s, "the file name hint")
    terminal.keys("Enter")
    terminal.wait_for(lambda s: "Save the comparison as" not in s, "the name dialog to close")

    terminal.keys("q")  # the Notes list has the focus: q stays in the list and says how to leave it
    terminal.wait_for(lambda s: "Keys typed in a list" in s, "the hint")
    terminal.keys("Escape")
    time.sleep(0.3)  # a key sent right after ESC reaches the app as alt+key
    terminal.keys("q")
    screen = terminal.wait_for(lambda s: "READER-EXIT=" in s, "the app to quit")
    assert "READER-EXIT=0" in screen and "Traceback" not in screen
    saved = json.loads((tmp_path / "data" / "comparisons" / "e2e-notes.json").read_text(encoding="utf-8"))
    assert [note["note"] for note in saved["annotations"]] == ["Check the [bold]date[/] of the meeting"]
    assert saved["view"]["sidebar_tab"] == "notes"
    assert not any(path.name.startswith("notes-") for path in (tmp_path / "data" / "comparisons").iterdir())

"""Emoji sequences in a real terminal (tmux): the border between the panes stays in one column on every row.

Where the border sits is asked of tmux itself (copy mode: search the border glyph, read `copy_cursor_x`), so
the test measures cells the way the terminal draws them, not the way our own code counts them. Then `q` in the
middle of it ends the process. Skips cleanly where tmux is missing.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.tmux import start_session

ROOT = Path(__file__).resolve().parents[2]
BORDER = "▕"
HEIGHT = 20

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

FAMILY = "👩\u200d👩\u200d👧"
RAINBOW_FLAG = "🏳\ufe0f\u200d🌈"
ARTICLE_A = (
    "Families gather at the harbour.\n\n"
    f"The family {FAMILY} waved a flag {RAINBOW_FLAG} at the storm on Tuesday, and 👍🏽 to the crews.\n\n"
    "Officials said boats were damaged.\n"
)
ARTICLE_B = (
    "Officials said many boats were damaged.\n\n"
    f"A family {FAMILY} waved {RAINBOW_FLAG} flags at the storm on Tuesday, witnesses said.\n"
)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    name = f"issue13b-emoji-{uuid.uuid4().hex[:8]}"
    command = (
        f"cd {shlex.quote(str(tmp_path))} && env -u COLUMNS -u LINES PYTHONPATH={shlex.quote(str(ROOT))} "
        f"READER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))} "
        f"READER_CACHE_DIR={shlex.quote(str(tmp_path / 'cache'))} "
        f"{shlex.quote(sys.executable)} -m reader a.txt b.txt; echo READER-EXIT=$?; sleep 30"
    )
    start_session(name, 110, HEIGHT, command)
    try:
        yield name
    finally:
        _tmux("kill-session", "-t", name)


def _wait_for(name: str, text: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", name)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {text!r}; screen was:\n{screen}")


def _press(name: str, key: str, timeout: float = 30.0) -> None:
    """Send a key, then wait until the screen has changed and stopped changing (polling, no fixed sleep)."""
    before = _tmux("capture-pane", "-p", "-t", name)
    _tmux("send-keys", "-t", name, key)
    deadline = time.monotonic() + timeout
    previous = before
    while time.monotonic() < deadline:
        time.sleep(0.05)
        screen = _tmux("capture-pane", "-p", "-t", name)
        if screen != before and screen == previous:
            return
        previous = screen
    raise AssertionError(f"the screen did not settle after {key!r}")


def border_cells(name: str) -> set[tuple[int, int]]:
    """(column, row) of every border glyph on the screen, columns as tmux placed them."""
    _tmux("copy-mode", "-t", name)
    _tmux("send-keys", "-t", name, "-X", "history-top")
    _tmux("send-keys", "-t", name, "-X", "search-forward", BORDER)
    found: set[tuple[int, int]] = set()
    for _ in range(200):
        x, y = (int(value) for value in _tmux("display", "-p", "-t", name, "#{copy_cursor_x} #{copy_cursor_y}").split())
        if (x, y) in found:
            break  # the search wrapped around
        found.add((x, y))
        _tmux("send-keys", "-t", name, "-X", "search-again")
    _tmux("send-keys", "-t", name, "-X", "cancel")
    return found


def test_emoji_sequences_do_not_move_the_border_and_q_quits(session: str) -> None:
    screen = _wait_for(session, "matched")
    emoji_rows = [y for y, line in enumerate(screen.splitlines()) if "👩" in line]
    assert emoji_rows, screen
    rows = range(1, HEIGHT - 1)  # every row between the status line and the footer crosses the border
    _wait_for(session, "filter actors")  # the analysis is in: the screen is complete
    for key in ("", "j", "j", "tab", "j", "k"):  # each move redraws the emoji rows in another style
        if key:
            _press(session, key)
        cells = border_cells(session)
        column = min(x for x, _y in cells)
        assert cells == {(column, y) for y in rows}, f"after {key!r}, border cells: {sorted(cells)}"
    _tmux("send-keys", "-t", session, "q")
    assert "READER-EXIT=0" in _wait_for(session, "READER-EXIT=")

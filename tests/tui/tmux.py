"""Starting a detached tmux session for the end-to-end tests, robust to the server that is still exiting.

When a test kills the last session, its tmux server exits; a `new-session` issued in that moment reaches the
dying server and fails with exit 1 ("server exited unexpectedly"), which once failed the suite on a machine
where the tests before had just ended theirs. The start is retried a few times; any other failure is reported
with tmux's own message.
"""

from __future__ import annotations

import subprocess
import time

ATTEMPTS = 5
"""Starts tried before giving up: a dying server is gone within milliseconds, so the second normally succeeds."""


def start_session(name: str, width: int, height: int, command: str) -> None:
    """Start `command` in a detached session of width × height, pinned to that size without a client."""
    message = ""
    for attempt in range(ATTEMPTS):
        result = subprocess.run(
            ["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            break
        message = result.stderr.strip()
        time.sleep(0.2 * (attempt + 1))
    else:
        raise RuntimeError(f"tmux could not start a session after {ATTEMPTS} attempts: {message}")
    # Without an attached client some tmux versions fall back to 80x24; pin the size we asked for.
    subprocess.run(["tmux", "set-option", "-t", name, "window-size", "manual"], capture_output=True, check=False)
    subprocess.run(
        ["tmux", "resize-window", "-t", name, "-x", str(width), "-y", str(height)], capture_output=True, check=False
    )

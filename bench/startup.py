"""Startup of `reader seeds/` in a real terminal, against a bare Textual app measured the same way.

Each app runs in a fresh detached tmux session (160×48); we poll `capture-pane` every 10 ms and time, from the
moment tmux is asked to start it:
- first paint: the bare app's text / reader's status line with both pane headers;
- highlights: the alignment is in (the status line counts matched passages);
- analysis: actors and claims are in (the "finding actors and claims…" note is gone).
A fresh cache directory per run, so the analysis is never served from the cache.

Run: `python bench/startup.py [runs]` (default 5). Needs tmux; prints medians and the ratio to the bare app.
"""

from __future__ import annotations

import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App[None]):
    def compose(self):
        yield Static("bare textual app painted")

Bare().run()
"""


def poll(session: str, checks: dict[str, Callable[[str], bool]], start: float, timeout: float) -> dict[str, float]:
    """Seconds from `start` until each check first holds on the captured screen."""
    found: dict[str, float] = {}
    deadline = start + timeout
    while len(found) < len(checks) and time.monotonic() < deadline:
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
        ).stdout
        now = time.monotonic() - start
        for name, check in checks.items():
            if name not in found and check(screen):
                found[name] = now
        time.sleep(0.01)
    return found


def run_once(command: str, checks: dict[str, Callable[[str], bool]], timeout: float = 60.0) -> dict[str, float]:
    session = f"bench-{uuid.uuid4().hex[:8]}"
    start = time.monotonic()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48", f"{command}; sleep 60"],
        check=True,
    )
    try:
        return poll(session, checks, start, timeout)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)


def main() -> int:
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return 0
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    python = shlex.quote(sys.executable)
    # A idle session keeps the tmux server alive between runs (a server that exits races the next start).
    keeper = f"bench-keeper-{uuid.uuid4().hex[:8]}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 900"], check=True)
    try:
        return measure(runs, python)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True, check=False)


def measure(runs: int, python: str) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        bare = Path(scratch) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        bare_times: list[float] = []
        reader_times: dict[str, list[float]] = {"first paint": [], "highlights": [], "analysis": []}
        for run in range(runs):
            result = run_once(
                f"env -u COLUMNS -u LINES {python} {shlex.quote(str(bare))}",
                {"first paint": lambda s: "bare textual app painted" in s},
            )
            bare_times.append(result.get("first paint", float("nan")))
            cache = Path(scratch) / f"cache-{run}"
            command = (
                f"cd {shlex.quote(scratch)} && env -u COLUMNS -u LINES PYTHONPATH={shlex.quote(str(ROOT))} "
                f"READER_CACHE_DIR={shlex.quote(str(cache))} READER_DATA_DIR={shlex.quote(str(cache))} "
                f"{python} -m reader {shlex.quote(str(ROOT / 'seeds'))}"
            )
            result = run_once(
                command,
                {
                    "first paint": lambda s: "A ⇄ B" in s and "  A  " in s and "  B  " in s,
                    "highlights": lambda s: "matched" in s,
                    "analysis": lambda s: "matched" in s and "finding actors" not in s and "actor" in s,
                },
            )
            for name in reader_times:
                reader_times[name].append(result.get(name, float("nan")))
    bare_median = statistics.median(bare_times)
    print(f"runs: {runs} (tmux 160x48, polling every 10 ms; medians)")
    print(f"bare Textual app, first paint: {bare_median * 1000:7.0f} ms")
    for name, values in reader_times.items():
        median = statistics.median(values)
        print(f"reader seeds/, {name:12s}: {median * 1000:7.0f} ms  ({median / bare_median:.2f}× the bare app)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

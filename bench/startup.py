"""Startup of `reader seeds/` in a real terminal, against a bare Textual app measured the same way.

Each app runs in a fresh detached tmux session (160×48); we poll `capture-pane` every 10 ms and time, from the
moment tmux is asked to start it:
- first paint: the bare app's text / reader's status line with both pane headers;
- highlights: the alignment is in (the status line counts matched passages);
- analysis: actors and claims are in (the "finding actors and claims…" note is gone).
A fresh cache directory per run, so the analysis is never served from the cache.

Both apps run as an installed package would: with their bytecode compiled once (an unmeasured warm-up run
writes it to a private PYTHONPYCACHEPREFIX). Without that, a checkout run under PYTHONDONTWRITEBYTECODE=1
compiles every reader module from source on each start (~90 ms) while Textual's own bytecode is already
installed, which measures the compiler rather than the app. `--cold` measures that way instead.

Run: `python bench/startup.py [runs] [--cold]` (default 5). Needs tmux; prints medians and the ratio to the bare
app.
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
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    runs = int(numbers[0]) if numbers else 5
    cold = "--cold" in sys.argv[1:]
    python = shlex.quote(sys.executable)
    # A idle session keeps the tmux server alive between runs (a server that exits races the next start).
    keeper = f"bench-keeper-{uuid.uuid4().hex[:8]}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 900"], check=True)
    try:
        return measure(runs, python, cold)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True, check=False)


def measure(runs: int, python: str, cold: bool) -> int:
    reader_checks: dict[str, Callable[[str], bool]] = {
        "first paint": lambda s: "A ⇄ B" in s and "  A  " in s and "  B  " in s,
        "highlights": lambda s: "matched" in s,
        "analysis": lambda s: "matched" in s and "finding actors" not in s and "filter actors" in s,
    }
    bare_check: dict[str, Callable[[str], bool]] = {"first paint": lambda s: "bare textual app painted" in s}
    with tempfile.TemporaryDirectory() as scratch:
        bare = Path(scratch) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        bytecode = (
            "PYTHONDONTWRITEBYTECODE=1"
            if cold
            else f"-u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX={shlex.quote(str(Path(scratch) / 'pycache'))}"
        )
        bare_command = f"env -u COLUMNS -u LINES {bytecode} {python} {shlex.quote(str(bare))}"

        def reader_command(run: int) -> str:
            cache = shlex.quote(str(Path(scratch) / f"cache-{run}"))
            return (
                f"cd {shlex.quote(scratch)} && env -u COLUMNS -u LINES {bytecode} "
                f"PYTHONPATH={shlex.quote(str(ROOT))} READER_CACHE_DIR={cache} READER_DATA_DIR={cache} "
                f"{python} -m reader {shlex.quote(str(ROOT / 'seeds'))}"
            )

        if not cold:  # compile both apps' bytecode once, unmeasured
            run_once(bare_command, bare_check)
            run_once(reader_command(-1), reader_checks)
        bare_times: list[float] = []
        reader_times: dict[str, list[float]] = {name: [] for name in reader_checks}
        for run in range(runs):
            result = run_once(bare_command, bare_check)
            bare_times.append(result.get("first paint", float("nan")))
            result = run_once(reader_command(run), reader_checks)
            for name in reader_times:
                reader_times[name].append(result.get(name, float("nan")))
    bare_median = statistics.median(bare_times)
    how = "compiled from source each run" if cold else "bytecode compiled once, as installed"
    print(f"runs: {runs} (tmux 160x48, polling every 10 ms; medians; {how})")
    print(f"bare Textual app, first paint: {bare_median * 1000:7.0f} ms")
    for name, values in reader_times.items():
        median = statistics.median(values)
        print(f"reader seeds/, {name:12s}: {median * 1000:7.0f} ms  ({median / bare_median:.2f}× the bare app)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Startup of `reader seeds/` in a real terminal, against a bare Textual app measured the same way.

Each app runs in a fresh detached tmux session (160×48); we poll `capture-pane` every 10 ms and time, from the
moment tmux is asked to start it:
- first paint: the bare app's text / reader's status line with both pane headers;
- highlights: the alignment is in (the status line counts matched passages);
- analysis: actors and claims are in the sidebar (its actor filter is up, no "finding actors and claims…" left):
  since the analysis service hands them over before the alignment, this may come before the highlights;
- claims linked: the whole analysis, claim links across the articles included (which wait for the alignment).
A fresh cache directory per run, so the analysis is never served from the cache.

Both apps run as an installed package would: with their bytecode compiled once (an unmeasured warm-up run
writes it to a private PYTHONPYCACHEPREFIX). Without that, a checkout run under PYTHONDONTWRITEBYTECODE=1
compiles every reader module from source on each start (~90 ms) while Textual's own bytecode is already
installed, which measures the compiler rather than the app. `--cold` measures that way instead.

Each run measures reader with a cold cache (a fresh directory: spaCy parses) and a warm one (the parse comes from
the cache, so no spaCy at all), interleaved with the bare app so that load on the machine hits all alike.
`--baseline=DIR` also runs another checkout of reader (e.g. the commit before a change) the same way.

On Linux with autogroup scheduling (`/proc/sys/kernel/sched_autogroup_enabled`), `nice` only ranks processes
of one session: other sessions' niced work still takes an equal share per session, so "the others run under
nice 19" does not give the measured apps the CPU. `--autogroup-nice=N` (e.g. -10; needs root) gives each
measured app's tmux session that autogroup niceness, bare and reader alike, which restores what nice was
meant to do on a shared machine.

Each run also measures the layout floor (FLOOR_APP): reader's first frame drawn by plain Textual, which splits
the gap between reader and the bare app into Textual's cost for the layout and reader's own.

Run: `python bench/startup.py [runs] [--cold] [--baseline=DIR] [--autogroup-nice=N]` (default 5). Needs tmux;
prints medians, the ratio to the bare app (of the medians, and "paired": the median of each round's own ratio)
and, for the highlights and the analysis, the median time after the first paint.
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

FLOOR_APP = """
import sys
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

TEXTS = [open(path, encoding="utf-8").read() for path in sys.argv[2:4]]

class Floor(App[None]):
    CSS_PATH = sys.argv[1]

    def compose(self):
        yield Static(" A ⇄ B   aligning…", id="status")
        with Horizontal(id="body"):
            for name, label, text in (("left", "A", TEXTS[0]), ("right", "B", TEXTS[1])):
                with Vertical(id=f"{name}-column", classes="column"):
                    yield Static(f"  {label}  " + text.splitlines()[0], classes="pane-header")
                    with Horizontal(classes="pane-row"):
                        yield Static(text, markup=False)
                        yield Static("")
            yield Vertical(id="sidebar-slot")
        yield Vertical(id="footer-slot")

Floor().run()
"""
"""The layout floor: reader's first frame as Textual draws it with none of reader's code (the same containers,
ids, classes and stylesheet; the two seed texts in plain Statics where reader has its panes and minimaps; no
analysis service). What it costs over the bare app is Textual's for this layout; what reader costs over it is
reader's own (its imports, the service started beside it, its panes)."""


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


STARTED = "started"
"""run_once's key for the `time.monotonic()` at which tmux was asked to start the app (the service's phases are
stamped with the same clock)."""

AUTOGROUP_NICE: list[str] = []
"""The --autogroup-nice value, when given (see the module docstring)."""


def run_once(command: str, checks: dict[str, Callable[[str], bool]], timeout: float = 60.0) -> dict[str, float]:
    session = f"bench-{uuid.uuid4().hex[:8]}"
    if AUTOGROUP_NICE:
        command = f"(echo {AUTOGROUP_NICE[0]} > /proc/self/autogroup) 2>/dev/null; {command}"
    start = time.monotonic()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48", f"{command}; sleep 60"],
        check=True,
    )
    try:
        found = poll(session, checks, start, timeout)
        found[STARTED] = start
        return found
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)


def main() -> int:
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipped")
        return 0
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    runs = int(numbers[0]) if numbers else 5
    cold = "--cold" in sys.argv[1:]
    baseline = next((Path(arg.split("=", 1)[1]) for arg in sys.argv[1:] if arg.startswith("--baseline=")), None)
    AUTOGROUP_NICE.extend(str(int(arg.split("=", 1)[1])) for arg in sys.argv[1:] if arg.startswith("--autogroup-nice="))
    python = shlex.quote(sys.executable)
    # A idle session keeps the tmux server alive between runs (a server that exits races the next start).
    keeper = f"bench-keeper-{uuid.uuid4().hex[:8]}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 900"], check=True)
    try:
        return measure(runs, python, cold, baseline)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True, check=False)


READER_CHECKS: dict[str, Callable[[str], bool]] = {
    "first paint": lambda s: "A ⇄ B" in s and "  A  " in s and "  B  " in s,
    "highlights": lambda s: "matched" in s,
    "analysis": lambda s: "filter actors" in s and "finding actors" not in s.lower(),
    "claims linked": lambda s: "matched" in s and "finding actors" not in s.lower() and "filter actors" in s,
}


def measure(runs: int, python: str, cold: bool, baseline: Path | None) -> int:
    bare_check: dict[str, Callable[[str], bool]] = {"first paint": lambda s: "bare textual app painted" in s}
    floor_check = {"first paint": READER_CHECKS["first paint"]}
    roots = {"reader": ROOT, **({"baseline": baseline.resolve()} if baseline else {})}
    with tempfile.TemporaryDirectory() as scratch:
        bare = Path(scratch) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        bytecode = (
            "PYTHONDONTWRITEBYTECODE=1"
            if cold
            else f"-u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX={shlex.quote(str(Path(scratch) / 'pycache'))}"
        )
        bare_command = f"env -u COLUMNS -u LINES {bytecode} {python} {shlex.quote(str(bare))}"
        floor = Path(scratch) / "floor.py"
        floor.write_text(FLOOR_APP, encoding="utf-8")
        seeds = sorted(str(path) for path in (ROOT / "seeds").glob("*.txt"))[:2]
        floor_command = f"env -u COLUMNS -u LINES {bytecode} {python} {shlex.quote(str(floor))} " + " ".join(
            shlex.quote(part) for part in (str(ROOT / "styles" / "reader.tcss"), *seeds)
        )

        def reader_command(root: Path, cache: str, timings: Path | None = None) -> str:
            cache_dir = shlex.quote(str(Path(scratch) / cache))
            phases = f"READER_SERVICE_TIMINGS={shlex.quote(str(timings))} " if timings is not None else ""
            return (
                f"cd {shlex.quote(scratch)} && env -u COLUMNS -u LINES {bytecode} {phases}"
                f"PYTHONPATH={shlex.quote(str(root))} READER_CACHE_DIR={cache_dir} READER_DATA_DIR={cache_dir} "
                f"{python} -m reader {shlex.quote(str(ROOT / 'seeds'))}"
            )

        # unmeasured: compile every app's bytecode once, and fill each warm cache
        run_once(bare_command, bare_check)
        run_once(floor_command, floor_check)
        for name, root in roots.items():
            run_once(reader_command(root, f"warm-{name}"), READER_CHECKS)
        bare_times: list[float] = []
        floor_times: list[float] = []
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for run in range(runs):  # interleaved, so load on the machine hits every variant alike
            bare_times.append(run_once(bare_command, bare_check).get("first paint", float("nan")))
            floor_times.append(run_once(floor_command, floor_check).get("first paint", float("nan")))
            for name, root in roots.items():
                for cache in ("cold", "warm"):
                    cache_dir = f"cold-{name}-{run}" if cache == "cold" else f"warm-{name}"
                    timings = Path(scratch) / f"phases-{name}-{cache}-{run}.jsonl"
                    row = run_once(reader_command(root, cache_dir, timings), READER_CHECKS)
                    results.setdefault((name, cache), []).append(row | service_phases(timings, row[STARTED]))
    bare_median = statistics.median(bare_times)
    how = "compiled from source each run" if cold else "bytecode compiled once, as installed"
    favoured = f"; autogroup nice {AUTOGROUP_NICE[0]}" if AUTOGROUP_NICE else ""
    print(f"runs: {runs} (tmux 160x48, polling every 10 ms; medians; {how}{favoured}; a shared 2-core machine: noisy)")
    print(f"bare Textual app, first paint: {bare_median * 1000:7.0f} ms")
    floor_median = statistics.median(floor_times)
    print(
        f"layout floor (reader's first frame in plain Textual, none of reader's code), first paint: "
        f"{floor_median * 1000:5.0f} ms  ({floor_median / bare_median:.2f}× the bare app; "
        f"{paired_ratio(floor_times, bare_times):.2f}× paired)"
    )
    for (name, cache), rows in results.items():
        label = f"{name} seeds/ ({cache} cache)"
        for check in READER_CHECKS:
            median = statistics.median(row.get(check, float("nan")) for row in rows)
            line = f"{label:28s} {check:13s}: {median * 1000:7.0f} ms  ({median / bare_median:.2f}× the bare app)"
            if check == "first paint":
                paired = paired_ratio([row.get(check, float("nan")) for row in rows], bare_times)
                line = line.removesuffix(")") + f"; {paired:.2f}× paired)"
            else:
                after = statistics.median(row.get(check, float("nan")) - row.get("first paint", 0.0) for row in rows)
                line += f", {after * 1000:5.0f} ms after the first paint"
            print(line)
        phases = [key for key in rows[0] if key.startswith(PHASE)]
        if phases:
            steps = ", ".join(
                f"{key.removeprefix(PHASE)} {statistics.median(row.get(key, float('nan')) for row in rows) * 1000:.0f}"
                for key in phases
            )
            print(f"{label:28s} service (ms from the start): {steps}")
    return 0


def paired_ratio(times: list[float], bare_times: list[float]) -> float:
    """The median of each run's ratio to the bare app measured next to it in the same round.

    Less thrown by the machine's speed drifting during the bench than the ratio of the medians (a shared VM: the
    bare app's own first paint was 182 ms one day and 250-288 ms the next), since both apps of a round meet the
    same speed. Neither resolves a few ms on such a day: three benches of one commit there gave 1.21-1.43×
    paired and 1.24-1.37× of the medians."""
    return statistics.median(time / bare for time, bare in zip(times, bare_times, strict=True))


PHASE = "service: "


def service_phases(timings: Path, started: float) -> dict[str, float]:
    """The analysis service's phases of one run (reader.core.service_loop.phase), in seconds from the start."""
    import json

    phases: dict[str, float] = {}
    try:
        lines = timings.read_text(encoding="utf-8").splitlines()
    except OSError:
        return phases
    for line in lines:
        entry = json.loads(line)
        phases.setdefault(PHASE + entry["phase"], entry["at"] - started)
    return phases


if __name__ == "__main__":
    raise SystemExit(main())

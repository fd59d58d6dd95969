"""`q` ends the process at once, whatever is still running: a worker inside a long analysis, spaCy's process.

Each case runs the real `ReaderApp.run()` (headless) in a child interpreter, since what is tested is whether
the interpreter ends. The analysis of the first case never returns, so without the fix the child never exits
and `subprocess.run` hits its deadline (a hang detector, far above any real quit, not a speed figure).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HANG = 60.0

QUIT_DURING_ANALYSIS = """
import sys, threading
from reader.app import ReaderApp
from reader.core.load.inputs import load_inputs

started = threading.Event()

def never_ends(comparison):
    started.set()
    threading.Event().wait()

class QuitWhenAnalysing(ReaderApp):
    def on_ready(self) -> None:
        self.set_interval(0.02, self.quit_once_analysing)

    async def quit_once_analysing(self) -> None:
        if started.is_set():
            print("quitting", flush=True)
            await self.action_quit()

QuitWhenAnalysing(load_inputs([sys.argv[1]]).articles, analyser=never_ends).run(headless=True)
print("not reached: run() ends the process")
"""

QUIT_WHILE_SPACY_PARSES = """
import sys
from reader import lifetime
from reader.app import ReaderApp
from reader.core.load.inputs import load_inputs

class QuitAtOnce(ReaderApp):
    def on_ready(self) -> None:
        print(f"service {lifetime._services[0]._process.pid}", flush=True)
        self.call_after_refresh(self.exit, 0)

long_story = " ".join(f"The storm closed harbour number {k} on Tuesday, officials said." for k in range(3000))
QuitAtOnce(load_inputs([long_story, long_story.replace("Tuesday", "Monday")]).articles).run(headless=True)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_CACHE_DIR": str(tmp_path / "cache"),
    }


def _run(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=HANG,
        check=False,
        cwd=tmp_path,
    )


def test_quit_during_an_analysis_that_never_ends_ends_the_process(tmp_path: Path) -> None:
    result = _run(QUIT_DURING_ANALYSIS, tmp_path)
    assert result.stdout.splitlines() == ["quitting"], result.stderr
    assert result.returncode == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_quit_kills_spacys_process_too(tmp_path: Path) -> None:
    """The service is parsing 6,000 sentences (many seconds) when the app quits; it must be gone with the app.

    The output goes to a file, not a pipe: reading a pipe to its end would wait for the service as well.
    """
    output = tmp_path / "out.txt"
    with output.open("w") as stream:
        app = subprocess.Popen(
            [sys.executable, "-c", QUIT_WHILE_SPACY_PARSES], stdout=stream, stderr=subprocess.STDOUT, env=_env(tmp_path)
        )
        assert app.wait(timeout=HANG) == 0, output.read_text()
    line = next(line for line in output.read_text().splitlines() if line.startswith("service "))
    assert not _alive(int(line.split()[1])), "spaCy's process outlived the app"

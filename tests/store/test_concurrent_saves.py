"""Two real processes saving one comparison at the same moment: every acknowledged note survives.

Each worker opens the same saved comparison, waits at a barrier so both start together, then adds notes one
by one (each add autosaves), then edits its first note. A change is acknowledged when its autosave reported no
error. Afterwards the file must hold every acknowledged note and edit of both workers, and with merging every
change is acknowledged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import compare
from reader.store.files import read_saved
from reader.store.session import Session

ROOT = Path(__file__).resolve().parents[2]

WORKER = r"""
import json, sys, time
from pathlib import Path
from reader.store.session import Session

name, tag, count, pause, barrier = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), Path(sys.argv[5])
session = Session.open(name)
(barrier / f"ready-{tag}").touch()
deadline = time.monotonic() + 20
while not (barrier / "go").exists() and time.monotonic() < deadline:
    time.sleep(0.001)
acknowledged = []
for number in range(count):
    note = session.annotate_sentence(number % 2, number % 3, f"{tag} note {number}")
    if session.save_error is None:
        acknowledged.append(note.id)
    else:
        print(f"save failed: {session.save_error}", file=sys.stderr)
    time.sleep(pause)
edited = None
if acknowledged:
    session.edit(acknowledged[0], note=f"{tag} edited")
    edited = acknowledged[0] if session.save_error is None else None
print(json.dumps({"added": acknowledged, "edited": edited}))
"""

TEXT = "Storm hits the coast\n\nHeavy rain fell on Monday.\nTeams worked all night.\nSchools stay closed.\n"
OTHER = "Coastal storm\n\nRain fell heavily on Monday.\nEmergency teams worked overnight.\nShelters opened.\n"


def _saved_race(tmp: Path) -> str:
    left, right = tmp / "left.txt", tmp / "right.txt"
    left.write_text(TEXT, encoding="utf-8")
    right.write_text(OTHER, encoding="utf-8")
    session = Session(compare([str(left), str(right)], analyse=False))
    session.save_as("race")
    return "race"


def _race(tmp: Path, counts: tuple[int, int], pauses: tuple[float, float]) -> list[dict[str, object]]:
    barrier = tmp / "barrier"
    barrier.mkdir()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, "race", tag, str(count), str(pause), str(barrier)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=os.environ.copy(),
        )
        for tag, count, pause in zip(("one", "two"), counts, pauses, strict=True)
    ]
    deadline = time.monotonic() + 30
    while len(list(barrier.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    (barrier / "go").touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert "save failed" not in err, err
        results.append(json.loads(out))
    return results


@settings(max_examples=6, deadline=None)
@given(
    counts=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    pauses=st.tuples(st.sampled_from([0.0, 0.002, 0.02]), st.sampled_from([0.0, 0.005])),
)
def test_two_processes_never_lose_an_acknowledged_note(counts: tuple[int, int], pauses: tuple[float, float]) -> None:
    with tempfile.TemporaryDirectory(prefix="issue13a-race-") as directory:
        tmp = Path(directory)
        os.environ["READER_DATA_DIR"] = str(tmp / "data")
        _saved_race(tmp)
        results = _race(tmp, counts, pauses)
        notes = {annotation.id: annotation.note for annotation in read_saved("race")[0].annotations}
        for tag, count, result in zip(("one", "two"), counts, results, strict=True):
            added = result["added"]
            assert isinstance(added, list) and len(added) == count, "with merging every save succeeds"
            assert set(added) <= set(notes), "an acknowledged note was lost"
            assert result["edited"] == added[0] and notes[added[0]] == f"{tag} edited", "an acknowledged edit was lost"

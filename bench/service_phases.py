"""The analysis service's cold path, phase by phase, outside the app: median ms over N fresh processes.

Each run is a fresh interpreter that does what the service does for `reader seeds/` with a cold cache: load the
seeds (`load_inputs`, as `reader.cli.service`), then `reader.core.service_loop.finished_analysis` (import spaCy,
load the model, parse, build the actors and claims), after the service's own process set-up where the checkout
has it (`one_blas_thread`, which the service's `channel()` calls first). The service's own phase notes are
read back; every phase is printed as ms from the spawn of the process, with the step's wall and CPU time (CPU
time of the process and its forked parse copy is steadier than wall time when other programs share the cores).
Bytecode is compiled once, unmeasured, to a private PYTHONPYCACHEPREFIX, as an installed package would be
(`bench/startup.py` does the same). Each run gets a fresh READER_CACHE_DIR.

`--baseline=DIR` runs another checkout of reader the same way, interleaved run by run, so load on the shared
machine hits both alike. `--components` adds one diagnostic run (this checkout) that times each pipeline
component over the seeds' sentences on the model's first pass and on a second one.

Run: `python bench/service_phases.py [runs] [--baseline=DIR] [--components]` (default 7). Noisy on the shared
2-core machine: read the medians, and run it when the machine is quiet for figures that mean anything.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

CHILD = r"""
import json, os, sys, time
spawned = float(os.environ["SERVICE_PHASES_SPAWNED"])
notes = []

def note(name):
    notes.append((name, time.monotonic() - spawned, time.process_time()))

note("interpreter up")
from reader.core import service_loop

getattr(service_loop, "one_blas_thread", lambda: None)()  # as the service's channel() does, first thing
from reader.cli.inputs import app_inputs
from reader.core.load.inputs import load_inputs

service_loop.phase = note  # the service's own phase notes, with this process's CPU time
articles = load_inputs(app_inputs(sys.argv[1:])).articles
note("articles loaded")
later = []
service_loop.finished_analysis(articles, later)
note("analysed")
children = os.times()
print(json.dumps({"notes": notes, "forked_cpu": children.children_user + children.children_system}))
"""

COMPONENTS = r"""
import sys, time
from reader.cli.inputs import app_inputs
from reader.core.load.inputs import load_inputs
from reader.core.analysis.cache import analysed_sentences
from reader.core.analysis.nlp import get_nlp
from reader.core.analysis.parse import PIPE_BATCH, _CONTROL_SPACE

articles = load_inputs(app_inputs(sys.argv[1:])).articles
texts = [_CONTROL_SPACE.sub(" ", s.text) for a in articles for s in analysed_sentences(a)]
nlp = get_nlp()
for attempt in ("first pass", "second pass"):
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    spent = {"tokenizer": time.perf_counter() - started}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=PIPE_BATCH))
        spent[name] = time.perf_counter() - started
    words = sum(len(doc) for doc in docs)
    line = ", ".join(f"{name} {seconds * 1000:.0f}" for name, seconds in spent.items())
    total = sum(spent.values()) * 1000
    print(f"{attempt}: {len(docs)} docs, {words} words; ms: {line}; total {total:.0f}")
"""

STEPS = (
    ("interpreter up", "interpreter up"),
    ("articles loaded", "load seeds"),
    ("spaCy imported", "import spaCy"),
    ("model loaded", "load model"),
    ("parsed", "parse"),
    ("analysed", "actors+claims"),
)


def run_child(root: Path, pycache: Path, script: str) -> dict[str, tuple[float, float]] | None:
    """One fresh process's phases: name -> (ms since the spawn, CPU ms of the step ending there)."""
    with tempfile.TemporaryDirectory(prefix="spacyfast-phases-") as cache:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            PYTHONPYCACHEPREFIX=str(pycache),
            PYTHONPATH=str(root),
            READER_CACHE_DIR=cache,
            READER_DATA_DIR=cache,
            SERVICE_PHASES_SPAWNED=repr(time.monotonic()),
        )
        seeds = sorted(str(path) for path in SEEDS.glob("*.txt"))
        result = subprocess.run(
            [sys.executable, "-c", script, *seeds], capture_output=True, text=True, env=env, cwd=cache, check=False
        )
    if result.returncode != 0:
        print(f"run failed ({root}): {result.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    report = json.loads(result.stdout.strip().splitlines()[-1])
    phases: dict[str, tuple[float, float]] = {}
    previous_cpu = 0.0
    for name, at, cpu in report["notes"]:
        phases[name] = (at * 1000, (cpu - previous_cpu) * 1000)
        previous_cpu = cpu
    phases["forked copy"] = (0.0, report["forked_cpu"] * 1000)
    return phases


def summary(runs: list[dict[str, tuple[float, float]]]) -> list[str]:
    lines = []
    previous = 0.0
    for phase, label in STEPS:
        ats = [run[phase][0] for run in runs if phase in run]
        if not ats:
            continue
        at = statistics.median(ats)
        steps = [run[phase][0] - run[before][0] for run in runs for before in [_before(phase, run)] if phase in run]
        cpu = statistics.median(run[phase][1] for run in runs if phase in run)
        lines.append(f"  {label:<16} at {at:6.0f} ms   step {statistics.median(steps):5.0f} ms   CPU {cpu:5.0f} ms")
        previous = at
    forked = statistics.median(run["forked copy"][1] for run in runs)
    lines.append(f"  (forked parse copy CPU {forked:.0f} ms; last phase at {previous:.0f} ms)")
    return lines


def _before(phase: str, run: dict[str, tuple[float, float]]) -> str:
    names = [name for name, _label in STEPS if name in run]
    index = names.index(phase)
    return names[index - 1] if index else phase


def main() -> int:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    runs = int(numbers[0]) if numbers else 7
    baseline = next((Path(arg.split("=", 1)[1]) for arg in sys.argv[1:] if arg.startswith("--baseline=")), None)
    roots = {"this checkout": ROOT, **({f"baseline {baseline}": baseline.resolve()} if baseline else {})}
    with tempfile.TemporaryDirectory(prefix="spacyfast-pycache-") as pycache:
        for root in roots.values():  # unmeasured: compile the bytecode once
            run_child(root, Path(pycache), CHILD)
        measured: dict[str, list[dict[str, tuple[float, float]]]] = {name: [] for name in roots}
        for _ in range(runs):
            for name, root in roots.items():
                phases = run_child(root, Path(pycache), CHILD)
                if phases is not None:
                    measured[name].append(phases)
        print(f"cold service path over the seeds: medians of {runs} fresh processes (noisy shared machine)")
        for name, phases_of_runs in measured.items():
            print(f"{name} ({len(phases_of_runs)} runs):")
            print("\n".join(summary(phases_of_runs)) if phases_of_runs else "  no run succeeded")
        if "--components" in sys.argv[1:]:
            env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
            env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=pycache)
            seeds = sorted(str(path) for path in SEEDS.glob("*.txt"))
            command = [sys.executable, "-c", COMPONENTS, *seeds]
            print("per component (this checkout):")
            print(subprocess.run(command, capture_output=True, text=True, env=env, check=False).stdout.rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

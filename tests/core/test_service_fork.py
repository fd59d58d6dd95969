"""The launch service forked from the command line: the same service on pipes, never a fork beside a thread.

The forks run in a fresh interpreter (as the command line is when it forks): pytest's own process may hold
threads, and `fork_service` rightly refuses then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.core import service_fork
from reader.core.parse_service import AnalysisService

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the service forks on Linux only")

PROBE = r"""
import gc, json, os, stat, sys, types
from reader.core.collector import pause_for_startup
from reader.core.parse_service import read_frame, write_frame
from reader.core.service_fork import fork_service

def main():
    sys.stdout.flush()  # as any stray print would in time: what the parent had buffered must not be in it
    request = read_frame(sys.stdin.buffer)
    write_frame(sys.stdout.buffer, {
        "request": request,
        "stdin_pipe": stat.S_ISFIFO(os.fstat(0).st_mode),
        "stdout_pipe": stat.S_ISFIFO(os.fstat(1).st_mode),
        "stderr_devnull": os.path.samestat(os.fstat(2), os.stat(os.devnull)),
        "collector_on": gc.isenabled(),
        "parent": os.environ.get("PROBE_PARENT"),
    })

probe = types.ModuleType("probe")
probe.main = main
sys.modules["probe"] = probe
pause_for_startup()  # as the command line does before it forks
print("buffered before the fork", end="")  # must reach this process's stdout once, never the channel
child = fork_service("probe", {"PROBE_PARENT": str(os.getpid())})
write_frame(child.stdin, ("hello", 1))
reply = read_frame(child.stdout)
code = child.wait(timeout=10)
print()
print(json.dumps({**reply, "request": list(reply["request"]), "pid": os.getpid(), "code": code}))
"""


def test_the_forked_copy_serves_on_pipes_with_its_own_collector_and_exits_cleanly() -> None:
    buffered = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=buffered, capture_output=True, text=True, timeout=60, check=True
    )
    first, second = done.stdout.splitlines()
    assert first == "buffered before the fork"
    reply = json.loads(second)
    assert reply["request"] == ["hello", 1]
    assert reply["stdin_pipe"] and reply["stdout_pipe"] and reply["stderr_devnull"]
    assert reply["collector_on"]  # the command line's startup pause is not the copy's
    assert reply["parent"] == str(reply["pid"])
    assert reply["code"] == 0


LAUNCH = r"""
import json, sys
from reader.core.parse_service import AnalysisService
service = AnalysisService.spawn("reader.cli.service", ("launch", (sys.argv[1],)), fork=True)
loaded = service.loaded(timeout=60)
kind = type(service._process).__name__
service.stop()
print(json.dumps({"kind": kind, "shas": [a.sha256 for a in loaded.articles],
                  "reaped": service._process.returncode is not None and not service.is_alive()}))
"""


def test_the_launch_service_forked_loads_the_same_articles_and_is_reaped_on_stop() -> None:
    seeds = ROOT / "seeds"
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(seeds)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    reply = json.loads(done.stdout)
    assert reply["kind"] == "ForkedService"
    spawned = AnalysisService.spawn("reader.cli.service", ("launch", (str(seeds),)))
    assert spawned is not None
    try:
        launched = spawned.loaded(timeout=60)
        assert launched is not None
        assert reply["shas"] == [article.sha256 for article in launched.articles]
    finally:
        spawned.stop()
    assert reply["reaped"]


def test_no_fork_while_another_thread_runs_the_service_starts_as_a_new_interpreter() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert not service_fork.can_fork()
        assert service_fork.fork_service("reader.cli.service", {}) is None
        service = AnalysisService.spawn("reader.cli.service", ("launch", (str(ROOT / "seeds"),)), fork=True)
        assert service is not None
        try:
            assert isinstance(service._process, subprocess.Popen)
            assert service.loaded(timeout=60) is not None
        finally:
            service.stop()
    finally:
        release.set()
        other.join()


def test_the_forked_handle_waits_with_a_timeout_and_reports_the_exit_code() -> None:
    waits = r"""
import json, os, sys, subprocess, types
from reader.core.service_fork import fork_service
probe = types.ModuleType("probe")
def main():
    sys.stdin.buffer.read()  # until the parent closes the channel
    raise SystemExit(3)
probe.main = main
sys.modules["probe"] = probe
child = fork_service("probe", {})
try:
    child.wait(timeout=0.05)
    timed_out = False
except subprocess.TimeoutExpired:
    timed_out = True
running = child.poll() is None
child.stdin.close()
code = child.wait(timeout=10)
print(json.dumps({"timed_out": timed_out, "running": running, "code": code}))
"""
    done = subprocess.run(
        [sys.executable, "-c", waits], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    # SystemExit is a BaseException: the copy leaves with 1, never unwinding into the parent's code
    assert json.loads(done.stdout) == {"timed_out": True, "running": True, "code": 1}

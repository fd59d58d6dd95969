"""Work in a forked copy of the process (reader.core.forked), and `compare` parsing beside its alignment."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import reader.core.parallel as parallel
import reader.core.pipeline as pipeline
from reader.core.forked import run_forked
from reader.core.load.inputs import load_inputs

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _boom() -> int:
    raise RuntimeError("the copy fails")


def test_a_forked_copy_sends_its_value_once_and_a_failing_one_sends_none() -> None:
    work = run_forked(lambda: {"pid": os.getpid(), "value": [1, 2, 3]})
    assert work is not None
    value = work.result()
    assert value is not None and value["value"] == [1, 2, 3] and value["pid"] != os.getpid()
    assert work.result() is None, "a value is read once"
    failing = run_forked(_boom)
    assert failing is not None and failing.result() is None


def test_a_cancelled_copy_is_killed_and_reaped() -> None:
    import time

    work = run_forked(lambda: time.sleep(60))
    assert work is not None
    work.cancel()
    assert work.result() is None
    try:
        os.waitpid(work._pid, os.WNOHANG)
    except ChildProcessError:
        pass  # reaped: no such child any more
    else:
        raise AssertionError("the copy was left running or unreaped")


def test_compare_that_fails_to_align_leaves_no_copy_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    _cores_free(monkeypatch)
    cancelled: list[int] = []
    real_beside = pipeline.parse_beside

    def noting_beside(articles: object) -> object:
        started = real_beside(articles)  # type: ignore[arg-type]
        assert started is not None, "the copy starts"
        real_cancel = started.cancel

        def cancel() -> None:
            cancelled.append(1)
            real_cancel()

        started.cancel = cancel  # type: ignore[method-assign]
        return started

    def failing_align(articles: object) -> object:
        raise RuntimeError("alignment failed")

    monkeypatch.setattr(pipeline, "parse_beside", noting_beside)
    monkeypatch.setattr(pipeline, "align_articles", failing_align)
    with pytest.raises(RuntimeError, match="alignment failed"):
        pipeline.compare(_seed_paths())
    assert cancelled == [1]


def _seed_paths() -> list[str]:
    return sorted(str(path) for path in SEEDS.glob("*.txt"))


def _cores_free(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "idle_cores", lambda cores, load=None: cores)


def test_compare_parses_beside_its_alignment_and_gives_what_one_process_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    _cores_free(monkeypatch)
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        forks.append(1)
        return real_fork()

    import reader.core.analysis.parse as parse

    me = os.getpid()
    parsed_here: list[int] = []
    real_parse_here = parse._parse_here

    def noting_parse_here(nlp: object, jobs: list[tuple[int, object]]) -> object:
        if os.getpid() == me:
            parsed_here.append(len(jobs))
        return real_parse_here(nlp, jobs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fork", counting_fork)
    monkeypatch.setattr(parse, "_parse_here", noting_parse_here)
    beside = pipeline.compare(_seed_paths())
    assert forks == [1], "one forked copy parsed beside the alignment"
    assert len(parsed_here) == 1 and 0 < parsed_here[0] < 68, "this process parsed only its half of the 68"
    monkeypatch.setenv("READER_CACHE_DIR", str(Path(os.environ["READER_CACHE_DIR"]) / "second"))
    monkeypatch.setattr(pipeline, "parse_beside", lambda articles: None)
    here = pipeline.compare(_seed_paths())
    assert beside == here
    assert beside.analysed and beside.actors and beside.claims


def test_a_copy_that_fails_leaves_its_half_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.analysis.parse as parse

    _cores_free(monkeypatch)
    me = os.getpid()
    real_parse_here = parse._parse_here

    def parse_here_only(nlp: object, jobs: list[tuple[int, object]]) -> object:
        if os.getpid() != me:
            raise RuntimeError("the copy fails")
        return real_parse_here(nlp, jobs)  # type: ignore[arg-type]

    monkeypatch.setattr(parse, "_parse_here", parse_here_only)
    result = pipeline.compare(_seed_paths())
    monkeypatch.setenv("READER_CACHE_DIR", str(Path(os.environ["READER_CACHE_DIR"]) / "second"))
    monkeypatch.setattr(pipeline, "parse_beside", lambda articles: None)
    assert result == pipeline.compare(_seed_paths())


def test_no_copy_without_a_free_core_with_other_threads_or_with_nothing_to_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = load_inputs([SEEDS]).articles
    _cores_free(monkeypatch)
    assert pipeline.parse_beside([]) is None, "nothing to parse"
    monkeypatch.setattr(parallel, "idle_cores", lambda cores, load=None: 1)
    assert pipeline.parse_beside(articles) is None, "the other core is busy"
    _cores_free(monkeypatch)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert pipeline.parse_beside(articles) is None, "a second thread: no fork"
    finally:
        stop.set()
        other.join()
    pipeline.compare(_seed_paths())  # fills the parse cache
    assert pipeline.parse_beside(articles) is None, "every article's parse is cached"

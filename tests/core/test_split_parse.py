"""The service's parse split across a forked copy of itself: same records in the same order, and a copy that
dies with its parent. A stand-in pipeline (no spaCy) makes each "parse" a pure function of the sentence."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from reader.core.analysis import parse
from reader.core.records import Sentence
from tests.factories import article_of

ROOT = Path(__file__).resolve().parents[2]


class StandInDoc:
    def __init__(self, tokens: list[Any]) -> None:
        self.tokens = tokens
        self.ents: tuple[Any, ...] = ()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.tokens)


class StandInPipeline:
    """Tokens by whitespace; the lemma says which process parsed it (so a split is seen to have happened)."""

    def pipe(self, texts: list[str], batch_size: int) -> Iterator[Any]:
        for text in texts:
            tokens, offset = [], 0
            for word in text.split():
                offset = text.index(word, offset)
                tokens.append(
                    SimpleNamespace(idx=offset, text=word, lemma_=word.lower(), pos_="X", tag_="X", dep_="dep", i=0)
                )
                offset += len(word)
            for token in tokens:
                token.head = tokens[0]
            yield StandInDoc(tokens)


def _jobs(count: int) -> list[tuple[int, Sentence]]:
    article = article_of([f"Sentence number {k} says the storm hit harbour {k} on Monday." for k in range(count)])
    return [(0, sentence) for sentence in article.sentences]


def test_a_split_parse_gives_the_records_of_one_parse_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = _jobs(200)  # ~12,000 characters: above SPLIT_MIN_CHARACTERS
    here = parse._parse_jobs(StandInPipeline(), jobs)
    monkeypatch.setattr(parse, "_split_across_processes", True)
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counting_fork)
    split = parse._parse_jobs(StandInPipeline(), jobs)
    assert forks == [1], "the parse was split"
    assert split == here


def test_short_texts_and_other_processes_never_fork(monkeypatch: pytest.MonkeyPatch) -> None:

    def no_fork() -> int:
        raise AssertionError("must not fork")

    monkeypatch.setattr(os, "fork", no_fork)
    parse._parse_jobs(StandInPipeline(), _jobs(200))  # not the service: never split
    monkeypatch.setattr(parse, "_split_across_processes", True)
    parse._parse_jobs(StandInPipeline(), _jobs(3))  # too short to be worth a fork


HANGING_COPY = """
import os, sys, time
from pathlib import Path
from reader.core.analysis import parse
from tests.core.test_split_parse import StandInPipeline, _jobs

marker = Path(sys.argv[1])
parent = os.getpid()

class HangInTheCopy(StandInPipeline):
    def pipe(self, texts, batch_size):
        if os.getpid() != parent:
            marker.write_text(str(os.getpid()))
            time.sleep(600)
        return super().pipe(texts, batch_size)

parse._split_across_processes = True
parse._sentence_record = lambda sentence, doc: None
parse._parse_jobs(HangInTheCopy(), _jobs(200))
time.sleep(600)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_the_forked_copy_dies_with_its_parent(tmp_path: Path) -> None:
    marker = tmp_path / "copy.pid"
    service = subprocess.Popen(
        [sys.executable, "-c", HANGING_COPY, str(marker)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    try:
        for _ in range(600):
            if marker.exists() and marker.read_text():
                break
            time.sleep(0.05)
        copy = int(marker.read_text())
        os.kill(service.pid, signal.SIGKILL)
        service.wait(timeout=10)
        for _ in range(100):
            if not _alive(copy):
                break
            time.sleep(0.05)
        assert not _alive(copy), "the copy outlived its parent"
    finally:
        if service.poll() is None:
            service.kill()


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/stat")
    try:
        return status.read_text().split()[2] != "Z"
    except (OSError, IndexError):
        return False

"""The analysis service: a child process that loads the articles, then hands back their actors and claims.

Each test that starts a real service is marked slow only when the service must import spaCy; loading and the warm
path need no model.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core import warm_cache
from reader.core.errors import InputError
from reader.core.load.inputs import load_inputs
from reader.core.parse_service import AnalysisService, complete_analysis, provisional_comparison, shas_of
from reader.core.records import Article, FinishedAnalysis
from reader.core.service_loop import finished_analysis

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def seed_articles() -> tuple[Article, ...]:
    return load_inputs([SEEDS]).articles


def _gone(service: AnalysisService) -> bool:
    """Stopped and reaped: no process, not even a zombie."""
    return not service.is_alive() and service._process.returncode is not None


def test_the_launch_service_loads_what_this_process_would_load() -> None:
    service = AnalysisService.spawn("reader.cli.service", ("launch", (str(SEEDS),)))
    assert service is not None
    try:
        loaded = service.loaded(timeout=60)
        assert loaded is not None
        assert loaded.articles == seed_articles()
    finally:
        service.stop()
    assert _gone(service)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities here")
def test_the_launch_service_steps_back_once_the_articles_are_handed_over() -> None:
    """After the load (which the first paint waits for), the service runs at NICENESS below the app, whether
    it goes on to spaCy or answers from the cache: on a loaded machine it must not take the first frame's CPU."""
    from reader.core.service_loop import NICENESS

    service = AnalysisService.spawn("reader.cli.service", ("launch", (str(SEEDS),)))
    assert service is not None
    try:
        assert service.loaded(timeout=60) is not None
        wanted = min(os.getpriority(os.PRIO_PROCESS, 0) + NICENESS, 19)
        deadline = time.monotonic() + 10
        while os.getpriority(os.PRIO_PROCESS, service.pid) != wanted and time.monotonic() < deadline:
            time.sleep(0.01)
        assert os.getpriority(os.PRIO_PROCESS, service.pid) == wanted
    finally:
        service.stop()


def test_a_load_error_comes_back_as_the_same_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "binary.txt"
    empty.write_bytes(b"\x00\x01\x02" * 100)
    other = tmp_path / "b.txt"
    other.write_text("The storm hit the coast on Monday.\n", encoding="utf-8")
    with pytest.raises(InputError) as here:
        from reader.cli.inputs import app_inputs

        load_inputs(app_inputs([str(empty), str(other)]))
    service = AnalysisService.spawn("reader.cli.service", ("launch", (str(empty), str(other))))
    assert service is not None
    try:
        with pytest.raises(InputError) as there:
            service.loaded(timeout=60)
    finally:
        service.stop()
    assert str(there.value) == str(here.value)


def test_a_warm_cache_answers_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = seed_articles()
    actor = FinishedAnalysis(key=warm_cache.analysis_key(articles), actors=(), claims=(), quoted=())
    assert warm_cache.store_analysis(actor)

    import reader.core.analysis.parse as parse

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm cache must not parse")

    monkeypatch.setattr(parse, "parse_articles", no_parse)
    assert finished_analysis(articles) == actor
    later: list[object] = []
    assert finished_analysis(articles, later) == actor  # type: ignore[arg-type]
    from reader.core.service_loop import warm_the_aligner

    assert later == [warm_the_aligner], "idle after a warm answer: the service readies the aligner, writes nothing"


def test_the_warm_key_changes_with_the_text_the_order_and_the_engine(tmp_path: Path) -> None:
    first, second = seed_articles()
    edited = load_inputs([first.text.replace("Netanyahu", "Netanjahu", 1), second.text]).articles
    keys = {
        warm_cache.analysis_key((first, second)),
        warm_cache.analysis_key((second, first)),
        warm_cache.analysis_key(edited),
    }
    assert len(keys) == 3
    before = warm_cache.engine_version()
    warm_cache.engine_version.cache_clear()
    assert warm_cache.engine_version() == before, "the same code, the same version"


def test_any_change_to_the_analysis_code_is_a_new_engine_version(tmp_path: Path) -> None:
    """The engine version hashes the source: an edited analysis module (here in a copy of the package) misses."""
    copy = tmp_path / "reader"
    subprocess.run(["cp", "-r", str(ROOT / "reader"), str(copy)], check=True)
    code = "from reader.core import warm_cache; print(warm_cache.engine_version())"
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def version() -> str:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
        )
        return result.stdout.strip()

    original = version()
    claims = copy / "core" / "analysis" / "claims.py"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert version() != original


UNPICKLE = """
import pickle, sys
finished = pickle.loads(sys.stdin.buffer.read())
print(type(finished).__name__, ",".join(sorted(name for name in sys.modules if name.startswith(tuple(sys.argv[1:])))))
"""


def test_a_finished_analysis_unpickles_with_the_records_alone() -> None:
    """The app unpickles the service's analysis on its reply thread, often while it draws the first frame:
    the record must not bring the cache's module along (platformdirs, json, the serialiser: ~30 ms of the
    interpreter lock on a warm start)."""
    finished = FinishedAnalysis(key="k", actors=(), claims=(), quoted=())
    data = pickle.dumps(finished, protocol=pickle.HIGHEST_PROTOCOL)
    heavy = ("reader.core.warm_cache", "reader.core.serialize", "platformdirs", "json")
    result = subprocess.run([sys.executable, "-c", UNPICKLE, *heavy], input=data, capture_output=True, check=True)
    assert result.stdout.decode().split() == ["FinishedAnalysis"], result.stderr


SENDER = """
import sys
from reader.core.parse_service import write_frame
write_frame(sys.stdout.buffer, ("analysis", tuple(sys.argv[1:]), sys.stdin.buffer.read()))
"""

RECEIVER = """
import subprocess, sys, time
from reader.core.parse_service import AnalysisService

sender = subprocess.Popen(
    [sys.executable, "-c", sys.argv[1], "sha"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
)
sender.stdin.write(sys.stdin.buffer.read())
sender.stdin.close()
service = AnalysisService(sender)
while not service.ended:  # the sender's reply is read, then its end
    time.sleep(0.01)
print("records.analysis" in ",".join(sys.modules))
class Article:  # what the service knows an article by
    sha256 = "sha"

finished = service.analysis([Article()], timeout=0)
print(type(finished).__name__, "records.analysis" in ",".join(sys.modules))
"""


def test_the_reply_thread_leaves_the_analysis_pickled_until_it_is_asked_for() -> None:
    """On a warm start the analysis comes in while the app draws its first frame: the reply thread only keeps
    it, and the records are made when the app asks, after the first paint."""
    finished = FinishedAnalysis(key="k", actors=(), claims=(), quoted=())
    data = pickle.dumps(finished, protocol=pickle.HIGHEST_PROTOCOL)
    result = subprocess.run(
        [sys.executable, "-c", RECEIVER, SENDER], input=data, capture_output=True, timeout=60, check=True
    )
    assert result.stdout.decode().split() == ["False", "FinishedAnalysis", "True"], result.stderr


@pytest.mark.parametrize("sent", [b"not a pickle", pickle.dumps("not an analysis")], ids=["damaged", "wrong type"])
def test_a_damaged_analysis_is_reported_as_the_service_failing_there(sent: bytes) -> None:
    articles = seed_articles()
    command = [sys.executable, "-c", SENDER, *shas_of(articles)]
    sender = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert sender.stdin is not None
    sender.stdin.write(sent)
    sender.stdin.close()
    service = AnalysisService(sender)
    try:
        deadline = time.monotonic() + 30
        while not service.ended and time.monotonic() < deadline:
            time.sleep(0.01)
        assert service.analysis(articles, timeout=0) is None
        assert service.failure == "the analysis process sent a damaged reply"
    finally:
        service.stop()


def test_provisional_comparison_carries_the_analysis_without_alignments() -> None:
    articles = seed_articles()
    finished = FinishedAnalysis(key="k", actors=(), claims=(), quoted=())
    shown = provisional_comparison(articles, finished)
    assert shown.analysed and shown.alignments == () and shown.claim_links == ()
    assert [len(row) for row in shown.coverage] == [len(article.sentences) for article in articles]


def test_a_service_without_spacy_reports_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy broken in the service's interpreter: the answer is a one-line failure, not a dead process."""
    (tmp_path / "spacy.py").write_text("raise ImportError('spaCy is broken here')\n", encoding="utf-8")
    articles = load_inputs(["The minister said on Monday that talks would go on.", "Talks go on, he said."]).articles
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    service = AnalysisService.start(articles)
    assert service is not None
    try:
        assert service.analysis(articles, timeout=60) is None
        assert service.failure.startswith("spaCy cannot be imported (spaCy is broken here)")
        assert "\n" not in service.failure
        assert not service.ended, "a reported failure leaves the service running"
    finally:
        service.stop()
    assert _gone(service)


def test_a_stopped_service_answers_none_at_once() -> None:
    articles = seed_articles()
    service = AnalysisService.start(articles)
    assert service is not None
    service.stop()
    assert service.analysis(articles, timeout=10) is None
    assert service.ended and _gone(service)


@pytest.mark.slow
def test_the_service_gives_what_the_in_process_analysis_gives() -> None:
    """Same records either way (determinism), and the second service answers from the warm cache."""
    from reader.core.analysis import analyse_comparison
    from reader.core.pipeline import align_articles

    articles = seed_articles()
    aligned = align_articles(articles)
    service = AnalysisService.start(articles)
    assert service is not None
    stored = None
    try:
        finished = service.analysis(articles, timeout=300)
        assert finished is not None, service.failure
        for _ in range(200):  # the service writes the cache just after its reply
            stored = warm_cache.load_analysis(warm_cache.analysis_key(articles))
            if stored is not None:
                break
            time.sleep(0.05)
    finally:
        service.stop()
    expected = analyse_comparison(aligned, use_cache=False)
    assert complete_analysis(aligned, finished) == expected
    assert stored == finished
    again = AnalysisService.start(articles)
    assert again is not None
    try:
        assert again.analysis(articles, timeout=60) == finished
    finally:
        again.stop()


def test_the_service_writes_the_cache_only_after_its_reply_and_then_all_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.core.analysis.parse as parse
    from reader.core.analysis import cache as parse_cache
    from tests.factories import article_of

    monkeypatch.setattr(parse, "_split_across_processes", False)  # finished_analysis allows it: undone after

    articles = (
        article_of(["The minister said on Monday that the talks would go on."], "A"),
        article_of(["Talks will continue, the minister said."], "B"),
    )
    later: list[object] = []
    finished = finished_analysis(articles, later)  # type: ignore[arg-type]
    keys = [parse_cache.article_key(article) for article in articles]
    assert warm_cache.load_analysis(finished.key) is None, "nothing is written before the reply"
    assert parse_cache.load_many(keys) == {}
    assert len(later) == 3, "two parses and the finished analysis"
    for write in later:
        write()  # type: ignore[operator]
    assert warm_cache.load_analysis(finished.key) == finished
    assert set(parse_cache.load_many(keys)) == set(keys)
    assert finished_analysis(articles) == finished, "the next start is served from what was written"


def test_the_loop_sends_the_reply_before_it_writes_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import reader.core.service_loop as loop
    from reader.core.parse_service import write_frame

    events: list[str] = []

    def fake_finished(articles: object, later: list[object] | None = None) -> str:
        assert later is not None
        later.append(lambda: events.append("cache written"))
        return "finished"

    class Replies(io.BytesIO):
        def write(self, data: object) -> int:
            events.append("reply")
            return super().write(data)  # type: ignore[arg-type]

    requests = io.BytesIO()
    write_frame(requests, ("analyse", ()))
    requests.seek(0)
    monkeypatch.setattr(loop, "finished_analysis", fake_finished)
    loop.serve(requests, Replies())
    assert events[0] == "reply" and events[-1] == "cache written"

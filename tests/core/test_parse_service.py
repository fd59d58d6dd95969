"""spaCy's own process: it fills the analysis cache, so the app's analysis never imports spaCy itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.analysis import cache
from reader.core.load.inputs import load_inputs
from reader.core.parse_service import ParseService

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.slow

APP_SIDE = """
import sys
from reader import lifetime
from reader.core.load.inputs import load_inputs
from reader.core.pipeline import align_articles

articles = load_inputs([sys.argv[1]]).articles
analyse = lifetime.analyser_with(lifetime.start_parse_service(articles))
comparison = analyse(align_articles(articles))
lifetime.stop_helpers()
print(len(comparison.actors) > 0, len(comparison.claims) > 0, "spacy" in sys.modules)
"""


def test_the_service_parses_into_the_cache_and_answers_again_without_work() -> None:
    articles = load_inputs([str(SEEDS)]).articles
    keys = [cache.article_key(article) for article in articles]
    assert cache.load_many(keys) == {}
    service = ParseService.start(articles)
    try:
        assert service.wait_parsed(articles, timeout=120), service.failure
        assert sorted(cache.load_many(keys)) == sorted(keys)
        assert service.wait_parsed(articles, timeout=0), "an answered request is not asked again"
        assert service.wait_parsed(articles[:1], timeout=120), "other articles are a new request"
    finally:
        service.stop()
    assert not service.is_alive()


def test_a_stopped_service_reports_failure_instead_of_blocking() -> None:
    articles = load_inputs([str(SEEDS)]).articles
    service = ParseService.start(articles)
    service.stop()
    assert service.wait_parsed(articles, timeout=5) is False
    assert "ended" in service.failure


def test_the_app_side_builds_actors_and_claims_without_importing_spacy(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", APP_SIDE, str(SEEDS)], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.stdout.split() == ["True", "True", "False"], result.stderr

"""Shared fixtures: every test gets its own data and cache directories, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data" / "dev"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("reader-home")
    monkeypatch.setenv("READER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("READER_CACHE_DIR", str(base / "cache"))


@pytest.fixture(autouse=True)
def _not_the_app_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that starts the way the command line does (`pause_for_startup`) makes this process "the app" for
    `keep_what_lives_now`; restored after each test, so later tests' apps never freeze the test process's heap."""
    import reader.core.collector as collector

    monkeypatch.setattr(collector, "_started_as_the_app", collector._started_as_the_app)


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))

"""The stylesheets ship with the package, and the CLI opens the app only for usable inputs."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.cli import main
from reader.stylesheets import LATER_STYLESHEETS, SIDEBAR_STYLESHEETS, STYLESHEETS, stylesheet

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_so_the_explicit_list_never_drops_one() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "reader").rglob("__init__.py")}
    assert found <= listed
    assert config["tool"]["setuptools"]["package-dir"]["reader.styles"] == "styles"


def test_stylesheets_exist_where_the_app_looks() -> None:
    for name in (*STYLESHEETS, *SIDEBAR_STYLESHEETS, *LATER_STYLESHEETS):
        assert stylesheet(name).is_file()
        assert stylesheet(name).parent.name == "styles"
    assert all(Path(path).is_file() for path in ReaderApp.CSS_PATH)  # type: ignore[union-attr]


def test_bad_path_exits_2_with_one_line_before_any_screen(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app must not start")

    monkeypatch.setattr(ReaderApp, "run", never)
    assert main([str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_good_paths_run_the_app_and_return_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def fake_run(self: ReaderApp) -> int:
        seen.append(len(self.articles))
        return 0

    monkeypatch.setattr(ReaderApp, "run", fake_run)
    assert main([str(ROOT / "seeds")]) == 0
    assert seen == [2]

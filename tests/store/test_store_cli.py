"""`reader list | open | where | delete | export` and `reader compare --format md|html` through `main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import compare
from reader.core.paths import comparisons_dir
from reader.store.session import Session
from tests.store.test_session import LEFT, RIGHT


@pytest.fixture
def saved(tmp_path: Path) -> Session:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    session = Session(compare([str(left), str(right)], analyse=False))
    session.save_as("Storm coverage")
    session.annotate_sentence(0, 2, "40 or 400?\n<script>x</script>", ["check"])
    return session


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_where_prints_the_directories(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "where")
    assert code == 0
    assert str(comparisons_dir()) in out and "cache:" in out


def test_list_empty_then_with_a_comparison(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0 and "no saved comparisons" in out
    left, right = tmp_path / "l.txt", tmp_path / "r.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    session = Session(compare([str(left), str(right)], analyse=False))
    session.save_as("Storm coverage")
    session.annotate_sentence(0, 1, "a note")
    (comparisons_dir() / "broken.json").write_text("{", encoding="utf-8")
    code, out, _ = run(capsys, "list")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("storm-coverage"))
    assert " 1 " in line and "A: l.txt; B: r.txt" in line
    assert "broken" in out and "unreadable" in out


def test_open_prints_the_summary(capsys: pytest.CaptureFixture[str], saved: Session) -> None:
    code, out, _ = run(capsys, "open", "Storm coverage")
    assert code == 0
    assert "Storm coverage" in out and "notes: 1" in out and "40 or 400?" in out


def test_open_reports_reanchoring_on_stderr(capsys: pytest.CaptureFixture[str], saved: Session) -> None:
    path = saved.comparison.articles[0].path
    assert path is not None
    Path(path).write_text("An inserted line.\n" + LEFT, encoding="utf-8")
    code, _, err = run(capsys, "open", "storm-coverage")
    assert code == 0 and "1 note re-anchored" in err


@pytest.mark.parametrize("name", ["../../etc", "missing", "/abs"])
def test_bad_names_are_one_line_errors(capsys: pytest.CaptureFixture[str], name: str) -> None:
    for command in ("open", "delete"):
        code, out, err = run(capsys, command, name)
        assert code == 2 and out == ""
        assert err.startswith("reader: ") and err.count("\n") == 1


def test_corrupt_file_is_a_one_line_error(capsys: pytest.CaptureFixture[str], saved: Session) -> None:
    assert saved.path is not None
    saved.path.write_text('{"kind": "reader-comparison"', encoding="utf-8")
    code, _, err = run(capsys, "open", "Storm coverage")
    assert code == 2 and "truncated" in err and err.count("\n") == 1
    code, _, err = run(capsys, "export", "Storm coverage", "--format", "md", "--no-analysis")
    assert code == 2


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_export_to_stdout(capsys: pytest.CaptureFixture[str], saved: Session, fmt: str) -> None:
    code, out, _ = run(capsys, "export", "Storm coverage", "--format", fmt, "--no-analysis")
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        assert data["annotations"][0]["note"].startswith("40 or 400?")
    else:
        assert "40 or 400?" in out
        assert "<script>x</script>" not in out


def test_export_to_a_file(capsys: pytest.CaptureFixture[str], saved: Session, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, err = run(capsys, "export", "Storm coverage", "-f", "html", "-o", str(target), "--no-analysis")
    assert code == 0 and out == "" and str(target) in err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("", "give a file to write"),  # it printed to stdout
        ("missing/report.md", "folder {tmp}/missing does not exist"),  # it made the folder without a word
        (".", "{tmp} is a folder: add a file name"),
    ],
)
def test_export_to_a_path_the_dialog_would_refuse_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    saved: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: str,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    code, out, err = run(capsys, "export", "Storm coverage", "-f", "md", "-o", output, "--no-analysis")
    assert code == 2 and out == ""
    assert err == f"reader: {reason.format(tmp=tmp_path)}\n"
    assert sorted(tmp_path.iterdir()) == before


def test_export_rejects_an_unknown_format(capsys: pytest.CaptureFixture[str], saved: Session) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "Storm coverage", "--format", "pdf"])
    assert exit_info.value.code == 2


def test_delete(capsys: pytest.CaptureFixture[str], saved: Session) -> None:
    code, out, _ = run(capsys, "delete", "Storm coverage")
    assert code == 0 and "storm-coverage.json" in out
    assert not (comparisons_dir() / "storm-coverage.json").exists()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_compare_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    left, right = tmp_path / "l.txt", tmp_path / "r.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(left), str(right), "--format", fmt, "--no-analysis")
    assert code == 0
    assert ("<!DOCTYPE html>" in out) == (fmt == "html")
    assert "Storm hits the coast" in out


def test_a_folder_named_like_a_subcommand_is_still_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import build_parser

    parser = build_parser()
    names = {name for action in parser._subparsers._group_actions for name in action.choices}  # type: ignore[union-attr]
    assert {"list", "open", "where", "delete", "export", "compare"} <= names
    # `reader ./open` does not start with a subcommand name, so main() treats it as a path.
    assert "./open" not in names

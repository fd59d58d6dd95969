"""The command line as a user meets it: help, version, headless comparison, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reader {__version__}"


def test_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "compare" in capsys.readouterr().out


def test_missing_path_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["compare", str(tmp_path / "nope.txt"), str(tmp_path / "nada.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("reader: ") and err.count("\n") == 1
    assert "nope.txt" in err


def test_folder_with_one_article_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text("A lone article about nothing in particular.\n", encoding="utf-8")
    assert main(["compare", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("command", [["compare"], ["compare", "--format", "json"], []])
def test_two_empty_files_are_refused_in_one_line(
    command: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two empty files printed an empty comparison (exit 0), or opened the app on nothing."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    assert main([*command, str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "reader: need at least two readable articles to compare, found 0 (2 empty)\n"


def test_binary_file_is_refused_without_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    good = tmp_path / "good.txt"
    good.write_text("The minister said the talks would go on.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(binary), str(good)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "blob.txt" in result.stderr


def test_unreadable_file_in_folder_is_named_in_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister said the talks would go on next week.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks will continue next week, the minister said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["compare", "--no-analysis", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "c.txt" in captured.err
    assert "matched" in captured.out


def test_compare_seeds_json_without_analysis(capsys: pytest.CaptureFixture[str], seed_paths: list[Path]) -> None:
    assert main(["compare", "--no-analysis", "--format", "json", *map(str, seed_paths)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [article["label"] for article in data["articles"]] == ["A", "B"]
    assert len(data["alignments"]) == 1
    assert data["alignments"][0]["matches"], "the seeds share many passages"
    assert data["analysed"] is False


def test_compare_seeds_text_report(capsys: pytest.CaptureFixture[str], seed_paths: list[Path]) -> None:
    assert main(["compare", "--no-analysis", *map(str, seed_paths)]) == 0
    out = capsys.readouterr().out
    assert "Netanyahu Discusses Second Strike on Iran with Trump" in out
    assert "Only in A" in out and "Only in B" in out
    assert "Mar-a-Lago" in out


def test_static_subcommand_names_match_the_parser() -> None:
    """`main` routes on SUBCOMMANDS before building the parser; the two must never drift apart."""
    from reader.cli import SUBCOMMANDS, build_parser

    parser = build_parser()
    names = {name for action in parser._subparsers._group_actions for name in action.choices}  # type: ignore[union-attr]
    assert names == set(SUBCOMMANDS)


def test_opening_the_app_does_not_import_the_aligner_or_the_store() -> None:
    """The app paints before aligning: `reader PATH` must not pay for the aligner, store or exporters up front,
    nor for the subcommands' parser (argparse)."""
    code = (
        "import sys, reader.cli, reader.core.load.inputs, reader.app\n"
        "heavy = ('reader.core.align', 'reader.store', 'reader.export', 'spacy', 'argparse')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""


def test_dot_slash_reaches_a_folder_named_like_a_subcommand(monkeypatch: pytest.MonkeyPatch) -> None:
    """`reader ./open` opens the folder; `reader open NAME` is the subcommand."""
    import reader.cli as cli

    opened: list[list[str]] = []
    monkeypatch.setattr(cli, "_open_app", lambda paths: opened.append(list(paths)) or 0)
    assert cli.main(["./open"]) == 0
    assert opened == [["./open"]]
    assert cli.main(["open", "no-such-saved-comparison"]) == 2
    assert opened == [["./open"]], "the subcommand must not open the app on a path"


def test_a_missing_path_with_a_space_is_an_error_not_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A typo in a file name with a space used to become an "article" and exit 0."""
    good = tmp_path / "b.txt"
    good.write_text("The minister said the talks would go on.\n", encoding="utf-8")
    code = main(["compare", "--no-analysis", "my file.txt", str(good)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "reader: no such file or folder: my file.txt (article text goes through --text or -)\n"


def test_an_existing_file_whose_name_holds_a_newline_is_read_as_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    odd = tmp_path / "two\nlines.txt"
    odd.write_text("The storm hit the coast on Monday. Thousands lost power.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Thousands lost power when the storm hit the coast on Monday.\n", encoding="utf-8")
    assert main(["compare", "--no-analysis", "--format", "json", str(odd), str(other)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"][0]["path"].endswith("two\nlines.txt")


def test_missing_path_with_a_newline_is_one_safe_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "a\nb\x1b]0;title\x07", "c.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err
    assert "a\\nb\\x1b]0;title\\x07" in err


def test_text_comes_through_the_flag_or_stdin(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import io

    first = "The storm hit the coast on Monday. Thousands lost power."
    second = "Thousands lost power when the storm hit the coast on Monday."
    assert main(["compare", "--no-analysis", "--format", "json", "--text", first, "--text", second]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["path"] for a in data["articles"]] == [None, None]
    assert data["articles"][0]["text"].startswith("The storm")
    path = tmp_path / "b.txt"
    path.write_text(second + "\n", encoding="utf-8")
    stdin = io.TextIOWrapper(io.BytesIO(first.encode("utf-8")), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", stdin)
        assert main(["compare", "--no-analysis", "--format", "json", "-", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"][0]["path"] is None and data["articles"][1]["path"].endswith("b.txt")


def test_the_app_refuses_text_and_stdin_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["some words that are not a file"]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["seeds", "-"]) == 2
    assert "reader compare -" in capsys.readouterr().err


def test_a_name_with_control_characters_is_escaped_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The name was made safe and then repr()'d, which doubled every backslash of the escape."""
    assert main(["open", "\x1b]0;PWNED\x07"]) == 2
    assert capsys.readouterr().err == "reader: no saved comparison named '\\x1b]0;PWNED\\x07' (see `reader list`)\n"

"""Fuzz: the loader and the CLI under hostile bytes and hostile names (hypothesis).

Whatever the files hold and whatever they are called, `reader` answers with exit 0 or 2, never a traceback,
one line on stderr when it refuses, and nothing on stdout or stderr that a terminal would act on: no ESC (so no
CSI or OSC: title, clipboard), no BEL, no C1 control, no bidi override, no lone surrogate, no carriage return.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.errors import InputError
from reader.core.load.inputs import load_inputs

PIECES = [
    "a",
    "news",
    " ",
    "\n",
    "\r",
    "\t",
    "\x1b",
    "\x07",
    "\x9b31m",
    "\x1b]0;owned\x07",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "[$accent]",
    "[bold]",
    "<img src=x onerror=alert(1)>",
    "`",
    "*",
    "#",
    "é",
    "中文",
    "🙂",
    "\udcff",  # a non-UTF-8 byte of a file name, as Python decodes it
]

names = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda name: name.strip(". ") != "" and len(os.fsencode(name)) < 200)
)

SENTENCES = [
    "The storm hit the northern coast on Monday.",
    "Thousands of homes lost power overnight, officials said.",
    "Emergency teams worked through the night.",
]
contents = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(SENTENCES + PIECES), max_size=12).map(
        lambda parts: " ".join(parts).encode("utf-8", "surrogateescape")
    ),
    st.sampled_from(["\n".join(SENTENCES).encode("utf-16"), "\n".join(SENTENCES).encode("latin-1")]),
)

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FORBIDDEN = {"\x1b", "\x07", "\r", *map(chr, range(0x80, 0xA0)), *BIDI_CONTROLS}


def assert_safe(stream: str, where: str) -> None:
    bad = sorted({char for char in stream if char in FORBIDDEN or 0xD800 <= ord(char) <= 0xDFFF})
    assert not bad, f"{where} carries {[hex(ord(char)) for char in bad]}"


def _write(directory: Path, name: str, data: bytes) -> Path | None:
    path = directory / name
    try:
        path.write_bytes(data)
    except (OSError, ValueError):  # the file system refuses that name: nothing to test
        return None
    return path


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse refuses (a name that looks like an option)
        code = exit_.code if isinstance(exit_.code, int) else 2
    out, err = capsys.readouterr()
    assert code in (0, 2), (argv, code, err)
    assert "Traceback" not in err
    if code == 2:
        assert err.strip(), "a refusal says why"
        assert err.rstrip("\n").count("\n") <= 1 + err.count("usage:"), err
    assert_safe(out, "stdout")
    assert_safe(err, "stderr")
    return code, out, err


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=names,
    second=names,
    data=st.tuples(contents, contents),
    fmt=st.sampled_from(["text", "md", "html", "json"]),
    as_folder=st.booleans(),
)
def test_compare_with_hostile_files_and_names(
    capsys: pytest.CaptureFixture[str], first: str, second: str, data: tuple[bytes, bytes], fmt: str, as_folder: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="issue13a-fuzz-") as directory:
        folder = Path(directory)
        paths = [_write(folder, name + ".txt", content) for name, content in zip((first, second), data, strict=True)]
        if any(path is None for path in paths):
            return
        argv = ["compare", "--no-analysis", "--format", fmt]
        argv += [str(folder)] if as_folder else [str(path) for path in paths]
        _run(capsys, argv)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, text=st.lists(st.sampled_from(SENTENCES + PIECES), max_size=10).map(" ".join))
def test_missing_paths_and_given_texts(capsys: pytest.CaptureFixture[str], name: str, text: str) -> None:
    code, _, err = _run(capsys, ["compare", "--no-analysis", f"/nonexistent-issue13a/{name}", "b.txt"])
    assert code == 2 and err.count("\n") == 1
    code, _, err = _run(capsys, [f"/nonexistent-issue13a/{name}", "b.txt"])  # the app: refused before any screen
    assert code == 2 and err.count("\n") == 1
    _run(capsys, ["compare", "--no-analysis", "--text", text, "--text", name])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=names,
    note=st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
    fmt=st.sampled_from(["md", "html", "json"]),
)
def test_saved_comparisons_with_hostile_names_and_notes(
    capsys: pytest.CaptureFixture[str], name: str, note: str, fmt: str
) -> None:
    from reader.core import compare
    from reader.core.errors import ReaderError
    from reader.store.files import path_for
    from reader.store.session import Session

    with tempfile.TemporaryDirectory(prefix="issue13a-fuzz-") as directory:
        folder = Path(directory)
        os.environ["READER_DATA_DIR"] = str(folder / "data")
        left, right = folder / "a.txt", folder / "b.txt"
        left.write_text("\n".join(SENTENCES), encoding="utf-8")
        right.write_text("\n".join(reversed(SENTENCES)), encoding="utf-8")
        session = Session(compare([str(left), str(right)], analyse=False))
        try:
            session.save_as(name)
        except ReaderError:
            return  # refused names are the validator's business (tested elsewhere)
        session.annotate_sentence(0, 0, note, tags=[note[:30]] if note.strip() else ())
        stem = path_for(session.name or "").stem
        _run(capsys, ["list"])
        _run(capsys, ["open", stem])
        _run(capsys, ["export", stem, "--format", fmt, "--no-analysis"])
        _run(capsys, ["delete", stem])


@settings(max_examples=150, deadline=None)
@given(data=st.lists(contents, min_size=1, max_size=3))
def test_the_loader_never_raises_anything_but_input_error(data: list[bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="issue13a-fuzz-") as directory:
        paths = []
        for number, content in enumerate(data):
            path = Path(directory) / f"{number}.txt"
            path.write_bytes(content)
            paths.append(path)
        try:
            loaded = load_inputs(paths)
        except InputError as error:
            assert "\n" not in str(error)
            return
        for article in loaded.articles:
            assert_safe(article.text, "article text")

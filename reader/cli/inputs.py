"""Command-line arguments → loader inputs: every argument is a path; text only when the user says so.

The Python API lets a caller hand `compare()` article texts, and the loader guesses that a string with a space
is text. On the command line that guess turns a typo (`reader compare "my file.txt" b.txt`, or a file whose
name holds a newline) into an "article" and a silent exit 0. So here every positional argument is a path and
must exist (else one line and exit 2, whatever it contains), `-` reads one article from stdin, and `--text`
gives one as an argument. Paths reach the loader as `Path` objects, texts as `ArticleText`, so its guess never
runs for CLI input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reader.core.errors import InputError
from reader.core.load.inputs import ArticleText, Input
from reader.shown import shown

STDIN_ARGUMENT = "-"


def existing_path(argument: str) -> Path:
    """The path named by `argument`; InputError (one line, the name made safe to show) when it is not there."""
    if not argument:
        raise InputError("an empty argument is not a path (give article text with --text, or - for stdin)")
    path = Path(argument)
    try:
        found = path.exists()
    except (OSError, ValueError) as error:  # a name too long for the file system, a NUL byte …
        reason = getattr(error, "strerror", None) or "not a usable path"
        raise InputError(f"cannot use {shown(argument)} as a path: {reason.lower()}") from None
    if not found:
        raise InputError(f"no such file or folder: {shown(argument)} (article text goes through --text or -)")
    return path


def cli_inputs(arguments: Sequence[str], texts: Sequence[str] = (), stdin: TextIO | None = None) -> list[Input]:
    """The loader inputs for `reader compare`: paths in order (`-` = stdin, at most once), then the `--text`s."""
    inputs: list[Input] = []
    used_stdin = False
    for argument in arguments:
        if argument == STDIN_ARGUMENT:
            if used_stdin:
                raise InputError("- (standard input) can be given only once")
            used_stdin = True
            inputs.append(ArticleText(read_stdin(stdin or sys.stdin)))
        else:
            inputs.append(existing_path(argument))
    inputs.extend(ArticleText(text) for text in texts)
    return inputs


def read_stdin(stream: TextIO) -> str:
    """All of standard input as text; undecodable bytes become U+FFFD rather than a traceback."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data.decode("utf-8", errors="replace")
    return stream.read()


def app_inputs(arguments: Sequence[str]) -> list[Input]:
    """The loader inputs for `reader PATH...`: paths only (the app needs the terminal, so stdin is not text)."""
    if STDIN_ARGUMENT in arguments:
        raise InputError("the app reads keys from the terminal: use `reader compare -` to read an article from stdin")
    return [existing_path(argument) for argument in arguments]

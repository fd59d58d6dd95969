"""Command line: `reader PATH...` opens the app; subcommands run the engine and the store headless.

The first word picks a subcommand only when it is one of SUBCOMMANDS; anything else is a path, so a folder
that happens to be called "open" is reached as `reader ./open`. Every error the user can cause ends as one
line on stderr and exit code 2, never a traceback; the line goes through `reader.shown.shown`, so a file name
cannot put escape sequences on the terminal. Every argument is a path (see `reader.cli.inputs`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader import __version__
from reader.core.errors import EXIT_USAGE, ReaderError
from reader.shown import shown

if TYPE_CHECKING:
    import argparse

    from reader.cli.parser import Handler

SUBCOMMANDS = ("compare", "list", "open", "where", "delete", "export")
"""Checked before anything heavy is imported, so `reader PATH...` reaches the app's first paint sooner."""


def build_parser() -> argparse.ArgumentParser:
    """The subcommand parser (`reader.cli.parser`); `reader PATH...` is handled before it (see `main`), without
    importing argparse (with gettext, ~2.4 ms of the first frame's imports, measured with -X importtime)."""
    from reader.cli.parser import build_parser as build

    return build(__version__)


def _open_app(paths: Sequence[str]) -> int:
    """Load the inputs first (a bad path exits 2 with one line, before any screen), then run the app.

    The cyclic garbage collector is paused until the first paint (`reader.core.collector.pause_for_startup`).
    The analysis service starts before anything else (`reader.cli.service`, forked from this process while it
    runs one thread: `reader.core.service_fork`): it loads the articles on the second core while this process
    imports Textual, then turns to spaCy. When it cannot start or dies, this process loads the articles
    itself, with the same messages.
    """
    from reader.core.blas import one_blas_thread
    from reader.core.collector import pause_for_startup
    from reader.core.parse_service import AnalysisService, service_enabled

    pause_for_startup()  # until the first paint (reader.screens.main)
    one_blas_thread()  # before numpy's first import (the alignment's); the service inherits it
    service = None
    if service_enabled() and _plain_paths(paths):
        service = AnalysisService.spawn("reader.cli.service", ("launch", tuple(paths)), fork=True)
    from reader.app import ReaderApp

    launched = None
    if service is not None:
        try:
            launched = service.loaded()
        except ReaderError:
            service.stop()
            raise
        if launched is None:  # the service died: load here
            service.stop()
            service = None
    if launched is not None:
        articles, warnings = launched.articles, launched.warnings
    else:
        from reader.cli.inputs import app_inputs
        from reader.core.load.inputs import load_inputs

        loaded = load_inputs(app_inputs(paths))
        articles, warnings = loaded.articles, loaded.warnings
    app = ReaderApp(articles, notices=warnings, ends_process=True, service=service)
    exit_code = app.run()
    return exit_code if exit_code is not None else (app.return_code or 0)


def _plain_paths(arguments: Sequence[str]) -> bool:
    """Every argument names something that exists: then the service loads them; any other argument is an error
    that this process reports itself, without starting a process for it."""
    import os

    try:
        return bool(arguments) and all(argument not in ("", "-") and os.path.exists(argument) for argument in arguments)
    except (OSError, ValueError):
        return False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` console script; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and not args[0].startswith("-") and args[0] not in SUBCOMMANDS:
            return _open_app(args)
        parser = build_parser()
        namespace = parser.parse_args(args)
        handler: Handler | None = getattr(namespace, "handler", None)
        if handler is None:
            parser.print_help()
            return EXIT_USAGE if not args else 0
        return handler(namespace)
    except ReaderError as error:
        print(f"reader: {shown(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

"""The subcommands' argument parser: argparse is imported here, for a subcommand, never for `reader PATH...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from reader.core.errors import EXIT_USAGE
from reader.shown import shown

Handler = Callable[[argparse.Namespace], int]
"""A subcommand's function: its parsed arguments in, the process exit code out."""


class SafeParser(argparse.ArgumentParser):
    """argparse, except that its error line goes through `shown`: it quotes the argument it did not understand,
    which may be a hostile file name (`reader compare -$'\\e]0;…'.txt`)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {shown(message)}\n")


def build_parser(version: str) -> argparse.ArgumentParser:
    """The parser of every subcommand, `--version` printing `version`."""
    from reader.cli.compare_command import add_compare_parser
    from reader.cli.store_commands import add_store_parsers

    parser: argparse.ArgumentParser = SafeParser(
        prog="reader",
        description="Read news articles about the same event side by side.",
        epilog="Run `reader PATH...` (a folder or two or more files) to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {version}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_compare_parser(commands)
    add_store_parsers(commands)
    return parser

"""Errors the core raises on purpose: each carries a one-line message meant for the user."""

EXIT_USAGE = 2
"""The command line's exit code for every error the user can cause (argparse's own for a usage error)."""


class ReaderError(Exception):
    """Base of every error the CLI reports as one line on stderr with exit code 2."""


class InputError(ReaderError):
    """A path or file that cannot be read as an article (missing, binary, empty, too few articles)."""

"""`reader compare PATH... [--text TEXT] [--format ...]`: the engine, headless, for terminals and scripts.

Renderers are looked up in RENDERERS by format name, so exporters add a format with one line and the
command's behaviour (loading, errors, warnings on stderr, output on stdout) stays in one place.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from reader.cli.inputs import cli_inputs
from reader.cli.output import safe_output
from reader.cli.text_report import render_text
from reader.core import load_inputs
from reader.core.pipeline import add_analysis, align_articles
from reader.core.records import Comparison
from reader.core.serialize import dumps
from reader.export.html import render_html
from reader.export.markdown import render_markdown
from reader.export.story_sections import render_story_text
from reader.shown import shown

Renderer = Callable[[Comparison], str]


def _render_json(comparison: Comparison) -> str:
    return dumps(comparison, indent=2) + "\n"


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": _render_json,
    "md": render_markdown,
    "html": render_html,
    "story": render_story_text,
}


def add_compare_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `reader compare` on the top-level parser."""
    parser = commands.add_parser(
        "compare",
        help="compare articles headless and print the result",
        description="Align two or more articles (files or one folder) and print matches, differences, "
        "unique passages, actors and claims.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a folder of articles, or two or more files; - reads one article from standard input",
    )
    parser.add_argument(
        "--text",
        action="append",
        default=[],
        metavar="TEXT",
        help="an article given as text (repeatable; these come after the paths, in order)",
    )
    parser.add_argument(
        "--format",
        "-f",
        default="text",
        choices=sorted(RENDERERS),
        help="output format (default: text)",
    )
    parser.add_argument(
        "--no-analysis",
        action="store_true",
        help="skip actors and claims (no spaCy model needed; much faster)",
    )
    parser.set_defaults(handler=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    """Load, compare, render; warnings about skipped files go to stderr."""
    loaded = load_inputs(cli_inputs(args.paths, args.text))
    for warning in loaded.warnings:
        print(f"reader: warning: {shown(warning)}", file=sys.stderr)
    comparison = align_articles(loaded.articles)
    if not args.no_analysis:
        comparison = add_analysis(comparison)
    sys.stdout.write(safe_output(args.format, RENDERERS[args.format](comparison)))
    return 0

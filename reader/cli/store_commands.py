"""`reader list | open | where | delete | export`: saved comparisons from the command line.

Each handler is a thin shell over `reader.store` and `reader.export`; every failure the user can cause is a
ReaderError, which `reader.cli.main` prints as one line with exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.output import safe_output
from reader.core.paths import cache_dir, comparisons_dir, data_dir
from reader.export import FORMATS
from reader.shown import shown
from reader.store.files import delete_saved, list_saved
from reader.store.session import Session


def add_store_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the store's subcommands on the top-level parser."""
    listing = commands.add_parser("list", help="list saved comparisons", description="List saved comparisons.")
    listing.set_defaults(handler=run_list)

    opening = commands.add_parser(
        "open", help="open a saved comparison", description="Reopen a saved comparison with its notes."
    )
    opening.add_argument("name", metavar="NAME", help="the name shown by `reader list`")
    opening.set_defaults(handler=run_open)

    where = commands.add_parser(
        "where", help="print where reader keeps its files", description="Print the data and cache directories."
    )
    where.set_defaults(handler=run_where)

    delete = commands.add_parser(
        "delete", help="delete a saved comparison", description="Delete a saved comparison and its notes."
    )
    delete.add_argument("name", metavar="NAME")
    delete.set_defaults(handler=run_delete)

    export = commands.add_parser(
        "export",
        help="export a saved comparison (md, html, json)",
        description="Export a saved comparison with its notes as Markdown, a self-contained HTML page, or JSON.",
    )
    export.add_argument("name", metavar="NAME")
    export.add_argument("--format", "-f", required=True, choices=FORMATS, help="md, html or json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    export.add_argument(
        "--no-analysis", action="store_true", help="skip actors and claims (no spaCy model needed; faster)"
    )
    export.set_defaults(handler=run_export)


def run_list(args: argparse.Namespace) -> int:
    """One line per saved comparison, most recent first; unreadable files say why."""
    entries = list_saved()
    if not entries:
        print(f"no saved comparisons yet (they are kept in {shown(comparisons_dir())})")
        return 0
    width = max(len(shown(entry.slug)) for entry in entries)
    print(f"{'NAME':<{width}}  {'NOTES':>5}  {'LAST CHANGE':<25}  ARTICLES")
    for entry in entries:
        slug = shown(entry.slug)
        if entry.error is not None:
            print(f"{slug:<{width}}  {'?':>5}  {'':<25}  unreadable: {shown(entry.error)}")
            continue
        articles = shown("; ".join(entry.articles))
        print(f"{slug:<{width}}  {entry.notes:>5}  {shown(entry.modified):<25}  {articles}")
    return 0


def run_open(args: argparse.Namespace) -> int:
    """Reopen the comparison (re-anchoring its notes) and hand it to the app."""
    session = Session.open(args.name)
    if session.report is not None and session.report.changed:
        print(f"reader: {shown(session.report.summary())}", file=sys.stderr)
    return launch_app(session)


def launch_app(session: Session) -> int:
    """Run the app on a reopened session: its articles, its notes re-anchored, its view as it was left.

    Without a terminal (output piped or redirected) print what the session holds instead, so `reader open NAME`
    stays useful in scripts.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        sys.stdout.write(session_summary(session))
        return 0
    from reader.app import ReaderApp

    comparison = session.comparison
    app = ReaderApp(comparison.articles, comparison=comparison, session=session, ends_process=True)
    exit_code = app.run()
    return exit_code if exit_code is not None else (app.return_code or 0)


def session_summary(session: Session) -> str:
    """A short plain-text account of a saved comparison: its articles, the reopen report and the notes."""
    from reader.export.common import describe_target, figures_line, is_unresolved, notes_in_order

    comparison = session.comparison
    lines = [shown(session.name or "")]
    for article in comparison.articles:
        where = f"  ({shown(article.path)})" if article.path else ""
        lines.append(f"  {article.label}  {shown(article.title)}{where}")
    lines.extend(f"  {figures_line(comparison, pair)}" for pair in comparison.alignments)
    if session.report is not None:
        lines.append(f"  reopened: {shown(session.report.summary())}")
    annotations = notes_in_order(session.annotations, comparison)
    lines.append(f"  notes: {len(annotations)}")
    for annotation in annotations:
        orphan = " [orphaned]" if is_unresolved(annotation, comparison) else ""
        tags = f" [{', '.join(annotation.tags)}]" if annotation.tags else ""
        lines.append(shown(f"  - {describe_target(annotation, comparison)}{tags}{orphan}"))
        lines.extend(f"      {shown(line)}" for line in annotation.note.splitlines())
    return "\n".join(lines) + "\n"


def run_where(args: argparse.Namespace) -> int:
    print(f"data:        {shown(data_dir())}")
    print(f"comparisons: {shown(comparisons_dir())}")
    print(f"cache:       {shown(cache_dir())}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    path = delete_saved(args.name)
    print(f"deleted {shown(path)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export with the notes; the HTML page shows the pair the comparison was last viewed with."""
    session = Session.open(args.name, autosave=False)
    target = None
    if args.output is not None:
        from reader.export import export_path

        target = export_path(args.output, Path.cwd())  # before the analysis: a typo costs no wait
    if not args.no_analysis:
        from reader.core.pipeline import add_analysis

        session.set_comparison(add_analysis(session.comparison))
    if target is not None:
        path = session.export(args.format, target)
        print(f"wrote {shown(path)}", file=sys.stderr)
    else:
        sys.stdout.write(safe_output(args.format, str(session.export(args.format))))
    return 0

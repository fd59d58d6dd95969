"""The save, open and export dialogs' rules as plain functions: names, export paths, the saved list's lines.

No Textual here: the dialogs call these as validators and show the ReaderError message they raise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import InputError
from reader.core.records import Comparison
from reader.export import EXTENSIONS, FORMATS, export_path
from reader.shown import shown
from reader.store.files import SavedEntry, path_for
from reader.viewmodel.sidebar_rows import snippet

FORMAT_NAMES: dict[str, str] = {"md": "Markdown report", "html": "HTML page", "json": "JSON"}


def suggested_name(comparison: Comparison, current: str | None, auto_named: bool) -> str:
    """What the name field starts with: the user's name when there is one, else the first headline, shortened."""
    if current and not auto_named:
        return current
    title = shown(comparison.articles[0].title) if comparison.articles else "comparison"
    return " ".join(title.split()[:8])


def check_name(name: str) -> str:
    """The file name a comparison name becomes; InvalidNameError (a ReaderError) when it cannot be one."""
    return path_for(name).stem


@dataclass(frozen=True)
class ExportRequest:
    """What the export dialog hands back: the format and the file to write."""

    fmt: str
    path: Path


def exports_dir() -> Path:
    """The data directory's exports folder: where the export dialog suggests writing first (made on export)."""
    from reader.core.paths import data_dir

    return data_dir() / "exports"


def export_folders(cwd: Path) -> tuple[tuple[str, Path], ...]:
    """The folders the export dialog offers, each with its label: the exports folder, then the current one."""
    return (("exports folder", exports_dir()), ("current folder", cwd))


def export_request(fmt: str, path_text: str, cwd: Path, creatable: Path | None = None) -> ExportRequest:
    """The export dialog's validator: a known format and a file path whose folder exists (or is `creatable`,
    the exports folder, made when the export is written).

    A relative path is taken from `cwd`; `~` is expanded. Raises InputError with a one-line reason.
    """
    if fmt not in FORMATS:
        raise InputError(f"choose a format: {', '.join(FORMATS)}")
    path = export_path(path_text, cwd, creatable)
    return ExportRequest(fmt, path)


def with_format(path_text: str, fmt: str) -> str:
    """The path with its export extension switched to `fmt`'s (other extensions are left as typed)."""
    for extension in EXTENSIONS.values():
        if path_text.endswith(extension):
            return path_text[: -len(extension)] + EXTENSIONS[fmt]
    return path_text


def export_hint(request: ExportRequest) -> str:
    """A line under the path: what will happen when the dialog is confirmed."""
    verb = "replaces" if request.path.exists() else "writes"
    return f"{verb} {shown(request.path)}"


def entry_lines(entry: SavedEntry) -> tuple[str, str]:
    """Two lines of the open dialog for one saved comparison: name and notes; articles or the file's error."""
    if entry.error is not None:
        return shown(entry.slug), f"cannot be opened: {snippet(shown(entry.error), 160)}"
    notes = f"{entry.notes} note{'s' if entry.notes != 1 else ''}"
    return f"{shown(entry.name)}  ·  {notes}  ·  {local_time(entry.modified)}", shown("; ".join(entry.articles))


def local_time(stamp: str) -> str:
    """ "2026-11-22 05:26": a saved ISO 8601 UTC time in the machine's time zone, to the minute."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")

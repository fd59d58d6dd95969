"""Exports of a comparison and its notes: Markdown report, self-contained HTML page, JSON.

All three are built from the Comparison record and the annotations, never from the screen:
`render(fmt, comparison, annotations)` returns the text; `export_to(path, fmt, …)` writes it atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.records import Comparison
from reader.export.html import render_html
from reader.export.json_export import render_json
from reader.export.markdown import render_markdown
from reader.store.annotations import Annotation

FORMATS: tuple[str, ...] = ("md", "html", "json")
EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json"}


def render(
    fmt: str,
    comparison: Comparison,
    annotations: Sequence[Annotation] = (),
    pair: tuple[int, int] | None = None,
) -> str:
    """The export as text; `pair` chooses the two articles of the HTML page (others ignore it)."""
    if fmt == "md":
        return render_markdown(comparison, annotations)
    if fmt == "html":
        return render_html(comparison, annotations, pair)
    if fmt == "json":
        return render_json(comparison, annotations)
    raise ReaderError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def export_path(path_text: str, cwd: Path, creatable: Path | None = None) -> Path:
    """Where an export given as `path_text` goes: a file whose folder exists (or is `creatable`, the exports
    folder, made when the export is written). The one rule of the export dialog and `reader export -o`: a typo
    in a folder name is an error, not a new folder tree made without a word.

    A relative path is taken from `cwd`; `~` is expanded. Raises InputError with a one-line reason.
    """
    from reader.core.errors import InputError
    from reader.shown import shown

    text = path_text.strip()
    if not text:
        raise InputError("give a file to write")
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = cwd / path
    if path.is_dir():
        raise InputError(f"{shown(path)} is a folder: add a file name")
    if not path.parent.is_dir() and path.parent != creatable:
        raise InputError(f"folder {shown(path.parent)} does not exist")
    return path


def export_to(
    path: str | Path,
    fmt: str,
    comparison: Comparison,
    annotations: Sequence[Annotation] = (),
    pair: tuple[int, int] | None = None,
) -> Path:
    """Write the export to `path` atomically (temp file, fsync, replace); returns the path written."""
    from reader.store.files import atomic_write_text

    target = Path(path).expanduser()
    atomic_write_text(target, render(fmt, comparison, annotations, pair))
    return target


def suggested_file_name(name: str, fmt: str) -> str:
    """A safe file name for an export of the comparison called (or titled) `name`: "iran-talks.html"."""
    from reader.store.files import slugify

    try:
        stem = slugify(name.replace("/", " ").replace("\\", " "))
    except ReaderError:
        stem = "comparison"
    return stem + EXTENSIONS[fmt]


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "export_path",
    "export_to",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "suggested_file_name",
]

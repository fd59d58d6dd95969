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
    "export_to",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "suggested_file_name",
]

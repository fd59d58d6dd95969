"""Where the app's stylesheets are, and when each is read: the first frame parses only the rules it draws.

Textual parses every stylesheet the app names before it lays out the first frame, and a stylesheet read later
is parsed once, when the next node is styled (nodes already styled keep their styles). So the rules for what
mounts after the first paint live in their own files, read just before it mounts: the sidebar's (~1.8 ms of
the 3.4 ms reader.tcss took to parse, measured as the least of 40 parses) and the dialogs'. A rule that styles
a node of the first frame (the panes, the headers, the sidebar's and the footer's empty slots) must stay in
reader.tcss: it would not reach that node until its styles were next refreshed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

STYLESHEETS = ("reader.tcss",)
"""Read with the app: the main screen's first frame."""

HIGHLIGHT_STYLESHEETS = ("highlights.tcss",)
"""Read as the panes' holders of the alignment's styles are made (`reader.widgets.late_styles`): when a pane is
first handed what they style, or with the first frame when it already has an alignment."""

SIDEBAR_STYLESHEETS = ("sidebar.tcss",)
"""Read as the sidebar mounts after the first paint (`MainScreen._mount_extras`): its tabs and lists."""

LATER_STYLESHEETS = ("dialogs.tcss",)
"""Read when the first screen is pushed over the main one: the dialogs' look (~3 ms to parse)."""


def stylesheet(name: str) -> Path:
    """A stylesheet of the installed `reader.styles` package (the repo's top-level styles/), or of a checkout.

    Found through the import system's spec rather than `importlib.resources`, whose import alone cost ~15 ms of
    the first frame; the styles are plain files in every supported install (wheel, editable, checkout).
    """
    from importlib.util import find_spec

    try:
        spec = find_spec("reader.styles")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    for location in locations:
        if (Path(location) / name).is_file():
            return Path(location) / name
    return Path(__file__).resolve().parent.parent / "styles" / name


def read_once(sheet: Stylesheet, names: Iterable[str]) -> None:
    """Add the stylesheets `names` to `sheet` unless it has them already; they are parsed on the next styling."""
    for name in names:
        path = stylesheet(name).absolute()
        if not sheet.has_source(str(path)):
            sheet.read(path)

"""ReaderFooter: the key footer that fits its width by leaving out the least needed keys, never the vital ones.

Textual's footer lists the keys in binding order and cuts whatever passes the right edge, so at 80 columns
"q Quit" and "? Help" (the app's own keys, listed last) fell off. This footer ranks the keys (`FOOTER_RANK`):
when they do not all fit, the lowest-ranked are hidden until the rest fits. Hidden keys still work; `?` lists
them all, and so does the command palette.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FOOTER_RANK: tuple[str, ...] = (
    "quit",
    "help",
    "counterpart",
    "jump('match', 1)",
    "annotate",
    "toggle_sidebar",
    "story",
    "jump('unique', 1)",
    "jump('conflict', 1)",
    "search",
    "word_diff",
    "pick_pair",
    "save",
    "export",
    "open_saved",
)
"""Actions most worth showing first; an action not listed ranks after all of these."""

PALETTE_RESERVE = 12
"""Cells kept for the command palette's key docked at the right ("▏^p palette")."""


def key_width(key: FooterKey) -> int:
    """Cells a key takes in the compact footer: the key, a space and its description, then a margin."""
    described = 1 + cell_len(key.description) if key.description else 0
    return cell_len(key.key_display) + described + 1


def rank(action: str) -> int:
    """Where an action stands in FOOTER_RANK (namespaces stripped); unknown actions last."""
    bare = action.split(".", 1)[1] if action.startswith(("app.", "screen.")) else action
    return FOOTER_RANK.index(bare) if bare in FOOTER_RANK else len(FOOTER_RANK)


def keys_to_hide(widths: Iterable[tuple[str, int]], available: int) -> set[int]:
    """Indexes of the keys to hide so that the others fit in `available` cells, lowest-ranked first."""
    keys = list(widths)
    total = sum(width for _, width in keys)
    hidden: set[int] = set()
    by_rank = sorted(range(len(keys)), key=lambda index: (-rank(keys[index][0]), -index))
    for index in by_rank:
        if total <= available:
            break
        hidden.add(index)
        total -= keys[index][1]
    return hidden


class ReaderFooter(Footer):
    """A compact footer that hides its least needed keys when they do not all fit."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._composed_width = -1

    def compose(self) -> ComposeResult:
        widgets: list[Widget] = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        width = self.size.width or self.app.size.width
        self._composed_width = width
        hidden = keys_to_hide(((key.action, key_width(key)) for key in keys), width - PALETTE_RESERVE)
        for index, key in enumerate(keys):
            if index in hidden:
                key.display = False
        yield from widgets

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._composed_width and self._bindings_ready:
            self.call_after_refresh(self.recompose)

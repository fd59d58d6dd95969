"""Component styles that only an alignment draws, held by a hidden child mounted after the first paint.

Textual resolves every component class a widget declares each time the widget is styled (one stylesheet match
per class, on a node of its own), and it styles a pane twice before the first frame: as it mounts and as it takes
the focus. Most of a pane's classes tint what the alignment brings (the match classes, the gutter marks, the
counterpart, the conflict, search and mention layers) and the first frame of a fresh start has none of it, so
those classes live on a `LateStyles` child that mounts once the first frame is out (`MainScreen`), or at once
when the first frame already has an alignment (a reopened comparison). Dropping them from the first frame's
styling saved ~4 ms of it (headless, 160×48, medians of 15 starts: two panes' 14 classes each, styled twice for
the focused one, and two minimaps' 3).

The holder is a child of the widget that draws with its styles, so a component's colour blends over the same
backgrounds (the pane's surface, its focus tint) as when the widget held the class itself; it is never displayed.
Textual styles a widget in the same step that attaches it, so a holder that is attached is styled; until then
its classes draw as plain text, and once it has mounted it asks its parent to redraw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from textual.message import Message
from textual.widget import Widget

PANE_ALIGNMENT_COMPONENTS = frozenset(
    {
        "article-pane--verbatim",
        "article-pane--paraphrase",
        "article-pane--partial",
        "article-pane--unique",
        "article-pane--moved",
        "article-pane--counterpart",
        "article-pane--mark-match",
        "article-pane--mark-unique",
        "article-pane--mark-moved",
        "article-pane--mark-conflict",
        "article-pane--detail",
        "article-pane--search",
        "article-pane--mention",
    }
)
"""A pane's classes for what the alignment (and what follows it: conflicts, search, the sidebar's mentions)
brings; the rules are in highlights.tcss."""

MINIMAP_ALIGNMENT_COMPONENTS = frozenset({"minimap--match", "minimap--unique", "minimap--conflict"})
"""A minimap's classes for the cells the alignment classifies."""


class LateStyles(Widget):
    """A hidden child that carries its parent's later component classes (see the module docstring)."""

    DEFAULT_CSS = """
    LateStyles {
        display: none;
    }
    """

    class Ready(Message):
        """The holder is styled: its parent redraws what it drew plainly until now."""

    def on_mount(self) -> None:
        # styles are applied as a widget is registered, before its Mount: they are in by now
        self.post_message(self.Ready())

    def style_of(self, component: str) -> Style:
        """The component's Rich style, blended over the parent's backgrounds as the parent's own would be."""
        return self.get_component_rich_style(component, default=Style())


class PaneHighlightStyles(LateStyles):
    """An article pane's alignment classes (`PANE_ALIGNMENT_COMPONENTS`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(PANE_ALIGNMENT_COMPONENTS)


class MinimapMarkStyles(LateStyles):
    """A minimap's alignment classes (`MINIMAP_ALIGNMENT_COMPONENTS`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(MINIMAP_ALIGNMENT_COMPONENTS)

    DEFAULT_CSS = """
    MinimapMarkStyles > .minimap--match { color: $success; }
    MinimapMarkStyles > .minimap--unique { color: $warning; }
    MinimapMarkStyles > .minimap--conflict { color: $error; text-style: bold; }
    """


class DrawnStyles:
    """A widget's component styles by name, looked up once per style change rather than once per drawn row: its
    own classes from itself, the late ones from its holder once that is attached (plain until then)."""

    def __init__(self, owner: Widget, late: frozenset[str], make_holder: Callable[[], LateStyles]) -> None:
        self._owner = owner
        self._late = late
        self._make_holder = make_holder
        self._holder: LateStyles | None = None
        self._styles: dict[str, Style] = {}

    def __call__(self, component: str) -> Style:
        style = self._styles.get(component)
        if style is None:
            if component in self._late:
                holder = self._holder
                if holder is None or not holder.is_attached:
                    return Style()  # drawn plainly until the holder is styled (it then asks for a redraw)
                style = holder.style_of(component)
            else:
                style = self._owner.get_component_rich_style(component, default=Style())
            self._styles[component] = style
        return style

    def forget(self) -> None:
        """The styles changed (theme, focus, CSS, the holder mounted): look them up again."""
        self._styles.clear()

    def new_holder(self) -> LateStyles:
        """The holder, made to be composed with the owner (a first frame that already has an alignment)."""
        self._holder = self._make_holder()
        return self._holder

    def mount_holder(self) -> None:
        """Mount the holder into the owner, unless it is in already."""
        if self._holder is None:
            self._owner.mount(self.new_holder())

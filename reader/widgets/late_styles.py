"""Component styles that only an alignment draws, held by a hidden child mounted when they are first needed.

Textual resolves every component class a widget declares each time the widget is styled (one stylesheet match
per class, on a node of its own), and it styles a pane twice before the first frame: as it mounts and as it takes
the focus. Most of a pane's classes tint what the alignment brings (the match classes, the gutter marks, the
counterpart, the conflict, search and mention layers) and the first frame of a fresh start has none of it, so
those classes live on a `LateStyles` child that mounts when its owner is first handed something they style (the
alignment, a search's hits, a mention), or with the owner when the first frame already has an alignment (a
reopened comparison). The first frame then styles 8 of a pane's 21 classes and 2 of a minimap's 5: it came
2.7 ms sooner (the median of 40 paired headless starts of the seeds at 160×48 against the commit before, on a
noisy 2-core machine; the crude experiment that only dropped the classes gave 3.3-5.6 ms), too little for the
tmux bench to resolve there.

The holder is a child of the widget that draws with its styles, so a component's colour blends over the same
backgrounds (the pane's surface, its focus tint) as when the widget held the class itself; it is never displayed.
Textual styles a widget in the same step that attaches it, so a holder that is attached is styled; until then
its classes draw as plain text, and once it has mounted its parent redraws what was drawn so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget

from reader.stylesheets import HIGHLIGHT_STYLESHEETS, read_once

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

    STYLESHEETS: ClassVar[tuple[str, ...]] = ()
    """Stylesheets (in styles/) with the holder's rules, read as it is made; none: its DEFAULT_CSS has them."""

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
    STYLESHEETS = HIGHLIGHT_STYLESHEETS


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
        self._drawn_plainly = False
        """A late class was asked for before its holder was styled: what used it is wrong once the holder is."""

    def __call__(self, component: str) -> Style:
        style = self._styles.get(component)
        if style is None:
            if component in self._late:
                holder = self._holder
                if holder is None or not holder.is_attached:
                    self._drawn_plainly = True
                    return Style()  # drawn plainly until the holder is styled (see `holder_ready`)
                style = holder.style_of(component)
            else:
                style = self._owner.get_component_rich_style(component, default=Style())
            self._styles[component] = style
        return style

    def forget(self) -> None:
        """The styles changed (theme, focus, CSS): look them up again."""
        self._styles.clear()

    def holder_ready(self) -> bool:
        """The holder has mounted: whether anything was drawn plainly for want of it (then the owner redraws).

        Usually nothing was (the holder is attached, so styled, before its owner draws what it styles), and a
        redraw then would repaint the whole pane for nothing."""
        drawn_plainly, self._drawn_plainly = self._drawn_plainly, False
        return drawn_plainly

    def new_holder(self) -> LateStyles:
        """The holder, made to be composed with the owner (a first frame that already has an alignment); its
        stylesheets are read now, to be parsed as it is styled (`reader.stylesheets`)."""
        self._holder = self._make_holder()
        read_once(self._owner.app.stylesheet, self._holder.STYLESHEETS)
        return self._holder

    def mount_holder(self) -> None:
        """Mount the holder into the owner, unless it is in already: just before the owner draws what it styles.

        Attached (so styled) at once, so that draw is styled; Textual lays the owner out again once the holder has
        mounted, which lands in the same frame as that draw instead of a frame of its own."""
        if self._holder is None:
            self._owner.mount(self.new_holder())


class HoldsLateStyles:
    """What a widget with a holder does (mixed into `ArticlePane` and `Minimap`, before their Textual base): it
    composes the holder when its first frame already needs it, mounts it on `style_highlights`, and redraws on
    the holder's `Ready` when it drew a late class plainly meanwhile (`redraw_late_styled`)."""

    highlighted_from_start: bool
    """The first frame already has an alignment (a reopened comparison): the holder comes with the widget."""
    _drawn: DrawnStyles

    def compose(self) -> ComposeResult:
        if self.highlighted_from_start:
            yield self._drawn.new_holder()

    def style_highlights(self) -> None:
        """Mount the holder of the alignment's styles, unless it is in already."""
        self._drawn.mount_holder()

    redraw_late_styled: Callable[[], None]
    """Draws again what the widget drew before the holder was styled (each widget says how)."""

    def on_late_styles_ready(self, event: LateStyles.Ready) -> None:
        event.stop()
        if self._drawn.holder_ready():
            self.redraw_late_styled()

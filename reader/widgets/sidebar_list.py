"""SidebarList: an OptionList whose entries are laid out for its own width, and relaid when that width changes.

The Actors, Claims and Quoted tabs share it. A subclass says how to lay out one entry for a width (the pure
layout lives in reader.viewmodel.sidebar_text) and, optionally, the heading above the list; this class keeps
the highlight on the same entry across refills and resizes, and reports Enter (or a click) as the key of the
chosen entry. The vertical scrollbar is always shown (see styles/sidebar.tcss), so the width an entry is laid
out for does not change when the list starts to overflow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from textual import events
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

Entry = TypeVar("Entry")

FALLBACK_WIDTH = 40
"""The width entries are laid out for before the list has a size (they are laid out again once it has)."""


class SidebarList(OptionList, Generic[Entry]):
    """Entries of one sidebar tab; subclasses implement `entry_key`, `entry_prompt` and maybe `heading`."""

    def __init__(self, *, heading: Static | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.heading_widget = heading
        """A Static above the list that shows the column headings for the same width (or None)."""
        self._laid_out_width = 0
        self.empty_hint = ""

    # -- what subclasses provide ------------------------------------------------------------------------------

    if TYPE_CHECKING:  # every subclass defines these; declared here for the type checker

        def entry_key(self, entry: Entry) -> str: ...
        def entry_prompt(self, entry: Entry, width: int) -> Content: ...
        def entry_selected(self, entry: Entry) -> None:
            """Enter or a click on an entry: post the subclass's Selected message."""

    def heading(self, width: int) -> Content | None:
        """The column headings for `width` cells, or None for a list without columns."""
        return None

    # -- filling and laying out -------------------------------------------------------------------------------

    @property
    def entry_width(self) -> int:
        """Cells an entry's text has: the list's content width less the options' padding."""
        padding = self.get_component_styles("option-list--option").padding.width if self.is_mounted else 2
        width = self.scrollable_content_region.width - padding
        return width if width > 0 else FALLBACK_WIDTH

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Replace the entries, keeping the highlight on the same one when it is still there."""
        self.entries = list(entries)
        self._lay_out(self.highlighted_key)

    def _lay_out(self, keep: str | None) -> None:
        width = self.entry_width
        self._laid_out_width = width
        if self.heading_widget is not None:
            heading = self.heading(width)
            self.heading_widget.update(heading if heading is not None else "")
        self.clear_options()
        if not self.entries:
            if self.empty_hint:
                self.add_option(Option(Content.styled(self.empty_hint, "$text-muted"), disabled=True))
            return
        self.add_options(Option(self.entry_prompt(entry, width), id=self.entry_key(entry)) for entry in self.entries)
        keys = [self.entry_key(entry) for entry in self.entries]
        self.highlighted = keys.index(keep) if keep in keys else 0

    def on_resize(self, event: events.Resize) -> None:
        if self.entry_width != self._laid_out_width:
            self._lay_out(self.highlighted_key)

    # -- the highlighted entry --------------------------------------------------------------------------------

    @property
    def highlighted_entry(self) -> Entry | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    @property
    def highlighted_key(self) -> str | None:
        entry = self.highlighted_entry
        return None if entry is None else self.entry_key(entry)

    def select_key(self, key: str) -> None:
        """Highlight the entry with `key` (no change when it is not listed)."""
        keys = [self.entry_key(entry) for entry in self.entries]
        if key in keys:
            self.highlighted = keys.index(key)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.entries):
            self.entry_selected(self.entries[event.option_index])

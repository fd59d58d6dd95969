"""The `o` dialog: a list of saved comparisons; Enter opens one in place of the current comparison.

Files that cannot be read are listed with their reason and cannot be chosen, so one damaged file never hides
the others. The list is read once when the dialog opens (a directory listing and one parse per file).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.paths import comparisons_dir
from reader.shown import shown
from reader.store.files import SavedEntry
from reader.viewmodel.saving import entry_lines


def entry_prompt(entry: SavedEntry, current: str | None) -> Text:
    """Two lines: name, notes and last change (bold; "· open now" for the current one), then the articles."""
    first, second = entry_lines(entry)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(first, style="bold" if entry.error is None else "bold red")
    if current is not None and entry.slug == current:
        text.append("  · open now", style="italic")
    text.append("\n")
    text.append(second, style="dim" if entry.error is None else "red")
    return text


class OpenSavedScreen(ModalScreen[str | None]):
    """Saved comparisons, most recent first; dismisses with the chosen one's slug."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="open-cancel")]

    def __init__(self, entries: Sequence[SavedEntry], current: str | None = None) -> None:
        super().__init__()
        self.entries = list(entries)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="open-body", classes="dialog"):
            yield Static("Open a saved comparison", classes="dialog-title")
            if not self.entries:
                yield Static(Text(f"No saved comparisons yet (they are kept in {shown(comparisons_dir())})."))
                yield Static("ctrl+s saves this one; notes are saved as you write them.", classes="dialog-help")
                return
            options = [
                Option(entry_prompt(entry, self.current), id=entry.slug, disabled=entry.error is not None)
                for entry in self.entries
            ]
            yield OptionList(*options, id="open-options")
            yield Static("enter opens · esc cancels", classes="dialog-help")

    def on_mount(self) -> None:
        found = self.query("#open-options")
        if found:
            options = found.first(OptionList)
            options.focus()
            first = next((i for i, entry in enumerate(self.entries) if entry.error is None), None)
            options.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""The search line that `/` opens: type to light up hits in both panes, Enter for the next, Escape to close."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An Input that reports its query, Enter (next hit) and Escape (close) to the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search-close"),
        Binding("shift+enter,ctrl+r", "previous", "Previous hit", show=False),
    ]

    @dataclass
    class Closed(Message):
        """Escape: hide the bar and give the keys back to the pane."""

        search_bar: SearchBar

    @dataclass
    class Previous(Message):
        """Go to the previous hit."""

        search_bar: SearchBar

    def __init__(self, *, id: str | None = None) -> None:
        # Not selecting on focus: the first keys after `/` are typed in before the focus is handled
        # (`MainScreen.on_key`), and a selection would have the next key replace them.
        super().__init__(placeholder="search both articles (Enter: next hit, Esc: close)", id=id, select_on_focus=False)

    def action_close(self) -> None:
        self.post_message(self.Closed(self))

    def action_previous(self) -> None:
        self.post_message(self.Previous(self))

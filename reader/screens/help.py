"""The `?` dialog: every key and the legend of the gutter marks."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.marks import LEGEND, NOTE_MARK
from reader.widgets.sidebar import SIDEBAR_TABS

KEY_TABLE: tuple[tuple[str, str], ...] = (
    ("↑ ↓  j k", "move the cursor by passage (PgUp/PgDn, g/G: page, top, bottom)"),
    ("tab  shift+tab", "cycle focus: left pane, right pane, sidebar"),
    ("n  N", "next / previous matched passage"),
    ("u  U", "next / previous unique passage"),
    ("c  C", "next / previous detail conflict"),
    ("enter", "jump to the counterpart (in a list: jump to the entry; again: next mention)"),
    ("esc", "from a list, a filter or the search line: back to the pane"),
    ("a  A", "next / previous claim of this article (speaker and cue lit)"),
    ("v", "the story: each point, which outlet tells it; headlines and ledes (f filter, r order, Enter jumps)"),
    ("/", "search both articles (Enter next hit, Esc close)"),
    ("b", "show / hide boilerplate"),
    ("w", "word diff of the selected pair"),
    ("s", "show / hide the sidebar"),
    (
        " ".join(str(number) for number in range(1, len(SIDEBAR_TABS) + 1)),
        f"open a sidebar tab ({', '.join(tab.title for tab in SIDEBAR_TABS)}) and focus its list",
    ),
    ("m  M", "note on the selection: passage, actor, claim or Notes entry (edits an existing one) / a new note"),
    ("ctrl+s", "save the comparison (asks for a name the first time; notes are also saved as you write them)"),
    ("o", "open a saved comparison"),
    ("e", "export as Markdown, HTML or JSON"),
    ("p", "choose the pair (three or more articles)"),
    ("ctrl+p", "command palette"),
    ("?", "this help"),
    ("q", "quit"),
)


def help_text() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row(Text("Keys", style="bold underline"), "")
    for key, meaning in KEY_TABLE:
        table.add_row(key, meaning)
    table.add_row("", "")
    table.add_row(Text("Gutter marks", style="bold underline"), "")
    for mark, meaning in LEGEND:
        table.add_row(mark, meaning)
    notes_key = next(number for number, tab in enumerate(SIDEBAR_TABS, 1) if tab.id == "notes")
    table.add_row(NOTE_MARK, f"a note is on this passage (Notes tab: {notes_key})")
    table.add_row("k/N", "with three or more articles: carried by k of the N articles")
    table.add_row("", "")
    table.add_row("", Text("Mouse: click a passage, a minimap cell or a list entry (it jumps).", style="dim"))
    table.add_row("", Text("The footer shows the keys that fit its width; every key above works.", style="dim"))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and legend; any of Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(help_text(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

"""The Notes tab: every note of the comparison, where it points, its tags and first line; orphans last.

Each entry is two lines (the target and its quote; the tags and the note), so it reads in a narrow sidebar.
Enter posts `NotesList.Selected` and the screen jumps to the passage, actor or claim; `m` on an entry edits it
(the screen reads `highlighted_id`). The screen fills the list with `show_notes` whenever notes change; the
list asks for its rows once mounted (`Ready`), since the sidebar mounts after the first paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.viewmodel.notes import NoteKind, NoteRow

EMPTY_HINT = "No notes yet. m on a passage, an actor or a claim writes one; they are saved as you go."


def note_prompt(row: NoteRow) -> Text:
    """The two lines of one entry; note text and quotes are plain text, never markup."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if row.orphaned:
        text.append("orphaned ", style="bold reverse")
        text.append(f"{row.where} ", style="bold")
    else:
        text.append(f"{row.where} ", style="bold")
    style = "italic" if row.kind is NoteKind.PASSAGE else "bold"
    text.append(row.subject, style=style)
    text.append("\n  ")
    if row.tags:
        text.append(" ".join(f"#{tag}" for tag in row.tags), style="bold")
        text.append(" ")
    text.append(row.note or "(no text)", style="" if row.note else "dim")
    return text


class NotesList(OptionList):
    """The comparison's notes, in reading order."""

    @dataclass
    class Selected(Message):
        """Enter (or a click) on a note: jump to what it is about."""

        annotation_id: str

    class Ready(Message):
        """The list is mounted and wants its rows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[NoteRow] = []

    def on_mount(self) -> None:
        self.post_message(self.Ready())

    def show_notes(self, rows: Sequence[NoteRow]) -> None:
        """Replace the entries, keeping the highlight on the same note when it is still there."""
        previous = self.highlighted_id
        self.rows = list(rows)
        self.clear_options()
        if not self.rows:
            self.add_option(Option(Text(EMPTY_HINT, style="dim"), disabled=True))
            return
        entries: list[Option | None] = []
        for row in self.rows:
            if entries:
                entries.append(None)  # a rule between two notes
            entries.append(Option(note_prompt(row), id=row.annotation_id))
        self.add_options(entries)
        ids = [row.annotation_id for row in self.rows]
        self.highlighted = ids.index(previous) if previous in ids else 0

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted note (None when the list is empty)."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index].annotation_id

    def select_note(self, annotation_id: str) -> None:
        """Highlight a note (after it was written, so the list shows where it went)."""
        ids = [row.annotation_id for row in self.rows]
        if annotation_id in ids:
            self.highlighted = ids.index(annotation_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Selected(event.option.id))

"""The `m` dialog: write or edit a note on a passage, an actor or a claim, with tags.

Keyboard only: the note (several lines) has focus first, Tab moves to the tags field, the quick-pick toggles
and the buttons; ctrl+s saves from anywhere in the dialog, Escape cancels. The quick picks and the tags field
always agree: ticking "check" adds it to the field, typing it ticks the box. The validator is the pure
`note_edit`; its message stays in the dialog until the note is fixed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static, TextArea

from reader.core.errors import ReaderError
from reader.store.annotations import QUICK_TAGS, Annotation
from reader.viewmodel.notes import NoteEdit, dialog_title, note_edit, quick_tags_on, toggle_tag

NOTE_TEXT_ROWS = 8
"""The note field's height (borders included) when the terminal has room: six lines of text."""
MIN_NOTE_TEXT_ROWS = 4
"""Its height on a short terminal: two lines of text, so the tags, the quick picks and Save still show."""
DIALOG_OTHER_ROWS = 18
"""Rows of the dialog besides the note field (border, padding, a two-line title, labels, the tags field, the quick
picks, the buttons and the margins between them): at 80×24 the dialog with a full note field was 26 rows in
a 21-row frame, and its quick picks and buttons were cut off."""


QUICK_PICKS_COLUMNS = sum(len(tag) + len("▐X▌ ") for tag in QUICK_TAGS) + 3 * (len(QUICK_TAGS) - 1)
"""Columns the quick picks take in one row: each a compact box and its tag, three columns apart (dialogs.tcss)."""

DIALOG_FRAME_COLUMNS = 6
"""Columns of the dialog that are not its content: the border and two of padding each side (dialogs.tcss)."""


def quick_picks_in_one_row(terminal_columns: int) -> bool:
    """Whether the quick picks fit one row of the dialog (90 % of the terminal, at most 96 columns: dialogs.tcss);
    else they stand in two rows, two a row. At 60 columns the fourth one's tag was cut off."""
    return min(96, terminal_columns * 9 // 10) - DIALOG_FRAME_COLUMNS >= QUICK_PICKS_COLUMNS


def note_text_rows(terminal_rows: int) -> int:
    """The note field's height for a terminal this tall: what the dialog's 90 % frame leaves, within bounds."""
    return max(MIN_NOTE_TEXT_ROWS, min(NOTE_TEXT_ROWS, terminal_rows * 9 // 10 - DIALOG_OTHER_ROWS))


class AnnotateScreen(ModalScreen[NoteEdit | None]):
    """A note and its tags; Save, Delete (when editing) or Cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: a priority one runs before the keys typed ahead of it reach the field.
        Binding("ctrl+s", "save", "Save note", id="note-save"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
        Binding("q", "stay", show=False),  # the app's `q` would quit and drop the note being written
    ]

    def __init__(self, subject: str, annotation: Annotation | None = None) -> None:
        super().__init__()
        self.subject = subject
        self.annotation = annotation

    def compose(self) -> ComposeResult:
        editing = self.annotation
        with Vertical(id="note-body"):
            yield Static(Text(dialog_title(editing, self.subject), no_wrap=True, overflow="ellipsis"), id="note-title")
            yield Static("Note", classes="note-label")
            yield TextArea(editing.note if editing else "", id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static("Tags, comma-separated, or tick common ones", classes="note-label")
            yield Input(", ".join(editing.tags) if editing else "", placeholder="e.g. check, budget", id="note-tags")
            ticked = quick_tags_on(", ".join(editing.tags) if editing else "")
            rows = "" if quick_picks_in_one_row(self.app.size.width) else "-two-rows"
            with Horizontal(id="note-quick", classes=rows):
                for tag in QUICK_TAGS:
                    yield Checkbox(tag, ticked[tag], id=f"quick-{tag}", compact=True)
            yield Static("", id="note-error")
            with Horizontal(id="note-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save-note", compact=True)
                if editing is not None:
                    yield Button("Delete", variant="error", id="delete-note", compact=True)
                yield Button("Cancel  esc", id="cancel-note", compact=True)

    def on_mount(self) -> None:
        text = self.query_one("#note-text", TextArea)
        text.styles.height = note_text_rows(self.app.size.height)
        text.focus()
        text.move_cursor(text.document.end)

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#note-text", TextArea).styles.height = note_text_rows(event.size.height)
        self.query_one("#note-quick").set_class(not quick_picks_in_one_row(event.size.width), "-two-rows")

    # -- tags and quick picks agree --------------------------------------------------------------------------

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        tag = (event.checkbox.id or "").removeprefix("quick-")
        field = self.query_one("#note-tags", Input)
        updated = toggle_tag(field.value, tag, event.value)
        if updated != field.value:
            with field.prevent(Input.Changed):
                field.value = updated
            field.cursor_position = len(updated)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        for tag, on in quick_tags_on(event.value).items():
            box = self.query_one(f"#quick-{tag}", Checkbox)
            if box.value != on:
                with box.prevent(Checkbox.Changed):
                    box.value = on
        self._show_error("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the tags field saves (the note field keeps Enter for new lines)."""
        event.stop()
        self.action_save()

    # -- results ---------------------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save-note":
            self.action_save()
        elif event.button.id == "delete-note" and self.annotation is not None:
            self.dismiss(NoteEdit(self.annotation.note, self.annotation.tags, delete=True))
        else:
            self.action_cancel()

    def action_save(self) -> None:
        note = self.query_one("#note-text", TextArea).text
        tags = self.query_one("#note-tags", Input).value
        try:
            result = note_edit(note, tags)
        except ReaderError as error:
            self._show_error(str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_stay(self) -> None:
        """`q` outside the text fields does nothing here (ctrl+q still quits)."""

    def _show_error(self, message: str) -> None:
        self.query_one("#note-error", Static).update(Text(message))
        self.query_one("#note-error").set_class(bool(message), "-shown")

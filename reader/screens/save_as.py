"""The ctrl+s dialog: name a comparison the first time it is saved, or settle a conflict with another reader.

The dialog checks the name as it is typed (the pure `check_name`: a name must become a safe file name) and
shows the file it will be; on Enter it asks the caller to save, and keeps itself open with the caller's message
when that fails (name taken, disk full), so nothing typed is lost. In conflict mode (another reader instance
saved the same comparison since it was opened) it also offers to overwrite their version.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from reader.core.errors import ReaderError
from reader.shown import shown
from reader.viewmodel.saving import check_name

SaveAttempt = Callable[[str], Path | str]
"""Save under this name: the path written, or the one-line reason it failed."""

ForceAttempt = Callable[[], Path | str]
"""Overwrite the other instance's file: the path written, or why it failed."""


class SaveAsScreen(ModalScreen[Path | None]):
    """A name field; Enter saves under that name, Escape cancels. Dismisses with the path written."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="save-cancel")]

    def __init__(
        self,
        initial: str,
        attempt: SaveAttempt,
        *,
        conflict: str = "",
        overwrite: ForceAttempt | None = None,
    ) -> None:
        super().__init__()
        self.initial = initial
        self.attempt = attempt
        self.conflict = conflict
        self.overwrite = overwrite

    def compose(self) -> ComposeResult:
        with Vertical(id="save-body", classes="dialog"):
            title = "Save the comparison under another name" if self.conflict else "Save the comparison as"
            yield Static(title, classes="dialog-title")
            if self.conflict:
                yield Static(Text(self.conflict), id="save-conflict")
            yield Input(self.initial, placeholder="a name, e.g. iran talks", id="save-name")
            yield Static("", id="save-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  enter", variant="primary", id="save-button", compact=True)
                if self.overwrite is not None:
                    yield Button("Overwrite theirs", variant="warning", id="overwrite-button", compact=True)
                yield Button("Cancel  esc", id="cancel-button", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save-name", Input).focus()
        self._check(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._check(event.value)

    def _check(self, name: str) -> bool:
        """Show the file the name becomes, or why it cannot be one; True when it can."""
        try:
            slug = check_name(name)
        except ReaderError as error:
            self._hint(str(error), error=True)
            return False
        self._hint(f"file: {slug}.json in the saved comparisons folder")
        return True

    def _hint(self, message: str, *, error: bool = False) -> None:
        hint = self.query_one("#save-hint", Static)
        hint.update(Text(shown(message)))
        hint.set_class(error, "-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save-button":
            self._save()
        elif event.button.id == "overwrite-button" and self.overwrite is not None:
            self._finish(self.overwrite())
        else:
            self.action_cancel()

    def _save(self) -> None:
        name = self.query_one("#save-name", Input).value
        if self._check(name):
            self._finish(self.attempt(name.strip()))

    def _finish(self, outcome: Path | str) -> None:
        if isinstance(outcome, Path):
            self.dismiss(outcome)
        else:
            self._hint(outcome, error=True)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""The `e` dialog: export the comparison and its notes as Markdown, a self-contained HTML page, or JSON.

It asks where to write, never silently: two folders are offered (the data directory's exports folder, first,
and the current folder), the full path is shown and editable, and the line under it says what will be written
or replaced. The path starts as the suggested file name in the chosen folder and follows the format and the
folder while the user has not typed one of their own. The pure `export_request` validates (the folder must
exist, or be the exports folder, made on export); the caller writes the file atomically and reports the path.
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
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from reader.core.errors import ReaderError
from reader.export import FORMATS
from reader.shown import shown
from reader.viewmodel.saving import (
    FORMAT_NAMES,
    ExportRequest,
    export_folders,
    export_hint,
    export_request,
    with_format,
)

SuggestName = Callable[[str], str]
"""The suggested file name for a format ("iran-talks.html")."""


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Format, path, Export / Cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export-cancel"),
        # Not a priority binding: a priority one runs before the keys typed ahead of it reach the field.
        Binding("ctrl+s", "export", "Export", id="export-confirm"),
    ]

    def __init__(self, suggest: SuggestName, fmt: str = "html", cwd: Path | None = None) -> None:
        super().__init__()
        self.suggest = suggest
        self.fmt = fmt if fmt in FORMATS else "html"
        self.cwd = cwd or Path.cwd()
        self.folders = export_folders(self.cwd)
        self.folder = self.folders[0][1]

    def suggested_path(self, fmt: str | None = None, folder: Path | None = None) -> str:
        return str((folder or self.folder) / self.suggest(fmt or self.fmt))

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body", classes="dialog"):
            yield Static("Export the comparison and its notes", classes="dialog-title")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(f"{FORMAT_NAMES[fmt]} (.{fmt})", value=fmt == self.fmt, id=f"format-{fmt}")
            with RadioSet(id="export-folder"):
                for number, (label, folder) in enumerate(self.folders):
                    yield RadioButton(Text(f"{label}: {shown(folder)}"), value=number == 0, id=f"folder-{number}")
            yield Input(self.suggested_path(), id="export-path")
            yield Static("", id="export-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export  enter", variant="primary", id="export-button", compact=True)
                yield Button("Cancel  esc", id="cancel-button", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()
        self._check()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.radio_set.id == "export-folder":
            self._folder_chosen(event.index)
            return
        fmt = (event.pressed.id or "").removeprefix("format-")
        if fmt not in FORMATS or fmt == self.fmt:
            return
        field = self.query_one("#export-path", Input)
        if field.value == self.suggested_path():
            field.value = self.suggested_path(fmt)
        else:
            field.value = with_format(field.value, fmt)
        self.fmt = fmt
        self._check()

    def _folder_chosen(self, index: int) -> None:
        """Another folder: the file keeps its name and moves there."""
        folder = self.folders[index][1]
        field = self.query_one("#export-path", Input)
        name = Path(field.value.strip()).name if field.value.strip() else self.suggest(self.fmt)
        self.folder = folder
        field.value = str(folder / name)
        self._check()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._check()

    def _check(self) -> ExportRequest | None:
        hint = self.query_one("#export-hint", Static)
        try:
            value = self.query_one("#export-path", Input).value
            request = export_request(self.fmt, value, self.cwd, creatable=self.folders[0][1])
        except ReaderError as error:
            hint.update(Text(shown(str(error))))
            hint.set_class(True, "-error")
            return None
        hint.update(Text(export_hint(request)))
        hint.set_class(False, "-error")
        return request

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-button":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        request = self._check()
        if request is None:
            return
        if request.path.parent == self.folders[0][1]:
            try:
                request.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                hint = self.query_one("#export-hint", Static)
                hint.update(Text(shown(f"cannot make {request.path.parent}: {error.strerror or error}")))
                hint.set_class(True, "-error")
                return
        self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)

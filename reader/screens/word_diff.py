"""The `w` dialog: the word-level diff of the selected matched pair."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.viewmodel.word_diff import Piece, PieceKind, WordDiff

PIECE_STYLES: dict[PieceKind, str] = {
    # Mid-tone colours that read on both light and dark themes; bold and underline carry meaning too.
    PieceKind.RUN: "bold green4",
    PieceKind.SAME: "green4",
    PieceKind.CHANGED: "bold dark_orange3",
    PieceKind.DETAIL: "bold red3 underline",
    PieceKind.SPACE: "",
}


def pieces_text(pieces: tuple[Piece, ...]) -> Text:
    text = Text()
    for piece in pieces:
        text.append(piece.text, style=PIECE_STYLES[piece.kind])
    return text


def diff_renderable(diff: WordDiff, labels: tuple[str, str], kind: str) -> Group:
    sides = Table.grid(padding=(0, 2), expand=True)
    sides.add_column(ratio=1)
    sides.add_column(ratio=1)
    sides.add_row(Text(labels[0], style="bold reverse"), Text(labels[1], style="bold reverse"))
    sides.add_row(pieces_text(diff.left), pieces_text(diff.right))
    legend = Text()
    legend.append("shared run (4+ words)", style=PIECE_STYLES[PieceKind.RUN])
    legend.append(" · ")
    legend.append("shared word", style=PIECE_STYLES[PieceKind.SAME])
    legend.append(" · ")
    legend.append("only this side", style=PIECE_STYLES[PieceKind.CHANGED])
    legend.append(" · ")
    legend.append("differing detail", style=PIECE_STYLES[PieceKind.DETAIL])
    summary = Text(f"{kind} · {diff.shared_words} shared words · {diff.runs} verbatim run(s)", style="dim")
    parts: list[Table | Text] = [summary, sides, Text(""), legend]
    if diff.details:
        details = Table(title="Details that differ", expand=True, title_justify="left")
        details.add_column("kind")
        details.add_column(labels[0])
        details.add_column(labels[1])
        details.add_column("how")
        for line in diff.details:
            details.add_row(line.kind, Text(line.left), Text(line.right), line.status)
        parts.extend([Text(""), details])
    return Group(*parts)


class WordDiffScreen(ModalScreen[None]):
    """Shows one WordDiff; Escape, q or w closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,w", "close", "Close", id="diff-close")]

    def __init__(self, diff: WordDiff, labels: tuple[str, str], kind: str) -> None:
        super().__init__()
        self.diff = diff
        self.labels = labels
        self.kind = kind

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="diff-body"):
            yield Static(diff_renderable(self.diff, self.labels, self.kind), id="diff-text")

    def action_close(self) -> None:
        self.dismiss(None)

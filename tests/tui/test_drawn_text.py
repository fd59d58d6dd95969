"""Emoji sequences are drawn as their parts, and the panes wrap by the cells so drawn (see viewmodel.cells)."""

from __future__ import annotations

from rich.cells import cell_len

from reader.viewmodel.cells import drawn_text
from reader.viewmodel.layout import wrap_offsets

FAMILY = "👩\u200d👩\u200d👧"
RAINBOW_FLAG = "🏳\ufe0f\u200d🌈"


def test_sequences_become_their_parts() -> None:
    assert drawn_text(FAMILY) == "👩👩👧"
    assert drawn_text(RAINBOW_FLAG) == "🏳🌈"
    assert drawn_text("👍🏽 and ❤️") == "👍 and ❤"


def test_joiners_between_letters_and_plain_text_are_kept() -> None:
    devanagari = "क्\u200dष"
    assert drawn_text(devanagari) == devanagari
    assert drawn_text("The storm closed the harbour.") == "The storm closed the harbour."


def test_a_row_is_wrapped_by_the_cells_the_pane_draws() -> None:
    text = f"{FAMILY} waved"
    assert cell_len(drawn_text(FAMILY)) == 6
    rows = wrap_offsets(text, 8)  # counted as Rich counts the sequence (2 cells), the row would hold it all
    assert [text[start:end] for start, end in rows] == [f"{FAMILY} ", "waved"]
    assert all(cell_len(drawn_text(text[start:end].rstrip())) <= 8 for start, end in rows)

"""Wrap the bands to the panes' widths: the screen rows each pane draws, with both panes' bands level.

Each band is as tall as its taller side; the shorter side is padded with PAD rows. A row knows which sentence
it shows and which slice of the article text, so a pane can draw any row on demand (the line API) and find the
row of any sentence (to scroll to it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rich.cells import cell_len

from reader.core.records import Article
from reader.viewmodel.bands import Band, Item, Side
from reader.viewmodel.cells import drawn_text

_WORD = re.compile(r"\S+\s*|\s+")


class RowKind(StrEnum):
    """What a screen row of a pane shows."""

    TEXT = "text"
    FOLD = "fold"
    BLANK = "blank"
    PAD = "pad"


@dataclass(frozen=True)
class Row:
    """One screen row of one pane."""

    kind: RowKind
    band: int
    sentence: int | None = None
    """The sentence shown (TEXT), or the first folded sentence (FOLD)."""
    start: int = 0
    end: int = 0
    """The slice of `Article.text` shown on a TEXT row."""
    first: bool = False
    """First row of its sentence: the gutter shows the line number and the mark here."""
    folded: int = 0
    """How many sentences a FOLD row stands for."""


@dataclass
class PaneRows:
    """The rows of one pane and where each sentence sits."""

    rows: list[Row] = field(default_factory=list)
    top: dict[int, int] = field(default_factory=dict)
    """Row of the first line of each shown sentence (folded sentences map to their fold row)."""
    height: dict[int, int] = field(default_factory=dict)
    """How many rows each shown sentence takes (1 for a folded one)."""

    def span(self, sentence: int) -> tuple[int, int] | None:
        """First row and row count of a sentence, or None when it is not laid out."""
        if sentence not in self.top:
            return None
        return self.top[sentence], self.height[sentence]


def _normalised(text: str) -> str:
    """Tabs and newlines inside a sentence are drawn as spaces (same length, so offsets hold)."""
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _drawn_cells(text: str) -> int:
    """Cells the pane draws `text` in (emoji sequences as their parts: see `cells`)."""
    return cell_len(drawn_text(text))


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Soft-wrap `text` to `width` cells at spaces; returns (start, end) slices of `text`, one per row.

    Words longer than a row are cut. Trailing spaces stay on the row they follow, so slices tile the text.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    ascii_only = text.isascii()
    measure = len if ascii_only else _drawn_cells
    rows: list[tuple[int, int]] = []
    row_start = 0
    row_cells = 0
    for token in _WORD.finditer(text):
        word = token.group()
        stripped = word.rstrip()
        cells = measure(stripped)
        if row_cells and row_cells + cells > width:
            rows.append((row_start, token.start()))
            row_start, row_cells = token.start(), 0
        if cells > width:
            position = token.start()
            for char in stripped:
                char_cells = measure(char)
                if row_cells + char_cells > width and row_cells:
                    rows.append((row_start, position))
                    row_start, row_cells = position, 0
                row_cells += char_cells
                position += 1
            row_cells += measure(word) - cells
            continue
        row_cells += measure(word)
    rows.append((row_start, len(text)))
    return rows


def _item_rows(article: Article, item: Item, band: int, width: int, rows: PaneRows) -> list[Row]:
    if item.folded:
        row = Row(RowKind.FOLD, band, sentence=item.first, first=True, folded=len(item.sentences))
        return [row]
    sentence = article.sentences[item.first]
    text = _normalised(article.text[sentence.start : sentence.end])
    result = []
    for number, (start, end) in enumerate(wrap_offsets(text, width)):
        result.append(
            Row(
                RowKind.TEXT,
                band,
                sentence=sentence.index,
                start=sentence.start + start,
                end=sentence.start + end,
                first=number == 0,
            )
        )
    return result


def lay_out(
    bands: Sequence[Band],
    articles: tuple[Article, Article],
    widths: tuple[int, int],
) -> tuple[PaneRows, PaneRows]:
    """Rows of the left and right panes for text columns `widths` (cells, gutter excluded)."""
    panes = (PaneRows(), PaneRows())
    for band in bands:
        per_side: list[list[Row]] = []
        for side in (Side.LEFT, Side.RIGHT):
            pane = panes[side]
            side_rows: list[Row] = []
            if band.new_block:
                side_rows.append(Row(RowKind.BLANK, band.index))
            for item in band.items(side):
                if item.new_block:
                    side_rows.append(Row(RowKind.BLANK, band.index))
                offset = len(pane.rows) + len(side_rows)
                item_rows = _item_rows(articles[side], item, band.index, widths[side], pane)
                for sentence in item.sentences:
                    pane.top[sentence] = offset
                    pane.height[sentence] = len(item_rows)
                side_rows.extend(item_rows)
            per_side.append(side_rows)
        tallest = max(len(rows) for rows in per_side)
        for side in (Side.LEFT, Side.RIGHT):
            side_rows = per_side[side]
            side_rows.extend(Row(RowKind.PAD, band.index) for _ in range(tallest - len(side_rows)))
            panes[side].rows.extend(side_rows)
    return panes

"""Wrap the bands to the panes' widths: the screen rows each pane draws.

Three ways to stand the panes beside each other (`PaneMode`), tried on the seeds and on three-outlet events
(bench/first_screen.py):
- FLOW (the app's): each pane in its own reading order, no padding; the screen scrolls the other pane so the
  selected passage and its counterpart stay level. Both panes are full of text on every screen.
- LEVEL (the old way): each band is as tall as its taller side, the shorter side padded with PAD rows, so every
  in-order match stands level; a long run on one side leaves the other pane blank (40 rows on the seeds).
- FOLD: as LEVEL, but a run of one side with no counterpart level with it folds into one row ("⋯ 12 passages
  of A told elsewhere or only in A") when it would pad the other side.
A row knows which sentence it shows and which slice of the article text, so a pane can draw any row on demand
(the line API) and find the row of any sentence (to scroll to it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from rich.cells import cell_len

from reader.core.records import Article
from reader.viewmodel.bands import Band, Item, Side
from reader.viewmodel.cells import drawn_text

_WORD = re.compile(r"\S+\s*|\s+")


class PaneMode(StrEnum):
    """How the two panes' rows relate (see the module docstring)."""

    FLOW = "flow"
    LEVEL = "level"
    FOLD = "fold"


FOLD_MIN_ROWS = 4
"""FOLD mode folds a one-sided run only when it would pad the other pane by at least this many rows: a short
run reads better in place than as a fold row of its own."""


class RowKind(StrEnum):
    """What a screen row of a pane shows."""

    TEXT = "text"
    FOLD = "fold"
    BLANK = "blank"
    PAD = "pad"


class Row(NamedTuple):
    """One screen row of one pane.

    A NamedTuple, as the view's other small records (see `reader.core.records` on what a dataclass costs at import).
    Rows are made by the thousand on every wrap, and a tuple is made more than twice as fast as a frozen dataclass.
    """

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
    label: str = ""
    """What a FOLD row says; empty for a fold of boilerplate (the pane writes its own text)."""


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
    """Cells the pane draws `text` in (emoji sequences as their parts: see `cells`).

    An ASCII word is one cell per character: most words of most articles, whose text as a whole is rarely ASCII
    (one curly quote is enough), so the check is made per word: the sentences of six dev events and the seeds
    wrapped in 8.0 ms against 11.1 ms when the whole text was checked.
    """
    if text.isascii():
        return len(text)
    return cell_len(drawn_text(text))


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Soft-wrap `text` to `width` cells at spaces; returns (start, end) slices of `text`, one per row.

    Words longer than a row are cut. Trailing spaces stay on the row they follow, so slices tile the text.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    measure = _drawn_cells
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
    mode: PaneMode = PaneMode.FLOW,
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
        if mode is PaneMode.FOLD and band.match is None:
            _fold_longer_side(band, articles, per_side, panes)
        if mode is not PaneMode.FLOW:
            tallest = max(len(rows) for rows in per_side)
            for side in (Side.LEFT, Side.RIGHT):
                side_rows = per_side[side]
                side_rows.extend(Row(RowKind.PAD, band.index) for _ in range(tallest - len(side_rows)))
        for side in (Side.LEFT, Side.RIGHT):
            panes[side].rows.extend(per_side[side])
    return panes


def _fold_longer_side(
    band: Band, articles: tuple[Article, Article], per_side: list[list[Row]], panes: tuple[PaneRows, PaneRows]
) -> None:
    """FOLD mode: the side of a gap band that would pad the other by FOLD_MIN_ROWS or more becomes one row."""
    for side in (Side.LEFT, Side.RIGHT):
        mine, theirs = per_side[side], per_side[side.other]
        sentences = [s for item in band.items(side) if not item.folded for s in item.sentences]
        if len(mine) - len(theirs) < FOLD_MIN_ROWS or not sentences:
            continue
        label = articles[side].label
        count = len(sentences)
        text = f"⋯ {count} passage{'s' if count != 1 else ''} of {label} told elsewhere or only in {label}"
        offset = len(panes[side].rows)
        mine[:] = [Row(RowKind.FOLD, band.index, sentence=sentences[0], first=True, folded=count, label=text)]
        for item in band.items(side):
            for sentence in item.sentences:
                panes[side].top[sentence] = offset
                panes[side].height[sentence] = 1

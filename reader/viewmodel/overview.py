"""The minimap's data: what each screen row of a pane holds, squeezed into the minimap's height.

Every cell of the minimap covers a slice of the pane's rows and shows the most telling thing in it: a
conflict beats a unique passage, which beats a match, which beats plain text. The mark is a character as well
as a colour, so the overview never rests on colour alone.
"""

from __future__ import annotations

from enum import IntEnum

from reader.core.records import SentenceClass
from reader.viewmodel.bands import Side
from reader.viewmodel.layout import PaneRows, RowKind
from reader.viewmodel.pair_view import PairView


class Overview(IntEnum):
    """Minimap cell kinds, by priority (higher wins when a cell covers several rows)."""

    EMPTY = 0
    TEXT = 1
    MATCH = 2
    UNIQUE = 3
    CONFLICT = 4


OVERVIEW_GLYPHS: dict[Overview, str] = {
    Overview.EMPTY: " ",
    Overview.TEXT: "│",
    Overview.MATCH: "≈",
    Overview.UNIQUE: "+",
    Overview.CONFLICT: "!",
}


def row_overview(rows: PaneRows, view: PairView, side: Side) -> list[Overview]:
    """The kind of every row of a pane."""
    kinds: list[Overview] = []
    cache: dict[int, Overview] = {}
    for row in rows.rows:
        if row.kind is not RowKind.TEXT or row.sentence is None:
            kinds.append(Overview.EMPTY)
            continue
        sentence = row.sentence
        if sentence not in cache:
            cache[sentence] = _sentence_overview(view, side, sentence)
        kinds.append(cache[sentence])
    return kinds


def _sentence_overview(view: PairView, side: Side, sentence: int) -> Overview:
    if view.conflicting(side, sentence):
        return Overview.CONFLICT
    if view.match_index(side, sentence) is not None:
        return Overview.MATCH
    unique = view.sentence_class(side, sentence) is SentenceClass.UNIQUE
    if unique and not view.boilerplate(side, sentence):
        return Overview.UNIQUE
    return Overview.TEXT


def squeeze(kinds: list[Overview], height: int) -> list[Overview]:
    """`height` cells, each the highest-priority kind among the rows it covers."""
    if height <= 0:
        return []
    total = len(kinds)
    if total == 0:
        return [Overview.EMPTY] * height
    cells: list[Overview] = []
    for cell in range(height):
        start, end = cell_range(cell, height, total)
        cells.append(max(kinds[start:end]) if start < total else Overview.EMPTY)
    return cells


def cell_range(cell: int, height: int, total: int) -> tuple[int, int]:
    """The pane rows [start, end) covered by a minimap cell; one row per cell when the pane is short."""
    if height <= 0 or total <= 0:
        return 0, 0
    scale = max(total, height)
    start = cell * scale // height
    return start, max(start + 1, (cell + 1) * scale // height)


def row_of_cell(cell: int, height: int, total: int) -> int:
    """The pane row a click on a minimap cell scrolls to (the first row it covers)."""
    return min(max(0, cell_range(cell, height, total)[0]), max(0, total - 1))

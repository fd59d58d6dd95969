"""The story view laid out for a width: one entry per point, a column per outlet with its wording (or "—").

Plain strings and cell counts (no Textual), so the layout is tested without an app; the widget adds styles.
Each column gets an equal share of the width after the gutter ("3/3 !"); each outlet's wording wraps onto at
most STORY_LINES lines (the passage itself is one Enter away). Also where Enter leads: the article and sentence
a point jumps to, and the pair of panes that shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from rich.cells import cell_len

from reader.core.headlines import Opening
from reader.core.records import Article, TextSpan
from reader.core.story import StoryPoint, wording
from reader.shown import shown
from reader.viewmodel.sidebar_text import fit, pad, wrap_lines

STORY_LINES = 3
"""Lines of an outlet's wording shown per point."""
GUTTER = 6
"""Cells of the gutter: "3/3 ! "."""
ABSENT = "—"


@dataclass(frozen=True)
class StoryEntry:
    """One point laid out: the gutter and, per visual line, each outlet's cell (padded to its column)."""

    gutter: str
    lines: tuple[tuple[str, ...], ...]


def column_width(total: int, width: int) -> int:
    """Cells of each outlet's column (a one-cell separator between columns)."""
    return max(8, (max(width, 20) - GUTTER - (total - 1)) // max(1, total))


def story_entry(point: StoryPoint, articles: Sequence[Article], width: int, lines: int = STORY_LINES) -> StoryEntry:
    """The point in `width` cells: "k/N" and "!" for a conflict in the gutter, then each outlet's wording."""
    total = len(articles)
    column = column_width(total, width)
    cells: list[list[str]] = []
    for article, passage in zip(articles, point.passages, strict=True):
        if passage:
            cells.append(wrap_lines(wording(article, passage), column, lines) or [""])
        else:
            cells.append([ABSENT])
    height = max(len(cell) for cell in cells)
    rows = tuple(tuple(pad(cell[n] if n < len(cell) else "", column) for cell in cells) for n in range(height))
    gutter = f"{point.carried}/{total}".ljust(4) + ("!" if point.conflicting else " ") + " "
    return StoryEntry(gutter, rows)


def story_heading(articles: Sequence[Article], width: int) -> str:
    """The column headings: each outlet's label and one kind of name for all of them.

    The outlet when every article names one; otherwise the file name (then the title) for every column, so
    a column never reads "A Newslooks" beside "B Trump, Netanyahu discuss …"."""
    column = column_width(len(articles), width)
    by_outlet = all(a.meta.outlet for a in articles)
    names = [pad(f"{a.label} {shown(_column_name(a, by_outlet))}", column) for a in articles]
    return "told" + " " * (GUTTER - 4) + " ".join(names)


def _column_name(article: Article, by_outlet: bool) -> str:
    """The outlet when all columns use outlets, else the file's name without folder, else the title."""
    if by_outlet:
        return article.meta.outlet or article.title
    if article.path:
        return PurePath(article.path).name
    return article.title


def jump_target(point: StoryPoint, reading: int) -> tuple[int, int]:
    """(article, sentence) Enter leads to: the reading-order article's passage when it tells the point, else the
    first outlet's."""
    article = reading if point.passages[reading] else point.outlets[0]
    return article, point.passages[article][0]


def pair_for(point: StoryPoint, article: int, current: tuple[int, int], total: int) -> tuple[tuple[int, int], bool]:
    """The pair of panes that shows `article`, and whether it goes on the left.

    The current pair when it holds the article; otherwise the article beside another outlet of the point (so
    its counterpart is in the other pane), or beside the article it replaces.
    """
    if article in current:
        return current, current[0] == article
    partners = [other for other in point.outlets if other != article] or [
        other for other in current if other != article
    ]
    partner = partners[0] if partners else (article + 1) % total
    pair = (min(article, partner), max(article, partner))
    return pair, pair[0] == article


@dataclass(frozen=True)
class OpeningLine:
    """A headline (or lede) as pieces: (text, marked) where marked pieces are words only this headline uses."""

    label: str
    pieces: tuple[tuple[str, bool], ...]


def opening_lines(openings: Sequence[Opening], articles: Sequence[Article], width: int) -> list[OpeningLine]:
    """Headline then lede of each article, each on one line of `width` cells, marked words kept as pieces."""
    out: list[OpeningLine] = []
    for opening in openings:
        article = articles[opening.article]
        room = max(8, width - cell_len(article.label) - 3)
        out.append(OpeningLine(article.label, _marked(opening.headline, opening.only_here, room)))
        lede = fit(opening.lede.text, room - 2) if opening.lede else "(no lede)"
        out.append(OpeningLine("", (("  " + lede, False),)))
    return out


def _marked(headline: TextSpan | None, marked: Sequence[TextSpan], room: int) -> tuple[tuple[str, bool], ...]:
    if headline is None:
        return (("(no headline)", False),)
    text = " ".join(headline.text.split()) if "\n" in headline.text else headline.text
    if cell_len(text) > room or text != headline.text:
        return ((fit(text, room), False),)
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for span in marked:
        start, end = span.start - headline.start, span.end - headline.start
        if start > cursor:
            pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    if cursor < len(text):
        pieces.append((text[cursor:], False))
    return tuple(pieces)

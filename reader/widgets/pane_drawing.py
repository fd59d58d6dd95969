"""How an article pane draws one row: the gutter (cursor bar, line number, mark, note mark, coverage), the
sentence's tint, and the highlight layers over its text.

Apart from the pane's scrolling and keys; the pane hands over what it shows (its view, cursor, lit counterparts,
notes and span layers), its base style and its component styles (`DrawnStyles`). Article text goes into
Segments as plain text, never through markup.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.core.records import SentenceClass
from reader.marks import CONFLICT_MARK, MOVED_MARK, NOTE_MARK
from reader.viewmodel.cells import drawn_text
from reader.viewmodel.layout import Row, RowKind
from reader.widgets.late_styles import DrawnStyles

if TYPE_CHECKING:
    from reader.widgets.article_pane import ArticlePane

CLASS_COMPONENTS: dict[SentenceClass, str] = {
    SentenceClass.VERBATIM: "article-pane--verbatim",
    SentenceClass.PARAPHRASE: "article-pane--paraphrase",
    SentenceClass.PARTIAL: "article-pane--partial",
    SentenceClass.UNIQUE: "article-pane--unique",
    SentenceClass.BOILERPLATE: "article-pane--boilerplate",
}

HIGHLIGHT_LAYERS = ("detail", "search", "mention", "note")
"""Span layers drawn over the text, weakest first; issue 5's annotations can use the "note" layer."""


def draw_row(pane: ArticlePane, row: Row | None, width: int, base: Style, style: DrawnStyles) -> Strip:
    """The strip for one of the pane's rows (`None`: past the end)."""
    view = pane.view
    if row is None or view is None or row.kind in (RowKind.BLANK, RowKind.PAD) or row.sentence is None:
        return Strip.blank(width, base)
    article = view.article(pane.side)
    sentence = row.sentence
    gutter_style = base + style("article-pane--gutter")
    if row.kind is RowKind.FOLD:
        text = (
            f" {row.label}"
            if row.label
            else (f" ⋯ {row.folded} boilerplate passage{'s' if row.folded != 1 else ''} (b shows)")
        )
        segments = [
            Segment(" " * (pane.gutter_cells - 2) + "· ", gutter_style),
            Segment(text, base + style("article-pane--fold")),
        ]
        return Strip(segments).crop_extend(0, width, base).simplify()
    body = base + _body_style(pane, sentence, style)
    is_cursor = sentence == pane.cursor
    if is_cursor:
        body += style("article-pane--cursor" if pane.active else "article-pane--cursor-idle")
    elif sentence in pane.lit:
        body += style("article-pane--counterpart")
    segments = _gutter(pane, row, sentence, gutter_style, is_cursor, style)
    text = article.text[row.start : row.end].replace("\t", " ").replace("\n", " ").replace("\r", " ")
    segments.extend(_text_segments(pane, text, row.start, body, style))
    # neighbours of one style as one segment: the terminal is sent one style change instead of one per piece
    # (a row was up to seven, each with its own escape sequences, ~22 bytes a piece)
    return Strip(segments).crop_extend(0, width, body).simplify()


def _body_style(pane: ArticlePane, sentence: int, style: DrawnStyles) -> Style:
    view = pane.view
    assert view is not None
    if view.moved(pane.side, sentence):
        return style("article-pane--moved")
    cls = view.sentence_class(pane.side, sentence)
    if cls is None:
        if view.boilerplate(pane.side, sentence):
            return style("article-pane--boilerplate")
        return Style()
    return style(CLASS_COMPONENTS[cls])


def _gutter(
    pane: ArticlePane, row: Row, sentence: int, gutter: Style, is_cursor: bool, style: DrawnStyles
) -> list[Segment]:
    view = pane.view
    assert view is not None
    cells = pane.gutter_cells
    # a blank is drawn in the gutter's own style (a bold or coloured space looks the same), so that it joins its
    # neighbours in one segment
    bar = Segment("▌", gutter + style("article-pane--cursor-bar")) if is_cursor else Segment(" ", gutter)
    digits = cells - 5 - (4 if len(view.articles) >= 3 else 0)
    if not row.first:
        return [bar, Segment(" " * (cells - 1), gutter)]
    article = view.article(pane.side)
    line = article.line_of(article.sentences[sentence].start)
    mark = view.mark(pane.side, sentence)
    coverage = view.coverage_mark(pane.side, sentence)
    segments = [bar, Segment(f"{line:>{digits}} ", gutter), Segment(mark, gutter + _mark_style(mark, style))]
    noted = sentence in pane.noted
    segments.append(Segment(NOTE_MARK, gutter + style("article-pane--mark-note")) if noted else Segment(" ", gutter))
    if len(view.articles) >= 3:
        segments.append(Segment(f" {coverage:>3}", gutter))
    segments.append(Segment(" ", gutter))
    return segments


def _mark_style(mark: str, style: DrawnStyles) -> Style:
    if mark == CONFLICT_MARK:
        return style("article-pane--mark-conflict")
    if mark == MOVED_MARK:
        return style("article-pane--mark-moved")
    if mark == "+":
        return style("article-pane--mark-unique")
    if mark in "=≈~":
        return style("article-pane--mark-match")
    return Style()


def _text_segments(pane: ArticlePane, text: str, offset: int, body: Style, style: DrawnStyles) -> list[Segment]:
    """The row's text split where highlight layers start and stop, each piece with its layered style.

    Each piece is drawn as the terminal draws it (`drawn_text`): an emoji sequence never moves the border.
    """
    end = offset + len(text)
    cuts = {offset, end}
    active: list[tuple[int, int, Style]] = []
    for layer in HIGHLIGHT_LAYERS:
        spans = pane.span_layers.overlapping(layer, offset, end)
        if not spans:
            continue
        layer_style = style(f"article-pane--{layer}")
        for start, stop in spans:
            active.append((max(start, offset), min(stop, end), layer_style))
            cuts.update((max(start, offset), min(stop, end)))
    if not active:
        return [Segment(drawn_text(text), body)]
    points = sorted(cuts)
    segments: list[Segment] = []
    for start, stop in itertools.pairwise(points):
        piece = body
        for span_start, span_stop, span_style in active:
            if span_start <= start and stop <= span_stop:
                piece += span_style
        segments.append(Segment(drawn_text(text[start - offset : stop - offset]), piece))
    return segments

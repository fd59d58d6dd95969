"""The story across the N articles and the who-is-quoted table, as every export writes them.

One source for all formats: `reader.core.story` gives the points (in the first article's reading order), the
openings give headlines and ledes with the words only one headline uses; this module turns them into plain
text (`reader compare --format story`), Markdown, HTML and JSON data. Article text is data: Markdown escapes
it, HTML goes through `html.escape`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from html import escape
from typing import Any

from reader.core.headlines import Opening, openings
from reader.core.records import Article, Comparison, TextSpan
from reader.core.story import StoryPoint, in_reading_order, story_counts, story_points, wording
from reader.export.common import line_span, shorten
from reader.shown import shown_html

ABSENT = "—"


def _points(comparison: Comparison) -> list[StoryPoint]:
    return in_reading_order(story_points(comparison), 0)


def _told_by(comparison: Comparison, point: StoryPoint) -> str:
    labels = [comparison.articles[i].label for i in point.outlets]
    return f"{point.carried}/{len(comparison.articles)} ({', '.join(labels)})"


def _marked_headline(opening: Opening, mark: Callable[[str], str], plain: Callable[[str], str]) -> str:
    """The headline with the words only it uses passed through `mark`, the rest through `plain`."""
    head = opening.headline
    if head is None:
        return plain("(no headline)")
    out: list[str] = []
    cursor = head.start
    for span in opening.only_here:
        out.append(plain(head.text[cursor - head.start : span.start - head.start]))
        out.append(mark(span.text))
        cursor = span.end
    out.append(plain(head.text[cursor - head.start :]))
    return "".join(out)


def story_summary(comparison: Comparison) -> str:
    """ "44 points · carried by all 3: 4 · only in one: 28 (A 7, B 7, C 14) · conflicting: 2"."""
    counts = story_counts(comparison)
    only = ", ".join(f"{a.label} {n}" for a, n in zip(comparison.articles, counts.only_in, strict=True))
    return (
        f"{counts.points} points · carried by all {len(comparison.articles)}: {counts.carried_by_all} · "
        f"only in one: {counts.only_in_one} ({only}) · conflicting: {counts.conflicting}"
    )


# -- plain text ------------------------------------------------------------------------------------------------


def render_story_text(comparison: Comparison, width: int = 100) -> str:
    """`reader compare --format story`: headlines and ledes, then each point with every outlet's wording."""
    articles = comparison.articles
    out = ["Headlines and ledes (*words only this headline uses*)", ""]
    for opening in openings(articles):
        article = articles[opening.article]
        out.append(f"{article.label}  {_marked_headline(opening, lambda w: f'*{w}*', lambda t: t)}")
        if opening.lede is not None:
            out.append(
                textwrap.fill(" ".join(opening.lede.text.split()), width, initial_indent="   ", subsequent_indent="   ")
            )
        out.append("")
    out += [f"Story in {articles[0].label}'s order: {story_summary(comparison)}", ""]
    for number, point in enumerate(_points(comparison), start=1):
        conflict = " · conflicting details" if point.conflicting else ""
        out.append(f"{number}. told by {_told_by(comparison, point)}{conflict}")
        for article, passage in zip(articles, point.passages, strict=True):
            if not passage:
                out.append(f"   {article.label}  {ABSENT}")
                continue
            indent = f"   {article.label}  "
            text = f"line {line_span(article, passage)}: {wording(article, passage)}"
            out.append(textwrap.fill(text, width, initial_indent=indent, subsequent_indent=" " * len(indent)))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# -- Markdown --------------------------------------------------------------------------------------------------


def story_markdown(comparison: Comparison, escape_md: Callable[[str], str]) -> list[str]:
    """Headlines and ledes, then the story as a table: a row per point, a column per outlet."""
    articles = comparison.articles
    out = ["## Headlines and ledes", "", "Words only one headline uses are in bold.", ""]
    for opening in openings(articles):
        article = articles[opening.article]
        headline = _marked_headline(opening, lambda w: f"**{escape_md(w)}**", lambda t: _spaced(t, escape_md))
        lede = escape_md(opening.lede.text) if opening.lede else "(no lede)"
        out += [f"- **{escape_md(article.label)}** {headline}", f"  - {lede}"]
    out += ["", "## Story", "", f"In {escape_md(articles[0].label)}'s reading order: {story_summary(comparison)}.", ""]
    out.append("| # | told by | " + " | ".join(escape_md(a.label) for a in articles) + " |")
    out.append("| ---: | --- | " + " | ".join("---" for _ in articles) + " |")
    for number, point in enumerate(_points(comparison), start=1):
        told = escape_md(_told_by(comparison, point)) + (" !" if point.conflicting else "")
        cells = [
            escape_md(shorten(wording(article, passage), 200)) if passage else ABSENT
            for article, passage in zip(articles, point.passages, strict=True)
        ]
        out.append(f"| {number} | {told} | " + " | ".join(cells) + " |")
    return [*out, ""]


def _spaced(text: str, escape_md: Callable[[str], str]) -> str:
    """A piece between marked words, escaped with its leading and trailing space kept (escape_md drops them)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + escape_md(text) + trail


def quoted_markdown(comparison: Comparison, escape_md: Callable[[str], str]) -> list[str]:
    """Who is quoted: claims and quoted words per article for each speaker."""
    labels = [escape_md(a.label) for a in comparison.articles]
    out = [f"## Who is quoted ({len(comparison.quoted)})", "", "Claims / quoted words per article.", ""]
    if not comparison.quoted:
        return [*out, "Nobody is quoted.", ""]
    out.append("| speaker | " + " | ".join(labels) + " |")
    out.append("| --- | " + " | ".join("---:" for _ in labels) + " |")
    for row in comparison.quoted:
        cells = [f"{_at(row.claims, i)} / {_at(row.words, i)}" for i in range(len(labels))]
        out.append(f"| {escape_md(row.speaker)} | " + " | ".join(cells) + " |")
    return [*out, ""]


def _at(values: tuple[int, ...], index: int) -> int:
    return values[index] if index < len(values) else 0


# -- HTML ------------------------------------------------------------------------------------------------------


def story_html(comparison: Comparison) -> str:
    """Headlines and ledes, then the story table (a row per point, a column per outlet)."""
    articles = comparison.articles
    heads = []
    for opening in openings(articles):
        article = articles[opening.article]
        headline = _marked_headline(opening, lambda w: f"<mark class='only'>{escape(w)}</mark>", escape)
        lede = escape(opening.lede.text) if opening.lede else "(no lede)"
        heads.append(
            f"<tr><th>{escape(article.label)}</th><td><b>{headline}</b><div class='meta'>{lede}</div></td></tr>"
        )
    head_cells = "".join(f"<th>{escape(a.label)} · {shown_html(a.meta.outlet or a.title)}</th>" for a in articles)
    rows = []
    for number, point in enumerate(_points(comparison), start=1):
        cells = "".join(
            f"<td>{escape(wording(article, passage))}</td>" if passage else f"<td class='absent'>{ABSENT}</td>"
            for article, passage in zip(articles, point.passages, strict=True)
        )
        css = " class='conflicting'" if point.conflicting else ""
        told = escape(_told_by(comparison, point)) + (" !" if point.conflicting else "")
        rows.append(f"<tr{css}><td class='n'>{number}</td><td>{told}</td>{cells}</tr>")
    return (
        '<section class="block wrap"><h2>Headlines and ledes</h2>'
        "<p class='meta'>Words only one headline uses are marked.</p>"
        f"<table>{''.join(heads)}</table></section>"
        f'<section class="block wrap"><h2>Story</h2><p class="meta">{escape(story_summary(comparison))}; in '
        f"{escape(articles[0].label)}'s reading order.</p>"
        f"<table class='story'><thead><tr><th>#</th><th>told by</th>{head_cells}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def quoted_html(comparison: Comparison) -> str:
    """The who-is-quoted table: claims / quoted words per article for each speaker."""
    labels = [a.label for a in comparison.articles]
    head = "".join(f'<th class="n">{escape(label)}</th>' for label in labels)
    rows = "".join(
        f"<tr><td>{escape(row.speaker)}</td>"
        + "".join(f'<td class="n">{_at(row.claims, i)} / {_at(row.words, i)}</td>' for i in range(len(labels)))
        + "</tr>"
        for row in comparison.quoted
    )
    return (
        f'<section class="block wrap"><h2>Who is quoted ({len(comparison.quoted)})</h2>'
        "<p class='meta'>Claims / quoted words per article.</p>"
        f"<table><thead><tr><th>speaker</th>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


# -- JSON ------------------------------------------------------------------------------------------------------


def _span(span: TextSpan | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def story_data(comparison: Comparison) -> dict[str, Any]:
    """The story as data: summary counts, openings, and each point's sentences per article."""
    counts = story_counts(comparison)
    articles: tuple[Article, ...] = comparison.articles
    return {
        "reading_order": 0,
        "counts": {
            "points": counts.points,
            "carried_by_all": counts.carried_by_all,
            "only_in_one": counts.only_in_one,
            "conflicting": counts.conflicting,
            "only_in": list(counts.only_in),
        },
        "openings": [
            {
                "article": o.article,
                "headline": _span(o.headline),
                "lede": _span(o.lede),
                "only_here": [_span(s) for s in o.only_here],
            }
            for o in openings(articles)
        ],
        "points": [
            {"sentences": [list(p) for p in point.passages], "carried": point.carried, "conflicting": point.conflicting}
            for point in _points(comparison)
        ],
    }

"""One self-contained HTML page: two articles side by side with their highlights, marks and notes.

Matched passages stand level (one grid row per in-order match); what lies between is shown as each article
tells it, moved passages marked with a link to their counterpart. Every piece of article and note text goes
through `html.escape`, the stylesheet is inline, and there is no script and no URL to anything outside the
page, so the file can be mailed, archived and opened offline safely.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import pairwise

from reader.core.records import Article, BlockKind, Comparison, DetailStatus, Match, SentenceClass
from reader.export.common import (
    CONFLICT_MARK,
    MARKS,
    MOVED_MARK,
    describe_detail,
    describe_target,
    has_conflict,
    is_unresolved,
    notes_in_order,
    pair_figures,
    side_by_side_rows,
)
from reader.export.conflicts import conflicts_html
from reader.export.html_sections import actors_section, claims_section
from reader.export.html_style import STYLE
from reader.export.story_sections import quoted_html, story_html
from reader.shown import shown as shown_to_text
from reader.shown import shown_html
from reader.store.annotations import QUICK_TAGS, Annotation

CLASS_NAMES = {
    SentenceClass.VERBATIM: "verbatim",
    SentenceClass.PARAPHRASE: "paraphrase",
    SentenceClass.PARTIAL: "partial",
    SentenceClass.UNIQUE: "unique",
    SentenceClass.BOILERPLATE: "boilerplate",
}


class _Side:
    """One pane: its article, the class and match of each sentence, and the notes anchored in it."""

    def __init__(
        self,
        article: Article,
        index: int,
        classes: Sequence[SentenceClass],
        matches: Iterable[Match],
        other: tuple[Article, int],
        notes: Sequence[tuple[int, Annotation]],
        *,
        is_left: bool,
    ) -> None:
        self.article, self.index, self.classes, self.is_left = article, index, classes, is_left
        self.other, self.other_index = other
        self.match_of: dict[int, tuple[Match, tuple[int, ...]]] = {}
        for match in matches:
            own, theirs = (match.a, match.b) if is_left else (match.b, match.a)
            for sentence in own:  # a sentence in several matches shows its first in-order one
                current = self.match_of.get(sentence)
                if current is None or (current[0].moved and not match.moved):
                    self.match_of[sentence] = (match, theirs)
        self.notes = [(n, a) for n, a in notes if a.passage is not None and a.passage.article == index]

    def anchor_id(self, sentence: int) -> str:
        return f"s-{self.index}-{sentence}"


def _spans_in(side: _Side, sentence: int) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) of every highlight inside one sentence."""
    record = side.article.sentences[sentence]
    spans: list[tuple[int, int, str, str]] = []
    found = side.match_of.get(sentence)
    if found is not None:
        match, _ = found
        is_a = side.is_left
        for span in match.a_only if is_a else match.b_only:
            spans.append((span.start, span.end, "w-diff", ""))
        for detail in match.details:
            own = detail.a if is_a else detail.b
            if own is None or detail.status is DetailStatus.AGREE:
                continue
            css = "d-conflict" if detail.status is DetailStatus.CONFLICT else "d-only"
            left, right = (side.article, side.other) if is_a else (side.other, side.article)
            spans.append((own.start, own.end, css, describe_detail(detail, left, right)))
    for _, annotation in side.notes:
        assert annotation.passage is not None
        position = annotation.passage.position
        spans.append((position.start, position.end, "noted", ""))
    return [
        (max(s, record.start), min(e, record.end), css, title)
        for s, e, css, title in spans
        if s < record.end and record.start < e
    ]


def _marked_text(side: _Side, sentence: int) -> str:
    """The sentence's text, escaped, with nested spans for word diffs, details and noted ranges."""
    record = side.article.sentences[sentence]
    spans = _spans_in(side, sentence)
    cuts = sorted({record.start, record.end, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[str] = []
    for start, end in pairwise(cuts):
        piece = escape(side.article.text[start:end])
        active = [(css, title) for s, e, css, title in spans if s <= start and end <= e]
        for css, title in sorted(active):
            tag = "mark" if css.startswith("d-") else "span"
            attr = f' title="{escape(title)}"' if title else ""
            piece = f'<{tag} class="{css}"{attr}>{piece}</{tag}>'
        out.append(piece)
    return "".join(out)


def _sentence(side: _Side, sentence: int, previous: int | None) -> str:
    record = side.article.sentences[sentence]
    cls = side.classes[sentence]
    found = side.match_of.get(sentence)
    css = [f"s c-{CLASS_NAMES[cls]} k-{record.kind.value}"]
    if previous is not None and side.article.sentences[previous].block != record.block:
        css.append("para")
    marks = [MARKS[cls]]
    extra = ""
    if found is not None:
        match, theirs = found
        if match.moved:
            marks.append(MOVED_MARK)
            target = f"s-{side.other_index}-{theirs[0]}"
            where = f"{side.other.label} {_line(side.other, theirs[0])}"
            extra = f'<a class="moved-link" href="#{target}">{MOVED_MARK} {escape(where)}</a>'
        if has_conflict(match):
            marks.append(CONFLICT_MARK)
    refs = "".join(
        f'<a class="ref" href="#note-{number}">{number}</a>'
        for number, a in side.notes
        if a.passage is not None and record.start <= a.passage.position.start < record.end
    )
    gutter = f'<span class="g">{_line(side.article, sentence)} <span class="m">{escape("".join(marks))}</span></span>'
    body = f'<span class="t">{_marked_text(side, sentence)}{refs}{extra}</span>'
    notes = "".join(
        _note_card(number, annotation)
        for number, annotation in side.notes
        if annotation.passage is not None and record.start <= annotation.passage.position.start < record.end
    )
    return f'<div class="{" ".join(css)}" id="{side.anchor_id(sentence)}">{gutter}{body}</div>{notes}'


def _line(article: Article, sentence: int) -> int:
    return article.line_of(article.sentences[sentence].start)


def _note_card(
    number: int, annotation: Annotation, where: str = "", orphan: bool = False, link: str | None = None
) -> str:
    tags = "".join(
        f'<span class="tag{" tag-" + tag if tag in QUICK_TAGS else ""}">{escape(tag)}</span>' for tag in annotation.tags
    )
    where_text = f'<a href="#{link}">{escape(where)}</a>' if link else escape(where)
    where_html = f'<div class="where">{where_text}</div>' if where else ""
    css = "note orphan" if orphan else "note"
    element_id = f' id="note-{number}"' if where else ""
    return (
        f'<aside class="{css}"{element_id}>{where_html}<div>{tags}</div>'
        f'<div class="body">{escape(annotation.note)}</div>'
        f'<div class="when">#{number} · {escape(annotation.modified)}</div></aside>'
    )


def _cell(side: _Side, sentences: Sequence[int]) -> str:
    """One pane's part of a row; runs of boilerplate fold into a <details> (no script needed)."""
    parts: list[str] = []
    previous: int | None = None
    run: list[str] = []

    def flush() -> None:
        if run:
            parts.append(
                f'<details class="fold"><summary>{len(run)} boilerplate line{"s" * (len(run) != 1)}</summary>'
                + "".join(run)
                + "</details>"
            )
            run.clear()

    for sentence in sentences:
        html = _sentence(side, sentence, previous)
        if side.article.sentences[sentence].kind is BlockKind.BOILERPLATE:
            run.append(html)
        else:
            flush()
            parts.append(html)
        previous = sentence
    flush()
    return f'<div class="cell">{"".join(parts)}</div>'


def _header(comparison: Comparison, left: Article, right: Article, pair: tuple[int, int]) -> str:
    sources = []
    for article in (left, right):
        said = article.meta
        meta = [v for v in (said.outlet, said.byline or said.author, said.dateline, said.published) if v]
        path = f"<div><code>{shown_html(article.path)}</code></div>" if article.path else ""
        sources.append(
            f'<div class="source"><h2><span class="label">{escape(article.label)}</span>'
            f"{shown_html(article.title)}</h2>"
            f'<div class="meta">{escape(" · ".join(meta))}{path}</div></div>'
        )
    others = [a for i, a in enumerate(comparison.articles) if i not in pair]
    more = ""
    if others:
        names = ", ".join(f"{a.label} ({shown_to_text(a.title)})" for a in others)
        shown = f"This page shows {left.label} and {right.label}; also compared: {names}."
        more = f'<p class="meta">{escape(shown)}</p>'
    figures = pair_figures(comparison, comparison.alignment(*pair))
    matched = sum(count for _, count in figures.matches)
    unique = dict(figures.classes_a)[SentenceClass.UNIQUE], dict(figures.classes_b)[SentenceClass.UNIQUE]
    stats = [
        (str(matched), "matched passages"),
        (" / ".join(str(c) for _, c in figures.matches), "verbatim / paraphrase / partial"),
        (str(figures.moved), "moved"),
        (str(figures.conflicts), "with conflicting details"),
        (f"{unique[0]} / {unique[1]}", f"unique in {left.label} / {right.label}"),
    ]
    figures_html = "".join(f"<div><b>{escape(v)}</b><span>{escape(k)}</span></div>" for v, k in stats)
    legend = "".join(
        f'<span><span class="chip c-{CLASS_NAMES[c]}">{escape(MARKS[c])} {CLASS_NAMES[c]}</span></span>'
        for c in (SentenceClass.VERBATIM, SentenceClass.PARAPHRASE, SentenceClass.PARTIAL, SentenceClass.UNIQUE)
    )
    legend += (
        f"<span>{MOVED_MARK} moved</span><span>{CONFLICT_MARK} "
        '<mark class="d-conflict">conflicting detail</mark></span>'
        '<span><span class="w-diff">differing words</span></span><span><span class="noted">noted passage</span></span>'
    )
    return (
        '<header class="page"><div class="wrap"><div class="eyebrow">Comparison</div>'
        f'<div class="sources">{"".join(sources)}</div>{more}'
        f'<div class="figures">{figures_html}</div><div class="legend">{legend}</div></div></header>'
    )


def _pairs_section(comparison: Comparison) -> str:
    """The figures of every pair (the page shows one pair side by side; the story below covers all N)."""
    if len(comparison.articles) < 3:
        return ""
    rows = []
    for pair in comparison.alignments:
        figures = pair_figures(comparison, pair)
        unique = dict(figures.classes_a)[SentenceClass.UNIQUE], dict(figures.classes_b)[SentenceClass.UNIQUE]
        kinds = " / ".join(str(count) for _, count in figures.matches)
        rows.append(
            f"<tr><td>{escape(figures.a.label)} ⇄ {escape(figures.b.label)}</td>"
            f"<td class='n'>{sum(c for _, c in figures.matches)}</td><td class='n'>{kinds}</td>"
            f"<td class='n'>{figures.moved}</td><td class='n'>{figures.conflicts}</td>"
            f"<td class='n'>{unique[0]} / {unique[1]}</td></tr>"
        )
    return (
        '<section class="block wrap"><h2>Every pair</h2><table><thead><tr><th>pair</th><th>matched</th>'
        "<th>verbatim / paraphrase / partial</th><th>moved</th><th>conflicting</th><th>unique</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _notes_section(comparison: Comparison, ordered: Sequence[Annotation], shown: tuple[int, int]) -> str:
    if not ordered:
        return ""
    cards = "".join(
        _note_card(
            number,
            annotation,
            where=describe_target(annotation, comparison),
            orphan=is_unresolved(annotation, comparison),
            link=_passage_link(comparison, annotation, shown),
        )
        for number, annotation in enumerate(ordered, start=1)
    )
    return f'<section class="block wrap notes-list"><h2>Notes ({len(ordered)})</h2>{cards}</section>'


def _passage_link(comparison: Comparison, annotation: Annotation, shown: tuple[int, int]) -> str | None:
    """The id of the sentence where a placed passage note starts (only sentences of the pair shown exist)."""
    target = annotation.passage
    if target is None or target.article not in shown or is_unresolved(annotation, comparison):
        return None
    sentences = comparison.articles[target.article].sentences
    start = target.position.start
    index = next((s.index for s in sentences if s.start <= start < s.end or start < s.start), None)
    return None if index is None else f"s-{target.article}-{index}"


def render_html(
    comparison: Comparison, annotations: Sequence[Annotation] = (), pair: tuple[int, int] | None = None
) -> str:
    """The whole page as a string. `pair` picks the two articles shown side by side (default: the first two)."""
    if len(comparison.articles) < 2:
        raise ValueError("an HTML export needs at least two articles")
    left_index, right_index = pair or (0, 1)
    alignment = comparison.alignment(left_index, right_index)
    left, right = comparison.articles[left_index], comparison.articles[right_index]
    ordered = notes_in_order(annotations, comparison)
    numbered = [(n, a) for n, a in enumerate(ordered, start=1) if not is_unresolved(a, comparison)]
    matches = alignment.matches
    sides = (
        _Side(left, left_index, alignment.classes_a, matches, (right, right_index), numbered, is_left=True),
        _Side(right, right_index, alignment.classes_b, matches, (left, left_index), numbered, is_left=False),
    )
    rows = []
    for row in side_by_side_rows(alignment, len(left.sentences), len(right.sentences)):
        css = "row level" if row.match is not None else "row"
        rows.append(f'<div class="{css}">{_cell(sides[0], row.left)}{_cell(sides[1], row.right)}</div>')
    title = f"{shown_to_text(left.title)} ⇄ {shown_to_text(right.title)}"
    body = (
        _header(comparison, left, right, (left_index, right_index))
        + '<main class="wrap"><div class="colhead">'
        + "".join(f"<div>{escape(a.label)} · {shown_html(a.title)}</div>" for a in (left, right))
        + "</div>"
        + "".join(rows)
        + "</main>"
        + conflicts_html(comparison, (left_index, right_index))
        + _notes_section(comparison, ordered, (left_index, right_index))
        + _pairs_section(comparison)
        + story_html(comparison)
        + (
            actors_section(comparison) + claims_section(comparison) + quoted_html(comparison)
            if comparison.analysed
            else ""
        )
        + '<footer class="wrap">Exported by reader. Marks: = verbatim · ≈ paraphrase · ~ partial · + unique · '
        + "↕ moved · ! conflicting detail.</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="reader"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>\n"
    )

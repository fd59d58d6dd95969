"""The plain-text report of `reader compare`: meant to be read in a terminal, top to bottom.

Order: the articles, the figures of each pair, the matched passages (with their class, score and the details
that differ), the passages unique to each side, then actors, claims and the who-is-quoted table when the
analysis ran. Plain text only: no markup to escape, safe to pipe into a file; paths go through `shown`, so a file
name cannot send escape sequences to the terminal.
"""

from __future__ import annotations

import shutil
import textwrap

from reader.core.counts import pair_counts
from reader.core.records import (
    Article,
    Comparison,
    Match,
    PairAlignment,
    SentenceClass,
)
from reader.export.common import describe_detail, has_conflict, line_span, link_descriptions, passage_text
from reader.marks import CONFLICT_MARK, MARKS, MOVED_MARK
from reader.shown import shown


def _width() -> int:
    return max(60, min(110, shutil.get_terminal_size((100, 24)).columns))


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=_width(), initial_indent=indent, subsequent_indent=indent)


def _heading(title: str) -> str:
    return f"\n{title}\n{'─' * min(len(title), _width())}\n"


def _describe_article(article: Article) -> str:
    parts = [f"{article.label}  {shown(article.title)}"]
    meta = article.meta
    extra = [shown(value) for value in (meta.byline, meta.outlet, article.path) if value]
    if extra:
        parts.append("   " + " · ".join(extra))
    return "\n".join(parts)


def _figures(pair: PairAlignment, a: Article, b: Article) -> str:
    figures = pair_counts(pair)  # the same figures as the app's status line and the exports
    matched = ", ".join(f"{count} {kind.value}" for kind, count in figures.by_kind)
    return (
        f"{a.label} × {b.label}: {figures.matched} matched passages ({matched}; {figures.moved} moved) · "
        f"unique sentences: {figures.unique[0]} in {a.label}, {figures.unique[1]} in {b.label}"
    )


def _match_block(match: Match, a: Article, b: Article) -> str:
    moved = f"  {MOVED_MARK} moved" if match.moved else ""
    conflict = f"  {CONFLICT_MARK} conflict" if has_conflict(match) else ""
    head = (
        f"{MARKS[match.kind]} {match.kind.value} {match.score:.2f}   "
        f"{a.label} {line_span(a, match.a)} ↔ {b.label} {line_span(b, match.b)}{moved}{conflict}"
    )
    lines = [
        head,
        _wrap(passage_text(a, match.a), f"   {a.label}: "),
        _wrap(passage_text(b, match.b), f"   {b.label}: "),
    ]
    lines.extend(_wrap(describe_detail(d, a, b), "   · ") for d in match.details)
    return "\n".join(lines)


def _unique_block(article: Article, classes: tuple[SentenceClass, ...]) -> list[str]:
    return [
        _wrap(sentence.text, f"+ {article.label} {article.line_of(sentence.start)}: ")
        for sentence, cls in zip(article.sentences, classes, strict=True)
        if cls is SentenceClass.UNIQUE
    ]


def _pair_section(pair: PairAlignment, articles: tuple[Article, ...]) -> str:
    a, b = articles[pair.a], articles[pair.b]
    out = [_heading(_figures(pair, a, b))]
    out.append("\n\n".join(_match_block(m, a, b) for m in pair.matches) or "(no passage in common)")
    for article, classes in ((a, pair.classes_a), (b, pair.classes_b)):
        unique = _unique_block(article, classes)
        out.append(_heading(f"Only in {article.label} ({len(unique)})"))
        out.append("\n".join(unique) or "(nothing)")
    return "\n".join(out)


def _analysis_sections(comparison: Comparison) -> str:
    labels = [article.label for article in comparison.articles]
    out = [_heading(f"Actors ({len(comparison.actors)})")]
    for actor in comparison.actors:
        counts = "  ".join(f"{label}{count}" for label, count in zip(labels, actor.counts, strict=True))
        aliases = [alias for alias in actor.aliases if alias != actor.name]
        also = f"   also: {', '.join(aliases)}" if aliases else ""
        out.append(f"{actor.name:<32} {actor.kind.value:<13} {counts}{also}")
    linked = link_descriptions(comparison)
    out.append(_heading(f"Claims ({len(comparison.claims)})"))
    for claim in comparison.claims:
        label = labels[claim.article]
        status = f"linked: {'; '.join(linked[claim.id])}" if claim.id in linked else f"{label} only"
        said = claim.cue.text if claim.content == claim.cue else f"{claim.cue.text}: {claim.content.text}"
        out.append(_wrap(f"{claim.speaker_label} — {said}", f"{label} {claim.line}: "))
        out.append(f"      [{claim.kind.value}; {status}]")
    out.append(_heading("Who is quoted (claims / words of content)"))
    for row in comparison.quoted:
        cells = "  ".join(f"{label} {n}/{w}" for label, n, w in zip(labels, row.claims, row.words, strict=True))
        out.append(f"{row.speaker:<40} {cells}")
    return "\n".join(out)


def render_text(comparison: Comparison) -> str:
    """The whole report as one string ending in a newline."""
    out = ["\n\n".join(_describe_article(article) for article in comparison.articles)]
    out.extend(_pair_section(pair, comparison.articles) for pair in comparison.alignments)
    if comparison.analysed:
        out.append(_analysis_sections(comparison))
    return "\n".join(out).rstrip() + "\n"

"""The Markdown report: headlines, headlines and ledes compared, the story across the N articles, figures of
every pair, matched pairs with their differences, unique passages, actors, claims, who is quoted and notes, in
that order, readable as plain text and rendered well by any CommonMark viewer.

Article and note text is data: every character Markdown or HTML could interpret is backslash-escaped, so a
sentence containing `<script>` or `*` shows as written and never becomes markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.records import Comparison, DetailStatus, PairAlignment, SentenceClass
from reader.export.common import (
    MARKS,
    MOVED_MARK,
    describe_detail,
    describe_target,
    has_conflict,
    is_unresolved,
    line_span,
    link_descriptions,
    notes_in_order,
    pair_figures,
    passage_text,
)
from reader.export.conflicts import conflicts_markdown
from reader.export.story_sections import quoted_markdown, story_markdown
from reader.shown import shown, shown_markdown
from reader.store.annotations import Annotation

_SPECIAL = frozenset("\\`*_[]<>&|~#")
"""Characters that can open markup in the middle of a line (escaped text never starts a line)."""


def escape_md(text: str) -> str:
    """Text shown literally in Markdown: punctuation that could start markup is backslash-escaped.

    Line breaks become spaces (callers that keep lines split first).
    """
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in flat)


def _quote_block(text: str) -> list[str]:
    """A multi-line note as a Markdown block quote: every line escaped, line breaks kept (trailing backslash)."""
    lines = text.splitlines() or [""]
    out: list[str] = []
    for number, line in enumerate(lines):
        if not line.strip():
            out.append(">")
            continue
        follows = number + 1 < len(lines) and lines[number + 1].strip()
        out.append(f"> {escape_md(line)}" + ("\\" if follows else ""))
    return out


def _headlines(comparison: Comparison) -> list[str]:
    out = ["## Articles", ""]
    for article in comparison.articles:
        out.append(f"- **{escape_md(article.label)}** — {escape_md(shown(article.title))}")
        meta = article.meta
        extra = [v for v in (meta.outlet, meta.byline or meta.author, meta.dateline, meta.published) if v]
        if extra:
            out.append(f"  - {escape_md(' · '.join(extra))}")
        if article.path:
            out.append(f"  - file: {shown_markdown(article.path)}")
    return [*out, ""]


def _figures(comparison: Comparison, pair: PairAlignment) -> list[str]:
    figures = pair_figures(comparison, pair)
    a, b = figures.a.label, figures.b.label
    out = [f"| {escape_md(a)} ⇄ {escape_md(b)} | {escape_md(a)} | {escape_md(b)} |", "| --- | ---: | ---: |"]
    out.append(f"| sentences | {figures.sentences[0]} | {figures.sentences[1]} |")
    for (cls, count_a), (_, count_b) in zip(figures.classes_a, figures.classes_b, strict=True):
        out.append(f"| {MARKS[cls]} {cls.value} | {count_a} | {count_b} |")
    matched = ", ".join(f"{count} {cls.value}" for cls, count in figures.matches)
    out += [
        "",
        f"{len(pair.matches)} matched passages ({matched}); {figures.moved} moved; "
        f"{figures.conflicts} with conflicting details.",
        "",
    ]
    return out


def _matches(comparison: Comparison, pair: PairAlignment) -> list[str]:
    a, b = comparison.articles[pair.a], comparison.articles[pair.b]
    out = [f"### Matched passages {escape_md(a.label)} ⇄ {escape_md(b.label)}", ""]
    if not pair.matches:
        return [*out, "No passage in common.", ""]
    for number, match in enumerate(pair.matches, start=1):
        flags = [f"{MOVED_MARK} moved"] if match.moved else []
        if has_conflict(match):
            flags.append("! conflict")
        head = (
            f"{number}. {MARKS[match.kind]} **{match.kind.value}** ({match.score:.2f}) — "
            f"{escape_md(a.label)} line {line_span(a, match.a)} ⇄ {escape_md(b.label)} line {line_span(b, match.b)}"
        )
        out.append(head + (f" — {', '.join(flags)}" if flags else ""))
        out.append(f"   - **{escape_md(a.label)}:** {escape_md(passage_text(a, match.a))}")
        out.append(f"   - **{escape_md(b.label)}:** {escape_md(passage_text(b, match.b))}")
        out.extend(
            f"   - differs: {escape_md(describe_detail(d, a, b))}"
            for d in match.details
            if d.status is not DetailStatus.AGREE
        )
    return [*out, ""]


def _unique(comparison: Comparison, pair: PairAlignment) -> list[str]:
    out: list[str] = []
    sides = ((comparison.articles[pair.a], pair.classes_a), (comparison.articles[pair.b], pair.classes_b))
    for article, classes in sides:
        unique = [s for s, cls in zip(article.sentences, classes, strict=True) if cls is SentenceClass.UNIQUE]
        out += [f"### Only in {escape_md(article.label)} ({len(unique)})", ""]
        out += [f"- line {article.line_of(s.start)}: {escape_md(s.text)}" for s in unique] or ["Nothing."]
        out.append("")
    return out


def _actors(comparison: Comparison) -> list[str]:
    labels = [escape_md(a.label) for a in comparison.articles]
    out = [f"## Actors ({len(comparison.actors)})", ""]
    out.append("| actor | kind | " + " | ".join(labels) + " | also called |")
    out.append("| --- | --- | " + " | ".join("---:" for _ in labels) + " | --- |")
    for actor in comparison.actors:
        aliases = ", ".join(escape_md(alias) for alias in actor.aliases if alias != actor.name)
        counts = " | ".join(str(count) for count in actor.counts)
        out.append(f"| {escape_md(actor.name)} | {actor.kind.value} | {counts} | {aliases} |")
    return [*out, ""]


def _claims(comparison: Comparison) -> list[str]:
    labels = [a.label for a in comparison.articles]
    linked = link_descriptions(comparison)
    out = [f"## Claims ({len(comparison.claims)})", ""]
    for claim in comparison.claims:
        label = labels[claim.article]
        status = f"linked: {'; '.join(linked[claim.id])}" if claim.id in linked else f"only in {label}"
        kind = claim.kind.value.replace("_", " ")
        out.append(
            f"- **{escape_md(label)}** line {claim.line} — {escape_md(claim.speaker_label)} "
            f"*{escape_md(claim.cue.text)}*: “{escape_md(claim.content.text)}” ({kind}; {status})"
        )
    return [*out, ""]


def _notes(comparison: Comparison, annotations: Sequence[Annotation]) -> list[str]:
    out = [f"## Notes ({len(annotations)})", ""]
    if not annotations:
        return [*out, "No notes.", ""]
    for annotation in notes_in_order(annotations, comparison):
        tags = " ".join(f"`{tag.replace('`', '')}`" for tag in annotation.tags)
        orphan = " — **orphaned**" if is_unresolved(annotation, comparison) else ""
        out.append(f"### {escape_md(describe_target(annotation, comparison))}{orphan}")
        out.append("")
        if tags:
            out += [f"Tags: {tags}", ""]
        out += [*_quote_block(annotation.note), "", f"*{annotation.modified}*", ""]
    return out


def render_markdown(comparison: Comparison, annotations: Sequence[Annotation] = ()) -> str:
    """The whole report as Markdown text ending in a newline."""
    titles = " ⇄ ".join(escape_md(shown(a.title)) for a in comparison.articles)
    out = [f"# {titles}", ""]
    out += _headlines(comparison)
    out += story_markdown(comparison, escape_md)
    out += ["## Figures", ""]
    for pair in comparison.alignments:
        out += _figures(comparison, pair)
    out += conflicts_markdown(comparison)
    for pair in comparison.alignments:
        out += _matches(comparison, pair)
        out += _unique(comparison, pair)
    if comparison.analysed:
        out += _actors(comparison)
        out += _claims(comparison)
        out += quoted_markdown(comparison, escape_md)
    out += _notes(comparison, annotations)
    return "\n".join(out).rstrip() + "\n"

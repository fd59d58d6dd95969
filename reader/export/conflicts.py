"""The Conflicts section of the Markdown and HTML exports: every conflicting detail of every pair (or of the
pair shown), with its slot, both values as written and where each sits; and the attribution drift of linked
passages. Built from `Comparison.conflicts` and `Comparison.drifts`, never from the screen."""

from __future__ import annotations

from html import escape

from reader.core.records import AttributionDrift, Comparison, Conflict


def describe_conflict(conflict: Conflict, comparison: Comparison) -> str:
    """ "day: “Tuesday” (A, line 14) vs “Wednesday” (B, line 9)"."""
    a, b = comparison.articles[conflict.a_article], comparison.articles[conflict.b_article]
    return (
        f"{conflict.slot}: “{conflict.a.text}” ({a.label}, line {a.line_of(conflict.a.start)}) vs "
        f"“{conflict.b.text}” ({b.label}, line {b.line_of(conflict.b.start)})"
        + ("" if conflict.linked else " — in passages not matched to each other")
    )


def describe_drift(drift: AttributionDrift, comparison: Comparison) -> str:
    """ "A line 4 ⇄ B line 7: A: fact; B: “according to officials”"."""
    a, b = comparison.articles[drift.a_article], comparison.articles[drift.b_article]
    where = (
        f"{a.label} line {a.line_of(a.sentences[drift.a_sentences[0]].start)} ⇄ "
        f"{b.label} line {b.line_of(b.sentences[drift.b_sentences[0]].start)}"
    )
    return f"{where}: {drift.note}"


def conflicts_markdown(comparison: Comparison) -> list[str]:
    """Markdown lines of the Conflicts section (and Attribution section when there is drift)."""
    from reader.export.markdown import escape_md as escaped

    out = [f"## Conflicts ({len(comparison.conflicts)})", ""]
    if not comparison.conflicts:
        out += ["No conflicting details found.", ""]
    for conflict in comparison.conflicts:
        out.append(f"- **{escaped(conflict.kind.value)}** — {escaped(describe_conflict(conflict, comparison))}")
    if comparison.conflicts:
        out.append("")
    if comparison.drifts:
        out += [f"## Attribution differences ({len(comparison.drifts)})", ""]
        out += [f"- {escaped(d.kind.value)} — {escaped(describe_drift(d, comparison))}" for d in comparison.drifts]
        out.append("")
    return out


def conflicts_html(comparison: Comparison, pair: tuple[int, int] | None = None) -> str:
    """The HTML Conflicts section: one row per conflict, links to both passages when they are on the page."""
    shown = comparison.conflicts
    rows = []
    for conflict in shown:
        cells = []
        for article_index, sentence, span in (
            (conflict.a_article, conflict.a_sentence, conflict.a),
            (conflict.b_article, conflict.b_sentence, conflict.b),
        ):
            article = comparison.articles[article_index]
            text = f"{article.label} · “{span.text}” · line {article.line_of(span.start)}"
            on_page = pair is not None and article_index in pair
            anchor = f"s-{article_index}-{sentence}"
            cells.append(f'<td><a href="#{anchor}">{escape(text)}</a></td>' if on_page else f"<td>{escape(text)}</td>")
        rows.append(f"<tr><td>{escape(conflict.kind.value)}</td><td>{escape(conflict.slot)}</td>{''.join(cells)}</tr>")
    table = (
        "<table><thead><tr><th>kind</th><th>slot</th><th>one says</th><th>the other says</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No conflicting details found.</p>"
    )
    drift = ""
    if comparison.drifts:
        items = "".join(f"<li>{escape(describe_drift(d, comparison))}</li>" for d in comparison.drifts)
        drift = f"<h2>Attribution differences ({len(comparison.drifts)})</h2><ul>{items}</ul>"
    return f'<section class="block wrap conflicts"><h2>Conflicts ({len(shown)})</h2>{table}{drift}</section>'

"""The analysis tables of the HTML export: actors with their mention counts, claims with their links."""

from __future__ import annotations

from html import escape

from reader.core.records import Comparison
from reader.export.common import link_descriptions


def actors_section(comparison: Comparison) -> str:
    """A table of actors: name, kind, mentions per article, other names used."""
    labels = [a.label for a in comparison.articles]
    head = "".join(f'<th class="n">{escape(label)}</th>' for label in labels)
    rows = []
    for actor in comparison.actors:
        counts = "".join(f'<td class="n">{count}</td>' for count in actor.counts)
        aliases = ", ".join(alias for alias in actor.aliases if alias != actor.name)
        rows.append(
            f"<tr><td>{escape(actor.name)}</td><td>{escape(actor.kind.value)}</td>{counts}"
            f"<td>{escape(aliases)}</td></tr>"
        )
    return (
        f'<section class="block wrap"><h2>Actors ({len(comparison.actors)})</h2>'
        f"<table><thead><tr><th>actor</th><th>kind</th>{head}<th>also called</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def claims_section(comparison: Comparison) -> str:
    """A table of claims: article, line, speaker, cue, content, and whether another article carries it."""
    labels = [a.label for a in comparison.articles]
    linked = link_descriptions(comparison)
    rows = []
    for claim in comparison.claims:
        label = labels[claim.article]
        status = "linked: " + "; ".join(linked[claim.id]) if claim.id in linked else f"only in {label}"
        rows.append(
            f"<tr><td>{escape(label)}</td><td class='n'>{claim.line}</td><td>{escape(claim.speaker_label)}</td>"
            f"<td><i>{escape(claim.cue.text)}</i></td><td>{escape(claim.content.text)}</td>"
            f"<td>{escape(claim.kind.value.replace('_', ' '))}; {escape(status)}</td></tr>"
        )
    return (
        f'<section class="block wrap"><h2>Claims ({len(comparison.claims)})</h2>'
        "<table><thead><tr><th></th><th>line</th><th>speaker</th><th>cue</th><th>content</th><th></th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )

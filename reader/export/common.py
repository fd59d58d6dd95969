"""What every exporter says the same way: figures, differing details, where a note points, side-by-side rows.

Exports are built from the Comparison record and the annotations only, never from the screen, so the CLI, the
app and scripts produce the same file for the same comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.counts import all_conflicts, has_conflict, pair_counts
from reader.core.records import (
    Article,
    Comparison,
    DetailDiff,
    DetailStatus,
    Match,
    PairAlignment,
    SentenceClass,
)
from reader.marks import CONFLICT_MARK, MARKS, MOVED_MARK
from reader.store.annotations import Annotation

__all__ = ["CONFLICT_MARK", "MARKS", "MOVED_MARK", "has_conflict"]
MATCHED = (SentenceClass.VERBATIM, SentenceClass.PARAPHRASE, SentenceClass.PARTIAL)


@dataclass(frozen=True)
class PairFigures:
    """The counts a reader wants first: how much of each article the other one carries."""

    a: Article
    b: Article
    sentences: tuple[int, int]
    """Sentences per side, boilerplate excluded."""
    classes_a: tuple[tuple[SentenceClass, int], ...]
    classes_b: tuple[tuple[SentenceClass, int], ...]
    matches: tuple[tuple[SentenceClass, int], ...]
    """Matched passages per class."""
    moved: int
    conflicts: int
    """Matched passages with at least one conflicting detail."""


def pair_figures(comparison: Comparison, pair: PairAlignment) -> PairFigures:
    """The pair's figures from `reader.core.counts.pair_counts`, the one function the app and the CLI also use."""
    counts = pair_counts(pair, all_conflicts(comparison))
    return PairFigures(
        a=comparison.articles[pair.a],
        b=comparison.articles[pair.b],
        sentences=counts.sentences,
        classes_a=counts.classes[0],
        classes_b=counts.classes[1],
        matches=counts.by_kind,
        moved=counts.moved,
        conflicts=counts.conflicts,
    )


def figures_line(comparison: Comparison, pair: PairAlignment) -> str:
    """ "A ⇄ B: 14 matched (3 verbatim, 8 paraphrase, 3 partial), 2 moved, 1 conflict; unique 9 / 12"."""
    figures = pair_figures(comparison, pair)
    kinds = ", ".join(f"{count} {cls.value}" for cls, count in figures.matches)
    unique = dict(figures.classes_a)[SentenceClass.UNIQUE], dict(figures.classes_b)[SentenceClass.UNIQUE]
    return (
        f"{figures.a.label} ⇄ {figures.b.label}: {len(pair.matches)} matched ({kinds}), {figures.moved} moved, "
        f"{figures.conflicts} with conflicting details; unique {unique[0]} / {unique[1]}"
    )


def describe_detail(detail: DetailDiff, a: Article, b: Article) -> str:
    """ "date (day): “Tuesday” (A) vs “Wednesday” (B)", "number: “2025” only in A", or for compatible values
    "date (day): “Monday” (A) and “December 29” (B) can both be true"."""
    a_text = f"“{detail.a.text}”" if detail.a else ""
    b_text = f"“{detail.b.text}”" if detail.b else ""
    kind = f"{detail.kind.value} ({detail.slot})" if detail.slot else detail.kind.value
    if detail.status is DetailStatus.CONFLICT:
        return f"{kind}: {a_text} ({a.label}) vs {b_text} ({b.label})"
    if detail.status is DetailStatus.AGREE:
        return f"{kind}: {a_text} in both"
    if detail.status is DetailStatus.PRECISION:
        return f"{kind}: {a_text} ({a.label}) and {b_text} ({b.label}) can both be true"
    if detail.status is DetailStatus.A_ONLY:
        return f"{detail.kind.value}: {a_text} only in {a.label}"
    return f"{detail.kind.value}: {b_text} only in {b.label}"


def line_span(article: Article, indices: Sequence[int]) -> str:
    """ "12" or "12–14": the source lines of a group of sentences."""
    first = article.line_of(article.sentences[indices[0]].start)
    last = article.line_of(article.sentences[indices[-1]].start)
    return str(first) if first == last else f"{first}–{last}"


def link_descriptions(comparison: Comparison) -> dict[str, list[str]]:
    """For each linked claim id, what differs in each of its links ("cue differs", "same telling")."""
    linked: dict[str, list[str]] = {}
    for link in comparison.claim_links:
        flags = ", ".join(flag.value.replace("_", " ") for flag in link.flags) or "same telling"
        linked.setdefault(link.a, []).append(flags)
        linked.setdefault(link.b, []).append(flags)
    return linked


def passage_text(article: Article, indices: Sequence[int]) -> str:
    """The text of a group of sentences (one or two, for a 1-to-2 match), joined as the reader reads them."""
    return " ".join(article.sentences[i].text for i in indices)


def shorten(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def is_unresolved(annotation: Annotation, comparison: Comparison) -> bool:
    """True when the annotation's target is not in this comparison (orphaned passage, vanished actor/claim)."""
    if annotation.passage is not None:
        return annotation.passage.orphaned or annotation.passage.article >= len(comparison.articles)
    if not comparison.analysed:
        return False
    if annotation.actor is not None:
        return all(actor.id != annotation.actor.actor_id for actor in comparison.actors)
    if annotation.claim is not None:
        return all(claim.id != annotation.claim.claim_id for claim in comparison.claims)
    return False


def describe_target(annotation: Annotation, comparison: Comparison) -> str:
    """Where a note points, in words: "A line 12: “quote…”", "actor Donald Trump", "claim in B: …"."""
    if annotation.passage is not None:
        target = annotation.passage
        quote = f"“{shorten(target.quote.exact, 120)}”"
        if target.orphaned or target.article >= len(comparison.articles):
            return f"orphaned passage (no longer found): {quote}"
        article = comparison.articles[target.article]
        return f"{article.label} line {article.line_of(target.position.start)}: {quote}"
    if annotation.actor is not None:
        return f"actor {annotation.actor.name}"
    assert annotation.claim is not None
    claim = annotation.claim
    label = comparison.articles[claim.article].label if claim.article < len(comparison.articles) else "?"
    speaker = f"{claim.speaker}: " if claim.speaker else ""
    return f"claim in {label}: {speaker}“{shorten(claim.quote, 120)}”"


def notes_in_order(annotations: Sequence[Annotation], comparison: Comparison) -> list[Annotation]:
    """Placed passage notes in reading order (article, offset), then actor and claim notes, then orphans."""

    def key(annotation: Annotation) -> tuple[int, int, int, str, str]:
        if is_unresolved(annotation, comparison):
            return (3, 0, 0, annotation.created, annotation.id)
        if annotation.passage is not None:
            passage = annotation.passage
            return (0, passage.article, passage.position.start, annotation.created, annotation.id)
        group = 1 if annotation.actor is not None else 2
        return (group, 0, 0, annotation.created, annotation.id)

    return sorted(annotations, key=key)


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: a matched group standing level, or the unmatched stretch between two."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    match: Match | None


def side_by_side_rows(pair: PairAlignment, left_count: int, right_count: int) -> list[Row]:
    """Rows that keep in-order matches level; moved matches stay where each article tells them.

    The in-order matches form a chain increasing on both sides; everything between two links of the chain is
    one unmatched row, each side listing its own sentences (moved passages among them, marked by the renderer).
    """
    chain: list[Match] = []
    for match in sorted(pair.matches, key=lambda m: (m.a, m.b)):
        if match.moved:
            continue
        if chain and (min(match.a) <= max(chain[-1].a) or min(match.b) <= max(chain[-1].b)):
            continue
        chain.append(match)
    rows: list[Row] = []
    next_left = next_right = 0
    for match in chain:
        gap_left = tuple(range(next_left, min(match.a)))
        gap_right = tuple(range(next_right, min(match.b)))
        if gap_left or gap_right:
            rows.append(Row(gap_left, gap_right, None))
        rows.append(Row(match.a, match.b, match))
        next_left, next_right = max(match.a) + 1, max(match.b) + 1
    tail_left, tail_right = tuple(range(next_left, left_count)), tuple(range(next_right, right_count))
    if tail_left or tail_right:
        rows.append(Row(tail_left, tail_right, None))
    return rows

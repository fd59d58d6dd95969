"""The figures of one pair, computed once: the TUI's status line, `reader compare` and every export read them here.

Before, the status line counted unique *passages* (a paragraph of unique sentences counted once: "unique A 7")
while the CLI counted unique *sentences* ("8 in A"); a reader comparing the two could not trust either. Every
figure now counts what the aligner classed: links (`PairAlignment.matches`) and sentences (`classes_a/b`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.records import DetailStatus, Match, PairAlignment, SentenceClass

MATCHED_CLASSES = (SentenceClass.VERBATIM, SentenceClass.PARAPHRASE, SentenceClass.PARTIAL)


@dataclass(frozen=True)
class PairCounts:
    """How much of each article of a pair the other carries."""

    matched: int
    """Links between the two articles."""
    by_kind: tuple[tuple[SentenceClass, int], ...]
    """Links per kind: verbatim, paraphrase, partial."""
    moved: int
    """Links off the in-order chain (told in another place by the other article)."""
    conflicts: int
    """Links with at least one conflicting detail (a number, date, name or place that differs)."""
    sentences: tuple[int, int]
    """Sentences per side, boilerplate excluded."""
    unique: tuple[int, int]
    """Sentences per side that only that article tells (of the two)."""
    classes: tuple[tuple[tuple[SentenceClass, int], ...], tuple[tuple[SentenceClass, int], ...]]
    """Sentences per class, per side (matched classes then unique)."""


def has_conflict(match: Match) -> bool:
    """A detail of the link conflicts between the two tellings."""
    return any(detail.status is DetailStatus.CONFLICT for detail in match.details)


def pair_counts(pair: PairAlignment) -> PairCounts:
    """The figures of one pair, from the aligner's links and classes."""

    def per_class(classes: tuple[SentenceClass, ...]) -> tuple[tuple[SentenceClass, int], ...]:
        return tuple((cls, sum(1 for c in classes if c is cls)) for cls in (*MATCHED_CLASSES, SentenceClass.UNIQUE))

    def body(classes: tuple[SentenceClass, ...]) -> int:
        return sum(1 for c in classes if c is not SentenceClass.BOILERPLATE)

    def unique(classes: tuple[SentenceClass, ...]) -> int:
        return sum(1 for c in classes if c is SentenceClass.UNIQUE)

    return PairCounts(
        matched=len(pair.matches),
        by_kind=tuple((cls, sum(1 for m in pair.matches if m.kind is cls)) for cls in MATCHED_CLASSES),
        moved=sum(1 for m in pair.matches if m.moved),
        conflicts=sum(1 for m in pair.matches if has_conflict(m)),
        sentences=(body(pair.classes_a), body(pair.classes_b)),
        unique=(unique(pair.classes_a), unique(pair.classes_b)),
        classes=(per_class(pair.classes_a), per_class(pair.classes_b)),
    )

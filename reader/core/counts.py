"""The figures of one pair, computed once: the TUI's status line, `reader compare` and every export read them here.

Before, the status line counted unique *passages* (a paragraph of unique sentences counted once: "unique A 7")
while the CLI counted unique *sentences* ("8 in A"); a reader comparing the two could not trust either. Every
figure now counts what the aligner classed: links (`PairAlignment.matches`) and sentences (`classes_a/b`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.records import Article, Comparison, Conflict, DetailStatus, Match, PairAlignment, SentenceClass

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
    """Conflicts of the pair: the comparison's conflict list (linked passages and unlinked sentences that state
    the same slot), or, when none is given, the links with at least one conflicting detail."""
    sentences: tuple[int, int]
    """Sentences per side, boilerplate excluded."""
    unique: tuple[int, int]
    """Sentences per side that only that article tells (of the two)."""
    classes: tuple[tuple[tuple[SentenceClass, int], ...], tuple[tuple[SentenceClass, int], ...]]
    """Sentences per class, per side (matched classes then unique)."""


def has_conflict(match: Match) -> bool:
    """A detail of the link conflicts between the two tellings."""
    return any(detail.status is DetailStatus.CONFLICT for detail in match.details)


def pair_counts(pair: PairAlignment, conflicts: Sequence[Conflict] | None = None) -> PairCounts:
    """The figures of one pair, from the aligner's links and classes.

    `conflicts` is `all_conflicts(comparison)`: pass it so the count is the one the Conflicts tab lists (it also
    holds conflicts between sentences no link joins); without it, only the links' own conflicting details count.
    """

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
        conflicts=(
            sum(1 for m in pair.matches if has_conflict(m))
            if conflicts is None
            else sum(1 for c in conflicts if {c.a_article, c.b_article} == {pair.a, pair.b})
        ),
        sentences=(body(pair.classes_a), body(pair.classes_b)),
        unique=(unique(pair.classes_a), unique(pair.classes_b)),
        classes=(per_class(pair.classes_a), per_class(pair.classes_b)),
    )


def _sentence_of(article: Article, indices: Sequence[int], offset: int) -> int:
    return next((i for i in indices if article.sentences[i].start <= offset < article.sentences[i].end), indices[0])


def all_conflicts(comparison: Comparison) -> list[Conflict]:
    """`Comparison.conflicts`, and any conflicting detail of a match it does not list (a comparison built by
    hand or by an older version carries its conflicts only inside its matches)."""
    found = list(comparison.conflicts)
    seen = {(c.a_article, c.b_article, c.a.start, c.b.start) for c in found}
    for pair in comparison.alignments:
        left, right = comparison.articles[pair.a], comparison.articles[pair.b]
        for match in pair.matches:
            for detail in match.details:
                if detail.status is not DetailStatus.CONFLICT or detail.a is None or detail.b is None:
                    continue
                if (pair.a, pair.b, detail.a.start, detail.b.start) in seen:
                    continue
                seen.add((pair.a, pair.b, detail.a.start, detail.b.start))
                found.append(
                    Conflict(
                        a_article=pair.a,
                        b_article=pair.b,
                        a_sentence=_sentence_of(left, match.a, detail.a.start),
                        b_sentence=_sentence_of(right, match.b, detail.b.start),
                        kind=detail.kind,
                        slot=detail.slot or detail.kind.value,
                        a=detail.a,
                        b=detail.b,
                    )
                )
    return found

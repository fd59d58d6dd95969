"""Hand-built comparisons for store and export tests: exact sentences, exact matches, no aligner involved."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.pipeline import coverage_of
from reader.core.records import (
    Comparison,
    DetailDiff,
    DetailKind,
    DetailStatus,
    Match,
    PairAlignment,
    SentenceClass,
    TextSpan,
)
from tests.factories import article_of

LEFT = [
    "Leaders met on Monday at the resort.",
    "They discussed <script>alert(1)</script> and [bold]markup[/bold] in text.",
    "Only the left article says this.",
    "A passage that moved later in the other article.",
    "The final shared sentence closes the story.",
]
RIGHT = [
    "A passage that moved later in the other article, they said.",
    "Leaders met on December 29 at the resort.",
    "They discussed <script>alert(1)</script> and [bold]markup[/bold] in text.",
    "Only the right article has this line.",
    "The final shared sentence closes the story.",
]


def span(text: str, sentence: str, word: str) -> TextSpan:
    """The span of `word` inside `sentence` of `text`."""
    start = text.index(sentence) + sentence.index(word)
    return TextSpan(start, start + len(word), word)


def hand_comparison(left: Sequence[str] = LEFT, right: Sequence[str] = RIGHT) -> Comparison:
    """Two articles with a paraphrase carrying a date conflict, a verbatim pair, a moved pair and uniques."""
    a = article_of(left, label="A", headline="Left headline")
    b = article_of(right, label="B", headline="Right headline")
    conflict = DetailDiff(
        kind=DetailKind.DATE,
        status=DetailStatus.CONFLICT,
        a=span(a.text, left[0], "Monday"),
        b=span(b.text, right[1], "December 29"),
    )
    matches = (
        Match(a=(0,), b=(1,), score=0.8, kind=SentenceClass.PARAPHRASE, moved=False, details=(conflict,)),
        Match(a=(1,), b=(2,), score=1.0, kind=SentenceClass.VERBATIM, moved=False),
        Match(a=(3,), b=(0,), score=0.7, kind=SentenceClass.PARTIAL, moved=True),
        Match(a=(4,), b=(4,), score=1.0, kind=SentenceClass.VERBATIM, moved=False),
    )
    classes_a = [SentenceClass.UNIQUE] * len(a.sentences)
    classes_b = [SentenceClass.UNIQUE] * len(b.sentences)
    for match in matches:
        for index in match.a:
            classes_a[index] = match.kind
        for index in match.b:
            classes_b[index] = match.kind
    pair = PairAlignment(a=0, b=1, matches=matches, classes_a=tuple(classes_a), classes_b=tuple(classes_b))
    return Comparison(articles=(a, b), alignments=(pair,), coverage=coverage_of((a, b), (pair,)))

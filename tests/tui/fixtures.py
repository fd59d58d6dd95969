"""A hand-made comparison for the view's tests: written here, so the tests need neither the engine nor spaCy.

Two (or three) short articles about a fictional bridge repair, with every case the view must draw: verbatim,
paraphrase and partial matches, a moved passage, conflicting details, unique passages, boilerplate, actors
with several mentions, linked and one-sided claims, and a who-is-quoted table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.core.pipeline import coverage_of
from reader.core.records import (
    Actor,
    ActorKind,
    Article,
    BlockKind,
    Claim,
    ClaimFlag,
    ClaimKind,
    ClaimLink,
    Comparison,
    DetailDiff,
    DetailKind,
    DetailStatus,
    Match,
    Mention,
    PairAlignment,
    QuotedRow,
    SentenceClass,
    TextSpan,
)
from tests.factories import article_of

H, Y, P, X = BlockKind.HEADLINE, BlockKind.BYLINE, BlockKind.PARAGRAPH, BlockKind.BOILERPLATE
V, R, T, U, BP = (
    SentenceClass.VERBATIM,
    SentenceClass.PARAPHRASE,
    SentenceClass.PARTIAL,
    SentenceClass.UNIQUE,
    SentenceClass.BOILERPLATE,
)

LEFT_SENTENCES = [
    ("Council approves river bridge repair after a long debate", H),
    ("By Ana Ruiz", Y),
    (
        "The city council voted 7-2 on Tuesday to repair the Mill Street bridge, ending a dispute that had "
        "divided the neighbourhood for most of the year.",
        P,
    ),
    ("Mayor Lena Ortiz said the work would start in March and last about eight months.", P),
    ("The bridge has been closed to trucks since 2021.", P),
    ("Engineers found cracks in two of the four supports during an inspection last spring.", P),
    ("Residents complained about long detours for months, and several shop owners said trade had fallen.", P),
    ("Councillor Tom Hale warned that costs could rise further if steel prices keep climbing.", P),
    ("Subscribe to our newsletter", X),
    ("Share this article", X),
]

RIGHT_SENTENCES = [
    ("Mill Street bridge to be repaired, council decides", H),
    ("Engineers found cracks in two of the four supports, a report showed.", P),
    (
        "The city council voted 6-3 on Tuesday to repair the Mill Street bridge, ending a dispute that had "
        "divided the neighbourhood.",
        P,
    ),
    ("Mayor Lena Ortiz said work would begin in April.", P),
    ("Ortiz added that the state would pay half of the cost.", P),
    ("The bridge has been closed to trucks since 2021.", P),
    ("Tom Hale, a councillor, cautioned that costs might rise.", P),
    ("Reporting by Sam Lee", Y),
]

THIRD_SENTENCES = [
    ("Bridge vote passes", H),
    ("The bridge has been closed to trucks since 2021.", P),
    ("A local bakery said business had halved.", P),
]


def make_article(sentences: Sequence[tuple[str, BlockKind]], label: str) -> Article:
    texts = [text for text, _ in sentences]
    kinds = [kind for _, kind in sentences]
    headline = next((text for text, kind in sentences if kind is H), None)
    return article_of(texts, label=label, kinds=kinds, headline=headline)


def span(article: Article, text: str, sentence: int | None = None) -> TextSpan:
    """The span of the first occurrence of `text` (inside `sentence` when given)."""
    start = article.sentences[sentence].start if sentence is not None else 0
    found = article.text.index(text, start)
    return TextSpan(found, found + len(text), text)


def mention(article: Article, index: int, text: str, sentence: int) -> Mention:
    found = span(article, text, sentence)
    return Mention(index, found.start, found.end, text, sentence, article.line_of(found.start))


def pair_alignment(left: Article, right: Article) -> PairAlignment:
    matches = (
        Match(a=(0,), b=(0,), score=0.55, kind=T, moved=False),
        Match(
            a=(2,),
            b=(2,),
            score=0.92,
            kind=V,
            moved=False,
            details=(DetailDiff(DetailKind.NUMBER, DetailStatus.CONFLICT, span(left, "7-2"), span(right, "6-3")),),
        ),
        Match(
            a=(3,),
            b=(3,),
            score=0.71,
            kind=R,
            moved=False,
            details=(DetailDiff(DetailKind.DATE, DetailStatus.CONFLICT, span(left, "March"), span(right, "April")),),
        ),
        Match(a=(4,), b=(5,), score=1.0, kind=V, moved=False),
        Match(a=(5,), b=(1,), score=0.6, kind=T, moved=True),
        Match(a=(7,), b=(6,), score=0.66, kind=R, moved=False),
    )
    classes_a = (T, U, V, R, V, T, U, R, BP, BP)
    classes_b = (T, T, V, R, U, V, R, U)
    return PairAlignment(a=0, b=1, matches=matches, classes_a=classes_a, classes_b=classes_b)


def third_alignments() -> tuple[PairAlignment, PairAlignment]:
    with_left = PairAlignment(
        a=0,
        b=2,
        matches=(Match(a=(4,), b=(1,), score=1.0, kind=V, moved=False),),
        classes_a=(U, U, U, U, V, U, U, U, BP, BP),
        classes_b=(U, V, U),
    )
    with_right = PairAlignment(
        a=1,
        b=2,
        matches=(Match(a=(5,), b=(1,), score=1.0, kind=V, moved=False),),
        classes_a=(U, U, U, U, U, V, U, U),
        classes_b=(U, V, U),
    )
    return with_left, with_right


def analysed_comparison(comparison: Comparison) -> Comparison:
    """The same comparison with the hand-made actors, claims, links and who-is-quoted rows."""
    articles = comparison.articles
    left, right = articles[0], articles[1]
    ortiz = Actor(
        id="lena-ortiz",
        name="Lena Ortiz",
        kind=ActorKind.PERSON,
        aliases=("Ortiz", "Mayor Lena Ortiz"),
        mentions=(
            mention(left, 0, "Lena Ortiz", 3),
            mention(right, 1, "Lena Ortiz", 3),
            mention(right, 1, "Ortiz", 4),
        ),
        counts=(1, 2, 0)[: len(articles)],
    )
    hale = Actor(
        id="tom-hale",
        name="Tom Hale",
        kind=ActorKind.PERSON,
        aliases=("Hale",),
        mentions=(mention(left, 0, "Tom Hale", 7), mention(right, 1, "Tom Hale", 6)),
        counts=(1, 1, 0)[: len(articles)],
    )
    council = Actor(
        id="city-council",
        name="city council",
        kind=ActorKind.ORGANISATION,
        aliases=("council",),
        mentions=(mention(left, 0, "city council", 2), mention(right, 1, "city council", 2)),
        counts=(1, 1, 0)[: len(articles)],
    )
    claims = (
        Claim(
            "a-ortiz",
            0,
            3,
            ClaimKind.INDIRECT,
            span(left, "Mayor Lena Ortiz", 3),
            "Lena Ortiz",
            "lena-ortiz",
            span(left, "said", 3),
            span(left, "the work would start in March and last about eight months", 3),
            4,
        ),
        Claim(
            "a-hale",
            0,
            7,
            ClaimKind.INDIRECT,
            span(left, "Councillor Tom Hale", 7),
            "Tom Hale",
            "tom-hale",
            span(left, "warned", 7),
            span(left, "costs could rise further if steel prices keep climbing", 7),
            8,
        ),
        Claim(
            "a-residents",
            0,
            6,
            ClaimKind.INDIRECT,
            span(left, "Residents", 6),
            "Residents",
            None,
            span(left, "complained", 6),
            span(left, "about long detours for months", 6),
            7,
        ),
        Claim(
            "b-ortiz",
            1,
            3,
            ClaimKind.INDIRECT,
            span(right, "Mayor Lena Ortiz", 3),
            "Lena Ortiz",
            "lena-ortiz",
            span(right, "said", 3),
            span(right, "work would begin in April", 3),
            4,
        ),
        Claim(
            "b-ortiz-2",
            1,
            4,
            ClaimKind.INDIRECT,
            span(right, "Ortiz", 4),
            "Lena Ortiz",
            "lena-ortiz",
            span(right, "added", 4),
            span(right, "the state would pay half of the cost", 4),
            5,
        ),
        Claim(
            "b-hale",
            1,
            6,
            ClaimKind.INDIRECT,
            span(right, "Tom Hale", 6),
            "Tom Hale",
            "tom-hale",
            span(right, "cautioned", 6),
            span(right, "costs might rise", 6),
            7,
        ),
    )
    links = (
        ClaimLink("a-ortiz", "b-ortiz", ()),
        ClaimLink("a-hale", "b-hale", (ClaimFlag.CUE_DIFFERS,)),
    )
    zero = (0,) * max(0, len(articles) - 2)
    quoted = (
        QuotedRow("Lena Ortiz", "lena-ortiz", (1, 2, *zero), (10, 13, *zero)),
        QuotedRow("Tom Hale", "tom-hale", (1, 1, *zero), (8, 3, *zero)),
        QuotedRow("Residents", None, (1, 0, *zero), (5, 0, *zero)),
    )
    return replace(
        comparison,
        actors=(ortiz, hale, council),
        claims=claims,
        claim_links=links,
        quoted=quoted,
        analysed=True,
    )


def fixture_articles(count: int = 2) -> tuple[Article, ...]:
    articles: tuple[Article, ...] = (make_article(LEFT_SENTENCES, "A"), make_article(RIGHT_SENTENCES, "B"))
    if count >= 3:
        articles = (*articles, make_article(THIRD_SENTENCES, "C"))
    return articles


def aligned_comparison(articles: Sequence[Article]) -> Comparison:
    """The comparison the aligner would give (no actors or claims yet)."""
    pairs: tuple[PairAlignment, ...] = (pair_alignment(articles[0], articles[1]),)
    if len(articles) >= 3:
        with_left, with_right = third_alignments()
        pairs = (pairs[0], with_left, with_right)
    return Comparison(articles=tuple(articles), alignments=pairs, coverage=coverage_of(articles, pairs))

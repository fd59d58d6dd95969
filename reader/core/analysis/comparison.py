"""The analysis of whole comparisons and single articles (`reader.core.analysis` re-exports it lazily)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.actors import build_actors
from reader.core.analysis.cache import article_key
from reader.core.analysis.claims import extract_claims
from reader.core.analysis.linking import link_claims
from reader.core.analysis.parse import parse_articles
from reader.core.analysis.parsed import ParsedArticle
from reader.core.analysis.quoted import who_is_quoted
from reader.core.collector import collector_paused
from reader.core.records import Actor, Article, Claim, Comparison, QuotedRow


@dataclass(frozen=True)
class TextAnalysis:
    """Actors and claims of one article."""

    article: Article
    actors: tuple[Actor, ...]
    claims: tuple[Claim, ...]
    quoted: tuple[QuotedRow, ...]


@dataclass(frozen=True)
class _Analysis:
    actors: tuple[Actor, ...]
    claims: tuple[Claim, ...]


def _analyse(
    articles: Sequence[Article], *, use_cache: bool = True, parsed: Sequence[ParsedArticle] | None = None
) -> _Analysis:
    with collector_paused():  # records for every token: the collector's walks would find nothing to free
        if not _parses_of(articles, parsed):
            parsed = parse_articles(articles, use_cache=use_cache)
        assert parsed is not None
        actors = build_actors(articles, parsed)
        return _Analysis(actors=actors, claims=extract_claims(articles, parsed, actors))


def _parses_of(articles: Sequence[Article], parsed: Sequence[ParsedArticle] | None) -> bool:
    """`parsed` holds one parse per article, in order (the parse of each article's own text)."""
    return (
        parsed is not None
        and len(parsed) == len(articles)
        and all(
            isinstance(entry, ParsedArticle) and entry.key == article_key(article)
            for entry, article in zip(parsed, articles, strict=True)
        )
    )


def analyse_comparison(
    comparison: Comparison, *, use_cache: bool = True, parsed: Sequence[ParsedArticle] | None = None
) -> Comparison:
    """Fill actors, claims, claim links and the who-is-quoted table; loads spaCy on a cache miss.

    `parsed`: the articles' parses when the caller has them already (`reader.core.pipeline.compare` parses in a
    forked copy while it aligns); anything else there is ignored and the articles are parsed here."""
    analysis = _analyse(comparison.articles, use_cache=use_cache, parsed=parsed)
    with_claims = dataclasses.replace(comparison, actors=analysis.actors, claims=analysis.claims)
    return dataclasses.replace(
        with_claims,
        claim_links=link_claims(with_claims, analysis.claims),
        quoted=who_is_quoted(analysis.claims, len(comparison.articles)),
        analysed=True,
    )


def analyse_article(article: Article, *, use_cache: bool = True) -> TextAnalysis:
    """Actors and claims of one already loaded article."""
    analysis = _analyse((article,), use_cache=use_cache)
    return TextAnalysis(
        article=article,
        actors=analysis.actors,
        claims=analysis.claims,
        quoted=who_is_quoted(analysis.claims, 1),
    )


def analyse_text(text: str) -> TextAnalysis:
    """Actors and claims of one article given as text (loaded and segmented as `compare` would)."""
    from reader.core.load.inputs import article_from_text

    return analyse_article(article_from_text(text))

"""Headlines and ledes side by side: what each outlet puts first, and the words only its headline uses.

A media critic compares headlines first: "Trump, Netanyahu discuss possible strikes" against "Netanyahu
Discusses Second Strike on Iran with Trump" differ in "possible" and "second". A headline's content words are
compared by the aligner's normalised keys (stems, British/American spelling, number words), so "discuss" and
"Discusses" agree and only real differences are marked. Function words are never marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.normalise import tokenise
from reader.core.records import Article, BlockKind, TextSpan


@dataclass(frozen=True)
class Opening:
    """An article's headline and lede, with the spans of its headline words no other headline uses."""

    article: int
    headline: TextSpan | None
    """The first headline sentence (offsets into `Article.text`), None when the text has none."""
    lede: TextSpan | None
    """The first sentence of the body: not a headline, byline, bullet or boilerplate."""
    only_here: tuple[TextSpan, ...]
    """Words of the headline that no other article's headline uses (offsets into `Article.text`)."""


def _first(article: Article, kinds: Sequence[BlockKind]) -> TextSpan | None:
    for sentence in article.sentences:
        if sentence.kind in kinds:
            return TextSpan(sentence.start, sentence.end, sentence.text)
    return None


def _keys(span: TextSpan | None) -> set[str]:
    if span is None:
        return set()
    return {token.key for token in tokenise(span.text) if token.key}


def openings(articles: Sequence[Article]) -> tuple[Opening, ...]:
    """Each article's headline and lede, headline words only it uses marked."""
    heads = [_first(article, (BlockKind.HEADLINE,)) for article in articles]
    ledes = [_first(article, (BlockKind.PARAGRAPH,)) for article in articles]
    keys = [_keys(head) for head in heads]
    result = []
    for index, head in enumerate(heads):
        others: set[str] = set()
        for other, found in enumerate(keys):
            if other != index:
                others |= found
        marked: list[TextSpan] = []
        if head is not None:
            for token in tokenise(head.text):
                if token.key and token.key not in others:
                    start = head.start + token.start
                    marked.append(TextSpan(start, head.start + token.end, token.surface))
        result.append(Opening(index, head, ledes[index], tuple(marked)))
    return tuple(result)

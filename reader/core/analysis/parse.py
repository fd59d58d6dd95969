"""spaCy over the sentences of articles, turned into plain records (the only module that touches spaCy objects).

Each non-boilerplate sentence is parsed as its own document, all articles in one `nlp.pipe` pass: the parser
then cannot glue a headline to the next sentence, and every offset maps back to `Article.text` by adding the
sentence start. Control whitespace inside a sentence (a paragraph wrapped over lines) is given to spaCy as plain
spaces, which keeps offsets unchanged and keeps newlines out of entity spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reader.core.analysis import cache
from reader.core.analysis.nlp import get_nlp, run_lock
from reader.core.analysis.parsed import Entity, ParsedArticle, ParsedSentence, Token
from reader.core.records import Article, Sentence

_CONTROL_SPACE = re.compile(r"[\n\r\t\f\v\u2028\u2029\u0085]")
PIPE_BATCH = 64


def parse_articles(articles: Sequence[Article], *, use_cache: bool = True) -> tuple[ParsedArticle, ...]:
    """The parse of every article, from the cache where possible, the rest in one pipeline pass."""
    keys = [cache.article_key(article) for article in articles]
    found = cache.load_many(keys) if use_cache else {}
    todo: dict[str, Article] = {}
    for key, article in zip(keys, articles, strict=True):
        if key not in found and key not in todo:
            todo[key] = article
    if todo:
        fresh = _run_pipeline(list(todo.items()))
        for parsed in fresh:
            found[parsed.key] = parsed
            if use_cache:
                cache.store(parsed)
    return tuple(found[key] for key in keys)


def _run_pipeline(items: list[tuple[str, Article]]) -> list[ParsedArticle]:
    jobs: list[tuple[int, Sentence]] = []
    for position, (_key, article) in enumerate(items):
        jobs.extend((position, sentence) for sentence in cache.analysed_sentences(article))
    texts = [_CONTROL_SPACE.sub(" ", sentence.text) for _position, sentence in jobs]
    nlp = get_nlp()
    per_article: list[list[ParsedSentence]] = [[] for _ in items]
    with run_lock():  # each Doc becomes plain records as it comes: holding them all cost ~150 MB per MB of text
        for (position, sentence), doc in zip(jobs, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True):
            per_article[position].append(_sentence_record(sentence, doc))
    return [
        ParsedArticle(key=key, sentences=tuple(sentences))
        for (key, _article), sentences in zip(items, per_article, strict=True)
    ]


def _sentence_record(sentence: Sentence, doc: Any) -> ParsedSentence:
    base = sentence.start
    tokens = tuple(
        Token(
            start=base + token.idx,
            end=base + token.idx + len(token.text),
            text=sentence.text[token.idx : token.idx + len(token.text)],
            lemma=token.lemma_,
            pos=token.pos_,
            tag=token.tag_,
            dep=token.dep_,
            head=token.head.i,
        )
        for token in doc
    )
    entities = tuple(Entity(first=ent.start, stop=ent.end, label=ent.label_) for ent in doc.ents)
    return ParsedSentence(index=sentence.index, tokens=tokens, entities=entities)

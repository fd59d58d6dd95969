"""spaCy over the sentences of articles, turned into plain records (the only module that touches spaCy objects).

Each non-boilerplate sentence is parsed as its own document, all articles in one `nlp.pipe` pass: the parser
then cannot glue a headline to the next sentence, and every offset maps back to `Article.text` by adding the
sentence start. Control whitespace inside a sentence (a paragraph wrapped over lines) is given to spaCy as plain
spaces, which keeps offsets unchanged and keeps newlines out of entity spans.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from reader.core.analysis import cache
from reader.core.analysis.nlp import get_nlp, run_lock
from reader.core.analysis.parsed import Entity, ParsedArticle, ParsedSentence, Token
from reader.core.forked import ForkedWork, run_forked
from reader.core.records import Article, Sentence

_CONTROL_SPACE = re.compile(r"[\n\r\t\f\v\u2028\u2029\u0085]")
PIPE_BATCH = 64

SPLIT_MIN_CHARACTERS = 4000
"""Below this much text a second parsing process (the service's split, `compare`'s `parse_in_two`) is not worth
its fork (~10 ms) and the pipe back. Fitted on the seeds (6,191 and 3,686 characters, 0.29-0.39 s and
0.16-0.21 s of parse): split, both finish in ~60 % of the time on two free cores."""

_split_across_processes = False
"""Set by the analysis service (`allow_split_parse`): only there is the rest of the machine's second core known
to be idle while the parse runs (the app waits for it); never in the app or a library caller's process."""


def allow_split_parse() -> None:
    """Let parses of this process use a forked second process for half of the sentences (the service only)."""
    global _split_across_processes
    _split_across_processes = True


def parse_articles(
    articles: Sequence[Article], *, use_cache: bool = True, unwritten: list[ParsedArticle] | None = None
) -> tuple[ParsedArticle, ...]:
    """The parse of every article, from the cache where possible, the rest in one pipeline pass.

    Fresh parses are written to the cache, or, when `unwritten` is a list, appended to it for the caller to
    write later (the service answers first, then writes)."""
    keys, found, items = _cached(articles, use_cache)
    if items:
        for parsed in _run_pipeline(items):
            found[parsed.key] = parsed
            if use_cache and unwritten is not None:
                unwritten.append(parsed)
            elif use_cache:
                cache.store(parsed)
    return tuple(found[key] for key in keys)


class ParseInTwo:
    """A parse split between this process and a forked copy of it (`parse_in_two`): the copy parses the later
    half of the sentences from the start, this process the rest when `finish` is called, after its own work."""

    def __init__(
        self,
        keys: list[str],
        found: dict[str, ParsedArticle],
        items: list[tuple[str, Article]],
        jobs: list[tuple[int, Sentence]],
        half: int,
        copy: ForkedWork[list[tuple[int, ParsedSentence]]],
    ) -> None:
        self._keys, self._found, self._items = keys, found, items
        self._jobs, self._half, self._copy = jobs, half, copy

    def finish(self) -> tuple[ParsedArticle, ...]:
        """Every article's parse, in order: what `parse_articles` gives (and writes to the cache)."""
        with run_lock():
            records = _finish_split(get_nlp(), self._jobs, self._half, self._copy)
        for parsed in _by_article(self._items, records):
            self._found[parsed.key] = parsed
            cache.store(parsed)
        return tuple(self._found[key] for key in self._keys)

    def cancel(self) -> None:
        """Stop the copy (the caller will not finish the parse)."""
        self._copy.cancel()


def parse_in_two(articles: Sequence[Article]) -> ParseInTwo | None:
    """Start the parse of the articles' uncached sentences split in two, the later half (by characters) in a
    forked copy of this process; None when less than SPLIT_MIN_CHARACTERS is left to parse (the copy is not
    worth its fork, as in the service's split) or no copy starts. The caller checks that a second core is free
    and that this process runs one thread."""
    keys, found, items = _cached(articles, True)
    jobs = _jobs_of(items)
    size = sum(len(sentence.text) for _position, sentence in jobs)
    if size < SPLIT_MIN_CHARACTERS:
        return None
    half, copy = _start_split(jobs, size, None)
    return ParseInTwo(keys, found, items, jobs, half, copy) if copy is not None else None


def _cached(
    articles: Sequence[Article], use_cache: bool
) -> tuple[list[str], dict[str, ParsedArticle], list[tuple[str, Article]]]:
    """The articles' keys, the parses the cache has, and the articles left to parse (each text once)."""
    keys = [cache.article_key(article) for article in articles]
    found = cache.load_many(keys) if use_cache else {}
    todo: dict[str, Article] = {}
    for key, article in zip(keys, articles, strict=True):
        if key not in found and key not in todo:
            todo[key] = article
    return keys, found, list(todo.items())


def _jobs_of(items: list[tuple[str, Article]]) -> list[tuple[int, Sentence]]:
    return [
        (position, sentence)
        for position, (_key, article) in enumerate(items)
        for sentence in cache.analysed_sentences(article)
    ]


def _by_article(items: list[tuple[str, Article]], records: list[tuple[int, ParsedSentence]]) -> list[ParsedArticle]:
    per_article: list[list[ParsedSentence]] = [[] for _ in items]
    for position, record in records:
        per_article[position].append(record)
    return [
        ParsedArticle(key=key, sentences=tuple(sentences))
        for (key, _article), sentences in zip(items, per_article, strict=True)
    ]


def _start_split(
    jobs: list[tuple[int, Sentence]], size: int, nlp: Any
) -> tuple[int, ForkedWork[list[tuple[int, ParsedSentence]]] | None]:
    """Where the jobs are cut in two (half the characters each side), and a forked copy of this process
    parsing the later half with `nlp` (this process's pipeline, loaded in the copy when None)."""
    half, running = 0, 0
    while half < len(jobs) and running < size / 2:
        running += len(jobs[half][1].text)
        half += 1
    later = jobs[half:]
    return half, run_forked(lambda: _parse_here(nlp if nlp is not None else get_nlp(), later))


def _finish_split(
    nlp: Any,
    jobs: list[tuple[int, Sentence]],
    half: int,
    copy: ForkedWork[list[tuple[int, ParsedSentence]]] | None,
) -> list[tuple[int, ParsedSentence]]:
    """The first half parsed here, then the copy's half; the copy's half parsed here too when it sent nothing
    usable (it failed, died, or never started)."""
    first = _parse_here(nlp, jobs[:half])
    second = copy.result() if copy is not None else None
    if second is None or len(second) != len(jobs) - half:
        second = _parse_here(nlp, jobs[half:])
    return first + second


def _run_pipeline(items: list[tuple[str, Article]]) -> list[ParsedArticle]:
    jobs = _jobs_of(items)
    nlp = get_nlp()
    with run_lock():
        return _by_article(items, _parse_jobs(nlp, jobs))


def _parse_jobs(nlp: Any, jobs: list[tuple[int, Sentence]]) -> list[tuple[int, ParsedSentence]]:
    """Every job's sentence record, in the order of `jobs`: here, or split with a forked copy of this process.

    Each sentence is its own document, so the two halves parse independently and come out as the whole would;
    the fork shares the loaded model (no second import or load). Any trouble with the fork parses here.
    """
    size = sum(len(sentence.text) for _position, sentence in jobs)
    if not (_split_across_processes and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2):
        return _parse_here(nlp, jobs)
    if size < SPLIT_MIN_CHARACTERS:
        return _parse_here(nlp, jobs)
    add_rules_for = getattr(getattr(nlp, "tokenizer", None), "add_rules_for", None)  # special_cases.RulesOnDemand
    if add_rules_for is not None:  # once here, not in both processes
        for _position, sentence in jobs:
            add_rules_for(sentence.text)
    half, copy = _start_split(jobs, size, nlp)
    return _finish_split(nlp, jobs, half, copy)


def _parse_here(nlp: Any, jobs: list[tuple[int, Sentence]]) -> list[tuple[int, ParsedSentence]]:
    """Each Doc becomes plain records as it comes: holding them all cost ~150 MB per MB of text."""
    texts = [_CONTROL_SPACE.sub(" ", sentence.text) for _position, sentence in jobs]
    return [
        (position, _sentence_record(sentence, doc))
        for (position, sentence), doc in zip(jobs, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True)
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

"""The analysis cache: keyed by content and pipeline, atomic, and a bad entry is rebuilt, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import cache, parse
from reader.core.analysis.parsed import Entity, ParsedArticle, ParsedSentence, Token
from reader.core.records import BlockKind
from reader.core.serialize import dumps, loads
from tests.factories import article_of


def parsed_for(key: str) -> ParsedArticle:
    token = Token(start=0, end=5, text="Hello", lemma="hello", pos="INTJ", tag="UH", dep="ROOT", head=0)
    sentence = ParsedSentence(index=0, tokens=(token,), entities=(Entity(first=0, stop=1, label="PERSON"),))
    return ParsedArticle(key=key, sentences=(sentence,))


def test_round_trip_and_no_temporary_files_left() -> None:
    parsed = parsed_for("k1")
    assert cache.store(parsed)
    assert cache.load("k1") == parsed
    assert [p.name for p in cache.cache_root().iterdir()] == ["k1.json"]


def test_missing_corrupt_or_mismatched_entries_are_ignored() -> None:
    assert cache.load("absent") is None
    cache.cache_root().mkdir(parents=True)
    cache.entry_path("bad").write_text('{"key": "bad", "sentences": [', encoding="utf-8")
    assert cache.load("bad") is None
    cache.entry_path("wrong").write_bytes(b"\xff\xfe\x00garbage")
    assert cache.load("wrong") is None
    cache.store(parsed_for("other"))
    cache.entry_path("other").rename(cache.entry_path("moved"))
    assert cache.load("moved") is None


def test_key_depends_on_text_and_sentences_not_on_label() -> None:
    one = article_of(["Alpha said so.", "Beta did not."], label="A")
    relabelled = article_of(["Alpha said so.", "Beta did not."], label="B")
    edited = article_of(["Alpha said so.", "Gamma did not."])
    boiler = article_of(["Alpha said so.", "Beta did not."], kinds=[BlockKind.PARAGRAPH, BlockKind.BOILERPLATE])
    assert cache.article_key(one) == cache.article_key(relabelled)
    assert len({cache.article_key(one), cache.article_key(edited), cache.article_key(boiler)}) == 3
    assert [s.text for s in cache.analysed_sentences(boiler)] == ["Alpha said so."]


def test_a_cache_hit_needs_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    article = article_of(["Hello"])
    cache.store(parsed_for(cache.article_key(article)))

    def no_model() -> None:
        raise AssertionError("the model must not be loaded on a cache hit")

    monkeypatch.setattr(parse, "get_nlp", no_model)
    (result,) = parse.parse_articles([article])
    assert result.sentences[0].tokens[0].text == "Hello"


def test_a_corrupt_entry_is_rebuilt(monkeypatch: pytest.MonkeyPatch) -> None:
    article = article_of(["Hello"])
    key = cache.article_key(article)
    cache.cache_root().mkdir(parents=True)
    cache.entry_path(key).write_text("not json", encoding="utf-8")
    calls: list[int] = []

    def fake_pipeline(items: list[tuple[str, object]]) -> list[ParsedArticle]:
        calls.append(len(items))
        return [parsed_for(k) for k, _ in items]

    monkeypatch.setattr(parse, "_run_pipeline", fake_pipeline)
    parse.parse_articles([article, article])
    assert calls == [1]
    assert cache.load(key) == parsed_for(key)
    parse.parse_articles([article])
    assert calls == [1]


def test_an_unwritable_cache_costs_only_speed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker))
    assert cache.store(parsed_for("k")) is False
    assert cache.load("k") is None


_texts = st.text(max_size=12)
_tokens = st.builds(
    Token,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    text=_texts,
    lemma=_texts,
    pos=_texts,
    tag=_texts,
    dep=_texts,
    head=st.integers(0, 500),
)
_entities = st.builds(Entity, first=st.integers(0, 500), stop=st.integers(0, 500), label=_texts)
_sentences = st.builds(
    ParsedSentence,
    index=st.integers(0, 10**4),
    tokens=st.lists(_tokens, max_size=5).map(tuple),
    entities=st.lists(_entities, max_size=3).map(tuple),
)


@given(key=_texts, sentences=st.lists(_sentences, max_size=4).map(tuple))
def test_entry_text_is_exactly_the_generic_serialisation(key: str, sentences: tuple[ParsedSentence, ...]) -> None:
    """The cache's own encoder writes what `serialize.dumps` would, character for character (curly quotes, any
    Unicode, every field): old entries stay readable and a field added to the records fails here."""
    parsed = ParsedArticle(key=key, sentences=sentences)
    assert cache.entry_text(parsed) == dumps(parsed)
    assert loads(ParsedArticle, cache.entry_text(parsed)) == parsed

"""The size policy: long runs of text are cut into bounded sentences; an article over the limits is refused in
one line, before any slow step."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.core.errors import InputError
from reader.core.limits import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_SENTENCES,
    MAX_SENTENCE_CHARS,
    bounded_spans,
    check_article_sentences,
)
from reader.core.load.inputs import article_from_text, load_inputs

SHORT = "The storm closed the harbour on Tuesday. Officials said boats were damaged."


@given(
    st.text(alphabet=st.sampled_from("ab \n."), max_size=300),
    st.integers(min_value=1, max_value=40),
)
def test_pieces_are_bounded_ordered_disjoint_and_keep_every_visible_character(text: str, limit: int) -> None:
    pieces = bounded_spans(text, [(0, len(text))], limit)
    assert all(0 < end - start <= limit for start, end in pieces)
    assert all(left[1] <= right[0] for left, right in pairwise(pieces))
    kept = "".join(text[start:end] for start, end in pieces)
    assert kept.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_pieces_end_at_a_space_so_words_stay_whole() -> None:
    text = "alpha beta gamma delta"
    assert [text[s:e] for s, e in bounded_spans(text, [(0, len(text))], 12)] == ["alpha beta", "gamma delta"]


def test_a_word_longer_than_the_limit_is_cut_at_the_limit() -> None:
    assert bounded_spans("x" * 25, [(0, 25)], 10) == [(0, 10), (10, 20), (20, 25)]


def test_short_spans_are_left_alone() -> None:
    assert bounded_spans(SHORT, [(0, 40), (41, len(SHORT))]) == [(0, 40), (41, len(SHORT))]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_100_000,  # one 1.1 M-character word
        "word " * 200_000,  # 1 MB of one repeated word, no sentence end
        ("the storm closed the harbour " * 40_000) + ".",  # a 1.2 M-character sentence
    ],
    ids=["long-word", "repeated-word", "long-sentence"],
)
def test_no_sentence_of_a_loaded_article_is_over_the_limit(text: str) -> None:
    article = article_from_text(text)
    assert len(article.sentences) >= len(text.strip()) // MAX_SENTENCE_CHARS
    assert max(sentence.end - sentence.start for sentence in article.sentences) <= MAX_SENTENCE_CHARS
    assert all(sentence.text == article.text[sentence.start : sentence.end] for sentence in article.sentences)


def test_real_sentences_are_not_cut() -> None:
    article = article_from_text(SHORT)
    assert [s.text for s in article.sentences] == [
        "The storm closed the harbour on Tuesday.",
        "Officials said boats were damaged.",
    ]


def test_a_file_over_the_character_limit_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Boats sank. " * (MAX_ARTICLE_CHARS // 12 + 1), encoding="utf-8")
    (tmp_path / "small.txt").write_text(SHORT, encoding="utf-8")
    code = main(["compare", str(big), str(tmp_path / "small.txt"), "--no-analysis"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("reader: too long to compare (") and "the limit is 2.0 M characters" in err
    assert err.rstrip().endswith("big.txt")


def test_a_text_over_the_character_limit_is_refused() -> None:
    with pytest.raises(InputError, match=r"too long to compare .*article A \(text\)"):
        load_inputs(["x " * (MAX_ARTICLE_CHARS // 2 + 1), SHORT])


def test_an_article_at_the_character_limit_is_read() -> None:
    text = ("Boats sank near the coast. " * (MAX_ARTICLE_CHARS // 27 + 1))[:MAX_ARTICLE_CHARS]
    assert len(text) == MAX_ARTICLE_CHARS
    loaded = load_inputs([text, SHORT])
    assert len(loaded.articles[0].sentences) == MAX_ARTICLE_CHARS // 27 + 1


def test_too_many_sentences_is_refused_with_the_count_and_the_limit() -> None:
    check_article_sentences(MAX_ARTICLE_SENTENCES, "a.txt")
    with pytest.raises(InputError) as raised:
        check_article_sentences(MAX_ARTICLE_SENTENCES + 1, "a.txt")
    assert str(raised.value) == "too many sentences to compare (100,001; the limit is 100,000 per article): a.txt"

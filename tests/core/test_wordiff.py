"""Shared verbatim runs and differing words, with spans on the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.normalise import normalise
from reader.core.align.wordiff import PlacedToken, placed_tokens, word_diff
from tests.factories import article_of


def tokens_of(sentences: list[str], indices: tuple[int, ...]) -> tuple[list[PlacedToken], str]:
    article = article_of(sentences)
    normalised = [normalise(s.text) for s in article.sentences]
    return placed_tokens(article, indices, normalised), article.text


def test_runs_of_four_or_more_words_are_shared_runs() -> None:
    a, a_text = tokens_of(["The White House referred questions to Trump’s public statements."], (0,))
    b, b_text = tokens_of(["Aides said the White House referred questions to reporters."], (0,))
    runs, a_only, b_only = word_diff(a, b, a_text, b_text)
    assert [(run.a.text, run.b.text, run.words) for run in runs] == [
        ("The White House referred questions to", "the White House referred questions to", 6)
    ]
    assert [span.text for span in a_only] == ["Trump’s public statements"]
    assert [span.text for span in b_only] == ["Aides said", "reporters"]


def test_three_shared_words_are_not_a_run() -> None:
    a, a_text = tokens_of(["Rain hit the town."], (0,))
    b, b_text = tokens_of(["Snow hit the town."], (0,))
    runs, a_only, b_only = word_diff(a, b, a_text, b_text)
    assert runs == ()
    assert [s.text for s in a_only] == ["Rain"] and [s.text for s in b_only] == ["Snow"]


def test_curly_quotes_and_spelling_do_not_break_a_run() -> None:
    a, a_text = tokens_of(["It’s the programme of the year."], (0,))
    b, b_text = tokens_of(["It's the program of the year."], (0,))
    runs, a_only, b_only = word_diff(a, b, a_text, b_text)
    assert [run.words for run in runs] == [6]
    assert a_only == b_only == ()


def test_runs_split_at_sentence_boundaries_and_spans_index_the_article() -> None:
    a, a_text = tokens_of(["one two three four", "five six seven eight"], (0, 1))
    b, b_text = tokens_of(["one two three four five six seven eight"], (0,))
    runs, _, _ = word_diff(a, b, a_text, b_text)
    assert [run.a.text for run in runs] == ["one two three four", "five six seven eight"]
    for run in runs:
        assert a_text[run.a.start : run.a.end] == run.a.text
        assert b_text[run.b.start : run.b.end] == run.b.text


words = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "the", "of"]), min_size=1, max_size=14)


@given(words, words)
def test_diff_mirrors_when_sides_swap(left: list[str], right: list[str]) -> None:
    a, a_text = tokens_of([" ".join(left)], (0,))
    b, b_text = tokens_of([" ".join(right)], (0,))
    runs, a_only, b_only = word_diff(a, b, a_text, b_text)
    back_runs, back_a_only, back_b_only = word_diff(b, a, b_text, a_text)
    assert [(r.b, r.a) for r in back_runs] == [(r.a, r.b) for r in runs]
    assert back_a_only == b_only and back_b_only == a_only

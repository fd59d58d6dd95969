"""The scorer: symmetric, context-weighted, and classing pairs the way a reader would."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.normalise import normalise
from reader.core.align.paraphrase import match_sentences
from reader.core.align.scoring import (
    BRACKETED_THRESHOLD,
    MATCH_THRESHOLD,
    Rarity,
    SentenceMatch,
    merge,
    score_pair,
)
from reader.core.records import SentenceClass

WORDS = ["rain", "storm", "city", "council", "vote", "budget", "river", "flood", "mayor", "school", "the", "of"]


def test_identical_sentences_are_verbatim() -> None:
    result = match_sentences(
        "The council approved the budget on Tuesday.", "The council approved the budget on Tuesday."
    )
    assert result == SentenceMatch(score=1.0, matched=True, kind=SentenceClass.VERBATIM)


def test_unrelated_sentences_do_not_match() -> None:
    result = match_sentences("The council approved the budget on Tuesday.", "Heavy rain flooded the river valley.")
    assert not result.matched
    assert result.kind is SentenceClass.UNIQUE


def test_a_reworded_sentence_is_a_paraphrase() -> None:
    result = match_sentences(
        "The mayor's office declined to comment, while the council referred questions to the budget report.",
        "The mayor's office declined to comment on the plan, while the council referred inquiries to the report.",
    )
    assert result.kind is SentenceClass.PARAPHRASE


def test_a_sentence_inside_a_longer_one_is_partial() -> None:
    result = match_sentences(
        "The council approved the school budget.",
        "The council approved the school budget after a long debate, but the mayor warned that the flood "
        "defences along the river would need another vote in the spring.",
    )
    assert result.kind is SentenceClass.PARTIAL


def test_verbatim_tolerates_curly_quotes_and_spelling() -> None:
    result = match_sentences(
        "The minister’s programme was “a success”, officials said.",
        'The minister\'s program was "a success", officials said.',
    )
    assert result.kind is SentenceClass.VERBATIM


def test_sentence_match_is_frozen() -> None:
    result = match_sentences("a b c", "a b c")
    with pytest.raises(FrozenInstanceError):
        result.score = 0.0  # type: ignore[misc]


def test_common_words_in_context_weigh_less() -> None:
    context = [f"Iran officials spoke on day {n}." for n in range(20)] + ["Iran mentioned Pezeshkian once."]
    rarity = Rarity(normalise(text) for text in context)
    assert rarity.weight("iran") < rarity.weight("offici") < rarity.weight("pezeshkian")


def test_sharing_only_common_topic_words_does_not_match_in_context() -> None:
    context = [f"Iran and Trump officials discussed item number {n} today." for n in range(30)]
    first = "Israeli officials said Iran rejected the new Trump proposal for sanctions relief."
    second = "Israeli officials believe Iran tested missiles near the border while Trump golfed."
    assert not match_sentences(first, second, context=context).matched


def test_no_context_means_uniform_weights() -> None:
    rarity = Rarity([normalise("alpha beta"), normalise("beta gamma")])
    assert rarity.weight("alpha") == rarity.weight("beta") == 1.0


def test_bracketed_pairs_clear_a_lower_bar() -> None:
    assert BRACKETED_THRESHOLD < MATCH_THRESHOLD
    first = "According to officials, Netanyahu voiced skepticism but did not obstruct plans to move forward."
    second = "A senior official said Netanyahu expressed scepticism regarding the truce but allowed progress."
    alone = match_sentences(first, second)
    bracketed = match_sentences(first, second, bracketed=True)
    assert bracketed.score == alone.score
    assert bracketed.matched or alone.score < BRACKETED_THRESHOLD


def test_keyless_lines_match_only_when_identical() -> None:
    assert match_sentences("Yes.", "Yes.").kind is SentenceClass.VERBATIM
    assert not match_sentences("Yes.", "No.").matched
    assert not match_sentences("", "").matched or match_sentences("", "").score == 0.0


def test_merge_concatenates_keys_in_order() -> None:
    merged = merge([normalise("Rain fell."), normalise("Storm came.")])
    assert merged.keys == ("rain", "decreas", "storm", "come")  # "fell" → fall, a synonym of decrease


sentences = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


@given(sentences, sentences, st.lists(sentences, max_size=5))
def test_scores_are_symmetric_and_bounded(a: str, b: str, context: list[str]) -> None:
    rarity = Rarity(normalise(text) for text in [*context, a, b])
    forward = score_pair(normalise(a), normalise(b), rarity)
    backward = score_pair(normalise(b), normalise(a), rarity)
    assert forward == backward
    assert 0.0 <= forward.score <= 1.0
    assert match_sentences(a, b, context=context) == match_sentences(b, a, context=context)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran has agreed to the deal on Friday.", "Iran has not agreed to the deal on Friday."),
        ("The senator said he would vote for the bill.", "The senator said he wouldn’t vote for the bill."),
        ("She can attend the summit in Geneva.", "She can't attend the summit in Geneva."),
        ("He will sign the treaty.", "He won't sign the treaty."),
    ],
)
def test_a_near_copy_said_the_other_way_round_is_partial_not_verbatim(a: str, b: str) -> None:
    """The same words but one side negated say the opposite: what the two share is the wording, not the point."""
    for first, second in ((a, b), (b, a)):
        assert match_sentences(first, second).kind is SentenceClass.PARTIAL
        assert match_sentences(first, second, aligned=True).kind is SentenceClass.PARTIAL
    assert score_pair(normalise(a), normalise(b), Rarity([])).negated_copy


def test_negation_on_both_sides_or_in_other_words_keeps_its_class() -> None:
    both = ("The council did not approve the budget.", "The council did not approve the budget.")
    assert match_sentences(*both).kind is SentenceClass.VERBATIM
    reworded = ("The minister refused to comment on the budget.", "The minister did not comment on the budget.")
    assert not score_pair(normalise(reworded[0]), normalise(reworded[1]), Rarity([])).negated_copy

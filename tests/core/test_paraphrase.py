"""The paraphrase decision of `match_sentences` on pairs written here: reworded, one side adding a clause."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.normalise import normalise
from reader.core.align.paraphrase import match_sentences, paraphrase_features
from reader.core.align.scoring import Rarity, score_pair
from reader.core.records import SentenceClass

WORDS = st.lists(
    st.sampled_from(
        ["the", "mayor", "vetoed", "budget", "on", "Tuesday", "council", "4,000", "homes", "flood", "said"]
    ),
    min_size=1,
)


def test_a_reworded_sentence_is_a_paraphrase() -> None:
    result = match_sentences(
        "The mayor vetoed the flood budget on Tuesday.", "On Tuesday the mayor vetoed the budget for flood defences."
    )
    assert result.kind is SentenceClass.PARAPHRASE


def test_a_sentence_with_a_whole_clause_added_is_partial() -> None:
    result = match_sentences(
        "The mayor vetoed the flood budget on Tuesday.",
        "The mayor vetoed the flood budget on Tuesday, and the council then voted to sue the regional water agency"
        " over the delays to the river barrier that residents have demanded since 2021.",
    )
    assert result.kind is SentenceClass.PARTIAL


@given(WORDS, WORDS)
def test_the_signals_are_symmetric(left: list[str], right: list[str]) -> None:
    a, b = normalise(" ".join(left)), normalise(" ".join(right))
    rarity = Rarity([a, b])
    assert paraphrase_features(a, b, score_pair(a, b, rarity), rarity) == paraphrase_features(
        b, a, score_pair(b, a, rarity), rarity
    )

"""The paraphrase decision of `match_sentences` on pairs written here: reworded, one side adding a clause."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.normalise import normalise
from reader.core.align.paraphrase import detail_signals, match_sentences, paraphrase_features, soft_coverage
from reader.core.align.scoring import Rarity, score_pair
from reader.core.records import SentenceClass

WORDS = st.lists(
    st.sampled_from(
        [
            "the",
            "mayor",
            "vetoed",
            "budget",
            "on",
            "Tuesday",
            "council",
            "4,000",
            "homes",
            "flood",
            "said",
            "not",
            "Paris",
        ]
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


def _details(a: str, b: str) -> tuple[float, ...]:
    left, right = normalise(a), normalise(b)
    return detail_signals(left, right, Rarity([left, right]))


def test_a_number_told_on_one_side_only_is_a_differing_detail() -> None:
    assert _details("Sales rose 5 percent in May.", "Sales rose 7 percent in May.")[0] == 1 / 3
    assert _details("Sales rose 5 percent in May.", "Sales rose 5 percent in May, to 40 stores.")[0] == 1 / 3
    assert _details("Sales rose 5 percent in May.", "In May sales rose by 5 percent.")[0] == 0.0


def test_a_name_told_on_one_side_only_is_a_differing_detail() -> None:
    assert _details("Police arrested him in Boston.", "Police arrested him in Chicago.")[1] == 1 / 3
    assert _details("Police arrested him in Boston.", "He was arrested by police in Boston.")[1] == 0.0


def test_one_side_negated_is_a_differing_detail() -> None:
    assert _details("The mayor signed the bill.", "The mayor did not sign the bill.")[2] == 1.0
    assert _details("The mayor didn't sign the bill.", "The mayor signed the bill.")[2] == 1.0
    assert _details("The mayor never signed it.", "The mayor did not sign the bill.")[2] == 0.0


def _soft(a: str, b: str) -> tuple[float, float]:
    left, right = normalise(a), normalise(b)
    return soft_coverage(left, right, Rarity([left, right]))


def test_soft_coverage_counts_a_near_synonym_above_an_unrelated_word() -> None:
    synonym, unrelated = (
        _soft("Voters were upset.", "Voters were angry."),
        _soft("Voters were upset.", "Voters were purple."),
    )
    assert synonym[0] > unrelated[0]
    assert synonym[1] > unrelated[1]
    assert _soft("Voters were upset.", "The voters were upset.") == (1.0, 1.0)
    assert _soft("It is what it is.", "Voters were upset.") == (0.0, 0.0)


def test_a_changed_number_lowers_the_paraphrase_logit() -> None:
    """The fitted model reads the detail signals as evidence against "the same thing"."""
    from reader.core.align.paraphrase import paraphrase_logit

    def logit(a: str, b: str) -> float:
        left, right = normalise(a), normalise(b)
        rarity = Rarity([left, right])
        return paraphrase_logit(paraphrase_features(left, right, score_pair(left, right, rarity), rarity))

    same = logit("Shares of the firm rose 5 percent on Monday.", "Shares of the firm rose 5 percent on Monday.")
    changed = logit("Shares of the firm rose 5 percent on Monday.", "Shares of the firm rose 9 percent on Monday.")
    assert changed < same

"""Anchors (shared phrases and quotes) and additions (content with nothing opposite), on sentences written here."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align import match_sentences
from reader.core.align.normalise import normalise
from reader.core.align.phrases import added_shares, anchored_keys
from reader.core.records import SentenceClass


def uniform(_: str) -> float:
    return 1.0


def test_a_copied_phrase_is_an_anchor_and_scattered_words_are_not() -> None:
    first = normalise("Critics said claims by the mayor that the river barrier was finished were premature.")
    second = normalise("Engineers disputed claims by the mayor that the barrier would open in spring.")
    assert {"claim", "mayor"} <= anchored_keys(first, second)
    scattered = normalise("The mayor rejected the claims and praised the engineers who built the barrier.")
    assert anchored_keys(first, scattered) == frozenset()


def test_a_shared_quoted_word_is_an_anchor() -> None:
    first = normalise("The minister called the report “reckless” on Tuesday.")
    second = normalise('Opposition leaders said the budget was "reckless" and unfunded.')
    assert anchored_keys(first, second) == frozenset({"reckless"})


def test_a_reworded_clause_is_no_addition_but_an_extra_clause_is() -> None:
    short = normalise("The mayor voiced doubts but did not block the plan.")
    reworded = normalise("The mayor expressed scepticism yet ultimately allowed the project to proceed.")
    assert max(added_shares(short, reworded, uniform)) < 0.2
    longer = normalise(
        "The mayor voiced doubts but did not block the plan, and the council approved a new flood levy on shops."
    )
    a_added, b_added = added_shares(short, longer, uniform)
    assert a_added == 0.0 and b_added >= 0.3


def test_aligned_class_follows_how_much_lines_up() -> None:
    """The aligned class reads the order-aware key ratio (scoring.PARTIAL_RATIO), not the additions share."""
    first = "The mayor warned of a harsh response if the agency or the council cut any future funding."
    second = "The mayor warned that the city would respond harshly to any cuts in its funding by officials."
    assert match_sentences(first, second, aligned=True).kind is SentenceClass.PARAPHRASE
    extra = "The mayor warned of a harsh response, and the council voted to sell the old harbour warehouses."
    other = (
        "After officials cut the flood budget by a third and closed two schools in the lower town, the mayor"
        " warned of a harsh response."
    )
    assert match_sentences(extra, other, aligned=True).kind is SentenceClass.PARTIAL


words = st.lists(st.sampled_from(["rain", "storm", "city", "vote", "the", "of", "budget", "river"]), max_size=10)


@given(words, words)
def test_measures_are_symmetric(a: list[str], b: list[str]) -> None:
    first, second = normalise(" ".join(a)), normalise(" ".join(b))
    assert anchored_keys(first, second) == anchored_keys(second, first)
    forward, backward = added_shares(first, second, uniform), added_shares(second, first, uniform)
    assert forward == backward[::-1]
    assert all(0.0 <= share <= 1.0 for share in forward)

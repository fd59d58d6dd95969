"""Candidates come from shared rare keys, both directions, never from boilerplate."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.candidates import KeyIndex, candidate_pairs
from reader.core.align.normalise import NormalisedSentence, normalise
from reader.core.align.scoring import Rarity


def side(*texts: str | None) -> list[NormalisedSentence | None]:
    return [None if text is None else normalise(text) for text in texts]


def rarity_of(*sides: list[NormalisedSentence | None]) -> Rarity:
    return Rarity(s for part in sides for s in part if s is not None)


def test_true_partners_are_candidates_and_unrelated_ones_are_not() -> None:
    a = side("The mayor vetoed the budget.", "Floods hit the river town.")
    b = side("Rivers flooded a town overnight.", "The budget was vetoed by the mayor.")
    pairs = candidate_pairs(a, b, rarity_of(a, b))
    assert (0, 1) in pairs and (1, 0) in pairs
    assert (0, 0) not in pairs and (1, 1) not in pairs


def test_boilerplate_never_appears() -> None:
    a = side(None, "The mayor vetoed the budget.")
    b = side("The mayor vetoed the budget.", None)
    pairs = candidate_pairs(a, b, rarity_of(a, b))
    assert pairs == [(1, 0)]


def test_keys_in_too_many_sentences_propose_nothing() -> None:
    a = side(*(f"Common word here {n}" for n in range(5)))
    b = side(*(f"Common word there {n + 10}" for n in range(5)))
    assert candidate_pairs(a, b, rarity_of(a, b), posting_cap=3) == []
    assert len(candidate_pairs(a, b, rarity_of(a, b), posting_cap=10, per_sentence=5)) == 25


def test_candidate_set_mirrors_when_sides_swap() -> None:
    a = side("Alpha beta gamma.", "Delta beta.", "Gamma delta epsilon.", "Zeta.")
    b = side("Beta gamma.", "Epsilon zeta alpha.", "Delta.")
    rarity = rarity_of(a, b)
    forward = candidate_pairs(a, b, rarity, per_sentence=1)
    backward = candidate_pairs(b, a, rarity, per_sentence=1)
    assert forward == sorted((i, j) for j, i in backward)


def test_per_sentence_limit_bounds_the_work() -> None:
    a = side("Storm rain wind.")
    b = side(*(f"Storm rain wind item{n}." for n in range(20)))
    assert len(candidate_pairs(a, b, rarity_of(a, b), per_sentence=3)) <= 3 + 20


def test_index_postings_are_ascending() -> None:
    index = KeyIndex(side("rain", None, "rain storm", "storm"))
    assert list(index.postings("rain")) == [0, 2]
    assert list(index.postings("storm")) == [2, 3]
    assert list(index.postings("absent")) == []


def test_posting_budget_reads_the_rarest_keys_first_and_skips_the_common_ones() -> None:
    fillers = [
        "cat",
        "dog",
        "owl",
        "yak",
        "elk",
        "emu",
        "gnu",
        "ant",
        "bee",
        "cod",
        "eel",
        "fox",
        "hen",
        "jay",
        "koi",
        "ram",
        "rat",
        "asp",
        "bat",
        "boa",
    ]
    others = [
        "red",
        "tan",
        "fig",
        "oak",
        "ash",
        "elm",
        "ivy",
        "kelp",
        "moss",
        "fern",
        "sage",
        "rye",
        "oat",
        "pea",
        "bean",
        "leek",
        "kale",
        "yam",
        "corn",
        "rice",
    ]
    a = side("Zebra alpha beta.", *(f"Alpha beta {word}." for word in fillers))
    b = side("Zebra alpha beta.", *(f"Alpha beta {word}." for word in others))
    rarity = rarity_of(a, b)
    unbounded = candidate_pairs(a, b, rarity, posting_budget=10_000)
    assert (0, 0) in unbounded and len(unbounded) > 20
    # 21 sentences carry "alpha" and "beta": over a budget of 5 postings only the rare "zebra" is read.
    assert candidate_pairs(a, b, rarity, posting_budget=5) == [(0, 0)]


def test_the_budget_never_trims_a_short_article() -> None:
    a = side("The mayor vetoed the city budget on Monday.", "Floods hit the river town.", "Council met.")
    b = side("Rivers flooded a town overnight.", "The budget was vetoed by the mayor.", "The council met.")
    rarity = rarity_of(a, b)
    assert candidate_pairs(a, b, rarity) == candidate_pairs(a, b, rarity, posting_budget=10_000)


words_of = st.lists(
    st.sampled_from(["storm", "rain", "wind", "flood", "river", "town", "mayor", "budget", "vote", "court"]), max_size=6
)


@given(
    st.lists(words_of, min_size=1, max_size=12),
    st.lists(words_of, min_size=1, max_size=12),
    st.integers(min_value=1, max_value=30),
)
@settings(max_examples=60, deadline=None)
def test_budgeted_candidates_mirror_when_the_sides_swap(
    left: list[list[str]], right: list[list[str]], budget: int
) -> None:
    a = side(*(" ".join(words) + "." for words in left))
    b = side(*(" ".join(words) + "." for words in right))
    rarity = rarity_of(a, b)
    forward = candidate_pairs(a, b, rarity, per_sentence=2, posting_budget=budget)
    backward = candidate_pairs(b, a, rarity, per_sentence=2, posting_budget=budget)
    assert forward == sorted((i, j) for j, i in backward)

"""Candidates come from shared rare keys, both directions, never from boilerplate."""

from __future__ import annotations

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

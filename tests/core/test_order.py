"""Order: the heaviest increasing chain, and which matches are off it (moved)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.order import in_order


def singles(pairs: list[tuple[int, int]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((i,), (j,)) for i, j in pairs]


def test_in_order_matches_are_not_moved() -> None:
    assert in_order(singles([(0, 0), (1, 1), (2, 2)])) == [True, True, True]


def test_a_passage_moved_to_the_end_is_the_one_marked() -> None:
    assert in_order(singles([(0, 4), (1, 0), (2, 1), (3, 2), (4, 3)])) == [False, True, True, True, True]


def test_a_plain_swap_marks_both_since_either_could_have_moved() -> None:
    assert in_order(singles([(0, 1), (1, 0)])) == [False, False]


def test_groups_count_by_sentences() -> None:
    groups = [((0,), (0, 1)), ((1,), (3,)), ((2, 3), (2,))]
    # (0 → 0,1) then (2,3 → 2) covers 6 sentences, (0 → 0,1) then (1 → 3) only 5: the latter moved.
    assert in_order(groups) == [True, False, True]


def test_empty() -> None:
    assert in_order([]) == []


def test_links_sharing_a_sentence_never_chain_and_the_lighter_partner_is_moved() -> None:
    links = singles([(0, 0), (0, 1), (1, 2)])
    assert in_order(links, [5, 3, 5]) == [True, False, True]


def test_two_equally_heavy_partners_of_one_sentence_are_both_off_the_rows() -> None:
    """Either could be the one in order, so neither is: the same answer whichever article is called A."""
    links = singles([(0, 0), (0, 1), (1, 2)])
    assert in_order(links, [5, 5, 5]) == [False, False, True]


def test_a_group_overlapping_its_parts_is_kept_when_heavier() -> None:
    groups = [((0,), (0,)), ((0, 1), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert in_order(groups, [1, 5, 1, 1]) == [False, True, False, True]
    assert in_order(groups, [1, 1, 1, 1]) == [True, False, True, True]


@given(st.permutations(list(range(12))))
def test_kept_matches_form_an_increasing_chain(permutation: list[int]) -> None:
    groups = singles(list(enumerate(permutation)))
    kept = [g for g, keep in zip(groups, in_order(groups), strict=True) if keep]
    b_values = [g[1][0] for g in kept]
    assert b_values == sorted(b_values)
    mirrored = singles([(j, i) for i, j in enumerate(permutation)])
    mirrored_kept = {(g[1], g[0]) for g, keep in zip(mirrored, in_order(mirrored), strict=True) if keep}
    assert mirrored_kept == set(kept)

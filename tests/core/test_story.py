"""The story across N articles (points from the links of every pair), headlines and ledes, and the pair counts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.counts import pair_counts
from reader.core.headlines import openings
from reader.core.pipeline import coverage_of
from reader.core.records import (
    BlockKind,
    Comparison,
    DetailDiff,
    DetailKind,
    DetailStatus,
    Match,
    PairAlignment,
    SentenceClass,
    TextSpan,
)
from reader.core.story import MAX_RUN, StoryFilter, in_reading_order, keep, story, story_counts, story_points
from tests.factories import article_of
from tests.tui.fixtures import aligned_comparison, fixture_articles

P, U = SentenceClass.PARAPHRASE, SentenceClass.UNIQUE


def _comparison(sizes: list[int], links: list[tuple[int, int, int, int]]) -> Comparison:
    """Articles of `sizes` sentences; each link (i, s, j, t) joins sentence s of article i with t of article j."""
    articles = tuple(
        article_of([f"sentence {n} of {i}" for n in range(size)], "ABCDE"[i]) for i, size in enumerate(sizes)
    )
    pairs = []
    for i in range(len(sizes)):
        for j in range(i + 1, len(sizes)):
            matches = sorted(
                {((s,), (t,)) for a, s, b, t in links if (a, b) == (i, j)}
                | {((t,), (s,)) for a, s, b, t in links if (a, b) == (j, i)}
            )
            linked_a = {a[0] for a, _ in matches}
            linked_b = {b[0] for _, b in matches}
            pairs.append(
                PairAlignment(
                    i,
                    j,
                    tuple(Match(a, b, 0.8, P, False) for a, b in matches),
                    tuple(P if s in linked_a else U for s in range(sizes[i])),
                    tuple(P if s in linked_b else U for s in range(sizes[j])),
                )
            )
    return Comparison(articles, tuple(pairs), coverage_of(articles, pairs))


def test_links_across_pairs_make_one_point_told_by_three() -> None:
    comparison = _comparison([3, 3, 2], [(0, 1, 1, 0), (1, 0, 2, 1)])
    points = story_points(comparison)
    joined = [p for p in points if p.carried == 3]
    assert [p.passages for p in joined] == [((1,), (0,), (1,))]  # A1–B0 and B0–C1: one point, told by all
    assert sum(1 for p in points if p.carried == 1) == 5  # every other sentence is a point of its own
    counts = story_counts(comparison)
    assert (counts.points, counts.carried_by_all, counts.only_in_one, counts.only_in) == (6, 1, 5, (2, 2, 1))


def test_a_chain_of_links_to_a_distant_sentence_makes_two_points_not_one_clump() -> None:
    # A0–B0 and B0–A5: A0 and A5 are far apart in A, so they are two points; A5 shares B0's passage
    comparison = _comparison([6, 2], [(0, 0, 1, 0), (0, 5, 1, 0)])
    shared = sorted(p.passages for p in story_points(comparison) if p.carried == 2)
    assert shared == [((0,), (0,)), ((5,), (0,))]


def test_a_lede_told_in_two_adjacent_sentences_is_one_point() -> None:
    comparison = _comparison([3, 4], [(0, 0, 1, 0), (0, 0, 1, 1)])
    assert [p.passages for p in story_points(comparison) if p.carried == 2] == [((0,), (0, 1))]


def test_a_point_holds_at_most_max_run_sentences_of_one_article() -> None:
    links = [(0, 0, 1, t) for t in range(MAX_RUN + 1)]  # A0 linked to four adjacent sentences of B
    points = story_points(_comparison([2, MAX_RUN + 2], links))
    assert max(len(p.passages[1]) for p in points) == MAX_RUN


def test_a_point_one_article_does_not_tell_follows_the_point_before_it() -> None:
    # C tells its sentence 1 right after the point it shares with A (A2 = C0): it stands after A2, not at the top.
    comparison = _comparison([4, 2, 2], [(0, 2, 2, 0)])
    ordered = in_reading_order(story_points(comparison), 0)
    position = {p.passages: n for n, p in enumerate(ordered)}
    assert position[((), (), (1,))] == position[((2,), (), (0,))] + 1
    assert [p.passages[0] for p in ordered if p.passages[0]] == [(0,), (1,), (2,), (3,)]


def test_filters_pick_carried_by_all_only_in_one_and_conflicting() -> None:
    left = article_of(["Talks start Monday.", "Rain fell."], "A")
    right = article_of(["Talks start Tuesday.", "Snow fell."], "B")
    conflict = DetailDiff(
        DetailKind.DATE, DetailStatus.CONFLICT, TextSpan(12, 18, "Monday"), TextSpan(12, 19, "Tuesday")
    )
    pair = PairAlignment(0, 1, (Match((0,), (0,), 0.7, P, False, details=(conflict,)),), (P, U), (P, U))
    comparison = Comparison((left, right), (pair,), coverage_of((left, right), (pair,)))
    assert [p.passages for p in story(comparison, 0, StoryFilter.CONFLICTING)] == [((0,), (0,))]
    assert [p.passages for p in story(comparison, 0, StoryFilter.CARRIED_BY_ALL)] == [((0,), (0,))]
    # in B's order, A's "Rain fell." follows the point A tells before it (the talks), so before B's "Snow fell."
    assert [p.passages for p in story(comparison, 1, StoryFilter.ONLY_IN_ONE)] == [((1,), ()), ((), (1,))]
    assert len(story(comparison, 0, StoryFilter.EVERY)) == 3


def test_boilerplate_and_bylines_are_no_point() -> None:
    articles = fixture_articles()
    points = story_points(aligned_comparison(articles))
    told = {(i, s) for p in points for i, passage in enumerate(p.passages) for s in passage}
    assert (0, 1) not in told  # "By Ana Ruiz"
    assert (0, 8) not in told and (0, 9) not in told  # newsletter, share
    assert (1, 7) not in told  # "Reporting by Sam Lee"


links = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 5), st.integers(0, 2), st.integers(0, 5)).filter(
        lambda link: link[0] != link[2]
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(1, 6), min_size=2, max_size=3), chosen=links, reading=st.integers(0, 2))
def test_every_sentence_is_in_a_point_of_short_runs_and_the_order_follows_the_chosen_article(
    sizes: list[int], chosen: list[tuple[int, int, int, int]], reading: int
) -> None:
    valid = [
        (a, s, b, t) for a, s, b, t in chosen if a < len(sizes) and b < len(sizes) and s < sizes[a] and t < sizes[b]
    ]
    comparison = _comparison(sizes, valid)
    points = story_points(comparison)
    told = {(i, s) for p in points for i, passage in enumerate(p.passages) for s in passage}
    assert sorted(told) == [(i, s) for i, size in enumerate(sizes) for s in range(size)]  # each at least once
    linked = {(a, s) for a, s, _, _ in valid} | {(b, t) for _, _, b, t in valid}
    for point in points:
        for passage in point.passages:  # one short run of adjacent sentences per article
            assert not passage or (passage[-1] - passage[0] + 1 == len(passage) <= MAX_RUN)
        if point.carried == 1:  # told by one outlet only: none of its sentences has a counterpart
            assert not any((i, s) in linked for i, passage in enumerate(point.passages) for s in passage)
    reading = reading % len(sizes)
    firsts = [p.first(reading) for p in in_reading_order(points, reading) if p.first(reading) is not None]
    assert firsts == sorted(firsts)
    assert (
        sum(1 for p in points if keep(p, StoryFilter.ONLY_IN_ONE, len(sizes))) == story_counts(comparison).only_in_one
    )


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=2), chosen=links)
def test_points_do_not_depend_on_which_article_is_called_a(
    sizes: list[int], chosen: list[tuple[int, int, int, int]]
) -> None:
    valid = [(a, s, b, t) for a, s, b, t in chosen if a < 2 and b < 2 and s < sizes[a] and t < sizes[b]]
    forward = story_points(_comparison(sizes, valid))
    swapped = story_points(_comparison(sizes[::-1], [(1 - a, s, 1 - b, t) for a, s, b, t in valid]))
    assert sorted(p.passages for p in forward) == sorted(p.passages[::-1] for p in swapped)


def test_headline_words_only_one_headline_uses_are_marked_by_their_stems() -> None:
    kinds = [BlockKind.HEADLINE, BlockKind.PARAGRAPH]
    first = article_of(["Netanyahu Discusses Second Strike on Iran", "Lede one."], "A", kinds=kinds)
    second = article_of(["Trump, Netanyahu discuss possible strikes on Iran", "Lede two."], "B", kinds=kinds)
    found = openings((first, second))
    assert [span.text for span in found[0].only_here] == ["Second"]
    assert [span.text for span in found[1].only_here] == ["Trump", "possible"]
    assert found[0].lede is not None and found[0].lede.text == "Lede one."
    for opening, article in zip(found, (first, second), strict=True):
        assert all(article.text[s.start : s.end] == s.text for s in opening.only_here)


def test_pair_counts_count_sentences_as_the_cli_does() -> None:
    comparison = aligned_comparison(fixture_articles())
    counts = pair_counts(comparison.alignments[0])
    assert counts.matched == 6
    assert counts.unique == (2, 2)  # A: sentences 1 (byline) and 6; B: 4 and 7 (sentences, not paragraphs)
    assert counts.conflicts == 2
    assert counts.moved == 1
    assert counts.sentences == (8, 8)


def test_a_conflict_between_unlinked_sentences_marks_both_points() -> None:
    from dataclasses import replace

    from reader.core.records import Conflict

    comparison = _comparison([2, 2], [(0, 0, 1, 0)])
    conflict = Conflict(0, 1, 1, 1, DetailKind.NUMBER, "troops", TextSpan(0, 1, "s"), TextSpan(0, 1, "s"), linked=False)
    points = story_points(replace(comparison, conflicts=(conflict,)))
    assert sorted(p.passages for p in points if p.conflicting) == [((), (1,)), ((1,), ())]

"""The pair's figures: the conflict count is the Conflicts tab's list when the comparison's list is given."""

from __future__ import annotations

from reader.core.counts import all_conflicts, pair_counts
from reader.core.records import Conflict, DetailKind, TextSpan
from tests.tui.fixtures import aligned_comparison, fixture_articles


def _conflict(a_article: int, b_article: int) -> Conflict:
    return Conflict(
        a_article=a_article,
        b_article=b_article,
        a_sentence=0,
        b_sentence=0,
        kind=DetailKind.NUMBER,
        slot="troops",
        a=TextSpan(0, 5, "2,000"),
        b=TextSpan(0, 5, "3,000"),
        linked=False,
    )


def test_conflicts_between_unlinked_sentences_count_for_their_pair_only() -> None:
    pair = aligned_comparison(fixture_articles()).alignments[0]
    assert pair_counts(pair, [_conflict(0, 1), _conflict(0, 2)]).conflicts == 1
    assert pair_counts(pair, [_conflict(1, 0)]).conflicts == 1  # whichever side is named first
    assert pair_counts(pair, []).conflicts == 0


def test_the_status_count_is_the_conflicts_tab_count_for_a_comparison_without_a_conflict_list() -> None:
    """A comparison built by hand or saved by an older version carries its conflicts only inside its matches."""
    comparison = aligned_comparison(fixture_articles())
    pair = comparison.alignments[0]
    assert comparison.conflicts == ()
    assert pair_counts(pair, all_conflicts(comparison)).conflicts == 2  # the fixture's vote count and month

"""The Conflicts tab's rows and the Claims tab's drift status, as plain data (no app)."""

from __future__ import annotations

from dataclasses import replace

from reader.core.counts import all_conflicts
from reader.core.records import AttributionDrift, Conflict, DetailKind, DriftKind
from reader.viewmodel.conflicts import conflict_rows, step_conflict
from reader.viewmodel.sidebar_rows import ClaimStatus, claim_rows
from reader.viewmodel.sidebar_text import claim_entry
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles, span


def test_rows_follow_the_panes_orientation_and_the_left_reading_order() -> None:
    comparison = aligned_comparison(fixture_articles())
    forward = conflict_rows(comparison, 0, 1)
    backward = conflict_rows(comparison, 1, 0)
    assert [(r.sentences, r.values[0].text, r.values[1].text) for r in forward] == [
        ((2, 2), "7-2", "6-3"),
        ((3, 3), "March", "April"),
    ]
    assert [(r.sentences, r.values[0].text, r.labels) for r in backward] == [
        ((2, 2), "6-3", ("B", "A")),
        ((3, 3), "April", ("B", "A")),
    ]


def test_a_listed_conflict_is_not_repeated_from_the_match_details() -> None:
    comparison = aligned_comparison(fixture_articles())
    a, b = comparison.articles
    listed = Conflict(0, 1, 2, 2, DetailKind.TALLY, "vote count", span(a, "7-2"), span(b, "6-3"))
    with_list = replace(comparison, conflicts=(listed,))
    assert [c.slot for c in all_conflicts(with_list)] == ["vote count", "date"]


def test_stepping_goes_by_the_active_sides_sentences() -> None:
    rows = conflict_rows(aligned_comparison(fixture_articles()), 0, 1)
    assert step_conflict(rows, 0, None, True) == 0
    assert step_conflict(rows, 0, 2, True) == 1
    assert step_conflict(rows, 0, 3, True) is None
    assert step_conflict(rows, 1, 3, False) == 0
    assert step_conflict(rows, 0, 2, False) is None


def test_a_claim_stated_as_fact_by_the_other_article_says_so() -> None:
    comparison = analysed_comparison(aligned_comparison(fixture_articles()))
    one_sided = next(row for row in claim_rows(comparison, 0, 1) if row.status is ClaimStatus.LEFT_ONLY)
    assert one_sided.left is not None
    claim = one_sided.left
    drift = AttributionDrift(0, 1, (claim.sentence,), (claim.sentence,), DriftKind.FACT_VS_ATTRIBUTED,
                             claim.cue, None, "B states it as fact")  # fmt: skip
    rows = claim_rows(replace(comparison, drifts=(drift,)), 0, 1)
    row = next(r for r in rows if r.key == one_sided.key)
    assert row.status is ClaimStatus.FACT_ELSEWHERE
    assert claim_entry(row, ("A", "B"), 40).status.strip() == "fact in B"

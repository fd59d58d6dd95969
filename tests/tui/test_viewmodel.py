"""The pure view model: bands, wrapping, marks, navigation, search, minimap, word diff, sidebar rows."""

from __future__ import annotations

import dataclasses
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.records import Match, PairAlignment, SentenceClass
from reader.viewmodel import Jump, PairView, RowKind, Side, build_bands, in_order_matches, lay_out, wrap_offsets
from reader.viewmodel.layout import PaneMode
from reader.viewmodel.overview import Overview, cell_range, squeeze
from reader.viewmodel.scrolling import centre, level, reveal
from reader.viewmodel.sidebar_rows import ClaimStatus, actor_rows, claim_rows, nth_mention, quoted_lines, snippet
from reader.viewmodel.word_diff import PieceKind, word_diff
from tests.factories import article_of
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles


def fixture_view(show_boilerplate: bool = False, count: int = 2) -> PairView:
    articles = fixture_articles(count)
    return PairView(
        articles, 0, 1, analysed_comparison(aligned_comparison(articles)), show_boilerplate=show_boilerplate
    )


# -- wrapping -------------------------------------------------------------------------------------------------

words = st.text(alphabet=st.sampled_from("abcdé漢 \t"), min_size=0, max_size=120)


@given(text=words, width=st.integers(min_value=1, max_value=40))
def test_wrapped_rows_tile_the_text_and_fit_the_width(text: str, width: int) -> None:
    rows = wrap_offsets(text, width)
    assert rows[0][0] == 0 and rows[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(rows):
        assert end == start
    for start, end in rows:
        shown = text[start:end].rstrip()
        assert cell_len(shown) <= width or len(shown.strip()) == 1  # one glyph wider than the row


def test_wrap_breaks_at_spaces() -> None:
    text = "the quick brown fox jumps"
    assert [text[s:e] for s, e in wrap_offsets(text, 10)] == ["the quick ", "brown fox ", "jumps"]


# -- bands and layout -----------------------------------------------------------------------------------------


def test_in_order_chain_leaves_out_crossing_matches() -> None:
    def match(a: int, b: int) -> Match:
        return Match(a=(a,), b=(b,), score=1.0, kind=SentenceClass.VERBATIM, moved=False)

    matches = (match(0, 0), match(1, 3), match(2, 1), match(3, 2), match(4, 4))
    assert in_order_matches(matches) == [0, 2, 3, 4]


@settings(max_examples=60, deadline=None)
@given(
    left_count=st.integers(min_value=1, max_value=12),
    right_count=st.integers(min_value=1, max_value=12),
    pairs=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=10),
    show=st.booleans(),
    widths=st.tuples(st.integers(4, 50), st.integers(4, 50)),
)
def test_every_sentence_is_shown_once_and_match_bands_stand_level(
    left_count: int,
    right_count: int,
    pairs: list[tuple[int, int]],
    show: bool,
    widths: tuple[int, int],
) -> None:
    left = article_of([f"left sentence number {i} with some words" for i in range(left_count)], "A")
    right = article_of([f"right {i}" for i in range(right_count)], "B")
    seen: set[tuple[int, int]] = set()
    matches = []
    for a, b in pairs:
        if a < left_count and b < right_count and (a, b) not in seen:
            seen.add((a, b))
            matches.append(Match(a=(a,), b=(b,), score=0.9, kind=SentenceClass.PARAPHRASE, moved=False))
    alignment = PairAlignment(
        0, 1, tuple(matches), (SentenceClass.UNIQUE,) * left_count, (SentenceClass.UNIQUE,) * right_count
    )
    bands, level_set = build_bands(left, right, alignment, show_boilerplate=show)
    for side, count in ((Side.LEFT, left_count), (Side.RIGHT, right_count)):
        shown = [s for band in bands for item in band.items(side) for s in item.sentences]
        assert shown == list(range(count))  # each once, in reading order
    panes = lay_out(bands, (left, right), widths, PaneMode.LEVEL)
    assert len(panes[0].rows) == len(panes[1].rows)
    flow = lay_out(bands, (left, right), widths, PaneMode.FLOW)
    for pane, count in zip(flow, (left_count, right_count), strict=True):
        assert all(row.kind is not RowKind.PAD for row in pane.rows)  # no pane is ever padded
        assert sorted(pane.top) == list(range(count))
        assert [pane.top[s] for s in sorted(pane.top)] == sorted(pane.top.values())  # its own reading order
    folded = lay_out(bands, (left, right), widths, PaneMode.FOLD)
    for pane, count in zip(folded, (left_count, right_count), strict=True):
        assert sorted(pane.top) == list(range(count))  # every sentence shown, or inside a fold row
    for band in bands:
        if band.match is not None:
            match = matches[band.match]
            assert panes[0].top[match.a[0]] == panes[1].top[match.b[0]]
            assert band.match in level_set


def test_boilerplate_is_folded_until_shown() -> None:
    folded = fixture_view()
    rows = lay_out(folded.bands, folded.pair, (40, 40))[0].rows
    assert [row.folded for row in rows if row.kind is RowKind.FOLD] == [2]
    assert 8 not in folded.shown(Side.LEFT)
    shown = fixture_view(show_boilerplate=True)
    assert {8, 9} <= set(shown.shown(Side.LEFT))


def test_first_paint_without_alignment_shows_both_texts() -> None:
    articles = fixture_articles()
    view = PairView(articles, 0, 1)
    assert not view.aligned
    assert view.mark(Side.LEFT, 2) == " "
    left, right = lay_out(view.bands, view.pair, (30, 30))
    assert {row.sentence for row in left.rows if row.kind is RowKind.TEXT} == set(range(8))
    assert {row.sentence for row in right.rows if row.kind is RowKind.TEXT} == set(range(8))


def test_a_view_draws_the_same_for_its_comparison_analysed_and_not_for_another_alignment() -> None:
    """What the analysis adds (actors, claims, links) is not drawn by the panes; the alignment and conflicts are."""
    articles = fixture_articles()
    aligned = aligned_comparison(articles)
    view = PairView(articles, 0, 1, aligned)
    assert view.drawn_the_same_for(analysed_comparison(aligned))
    assert not view.drawn_the_same_for(dataclasses.replace(aligned, alignments=()))
    assert not view.drawn_the_same_for(dataclasses.replace(aligned, coverage=()))
    assert not PairView(articles, 0, 1).drawn_the_same_for(aligned), "the first paint's view has no alignment"


# -- marks, counterparts, navigation --------------------------------------------------------------------------


def test_marks_carry_class_moved_and_conflict() -> None:
    view = fixture_view()
    marks = [view.mark(Side.LEFT, s) for s in range(8)]
    assert marks == ["~", "+", "!", "!", "=", "↕", "+", "≈"]
    assert view.mark(Side.RIGHT, 1) == "↕"
    assert view.counterparts(Side.LEFT, 5) == (1,)
    assert view.counterparts(Side.RIGHT, 5) == (4,)
    assert view.counterparts(Side.LEFT, 1) == ()


def test_jumps_visit_adjacent_passages_and_stop_at_the_ends() -> None:
    view = fixture_view()
    assert view.jump(Side.LEFT, 0, Jump.CONFLICT) == 2
    assert view.jump(Side.LEFT, 2, Jump.CONFLICT) == 3
    assert view.jump(Side.LEFT, 3, Jump.CONFLICT) is None
    assert view.jump(Side.LEFT, 3, Jump.CONFLICT, forward=False) == 2
    assert view.jump(Side.LEFT, 1, Jump.UNIQUE) == 6
    assert view.jump(Side.RIGHT, 0, Jump.UNIQUE) == 4
    matches = []
    cursor: int | None = None
    while (cursor := view.jump(Side.LEFT, cursor, Jump.MATCH)) is not None:
        matches.append(cursor)
    assert matches == [0, 2, 3, 4, 5, 7]
    assert view.count(Side.LEFT, Jump.MATCH) == 6


def test_coverage_mark_counts_articles_carrying_a_passage() -> None:
    view = fixture_view(count=3)
    assert view.coverage_mark(Side.LEFT, 4) == "3/3"
    assert view.coverage_mark(Side.LEFT, 1) == "1/3"
    assert fixture_view().coverage_mark(Side.LEFT, 4) == ""


def test_search_is_case_insensitive_and_walks_both_panes() -> None:
    view = fixture_view()
    hits = view.search("TRUCKS")
    assert [(hit.side, hit.sentence) for hit in hits] == [(Side.LEFT, 4), (Side.RIGHT, 5)]
    assert view.search("   ") == []
    first = view.next_hit(hits, Side.LEFT, 0)
    assert first is not None and first.sentence == 4
    assert view.next_hit(hits, Side.LEFT, 4) == hits[0]  # wraps around within the pane
    assert view.next_hit(hits[1:], Side.LEFT, 0) == hits[1]  # none here: the other pane's


# -- scrolling, minimap -----------------------------------------------------------------------------------------


def test_scroll_arithmetic() -> None:
    assert reveal(top=50, height=3, scroll=0, viewport=20, margin=2) == 35
    assert reveal(top=5, height=3, scroll=10, viewport=20, margin=2) == 3
    assert reveal(top=12, height=3, scroll=10, viewport=20, margin=2) == 10
    assert level(my_top=30, my_scroll=20, other_top=5) == -5
    assert centre(top=40, height=4, viewport=20) == 32


@given(kinds=st.lists(st.sampled_from(list(Overview)), max_size=300), height=st.integers(1, 60))
def test_minimap_keeps_the_strongest_kind_of_each_slice(kinds: list[Overview], height: int) -> None:
    cells = squeeze(kinds, height)
    assert len(cells) == height
    for cell, kind in enumerate(cells):
        start, end = cell_range(cell, height, len(kinds))
        assert kind == (max(kinds[start:end]) if start < len(kinds) else Overview.EMPTY)


# -- word diff and sidebar rows ---------------------------------------------------------------------------------


def test_word_diff_marks_shared_runs_changes_and_details() -> None:
    view = fixture_view()
    diff = word_diff(view.pair[0], view.pair[1], view.matches[1])
    left = {piece.text: piece.kind for piece in diff.left}
    assert left["7-2"] is PieceKind.DETAIL
    assert left["council"] is PieceKind.RUN
    assert left["most"] is PieceKind.CHANGED
    assert "".join(piece.text for piece in diff.left) == view.pair[0].sentences[2].text
    assert [(d.left, d.right, d.status) for d in diff.details] == [("7-2", "6-3", "differs")]


def test_sidebar_rows_for_the_pair() -> None:
    view = fixture_view()
    comparison = view.comparison
    assert comparison is not None
    actors = actor_rows(comparison, 0, 1)
    assert [row.name for row in actors] == ["Lena Ortiz", "city council", "Tom Hale"]
    assert [row.name for row in actor_rows(comparison, 0, 1, "ORTIZ")] == ["Lena Ortiz"]
    ortiz = comparison.actors[0]
    assert [nth_mention(ortiz, 1, turn).text for turn in range(3)] == ["Lena Ortiz", "Ortiz", "Lena Ortiz"]  # type: ignore[union-attr]
    statuses = [(row.key, row.status) for row in claim_rows(comparison, 0, 1)]
    assert statuses == [
        ("a-ortiz|b-ortiz", ClaimStatus.BOTH),
        ("a-residents", ClaimStatus.LEFT_ONLY),
        ("a-hale|b-hale", ClaimStatus.CUE_DIFFERS),
        ("b-ortiz-2", ClaimStatus.RIGHT_ONLY),
    ]
    assert [line.speaker for line in quoted_lines(comparison, 0, 1)] == ["Lena Ortiz", "Tom Hale", "Residents"]
    assert snippet("one two three four", 10) == "one two…"

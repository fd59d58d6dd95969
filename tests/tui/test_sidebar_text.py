"""The sidebar entries laid out for a width: every field a reader needs fits, on texts of any length."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.records import TextSpan
from reader.viewmodel.sidebar_rows import (
    ActorRow,
    ClaimRow,
    ClaimStatus,
    QuotedLine,
    actor_rows,
    claim_rows,
    quoted_lines,
)
from reader.viewmodel.sidebar_text import (
    CONTENT_LINES,
    actor_columns,
    claim_entry,
    fit,
    quoted_columns,
    status_label,
    wrap_lines,
)
from tests.tui.fixtures import aligned_comparison, analysed_comparison, fixture_articles

LABELS = ("A", "B")
SIDEBAR_WIDTHS = (32, 40, 46)
"""Entry widths of the sidebar at 80 (folded open), 120 and 160 columns."""

texts = st.text(alphabet=st.sampled_from("abcdé漢 -—“”"), min_size=0, max_size=200)


def claims() -> list[ClaimRow]:
    return claim_rows(analysed_comparison(aligned_comparison(fixture_articles())), 0, 1)


@given(text=texts, width=st.integers(min_value=1, max_value=60))
def test_fit_never_exceeds_the_width_and_keeps_short_text(text: str, width: int) -> None:
    fitted = fit(text, width)
    assert cell_len(fitted) <= width
    flat = " ".join(text.split())
    if cell_len(flat) <= width:
        assert fitted == flat
    else:
        assert fitted.endswith("…")


@given(text=texts, width=st.integers(min_value=2, max_value=60), lines=st.integers(min_value=1, max_value=4))
def test_wrapped_lines_fit_and_say_when_text_was_cut(text: str, width: int, lines: int) -> None:
    wrapped = wrap_lines(text, width, lines)
    assert len(wrapped) <= lines
    assert all(cell_len(line) <= width for line in wrapped)
    shown = "".join(wrapped).replace("…", "").replace(" ", "")
    if shown != "".join(text.split()):
        assert wrapped[-1].endswith("…")


def test_claim_entry_shows_speaker_status_cue_and_content_in_the_width() -> None:
    for width in SIDEBAR_WIDTHS:
        for row in claims():
            entry = claim_entry(row, LABELS, width)
            first = entry.speaker + entry.status
            assert cell_len(first) == width  # the status ends at the right edge
            assert entry.status == status_label(row.status, LABELS)
            assert 1 <= len(entry.lines) <= CONTENT_LINES
            assert all(cell_len(line) <= width for line in entry.lines)
            assert entry.lines[0].strip().startswith(row.shown.cue.text)
            assert row.shown.content.text.split()[0] in " ".join(entry.lines)


def test_claim_entry_shows_both_cues_when_they_differ_and_names_the_article() -> None:
    rows = {row.key: row for row in claims()}
    hale = claim_entry(rows["a-hale|b-hale"], LABELS, 40)
    assert hale.lines[0].strip().startswith("warned / cautioned: costs")
    assert hale.cue_length == len("warned / cautioned")
    assert claim_entry(rows["b-ortiz-2"], LABELS, 40).status == "B only"
    assert claim_entry(rows["a-residents"], ("Left", "Right"), 40).status == "Left only"


def test_a_long_speaker_is_cut_but_the_status_is_whole() -> None:
    row = claims()[2]
    assert row.left is not None
    long_speaker = replace(row.left, speaker_label="The deputy head of the regional transport authority's board")
    entry = claim_entry(replace(row, left=long_speaker), LABELS, 32)
    assert entry.status == "cue differs"
    assert entry.speaker.rstrip().endswith("…")
    assert entry.speaker.startswith("The deputy")


def test_a_claim_whose_content_is_its_cue_reads_once() -> None:
    row = claims()[1]
    assert row.left is not None
    declined = replace(
        row.left,
        cue=TextSpan(0, 19, "declined to comment"),
        content=TextSpan(0, 19, "declined to comment"),
    )
    entry = claim_entry(replace(row, left=declined, status=ClaimStatus.LEFT_ONLY), LABELS, 40)
    assert [line.strip() for line in entry.lines] == ["declined to comment"]


@given(
    name=st.text(min_size=1, max_size=80),
    counts=st.tuples(st.integers(0, 9999), st.integers(0, 9999)),
    width=st.sampled_from(SIDEBAR_WIDTHS),
)
def test_actor_line_keeps_kind_and_counts_whole(name: str, counts: tuple[int, int], width: int) -> None:
    row = ActorRow("x", name, "person", counts, ())
    columns = actor_columns([row], LABELS, width)
    cells = columns.cells(row)
    line = " ".join(cells)
    assert cell_len(line) == width
    assert cell_len(columns.header(LABELS)) == width
    assert cells[1].strip() == "person"
    assert (cells[2].strip(), cells[3].strip()) == (str(counts[0]), str(counts[1]))


def test_actor_lines_of_the_fixture_keep_full_names() -> None:
    rows = actor_rows(analysed_comparison(aligned_comparison(fixture_articles())), 0, 1)
    columns = actor_columns(rows, LABELS, 32)
    assert [columns.cells(row)[0].strip() for row in rows] == ["Lena Ortiz", "city council", "Tom Hale"]


@given(
    speaker=st.text(min_size=1, max_size=80),
    claims_words=st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 9999), st.integers(0, 9999)),
    width=st.sampled_from(SIDEBAR_WIDTHS),
)
def test_quoted_line_keeps_the_counts_whole(speaker: str, claims_words: tuple[int, int, int, int], width: int) -> None:
    line = QuotedLine(speaker, None, claims_words[:2], claims_words[2:])
    columns = quoted_columns([line], width)
    cells = columns.cells(line)
    assert cell_len(" ".join(cells)) == width
    assert cell_len(columns.header(LABELS)) == width
    assert cells[1].strip() == f"{claims_words[0]}/{claims_words[1]}"
    assert cells[2].strip() == f"{claims_words[2]}/{claims_words[3]}"


@given(
    counts=st.lists(st.integers(0, 999), min_size=2, max_size=5),
    width=st.sampled_from(SIDEBAR_WIDTHS),
)
def test_actor_line_has_a_count_column_per_article(counts: list[int], width: int) -> None:
    labels = tuple("ABCDE"[: len(counts)])
    row = ActorRow("x", "Some Person", "person", tuple(counts), ())
    columns = actor_columns([row], labels, width)
    cells = columns.cells(row)
    assert cell_len(" ".join(cells)) == width
    assert columns.header(labels).split()[-len(labels) :] == list(labels)
    assert [cell.strip() for cell in cells[2:]] == [str(count) for count in counts]


def test_three_articles_give_three_columns_in_actors_and_quoted() -> None:
    comparison = analysed_comparison(aligned_comparison(fixture_articles(3)))
    rows = actor_rows(comparison, 0, 1)
    assert {row.name: row.counts for row in rows}["Lena Ortiz"] == (1, 2, 0)
    columns = actor_columns(rows, ("A", "B", "C"), 40)
    assert columns.header(("A", "B", "C")).split()[-3:] == ["A", "B", "C"]
    lines = quoted_lines(comparison, 0, 1)
    assert all(len(line.claims) == 3 and len(line.words) == 3 for line in lines)
    assert quoted_columns(lines, 40).header(("A", "B", "C")).startswith("speaker (A/B/C)")

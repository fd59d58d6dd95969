"""Units and sentences: headlines, bullets and bylines stand alone; abbreviations, quotes and dashes do not split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.load.segment import Piece, build_blocks, line_starts_of, sentence_spans, split_units
from reader.core.records import BlockKind


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, 0, len(text))]


def test_plain_sentences_split() -> None:
    assert sentences_of("The talks ended. Both sides left! Why? Nobody knows.") == [
        "The talks ended.",
        "Both sides left!",
        "Why?",
        "Nobody knows.",
    ]


def test_dotted_acronyms_do_not_split_before_a_name() -> None:
    text = "Netanyahu met U.S. President Donald Trump on December 29, according to one U.S. official."
    assert sentences_of(text) == [text]


def test_dotted_acronym_at_a_sentence_end_splits_before_a_sentence_opener() -> None:
    assert sentences_of("He flew back to the U.S. The next day he spoke.") == [
        "He flew back to the U.S.",
        "The next day he spoke.",
    ]


def test_titles_and_initials_do_not_split() -> None:
    text = "Mr. Smith and Dr. Jones met J. Mansour and Gen. Lee at St. Paul's."
    assert sentences_of(text) == [text]


def test_decimals_and_numbered_abbreviations_do_not_split() -> None:
    text = "Inflation rose 3.5 percent, the No. 2 official said at 10 a.m. Monday."
    assert sentences_of(text) == [text]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert sentences_of("Trump said the sites were “obliterated.” Iran disagreed.") == [
        "Trump said the sites were “obliterated.”",
        "Iran disagreed.",
    ]
    assert sentences_of('He said "it is over." Then he left.') == ['He said "it is over."', "Then he left."]


def test_quoted_question_followed_by_attribution_does_not_split() -> None:
    text = "“Are you sure?” she asked the minister."
    assert sentences_of(text) == [text]


def test_quoted_question_keeps_its_capitalised_speech_tag() -> None:
    text = "“Who is too big to regulate?” Vitter demanded. Nobody answered."
    assert sentences_of(text) == ["“Who is too big to regulate?” Vitter demanded.", "Nobody answered."]
    assert sentences_of("“Why now?” Officials were silent for hours after the vote.") == [
        "“Why now?”",
        "Officials were silent for hours after the vote.",
    ]


def test_dashes_and_ellipses_do_not_split_wrongly() -> None:
    text = "Trump would back strikes — but only if Iran moves… and only then."
    assert sentences_of(text) == [text]
    assert sentences_of("He paused... Then he spoke.") == ["He paused...", "Then he spoke."]


def test_sentence_spans_exclude_surrounding_whitespace() -> None:
    text = "   First one.   Second one.  "
    spans = sentence_spans(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_every_line_is_a_unit_and_blank_lines_separate_nothing_extra() -> None:
    text = "Headline of the story\nFirst paragraph here.\n\nSecond paragraph here."
    units = split_units(text)
    assert [text[u.start : u.end] for u in units] == [
        "Headline of the story",
        "First paragraph here.",
        "Second paragraph here.",
    ]
    assert [u.line for u in units] == [0, 1, 3]


def test_bullet_glyphs_are_markers_left_out_of_the_body() -> None:
    text = "  • First point here.\n- Second point\n* Third point\n· Fourth point\n1. Fifth point"
    units = split_units(text)
    assert [u.marker for u in units] == ["bullet"] * 5
    assert [text[u.body_start : u.end] for u in units] == [
        "First point here.",
        "Second point",
        "Third point",
        "Fourth point",
        "Fifth point",
    ]


def test_a_lone_bullet_glyph_joins_the_next_line() -> None:
    text = "•\nA point on its own line."
    (unit,) = split_units(text)
    assert unit.marker == "bullet"
    assert text[unit.body_start : unit.end] == "A point on its own line."


def test_markdown_heading_mark_is_a_marker() -> None:
    text = "## Background\nText follows."
    units = split_units(text)
    assert units[0].marker == "heading"
    assert text[units[0].body_start : units[0].end] == "Background"


def test_lowercase_continuation_joins_the_line_above() -> None:
    text = "The minister said that the talks\nwould continue next week.\nA new sentence starts here."
    units = split_units(text)
    assert len(units) == 2
    assert text[units[0].start : units[0].end].endswith("next week.")


HARD_WRAPPED = (
    "Israeli officials have warned that additional strikes may be\n"
    "required if Tehran attempts to rebuild its military capabilities,\n"
    "Axios reports. The discussions come amid lingering tensions\n"
    "following the conflict in June, which both leaders have described\n"
    "as a major success.\n"
    "\n"
    "A second paragraph starts here and is short.\n"
)


def test_hard_wrapped_prose_lines_form_one_paragraph() -> None:
    units = split_units(HARD_WRAPPED)
    assert len(units) == 2
    text = HARD_WRAPPED[units[0].start : units[0].end]
    assert text.startswith("Israeli") and text.endswith("major success.")
    spans = sentence_spans(HARD_WRAPPED, units[0].start, units[0].end)
    assert len(spans) == 2


def test_build_blocks_splits_only_paragraphs() -> None:
    text = "Headline here\nOne. Two.\n• Bullet one. Still bullet."
    pieces = [
        Piece(BlockKind.HEADLINE, 0, 0, 13),
        Piece(BlockKind.PARAGRAPH, 14, 14, 23),
        Piece(BlockKind.BULLET, 24, 26, len(text)),
    ]
    blocks, sentences = build_blocks(text, pieces)
    assert [b.kind for b in blocks] == [BlockKind.HEADLINE, BlockKind.PARAGRAPH, BlockKind.BULLET]
    assert [(s.kind, s.text, s.block) for s in sentences] == [
        (BlockKind.HEADLINE, "Headline here", 0),
        (BlockKind.PARAGRAPH, "One.", 1),
        (BlockKind.PARAGRAPH, "Two.", 1),
        (BlockKind.BULLET, "Bullet one. Still bullet.", 2),
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_line_starts() -> None:
    assert line_starts_of("") == (0,)
    assert line_starts_of("a\nbc\n") == (0, 2, 5)


PROSE = st.lists(
    st.sampled_from([*"abcXYZ .!?\"“”’'-—…\n\t•*0123456789", "U.S. ", "Mr. ", "J. ", " The ", "\n\n"]),
    max_size=120,
).map("".join)


@given(PROSE)
def test_sentence_spans_are_ordered_disjoint_trimmed_and_inside_the_text(text: str) -> None:
    spans = sentence_spans(text, 0, len(text))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


@given(PROSE)
def test_units_are_ordered_and_disjoint(text: str) -> None:
    previous_end = -1
    for unit in split_units(text):
        assert previous_end < unit.start <= unit.body_start < unit.end <= len(text)
        previous_end = unit.end

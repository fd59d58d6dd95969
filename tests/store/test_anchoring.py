"""Re-anchoring: a note follows its passage through edits, or is orphaned; it never lands in a wrong place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.anchoring import AnchorMethod, anchor, context_similarity
from reader.store.annotations import quote_selector

TEXT = (
    "Officials gathered in the capital on Tuesday. "
    "Netanyahu met Trump on Monday at Mar-a-Lago to talk about Iran and its missile programme. "
    "The meeting lasted two hours. Reporters waited outside."
)
PASSAGE = "Netanyahu met Trump on Monday at Mar-a-Lago to talk about Iran and its missile programme."


def selector_for(text: str, passage: str) -> tuple[object, int]:
    start = text.index(passage)
    return quote_selector(text, start, start + len(passage)), start


def test_unchanged_text_keeps_the_position() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    result = anchor(quote, TEXT, start)  # type: ignore[arg-type]
    assert result.method is AnchorMethod.POSITION
    assert (result.start, result.end) == (start, start + len(PASSAGE))


def test_text_inserted_before_the_anchor_shifts_it() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    changed = "A new opening paragraph was added by the editor.\n\n" + TEXT
    result = anchor(quote, changed, start)  # type: ignore[arg-type]
    assert result.method is AnchorMethod.EXACT
    assert changed[result.start : result.end] == PASSAGE


def test_text_inserted_right_before_the_passage_stays_outside_it() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    changed = TEXT.replace(PASSAGE, "Breaking: " + PASSAGE)
    result = anchor(quote, changed, start)  # type: ignore[arg-type]
    assert changed[result.start : result.end] == PASSAGE


def test_an_edit_inside_the_quote_is_tolerated() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    edited = PASSAGE.replace("on Monday", "on December 29")
    changed = TEXT.replace(PASSAGE, edited)
    result = anchor(quote, changed, start)  # type: ignore[arg-type]
    assert result.method is AnchorMethod.FUZZY
    assert changed[result.start : result.end] == edited
    assert 0.8 <= result.similarity < 1.0


def test_an_edit_inside_the_quote_and_text_before_it() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    edited = PASSAGE.replace("two hours", "three hours").replace("Iran and its", "Iran and Tehran's")
    changed = "Update: corrected.\n" + TEXT.replace(PASSAGE, edited)
    result = anchor(quote, changed, start)  # type: ignore[arg-type]
    assert changed[result.start : result.end] == edited


def test_the_passage_deleted_is_orphaned() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    changed = TEXT.replace(PASSAGE + " ", "")
    result = anchor(quote, changed, start)  # type: ignore[arg-type]
    assert result.method is AnchorMethod.ORPHANED
    assert not result.found


def test_a_rewritten_passage_is_orphaned_not_moved() -> None:
    quote, start = selector_for(TEXT, PASSAGE)
    changed = TEXT.replace(PASSAGE, "The two leaders spoke about regional security for a while.")
    assert anchor(quote, changed, start).method is AnchorMethod.ORPHANED  # type: ignore[arg-type]


def test_the_passage_duplicated_the_context_decides() -> None:
    first = "Markets opened higher. " + PASSAGE + " Oil prices fell. "
    second = "Later that week. " + PASSAGE + " The talks ended. "
    text = first + second
    start = text.rindex(PASSAGE)
    quote = quote_selector(text, start, start + len(PASSAGE))
    # An edit elsewhere moves both copies; the hint now points at neither.
    changed = "Preface added. " + text
    result = anchor(quote, changed, 0)
    assert result.start == changed.rindex(PASSAGE)
    # And the first copy is chosen when the note was on the first copy.
    start_first = text.index(PASSAGE)
    quote_first = quote_selector(text, start_first, start_first + len(PASSAGE))
    assert anchor(quote_first, changed, None).start == changed.index(PASSAGE)


def test_a_duplicated_passage_with_an_edit_goes_to_the_right_copy() -> None:
    text = "Intro one. " + PASSAGE + " After one. " + "Intro two. " + PASSAGE + " After two."
    start = text.rindex(PASSAGE)
    quote = quote_selector(text, start, start + len(PASSAGE))
    edited = PASSAGE.replace("Monday", "Sunday")
    changed = text.replace(PASSAGE, edited)
    result = anchor(quote, changed, None)
    assert result.start == changed.rindex(edited)


def test_a_short_quote_with_other_context_is_orphaned() -> None:
    text = "He said yes. Then the vote came and she said no."
    start = text.index("said yes")
    quote = quote_selector(text, start, start + len("said yes"))
    changed = "Completely different article where someone said yes to nothing."
    assert anchor(quote, changed, start).method is AnchorMethod.ORPHANED


def test_context_similarity_prefers_the_original_surroundings() -> None:
    text = "alpha beta QUOTE gamma delta"
    quote = quote_selector(text, 11, 16)
    assert context_similarity(quote, text, 11, 16) == 1.0
    assert context_similarity(quote, "zzzzzzzzzz QUOTE yyyyy", 11, 16) < 0.5


words = st.text(alphabet="abcdefghij klmnop.", min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(words, min_size=2, max_size=20).map(" ".join),
    passage=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=25, max_size=80),
    after=st.lists(words, min_size=2, max_size=20).map(" ".join),
    inserted=st.text(min_size=0, max_size=60),
)
def test_found_anchors_always_hold_the_quote_or_a_close_variant(
    before: str, passage: str, after: str, inserted: str
) -> None:
    text = f"{before} {passage} {after}"
    start = len(before) + 1
    quote = quote_selector(text, start, start + len(passage))
    changed = inserted + text
    result = anchor(quote, changed, start)
    assert result.found
    found = changed[result.start : result.end]
    if result.method is AnchorMethod.FUZZY:
        assert result.similarity >= 0.8
    else:
        assert found == passage


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(min_size=0, max_size=300),
    exact=st.text(min_size=1, max_size=40),
    prefix=st.text(max_size=32),
    suffix=st.text(max_size=32),
    hint=st.none() | st.integers(min_value=-5, max_value=400),
)
def test_anchor_never_crashes_and_stays_in_bounds(
    text: str, exact: str, prefix: str, suffix: str, hint: int | None
) -> None:
    from reader.store.annotations import TextQuoteSelector

    result = anchor(TextQuoteSelector(exact, prefix, suffix), text, hint)
    if result.found:
        assert 0 <= result.start < result.end <= len(text)
        if result.method is not AnchorMethod.FUZZY:
            assert text[result.start : result.end] == exact

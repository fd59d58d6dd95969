"""Note marks: found by bisection (same answer as every note against every sentence), computed once per change
of the session, and the pane's highlight layers found per row by bisection too."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import reader.viewmodel.notes as notes_viewmodel
from reader.store.session import Session
from reader.viewmodel.bands import Side
from reader.viewmodel.notes import note_marks
from reader.viewmodel.spans import SpanLayers
from tests.tui.conftest import fixture_app, settle
from tests.tui.fixtures import aligned_comparison, fixture_articles


def session_of_fixture() -> Session:
    return Session(aligned_comparison(fixture_articles()), autosave=False)


@settings(max_examples=60, deadline=None)
@given(
    passages=st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 900), st.integers(1, 300)),
        max_size=12,
    )
)
def test_bisected_marks_equal_every_note_against_every_sentence(passages: list[tuple[int, int, int]]) -> None:
    session = session_of_fixture()
    for article, start, length in passages:
        text = session.comparison.articles[article].text
        start = min(start, len(text) - 1)
        session.annotate_passage(article, start, min(len(text), start + length), "n")
    for article in (0, 1):
        marks = note_marks(session.annotations, session.comparison.articles[article], article)
        assert marks.sentences == frozenset(session.sentence_marks(article))
        expected = sorted(
            {
                (a.passage.position.start, a.passage.position.end)
                for a in session.annotations
                if a.passage is not None and a.passage.article == article
            }
        )
        assert list(marks.spans) == expected


@given(
    spans=st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=30),
    window=st.tuples(st.integers(0, 220), st.integers(1, 60)),
)
def test_span_layers_find_exactly_the_overlapping_spans(spans: list[tuple[int, int]], window: tuple[int, int]) -> None:
    layers = SpanLayers()
    pairs = [(start, start + length) for start, length in spans]
    assert layers.set("note", pairs) == bool(pairs), "a change (from no layer at all) only when there are spans"
    assert not layers.set("note", list(reversed(pairs))), "the same spans in another order are no change"
    start, end = window[0], window[0] + window[1]
    assert layers.overlapping("note", start, end) == sorted((a, b) for a, b in pairs if a < end and b > start)
    assert layers.overlapping("search", start, end) == []


async def test_marks_are_computed_once_per_change_not_on_every_relayout(monkeypatch: object) -> None:
    calls: list[int] = []
    real = notes_viewmodel.note_marks

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(notes_viewmodel, "note_marks", counting)  # type: ignore[attr-defined]
    app = fixture_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        session = screen.session
        assert session is not None
        session.annotate_sentence(0, 2, "vote count", ())
        screen.refresh_notes()
        before = len(calls)
        for size in ((120, 40), (150, 40), (140, 30)):  # relayouts: no new computation
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("b", "b")  # boilerplate shown and hidden: relayouts too
        await pilot.pause()
        assert len(calls) == before
        assert screen.pane(Side.LEFT).noted == frozenset({2})
        session.annotate_sentence(0, 4, "closed since 2021", ())  # a change: computed again, once per article
        screen.refresh_notes()
        assert len(calls) == before + 2
        assert screen.pane(Side.LEFT).noted == frozenset({2, 4})

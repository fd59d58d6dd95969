"""SVG snapshots of the note dialog and the Notes tab at 120×40 (pytest-textual-snapshot 1.1.0).

Deterministic: hand-made records, a fixed theme, no clock (neither view shows a time), cursors that do not
blink, notes added through the Session so no toast is caught mid-fade. Update with
`pytest tests/tui/test_snapshots_notes.py --snapshot-update` after a deliberate change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader.store.annotations import PassageTarget, TextPositionSelector, TextQuoteSelector, make_annotation
from reader.store.session import Session
from tests.tui.conftest import fixture_app, settle
from tests.tui.test_app_notes import notes_list, type_text

SnapCompare = Callable[..., bool]


def still_cursors(pilot: Pilot[Any]) -> None:
    for widget in pilot.app.screen.query("Input, TextArea").results():
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


def test_note_dialog(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("j", "j", "m")
        still_cursors(pilot)
        await type_text(pilot, "Vote count differs:\n7-2 in A, 6-3 in B. Which is right?")
        await pilot.press("tab")
        await type_text(pilot, "budget")
        await pilot.press("tab", "tab", "space")
        await pilot.pause()

    assert snap_compare(fixture_app(), terminal_size=(120, 40), run_before=run_before)


def test_notes_tab(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await settle(pilot)
        assert screen.session is not None
        comparison = screen.session.comparison
        gone = TextQuoteSelector("A passage that was edited away.", "", "")
        orphan = make_annotation(
            PassageTarget(0, gone, TextPositionSelector(0, len(gone.exact)), orphaned=True), "Was this retracted?"
        )
        session = Session(comparison, annotations=[orphan], autosave=False)
        session.annotate_sentence(0, 2, "Vote count differs:\n7-2 here, 6-3 in B.", ["conflict", "check"])
        session.annotate_sentence(1, 4, "Only B says the state pays half.", ["important"])
        session.annotate_actor("tom-hale", "Councillor in A, plain name in B.")
        session.annotate_claim("a-ortiz", "", ["check"])
        screen.session = session
        screen.refresh_notes()
        await pilot.press("4")
        notes_list(screen).focus()
        await pilot.pause()

    assert snap_compare(fixture_app(), terminal_size=(120, 40), run_before=run_before)

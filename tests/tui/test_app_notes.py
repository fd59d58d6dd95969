"""Pilot tests of notes in the app: annotate, edit, delete, the gutter, the Notes tab, save, open, export, reopen.

Every test has its own data directory (tests/conftest.py), so the files the app writes are checked on disk.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader.app import ReaderApp
from reader.core.paths import comparisons_dir
from reader.core.records import Comparison
from reader.screens.annotate import AnnotateScreen
from reader.screens.export import ExportScreen
from reader.screens.main import MainScreen
from reader.screens.open_saved import OpenSavedScreen
from reader.screens.save_as import SaveAsScreen
from reader.screens.store_actions import SessionOpened
from reader.store.files import read_saved
from reader.store.session import Session
from reader.viewmodel.bands import Side
from reader.widgets.notes_list import NotesList
from tests.tui.conftest import AppFactory, settle
from tests.tui.fixtures import aligned_comparison, fixture_articles


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type like a person: every character a key press (newlines as Enter)."""
    for char in text:
        await pilot.press({"\n": "enter", " ": "space"}.get(char, char))


def notes_list(screen: MainScreen) -> NotesList:
    return screen.query_one(NotesList)


def current(app: ReaderApp) -> object:
    """The screen on top (typed loosely: the tests compare it with screens of several kinds)."""
    return app.screen


def messages(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def write_note(pilot: Pilot[int], text: str, *, tick: str | None = None) -> None:
    """In the open note dialog: type the note, optionally tick a quick tag with the keyboard, save with ctrl+s."""
    assert isinstance(pilot.app.screen, AnnotateScreen)
    await type_text(pilot, text)
    if tick is not None:
        order = ["agree", "conflict", "check", "important"]
        await pilot.press("tab")  # the tags field
        for _ in range(order.index(tick) + 1):
            await pilot.press("tab")
        await pilot.press("space")
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_annotate_a_passage_saves_marks_lists_and_jumps(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("j", "j", "m")
        assert isinstance(app.screen, AnnotateScreen)
        await write_note(pilot, "Vote count differs:\n7-2 here, [bold]6-3[/] in B.", tick="check")
        assert current(app) is screen
        session = screen.session
        assert session is not None
        (note,) = session.annotations
        assert note.note == "Vote count differs:\n7-2 here, [bold]6-3[/] in B."
        assert note.tags == ("check",)
        assert note.passage is not None and note.passage.article == 0
        assert note.passage.quote.exact.startswith("The city council voted 7-2")
        # autosaved at once, under a name made from the headline
        assert session.path is not None and session.path.parent == comparisons_dir()
        saved, _ = read_saved(session.path.stem)
        assert [a.note for a in saved.annotations] == [note.note]
        # the gutter and the note highlight
        left = screen.pane(Side.LEFT)
        assert left.noted == frozenset({2})
        sentence = screen.view.article(Side.LEFT).sentences[2]
        assert left.highlights["note"] == [(sentence.start, sentence.end)]
        assert screen.pane(Side.RIGHT).noted == frozenset()
        # the Notes tab lists it; Enter jumps back to it
        await pilot.press("4")
        listed = notes_list(screen)
        assert [row.annotation_id for row in listed.rows] == [note.id]
        assert listed.rows[0].where == "A 3" and listed.rows[0].tags == ("check",)
        assert app.focused is not None and listed in app.focused.ancestors_with_self, "4 focuses the Notes list"
        left.focus()
        await pilot.press("G")
        assert left.cursor != 2
        listed.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert left.cursor == 2 and screen.active is Side.LEFT


async def test_existing_note_opens_for_editing_then_deletes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("j", "m")
        await write_note(pilot, "byline")
        session = screen.session
        assert session is not None
        (first,) = session.annotations
        await pilot.press("m")  # the same sentence: its note opens for editing
        dialog = app.screen
        assert isinstance(dialog, AnnotateScreen) and dialog.annotation == first
        assert dialog.query_one("#note-text", TextArea).text == "byline"
        await write_note(pilot, " is one person", tick="important")
        (edited,) = session.annotations
        assert (edited.id, edited.note, edited.tags) == (first.id, "byline is one person", ("important",))
        await pilot.press("M")  # always a new note
        assert isinstance(app.screen, AnnotateScreen) and app.screen.annotation is None
        await pilot.press("escape")
        assert len(session.annotations) == 1
        await pilot.press("m")
        for _ in range(7):  # note, tags, four quick picks, Save: the next stop is Delete
            await pilot.press("tab")
        assert app.screen.focused is not None and app.screen.focused.id == "delete-note"
        await pilot.press("enter")
        await pilot.pause()
        assert [a.id for a in session.annotations] == []
        assert screen.pane(Side.LEFT).noted == frozenset()
        assert session.path is not None
        saved, _ = read_saved(session.path.stem)
        assert saved.annotations == ()


async def test_empty_note_is_refused_in_the_dialog(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("m", "ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, AnnotateScreen)
        assert "write a note or pick a tag" in str(dialog.query_one("#note-error").render())
        await pilot.press("tab")
        await type_text(pilot, "agree")  # a typed quick tag ticks its box
        assert dialog.query_one("#quick-agree").value  # type: ignore[attr-defined]
        await pilot.press("enter")  # Enter in the tags field saves
        assert screen.session is not None and [a.tags for a in screen.session.annotations] == [("agree",)]


async def test_annotate_an_actor_and_a_claim_and_jump_from_the_notes_tab(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await settle(pilot)
        screen.query_one("#actor-entries").focus()
        await pilot.pause()
        await pilot.press("m")
        assert isinstance(app.screen, AnnotateScreen) and "actor Lena Ortiz" in app.screen.subject
        await write_note(pilot, "the mayor")
        await pilot.press("2")
        screen.query_one("#claim-list").focus()
        await pilot.pause()
        await pilot.press("m")
        await write_note(pilot, "dates differ", tick="conflict")
        session = screen.session
        assert session is not None
        assert [a.note for a in session.notes_for_actor("lena-ortiz")] == ["the mayor"]
        assert [a.tags for a in session.notes_for_claim("a-ortiz")] == [("conflict",)]
        await pilot.press("4")
        listed = notes_list(screen)
        assert [row.where for row in listed.rows] == ["actor", "claim A"]
        assert listed.highlighted_id == session.notes_for_claim("a-ortiz")[0].id  # the last note written
        listed.focus()
        await pilot.pause()
        await pilot.press("home", "enter")  # the actor note: both panes on its mentions
        assert (screen.pane(Side.LEFT).cursor, screen.pane(Side.RIGHT).cursor) == (3, 3)
        assert screen.pane(Side.RIGHT).highlights["mention"] != []
        await pilot.press("down", "enter")  # the claim note
        assert screen.pane(Side.LEFT).cursor == 3
        left_text = screen.view.article(Side.LEFT).text
        assert [left_text[a:b] for a, b in screen.pane(Side.LEFT).highlights["mention"]] == ["Mayor Lena Ortiz", "said"]
        await pilot.press("m")  # m on a Notes entry edits that note
        assert isinstance(app.screen, AnnotateScreen) and app.screen.annotation is not None
        assert app.screen.annotation.note == "dates differ"


async def test_a_new_note_from_the_notes_list_goes_on_what_the_listed_note_annotates(make_app: AppFactory) -> None:
    """`M` on a Notes entry opened a dialog whose note was then dropped without a word (the entry named no passage,
    actor or claim of its own): it is added beside the listed note, on the same target."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("j", "j", "m")
        await write_note(pilot, "first")
        await pilot.press("4")
        listed = notes_list(screen)
        listed.focus()
        await pilot.pause()
        await pilot.press("M")
        assert isinstance(app.screen, AnnotateScreen) and app.screen.annotation is None
        await write_note(pilot, "second")
        session = screen.session
        assert session is not None
        first, second = session.annotations
        assert (first.note, second.note) == ("first", "second")
        assert second.target == first.target
        assert [row.annotation_id for row in listed.rows] == [first.id, second.id]
        assert "Note added." in messages(app)


async def test_first_save_asks_for_a_name_and_refuses_a_bad_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        await pilot.press("ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, SaveAsScreen)
        field = dialog.query_one("#save-name", Input)
        assert field.value == "Council approves river bridge repair after a long"
        field.value = ""
        await type_text(pilot, "../../etc")
        await pilot.press("enter")
        assert app.screen is dialog
        assert "cannot contain '/'" in str(dialog.query_one("#save-hint").render())
        field.value = ""
        await type_text(pilot, "Bridge notes")
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) is screen
        assert screen.session is not None and screen.session.name == "Bridge notes"
        assert (comparisons_dir() / "bridge-notes.json").is_file()
        assert any("Saved “Bridge notes”" in text for text in messages(app))
        await pilot.press("j", "ctrl+s")  # named now: saves at once, with the view
        assert current(app) is screen
        saved, _ = read_saved("Bridge notes")
        assert saved.view.cursor_sentence == 1


async def test_a_name_already_taken_keeps_the_dialog_open(make_app: AppFactory) -> None:
    Session(aligned_comparison(fixture_articles())).save_as("taken")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, SaveAsScreen)
        dialog.query_one("#save-name", Input).value = "taken"  # "Taken" is another name: a file of its own
        await pilot.press("enter")
        assert app.screen is dialog
        assert "already exists" in str(dialog.query_one("#save-hint").render())


async def test_another_instance_saving_first_is_merged_and_the_user_told(make_app: AppFactory) -> None:
    """Issue 13: a second window's save used to turn into a conflict (and, racing, into lost notes)."""
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        session = screen.session
        assert session is not None
        session.save_as("shared")
        other = Session.open("shared")
        other.annotate_sentence(0, 1, "theirs")  # another reader saves first
        await pilot.press("m")
        await write_note(pilot, "mine")
        assert session.save_error is None and not session.has_conflict
        assert any("merged" in str(n.message) for n in app._notifications)
        assert not any("save failed" in n.title for n in app._notifications)
        saved, _ = read_saved("shared")
        assert sorted(a.note for a in saved.annotations) == ["mine", "theirs"]


async def test_open_lists_saved_comparisons_and_opens_one_with_its_notes_and_view(make_app: AppFactory) -> None:
    stored = Session(aligned_comparison(fixture_articles()))
    note = stored.annotate_sentence(1, 3, "B's start date", ["check"])
    stored.update_view(cursor_article=1, cursor_sentence=3, boilerplate_shown=True, sidebar_tab="notes")
    stored.save_as("Bridge, second look")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")
        dialog = app.screen
        assert isinstance(dialog, OpenSavedScreen)
        assert [entry.slug for entry in dialog.entries] == ["bridge-second-look"]
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = await settle(pilot)
        assert screen.session is not None and screen.session.name == "Bridge, second look"
        assert [a.id for a in screen.session.annotations] == [note.id]
        assert screen.pane(Side.RIGHT).noted == frozenset({3})
        assert screen.active is Side.RIGHT and screen.pane(Side.RIGHT).cursor == 3
        assert screen.show_boilerplate
        await pilot.pause()
        assert screen.query_one("#sidebar-tabs").active == "tab-notes"  # type: ignore[attr-defined]
        assert any("all notes in place" in text for text in messages(app))


async def test_open_with_nothing_saved_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, OpenSavedScreen) and not app.screen.entries
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_export_writes_an_html_page_with_the_note(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        await pilot.press("m")
        await write_note(pilot, "Headline <script>ok</script> differs")
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        field = dialog.query_one("#export-path", Input)
        assert field.value.endswith(".html")
        await pilot.click("#format-md")
        assert field.value.endswith(".md")  # the suggestion follows the format
        await pilot.click("#format-html")
        target = tmp_path / "bridge.html"
        field.value = str(target)
        await pilot.press("ctrl+s")  # from anywhere in the dialog (Enter on the formats picks one)
        await pilot.pause()
        assert app.screen is screen
        page = target.read_text(encoding="utf-8")
        assert "Headline &lt;script&gt;ok&lt;/script&gt; differs" in page
        assert "<script>" not in page
        assert any(str(target) in text for text in messages(app))


async def test_export_to_a_missing_folder_is_refused_in_the_dialog(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "nowhere" / "x.md")
        await pilot.press("enter")
        assert app.screen is dialog
        assert "does not exist" in str(dialog.query_one("#export-hint").render())


async def test_autosave_failure_keeps_the_note_and_says_so(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker / "data"))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        await pilot.press("m")
        await write_note(pilot, "keep me")
        session = screen.session
        assert session is not None
        assert [a.note for a in session.annotations] == ["keep me"]
        assert session.dirty and session.save_error is not None
        failure = [n for n in app._notifications if n.title == "save failed"]
        assert failure and failure[0].severity == "error" and "kept in memory" in failure[0].message
        other = Session(aligned_comparison(fixture_articles()), autosave=False)
        screen.post_message(SessionOpened(other))  # opening another comparison is refused once too
        await pilot.pause()
        assert current(app) is screen
        await pilot.press("q")  # refused once: the notes are not on disk
        assert app.is_running
        assert any(n.title == "unsaved notes" for n in app._notifications)
        await pilot.press("q")
    assert app.return_code == 0


def text_article_files(folder: Path) -> tuple[Path, Path]:
    a = folder / "a.txt"
    b = folder / "b.txt"
    a.write_text(
        "Harbour ferry service resumes after storm\n\n"
        "The ferry between Northport and Kell resumed on Friday after three days of storms.\n\n"
        "Operators said the first crossing left at seven in the morning with forty passengers.\n\n"
        "A spokesperson for the harbour authority thanked residents for their patience.\n",
        encoding="utf-8",
    )
    b.write_text(
        "Ferries sail again\n\n"
        "Ferry crossings between Northport and Kell restarted on Friday after the storms.\n\n"
        "The harbour authority said repairs to the pier would continue next week.\n",
        encoding="utf-8",
    )
    return a, b


def no_model(comparison: Comparison) -> Comparison:
    return replace(comparison, analysed=True)


async def test_reopen_after_a_source_changed_reports_and_lists_orphans(tmp_path: Path) -> None:
    from reader.core import align_articles, load_inputs

    a, b = text_article_files(tmp_path)
    articles = load_inputs([str(a), str(b)]).articles
    session = Session(align_articles(articles))
    texts = [s.text for s in articles[0].sentences]
    moved = texts.index("Operators said the first crossing left at seven in the morning with forty passengers.")
    dropped = texts.index("A spokesperson for the harbour authority thanked residents for their patience.")
    kept = session.annotate_sentence(0, moved, "how many passengers?")
    lost = session.annotate_sentence(0, dropped, "who?")
    session.save_as("ferry")
    a.write_text(
        "Harbour ferry service resumes after storm\n\n"
        "Updated: the pier stays open at night.\n\n"
        "The ferry between Northport and Kell resumed on Friday after three days of storms.\n\n"
        "Operators said the first crossing left at seven in the morning with forty passengers.\n",
        encoding="utf-8",
    )
    reopened = Session.open("ferry")
    comparison = reopened.comparison
    app = ReaderApp(comparison.articles, comparison=comparison, session=reopened, analyser=no_model)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        summary = next(n for n in app._notifications if n.title == "opened ferry")
        assert summary.message == "A changed on disk; 1 note re-anchored, 1 orphaned (kept in the Notes list)"
        assert summary.severity == "warning"
        await pilot.press("4")
        rows = notes_list(screen).rows
        assert [(row.annotation_id, row.orphaned) for row in rows] == [(kept.id, False), (lost.id, True)]
        new_index = [s.text for s in comparison.articles[0].sentences].index(texts[moved])
        assert screen.pane(Side.LEFT).noted == frozenset({new_index})
        notes_list(screen).focus()
        await pilot.press("down", "enter")  # the orphan: explained, nothing moves
        assert any(n.title == "orphaned note" for n in app._notifications)


async def test_quit_saves_the_view_of_a_named_comparison(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        assert screen.session is not None
        screen.session.save_as("view kept")
        await pilot.press("j", "j", "j", "b", "q")
    saved, _ = read_saved("view kept")
    assert (saved.view.cursor_sentence, saved.view.boilerplate_shown) == (3, True)
    data = json.loads((comparisons_dir() / "view-kept.json").read_text(encoding="utf-8"))
    assert data["view"]["cursor_sentence"] == 3


async def test_palette_and_help_offer_the_new_commands(make_app: AppFactory) -> None:
    from reader.commands import COMMANDS
    from reader.screens.help import KEY_TABLE

    names = {name for name, _, _ in COMMANDS}
    assert {"comparison: save", "comparison: export as HTML", "comparison: open saved"} <= names
    assert "note: annotate selection" in names
    keys = {key for key, _ in KEY_TABLE}
    assert {"m  M", "ctrl+s", "o", "e"} <= keys
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        for action in ("annotate", "save", "export", "open_saved"):
            assert screen.check_action(action, ()) is True
        await screen.run_action("export('md')")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and app.screen.fmt == "md"


def test_reader_open_runs_the_app_on_the_reopened_session(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from reader.cli import main

    stored = Session(aligned_comparison(fixture_articles()))
    stored.annotate_sentence(0, 2, "kept")
    stored.save_as("cli open")
    seen: list[Session | None] = []

    def run(self: ReaderApp) -> int:
        seen.append(self.session)
        return 0

    monkeypatch.setattr(ReaderApp, "run", run)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["open", "cli open"]) == 0
    (session,) = seen
    assert session is not None and session.name == "cli open"
    assert [a.note for a in session.annotations] == ["kept"]


async def test_a_note_typed_in_a_burst_and_saved_at_once_keeps_every_key(make_app: AppFactory) -> None:
    """ctrl+s ran in the app's queue while the keys before it still waited in the note field's: a fast typist
    (or a paste read as keys) saved the first half of the note and was told "Note added." (seen in tmux, 3 of 6
    tries). Saving now waits its turn behind the keys typed before it."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, AnnotateScreen)
        text = "Casualty figure differs from B"
        for character in text:  # all queued before any is handled
            app.post_message(events.Key("space" if character == " " else character, character))
        app.post_message(events.Key("ctrl+s", None))
        for _ in range(4):
            await pilot.pause()
        assert current(app) is screen
        session = screen.session
        assert session is not None
        assert [note.note for note in session.annotations] == [text]


async def test_an_export_path_typed_in_a_burst_and_confirmed_at_once_is_the_whole_path(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """The export dialog's ctrl+s had the same race as the note's: it read the path field before its last keys."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await settle(pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        field = dialog.query_one("#export-path", Input)
        await pilot.pause()  # the field has the focus, its suggestion selected
        field.value = str(tmp_path) + "/"
        field.cursor_position = len(field.value)
        for character in "bridge.html":
            app.post_message(events.Key(character, character))
        app.post_message(events.Key("ctrl+s", None))
        for _ in range(4):
            await pilot.pause()
        assert app.screen is screen
        assert (tmp_path / "bridge.html").is_file()
        assert sorted(path.name for path in tmp_path.iterdir()) == ["bridge.html"]


@pytest.mark.parametrize(("size", "note_rows"), [((60, 24), 4), ((80, 24), 4), ((120, 40), 8)])
async def test_the_note_dialog_shows_its_tags_and_buttons_on_a_classic_terminal(
    make_app: AppFactory, size: tuple[int, int], note_rows: int
) -> None:
    """At 80×24 the dialog with its eight-row note field was 26 rows in a 21-row frame: the quick picks and the
    Save button were cut off. The note field gives up rows first. At 60 columns the four quick picks stand two a
    row (in one, the fourth's tag was cut off)."""
    from textual.widgets import Button, Checkbox

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AnnotateScreen)
        assert dialog.query_one("#note-text", TextArea).outer_size.height == note_rows
        body = dialog.query_one("#note-body").content_region
        picks = list(dialog.query("#note-quick Checkbox").results(Checkbox))
        assert len(picks) == 4
        for widget in (dialog.query_one("#save-note", Button), *picks):
            assert body.contains_region(widget.region), widget.id
        assert len({pick.region.y for pick in picks}) == (2 if size[0] < 66 else 1)


async def test_on_a_very_short_terminal_tab_scrolls_the_note_dialog_to_save(make_app: AppFactory) -> None:
    from textual.widgets import Button

    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        save = dialog.query_one("#save-note", Button)
        body = dialog.query_one("#note-body").region
        assert not body.contains_region(save.region)
        for _ in range(12):  # the note, the tags, four quick picks, then Save
            if app.focused is save:
                break
            await pilot.press("tab")
        await pilot.pause()
        assert app.focused is save
        assert dialog.query_one("#note-body").region.contains_region(save.region)


async def test_the_export_dialog_fits_an_80_by_24_terminal(make_app: AppFactory) -> None:
    """Framed format and folder lists made the dialog 25 rows in a 21-row frame: its buttons were cut off."""
    from textual.widgets import Button

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        body = dialog.query_one("#export-body")
        assert body.max_scroll_y == 0, "nothing to scroll: all of it shows"
        for selector in (".dialog-title", "#export-format", "#export-folder", "#export-path", "#export-button"):
            assert body.region.contains_region(dialog.query_one(selector).region), selector
        assert isinstance(dialog.query_one("#export-button"), Button)

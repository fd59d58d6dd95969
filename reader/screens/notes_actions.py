"""Notes in the main screen: `m` writes or edits a note on what has focus, the gutter and the Notes tab show them.

A mixin of MainScreen (kept apart so the screen module stays about layout and keys). What `m` annotates follows
the focus: the cursor's passage in a pane, the highlighted actor or claim in the sidebar, or the highlighted
entry of the Notes tab (which edits that note). A target that already has a note opens it for editing; `M`
always starts a new one. Every change goes through the Session, which saves it at once; a failed save is
reported and the note stays in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.binding import Binding, BindingType

from reader.core.errors import ReaderError
from reader.screens.mixin import MainScreenMixin
from reader.shown import shown_markup
from reader.viewmodel.bands import Side

# The dialog, the sidebar lists and rows and the store load on first use, not before the first paint.
if TYPE_CHECKING:
    from reader.core.records import Comparison
    from reader.store.annotations import Annotation
    from reader.store.session import Session
    from reader.viewmodel.notes import NoteEdit, NoteMarks
    from reader.viewmodel.pair_view import PairView
    from reader.widgets.article_pane import ArticlePane
    from reader.widgets.notes_list import NotesList

NOTE_BINDINGS: list[BindingType] = [
    Binding("m", "annotate", "Note", id="annotate", tooltip="Write or edit a note on the selection"),
    Binding("M", "annotate(1)", "New note", show=False, id="annotate-new", tooltip="Another note on the selection"),
    Binding("4", "sidebar_tab('notes')", "Notes", show=False, id="tab-notes"),
]


class NoteTarget(NamedTuple):
    """What `m` acts on: a sentence of an article, an actor, a claim, or one existing note.

    A NamedTuple: the main screen imports this module before its first frame (see `reader.core.records`).
    """

    subject: str
    """How the dialog names it."""
    existing: tuple[Annotation, ...]
    article: int | None = None
    sentence: int | None = None
    actor_id: str | None = None
    claim_id: str | None = None
    beside: Annotation | None = None
    """A note of the Notes list: a new note (`M`) goes on what it annotates."""


class NotesActions(MainScreenMixin):
    """Annotating, the gutter's note marks and the Notes tab (MainScreen derives from it)."""

    session: Session | None
    comparison: Comparison | None
    view: PairView
    active: Side
    pair: tuple[int, int]
    _note_marks: dict[int, tuple[tuple[int, int, int], NoteMarks]] | None = None
    """Per article: the (session, revision, article) its marks were computed for, and the marks."""

    if TYPE_CHECKING:  # provided by MainScreen or a sibling mixin; declared for the type checker only

        def pane(self, side: Side) -> ArticlePane: ...
        def move_cursor(self, side: Side, sentence: int) -> None: ...
        def _pair_chosen(self, pair: tuple[int, int] | None) -> None: ...

    if TYPE_CHECKING:  # provided by StoreActions, next in MainScreen's bases (a stub here would shadow it)

        def _sync_view_state(self) -> None: ...

        def restore_sidebar_tab(self) -> None: ...

    # -- what `m` acts on ------------------------------------------------------------------------------------

    def _note_target(self, session: Session) -> NoteTarget | None:
        """The selection the focus points at; the active pane's cursor when the focus is elsewhere or on a list
        with nothing highlighted (an empty Notes tab), so `m` always has something sensible to annotate."""
        from reader.viewmodel.notes import note_rows, passage_subject
        from reader.viewmodel.sidebar_rows import snippet
        from reader.widgets.actor_list import ActorList
        from reader.widgets.claim_list import ClaimList
        from reader.widgets.notes_list import NotesList

        focused = self.focused
        chain = list(focused.ancestors_with_self) if focused is not None else []
        comparison = session.comparison
        for node in chain:
            if isinstance(node, NotesList):
                annotation_id = node.highlighted_id
                if annotation_id is None:
                    break
                annotation = session.get(annotation_id)
                entry = note_rows([annotation], comparison, ())[0]
                return NoteTarget(f"{entry.where} {entry.subject}", (annotation,), beside=annotation)
            if isinstance(node, ActorList):
                actor_id = node.highlighted_id
                actor = next((a for a in comparison.actors if a.id == actor_id), None)
                if actor is None:
                    break
                return NoteTarget(f"actor {actor.name}", session.notes_for_actor(actor.id), actor_id=actor.id)
            if isinstance(node, ClaimList):
                row = node.highlighted_entry
                if row is None:
                    break
                claim = row.shown
                existing = tuple(
                    note for c in (row.left, row.right) if c is not None for note in session.notes_for_claim(c.id)
                )
                speaker = f"{claim.speaker_label}: " if claim.speaker_label else ""
                subject = f"claim {speaker}“{snippet(claim.content.text, 60)}”"
                return NoteTarget(subject, existing, claim_id=claim.id)
        sentence = self.pane(self.active).cursor
        if sentence is None:
            return None
        article = self.view.left if self.active is Side.LEFT else self.view.right
        record = comparison.articles[article].sentences[sentence]
        subject = passage_subject(comparison.articles[article], record.start, record.end)
        existing = session.notes_for_sentence(article, sentence)
        return NoteTarget(subject, existing, article=article, sentence=sentence)

    # -- the dialog and what it returns ----------------------------------------------------------------------

    def action_annotate(self, new: int = 0) -> None:
        session = self.session
        if session is None:
            return
        target = self._note_target(session)
        if target is None:
            self.notify("Nothing to annotate here: move to a passage, an actor or a claim.", timeout=3)
            return
        editing = None if new or not target.existing else target.existing[0]
        from reader.screens.annotate import AnnotateScreen

        self.app.push_screen(
            AnnotateScreen(target.subject, editing), lambda result: self._apply_note(target, editing, result)
        )

    def _apply_note(self, target: NoteTarget, editing: Annotation | None, result: NoteEdit | None) -> None:
        session = self.session
        if result is None or session is None:
            return
        self._sync_view_state()
        try:
            if editing is not None and result.delete:
                session.delete(editing.id)
                changed_id = None
                done = "Note deleted."
            elif editing is not None:
                changed_id = session.edit(editing.id, note=result.note, tags=result.tags).id
                done = "Note updated."
            elif target.actor_id is not None:
                changed_id = session.annotate_actor(target.actor_id, result.note, result.tags).id
                done = "Note added to the actor."
            elif target.claim_id is not None:
                changed_id = session.annotate_claim(target.claim_id, result.note, result.tags).id
                done = "Note added to the claim."
            elif target.article is not None and target.sentence is not None:
                changed_id = session.annotate_sentence(target.article, target.sentence, result.note, result.tags).id
                done = "Note added."
            elif target.beside is not None:
                changed_id = session.add(target.beside.target, result.note, result.tags).id
                done = "Note added."
            else:
                return
        except ReaderError as error:
            self.notify(shown_markup(str(error)), title="note not changed", severity="error", timeout=8)
            return
        self.refresh_notes(select=changed_id)
        self.report_save(done)

    def report_save(self, done: str) -> None:
        """Say what happened; when the save behind it failed, say why and that the notes are still here."""
        session = self.session
        notice = session.take_notice() if session is not None else None
        if notice:
            self.notify(shown_markup(notice), title="notes", timeout=8)
        if session is None or session.save_error is None:
            self.notify(done, timeout=2)
            return
        advice = "ctrl+s to save under another name or overwrite" if session.has_conflict else "ctrl+s tries again"
        self.notify(
            shown_markup(f"{done} Not saved: {session.save_error}. Your notes are kept in memory; {advice}."),
            title="save failed",
            severity="error",
            timeout=12,
        )

    # -- gutter, highlight and the Notes tab -----------------------------------------------------------------

    def show_note_marks(self) -> None:
        """Mark annotated sentences in both panes' gutters and lay the note highlight over their passages.

        Called on every relayout (resize, boilerplate, pair): the marks are computed once per change of the
        session (its revision) and article, so a thousand notes cost nothing while reading.
        """
        session = self.session
        if session is None:  # no notes before the first comparison: the store stays unimported until then
            return
        from reader.viewmodel.notes import note_marks

        if self._note_marks is None:
            self._note_marks = {}
        for side, article in ((Side.LEFT, self.view.left), (Side.RIGHT, self.view.right)):
            key = (id(session), session.revision, article)
            cached = self._note_marks.get(article)
            if cached is None or cached[0] != key:
                record = session.comparison.articles[article]
                cached = (key, note_marks(session.annotations, record, article))
                self._note_marks[article] = cached
            marks = cached[1]
            self.pane(side).set_notes(marks.sentences, marks.spans)

    def refresh_notes(self, select: str | None = None) -> None:
        """Redraw the gutter marks and the Notes tab after a change."""
        self.show_note_marks()
        session = self.session
        found = self.query("NotesList")
        if session is None or not found:
            return
        from reader.viewmodel.notes import note_rows
        from reader.widgets.notes_list import NotesList

        notes = found.first(NotesList)
        orphans = {annotation.id for annotation in session.orphans}
        notes.show_notes(note_rows(session.annotations, session.comparison, orphans))
        if select is not None:
            notes.select_note(select)

    def on_notes_list_ready(self, message: NotesList.Ready) -> None:
        self.refresh_notes()
        self.call_after_refresh(self.restore_sidebar_tab)

    def on_notes_list_selected(self, message: NotesList.Selected) -> None:
        """Enter on a note: show its passage (switching the pair if needed), actor or claim."""
        from reader.viewmodel.notes import sentence_of
        from reader.viewmodel.sidebar_rows import claim_rows
        from reader.widgets.actor_list import ActorList
        from reader.widgets.claim_list import ClaimList

        session = self.session
        if session is None:
            return
        annotation = session.get(message.annotation_id)
        if session.is_orphan(annotation.id):
            self._explain_orphan(annotation)
        elif annotation.passage is not None:
            target = annotation.passage
            side = self._show_article(target.article)
            sentence = sentence_of(session.comparison.articles[target.article], target.position.start)
            if side is not None and sentence is not None:
                self.move_cursor(side, sentence)
        elif annotation.actor is not None:
            self.post_message(ActorList.Selected(annotation.actor.actor_id))
        elif annotation.claim is not None:
            claim_id = annotation.claim.claim_id
            self._show_article(annotation.claim.article)
            row = next(
                (
                    r
                    for r in claim_rows(session.comparison, *self.pair)
                    if claim_id in {c.id for c in (r.left, r.right) if c is not None}
                ),
                None,
            )
            if row is not None:
                self.post_message(ClaimList.Selected(row))

    def _show_article(self, article: int) -> Side | None:
        """The side showing `article`, switching the pair to bring it in when it is not shown."""
        if article == self.view.left:
            return Side.LEFT
        if article == self.view.right:
            return Side.RIGHT
        count = len(self.view.articles)
        if not 0 <= article < count:
            return None
        partner = self.pair[0] if self.pair[0] != article else self.pair[1]
        first, second = sorted((article, partner))
        self._pair_chosen((first, second))
        return Side.LEFT if article == first else Side.RIGHT

    def _explain_orphan(self, annotation: Annotation) -> None:
        from reader.viewmodel.sidebar_rows import snippet

        if annotation.passage is not None:
            quote = snippet(annotation.passage.quote.exact, 120)
            what = f"Its passage was not found after the article changed. Saved quote: “{quote}”"
        elif annotation.actor is not None:
            what = f"The actor {annotation.actor.name} is not in this analysis."
        else:
            assert annotation.claim is not None
            what = f"The claim “{snippet(annotation.claim.quote, 120)}” is not in this analysis."
        self.notify(shown_markup(f"{what} The note is kept; m edits or deletes it."), title="orphaned note", timeout=10)

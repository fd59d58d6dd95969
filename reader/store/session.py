"""The object the app holds: one comparison, its annotations, its view state, and how it is saved.

Every change to the annotations is saved at once (autosave), so quitting or a crash loses nothing. An unnamed
comparison autosaves under a name made from its first headline; `save_as` gives it the user's name and removes
the automatic file. A save that fails (disk full, read-only directory, another instance changed the file)
never raises out of autosave: the annotations stay in memory, `save_error` says why, and the next change or
`save()` tries again. The app can therefore call one method per user action and show `save_error` when set.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.records import Comparison
from reader.shown import shown
from reader.store.annotations import (
    ActorTarget,
    Annotation,
    Target,
    edited,
    make_annotation,
    now_iso,
    passage_target,
)
from reader.store.errors import ConflictError, CorruptFileError, NameTakenError, SaveFailedError, StoreError
from reader.store.files import Fingerprint, locate_saved, path_for, unchanged_since, write_saved
from reader.store.merge import Content, base_of, merge_annotations
from reader.store.names import auto_name, replace_unsavable
from reader.store.reopen import (
    ReopenReport,
    claim_target,
    current_articles,
    reanchor_annotations,
    resolve_analysis_targets,
)
from reader.store.saved import SavedArticle, SavedComparison, ViewState
from reader.store.session_export import SessionExport
from reader.store.session_queries import SessionQueries


class Session(SessionQueries, SessionExport):
    """A comparison being read and annotated; merges what another process saved to the same file."""

    def __init__(
        self,
        comparison: Comparison,
        *,
        name: str | None = None,
        annotations: Iterable[Annotation] = (),
        view: ViewState | None = None,
        created: str | None = None,
        fingerprint: Fingerprint | None = None,
        report: ReopenReport | None = None,
        autosave: bool = True,
    ) -> None:
        self._lock = threading.RLock()
        self._comparison = comparison
        self._annotations: list[Annotation] = list(annotations)
        self._unresolved: tuple[str, ...] = ()
        self.name = name
        """The saved name; None until the first save (or autosave)."""
        self.auto_named = False
        """True while the name was chosen by autosave rather than the user."""
        self.view = view or ViewState()
        self.created = created or now_iso()
        self.fingerprint = fingerprint
        self.report = report
        """What reopening did (re-anchored / orphaned counts); None for a new comparison."""
        self.autosave_enabled = autosave
        self.dirty = False
        """True while there are changes not yet on disk."""
        self.save_error: ReaderError | None = None
        """Why the last save failed; None after a successful one."""
        self.path: Path | None = None
        self.revision = 0
        """Counts changes to the annotations or the comparison, so a view can cache what it derives from them."""
        self._base: dict[str, Content] = base_of(self._annotations) if fingerprint is not None else {}
        """The notes as last read or written: the base of a merge with another process's save."""
        self._notices: list[str] = []
        self._resolve_analysis()

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, name: str, *, autosave: bool = True) -> Session:
        """Reopen a saved comparison from the current sources, re-anchoring its annotations.

        Raises NotFoundError / CorruptFileError / InvalidNameError (all ReaderError) with one-line messages.
        """
        from reader.core.pipeline import align_articles

        saved, fingerprint, path = locate_saved(name)
        articles, statuses = current_articles(saved.articles)
        comparison = align_articles(articles)
        old_texts = [article.text for article in saved.articles]
        annotations, report = reanchor_annotations(saved.annotations, articles, statuses, old_texts)
        session = cls(
            comparison,
            name=saved.name,
            annotations=annotations,
            view=saved.view,
            created=saved.created,
            fingerprint=fingerprint,
            report=report,
            autosave=autosave,
        )
        session.path = path
        session._base = base_of(saved.annotations)
        return session

    # ---------------------------------------------------------- reading state

    @property
    def comparison(self) -> Comparison:
        return self._comparison

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        """All annotations in the order they were made."""
        return tuple(self._annotations)

    @property
    def needs_name(self) -> bool:
        """True when ctrl+s should ask for a name (never saved, or only autosaved under a made-up name)."""
        return self.name is None or self.auto_named

    @property
    def orphans(self) -> tuple[Annotation, ...]:
        """Annotations whose passage, actor or claim is not found in the current comparison."""
        return tuple(a for a in self._annotations if a.orphaned or a.id in self._unresolved)

    def is_orphan(self, annotation_id: str) -> bool:
        return any(a.id == annotation_id for a in self.orphans)

    def get(self, annotation_id: str) -> Annotation:
        for annotation in self._annotations:
            if annotation.id == annotation_id:
                return annotation
        raise ReaderError(f"no annotation {annotation_id}")

    # ------------------------------------------------------------ annotating

    def annotate_passage(self, article: int, start: int, end: int, note: str, tags: object = ()) -> Annotation:
        """Annotate `text[start:end]` of article `article` (both W3C selectors are filled in)."""
        text = self._comparison.articles[article].text
        return self.add(passage_target(text, article, start, end), note, tags)

    def annotate_sentence(self, article: int, sentence: int, note: str, tags: object = ()) -> Annotation:
        """Annotate one whole sentence (what `m` does on the cursor row)."""
        record = self._comparison.articles[article].sentences[sentence]
        return self.annotate_passage(article, record.start, record.end, note, tags)

    def annotate_actor(self, actor_id: str, note: str, tags: object = ()) -> Annotation:
        actor = next((a for a in self._comparison.actors if a.id == actor_id), None)
        if actor is None:
            raise ReaderError(f"no actor {actor_id} in this comparison")
        return self.add(ActorTarget(actor.id, actor.name), note, tags)

    def annotate_claim(self, claim_id: str, note: str, tags: object = ()) -> Annotation:
        claim = next((c for c in self._comparison.claims if c.id == claim_id), None)
        if claim is None:
            raise ReaderError(f"no claim {claim_id} in this comparison")
        return self.add(claim_target(claim), note, tags)

    def add(self, target: Target, note: str, tags: object = ()) -> Annotation:
        """Add an annotation on any target, then autosave."""
        note, tags = self._savable(note, tags)
        annotation = make_annotation(target, note, tags)
        with self._lock:
            self._annotations.append(annotation)
            self._changed()
        return annotation

    def edit(self, annotation_id: str, note: str | None = None, tags: object = None) -> Annotation:
        """Replace the note and/or tags of an annotation (id and target kept), then autosave."""
        note, tags = self._savable(note, tags)
        with self._lock:
            index = self._index_of(annotation_id)
            updated = edited(self._annotations[index], note=note, tags=tags)
            self._annotations[index] = updated
            self._changed()
        return updated

    def delete(self, annotation_id: str) -> Annotation:
        """Remove an annotation, then autosave; returns it (so the app can offer undo with `restore`)."""
        with self._lock:
            removed = self._annotations.pop(self._index_of(annotation_id))
            self._changed()
        return removed

    def restore(self, annotation: Annotation) -> None:
        """Put back an annotation removed by `delete` (same id, same times), then autosave."""
        with self._lock:
            if any(a.id == annotation.id for a in self._annotations):
                raise ReaderError(f"annotation {annotation.id} already exists")
            self._annotations.append(annotation)
            self._changed()

    def _savable(self, note: str | None, tags: object) -> tuple[Any, Any]:
        """Note and tags as typed or pasted, with what UTF-8 cannot store (lone surrogates) replaced; told."""
        replaced = 0
        if note is not None:
            note, replaced = replace_unsavable(note)
        if isinstance(tags, str):
            tags, count = replace_unsavable(tags)
            replaced += count
        elif isinstance(tags, list | tuple):
            cleaned = [replace_unsavable(tag) if isinstance(tag, str) else (tag, 0) for tag in tags]
            tags, replaced = [tag for tag, _ in cleaned], replaced + sum(count for _, count in cleaned)
        if replaced:
            self._notices.append(
                f"{replaced} character{'s' * (replaced != 1)} that cannot be saved (broken UTF-16 from a paste) "
                "replaced by \ufffd"
            )
        return note, tags

    def take_notice(self) -> str | None:
        """What the user should be told about the last changes (a merge, replaced characters); then forgotten."""
        with self._lock:
            notices, self._notices = self._notices, []
        return "; ".join(dict.fromkeys(notices)) if notices else None

    def _index_of(self, annotation_id: str) -> int:
        for index, annotation in enumerate(self._annotations):
            if annotation.id == annotation_id:
                return index
        raise ReaderError(f"no annotation {annotation_id}")

    def _changed(self) -> None:
        self.revision += 1
        self.dirty = True
        if self.autosave_enabled:
            self.autosave()

    # ------------------------------------------------------ comparison, view

    def set_comparison(self, comparison: Comparison) -> None:
        """Swap in a comparison of the same articles (typically the analysed one from the worker)."""
        with self._lock:
            if [a.sha256 for a in comparison.articles] != [a.sha256 for a in self._comparison.articles]:
                raise ReaderError("the new comparison is of other articles")
            self._comparison = comparison
            self.revision += 1
            self._resolve_analysis()

    def _resolve_analysis(self) -> None:
        resolved, self._unresolved = resolve_analysis_targets(self._annotations, self._comparison)
        if resolved != self._annotations:
            self._annotations = resolved
            self.dirty = True

    def update_view(self, **changes: Any) -> None:
        """Record where the reader is (pair, cursor, scroll…); saved with the next save, not on its own."""
        with self._lock:
            new_view = replace(self.view, **changes)
            if new_view != self.view:
                self.view = new_view
                self.dirty = True

    # ---------------------------------------------------------------- saving

    def snapshot(self, name: str | None = None) -> SavedComparison:
        """The saved-file record of the current state (immutable: safe to write from a worker)."""
        with self._lock:
            return SavedComparison(
                name=name or self.name or "",
                articles=tuple(SavedArticle.of(article) for article in self._comparison.articles),
                annotations=tuple(self._annotations),
                created=self.created,
                modified=now_iso(),
                view=self.view,
            )

    def save(self, *, force: bool = False) -> Path:
        """Save under the current name (ctrl+s once named). `force` overwrites a file changed by another instance.

        Raises ReaderError when unnamed (call `save_as`) or when the write fails; the state stays in memory.
        """
        with self._lock:
            if self.name is None:
                raise ReaderError("this comparison has no name yet: save it with a name first")
            try:
                expected = None if force else self.fingerprint
                vanished = self.fingerprint is not None and self.path is not None and not self.path.exists()
                path, self.fingerprint = write_saved(
                    self.snapshot(), expected=expected, overwrite=force, path=self.path, merge=self._merge_theirs
                )
            except ReaderError as error:
                self.save_error = error
                raise
            self.path, self.dirty, self.save_error = path, False, None
            self._base = base_of(self._annotations)
            if vanished:  # deleted on disk (`reader delete`, a file manager) while this window had it open
                self._notices.append(f"'{shown(self.name)}' had been deleted on disk; saved again with these notes")
            return path

    def _merge_theirs(self, theirs: SavedComparison) -> SavedComparison:
        """Called by `write_saved`, under the store lock, when another process saved this file since we did."""
        ours = self._comparison.articles
        same_texts = [a.sha256 for a in theirs.articles] == [a.sha256 for a in ours]

        def place(annotation: Annotation) -> Annotation:
            if annotation.passage is None or same_texts:
                return annotation
            old_texts = [article.text for article in theirs.articles]
            return reanchor_annotations([annotation], ours, (), old_texts)[0][0]

        merged, report = merge_annotations(self._base, self._annotations, theirs.annotations, place)
        self._annotations = merged
        self.revision += 1
        if report.anything:
            self._notices.append(report.summary())
        return replace(self.snapshot(), created=min(self.created, theirs.created))

    def save_as(self, name: str, *, overwrite: bool = False) -> Path:
        """Save under a new name (ctrl+s the first time). The automatic file, if any, is removed afterwards.

        Raises InvalidNameError for a bad name, NameTakenError when the name is used (unless `overwrite`).
        """
        name, _ = replace_unsavable(name)
        with self._lock:
            old_path, old_fingerprint, was_auto = self.path, self.fingerprint, self.auto_named
            new_path = path_for(name)
            if new_path == old_path:
                self.name, self.auto_named = name, False
                return self.save()
            try:
                path, fingerprint = write_saved(self.snapshot(name), expected=None, overwrite=overwrite)
            except ReaderError as error:
                self.save_error = error
                raise
            self.name, self.auto_named, self.path, self.fingerprint = name, False, path, fingerprint
            self.dirty, self.save_error = False, None
            self._base = base_of(self._annotations)
            if was_auto and old_path is not None and old_fingerprint is not None:
                self._remove_auto_file(old_path, old_fingerprint)
            return path

    @staticmethod
    def _remove_auto_file(path: Path, fingerprint: Fingerprint) -> None:
        if unchanged_since(path, fingerprint):
            with contextlib.suppress(OSError):
                path.unlink()

    def autosave(self) -> ReaderError | None:
        """Save now if anything changed; never raises. Returns (and keeps in `save_error`) the failure, if any.

        An unnamed comparison with at least one annotation gets an automatic name from its first headline.
        """
        with self._lock:
            if not self.dirty:
                return None
            try:
                if self.name is None:
                    if not self._annotations:
                        return None
                    self._autosave_new()
                else:
                    self.save()
            except ReaderError as error:
                self.save_error = error
                return error
            return None

    def _autosave_new(self) -> None:
        """Save under "notes HEADLINE", "… 2" up to "… 99", then a name with a random part: one is always free."""
        base = auto_name(self._comparison.articles[0].title if self._comparison.articles else "")
        candidates = [base, *(f"{base} {n}" for n in range(2, 100)), f"{base} {uuid.uuid4().hex[:8]}"]
        for candidate in candidates:
            try:
                path, fingerprint = write_saved(self.snapshot(candidate), expected=None)
            except (NameTakenError, CorruptFileError):
                continue  # taken, or damaged (never replaced): try the next name
            except SaveFailedError:
                if path_for(candidate).exists():
                    continue  # a read-only file holds that name: try the next one
                raise  # the directory itself refuses: every name would fail the same way
            self.name, self.auto_named, self.path, self.fingerprint = candidate, True, path, fingerprint
            self.dirty, self.save_error = False, None
            self._base = base_of(self._annotations)
            return
        raise StoreError(f"could not save the notes under an automatic name for {base!r}; save it with a name")

    @property
    def has_conflict(self) -> bool:
        """True when the last save failed because another instance changed the file."""
        return isinstance(self.save_error, ConflictError)

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
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.records import Comparison
from reader.store.annotations import (
    ActorTarget,
    Annotation,
    Target,
    edited,
    make_annotation,
    now_iso,
    passage_target,
)
from reader.store.files import (
    ConflictError,
    Fingerprint,
    NameTakenError,
    StoreError,
    path_for,
    read_saved,
    slugify,
    unchanged_since,
    write_saved,
)
from reader.store.reopen import (
    ReopenReport,
    claim_target,
    current_articles,
    reanchor_annotations,
    resolve_analysis_targets,
)
from reader.store.saved import SavedArticle, SavedComparison, ViewState


class Session:
    """A comparison being read and annotated; the single writer of its saved file."""

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
        self._resolve_analysis()

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, name: str, *, autosave: bool = True) -> Session:
        """Reopen a saved comparison from the current sources, re-anchoring its annotations.

        Raises NotFoundError / CorruptFileError / InvalidNameError (all ReaderError) with one-line messages.
        """
        from reader.core.pipeline import align_articles

        saved, fingerprint = read_saved(name)
        articles, statuses = current_articles(saved.articles)
        comparison = align_articles(articles)
        annotations, report = reanchor_annotations(saved.annotations, articles, statuses)
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
        session.path = path_for(saved.name)
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

    def notes_for_sentence(self, article: int, sentence: int) -> tuple[Annotation, ...]:
        """Placed passage annotations overlapping sentence `sentence` of article `article` (for the gutter)."""
        record = self._comparison.articles[article].sentences[sentence]
        return tuple(
            a
            for a in self._annotations
            if a.passage is not None
            and not a.passage.orphaned
            and a.passage.article == article
            and a.passage.position.start < record.end
            and record.start < a.passage.position.end
        )

    def sentence_marks(self, article: int) -> dict[int, tuple[Annotation, ...]]:
        """Sentence index → its annotations, for every annotated sentence of `article` (gutter marks)."""
        marks: dict[int, list[Annotation]] = {}
        sentences = self._comparison.articles[article].sentences
        for annotation in self._annotations:
            target = annotation.passage
            if target is None or target.orphaned or target.article != article:
                continue
            for sentence in sentences:
                if sentence.start < target.position.end and target.position.start < sentence.end:
                    marks.setdefault(sentence.index, []).append(annotation)
        return {index: tuple(items) for index, items in sorted(marks.items())}

    def notes_for_actor(self, actor_id: str) -> tuple[Annotation, ...]:
        return tuple(a for a in self._annotations if a.actor is not None and a.actor.actor_id == actor_id)

    def notes_for_claim(self, claim_id: str) -> tuple[Annotation, ...]:
        return tuple(a for a in self._annotations if a.claim is not None and a.claim.claim_id == claim_id)

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
        annotation = make_annotation(target, note, tags)
        with self._lock:
            self._annotations.append(annotation)
            self._changed()
        return annotation

    def edit(self, annotation_id: str, note: str | None = None, tags: object = None) -> Annotation:
        """Replace the note and/or tags of an annotation (id and target kept), then autosave."""
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
                path, self.fingerprint = write_saved(self.snapshot(), expected=expected, overwrite=force)
            except ReaderError as error:
                self.save_error = error
                raise
            self.path, self.dirty, self.save_error = path, False, None
            return path

    def save_as(self, name: str, *, overwrite: bool = False) -> Path:
        """Save under a new name (ctrl+s the first time). The automatic file, if any, is removed afterwards.

        Raises InvalidNameError for a bad name, NameTakenError when the name is used (unless `overwrite`).
        """
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
        base = _auto_name(self._comparison)
        for attempt in range(1, 100):
            candidate = base if attempt == 1 else f"{base} {attempt}"
            try:
                path, fingerprint = write_saved(self.snapshot(candidate), expected=None)
            except NameTakenError:
                continue
            self.name, self.auto_named, self.path, self.fingerprint = candidate, True, path, fingerprint
            self.dirty, self.save_error = False, None
            return
        raise StoreError(f"could not find a free automatic name for {base!r}; save it with a name")

    # ---------------------------------------------------------------- export

    def export(self, fmt: str, path: str | Path | None = None) -> str | Path:
        """The comparison and its notes as "md", "html" or "json": the text, or the path written (atomically).

        The HTML page shows the pair currently viewed (`view.pair`).
        """
        from reader.export import export_to, render

        count = len(self._comparison.articles)
        pair = self.view.pair if self.view.pair[0] != self.view.pair[1] and max(self.view.pair) < count else None
        if path is None:
            return render(fmt, self._comparison, self.annotations, pair)
        return export_to(path, fmt, self._comparison, self.annotations, pair)

    def suggested_export_name(self, fmt: str) -> str:
        """A file name for the export dialog: the saved name (or first headline) as a slug, plus the extension."""
        from reader.export import suggested_file_name

        title = self._comparison.articles[0].title if self._comparison.articles else "comparison"
        return suggested_file_name(self.name or title, fmt)

    @property
    def has_conflict(self) -> bool:
        """True when the last save failed because another instance changed the file."""
        return isinstance(self.save_error, ConflictError)


def _auto_name(comparison: Comparison) -> str:
    """A readable automatic name: the first article's title, shortened (the slug makes it file-safe)."""
    title = comparison.articles[0].title if comparison.articles else "comparison"
    words = " ".join(title.split()[:8])
    try:
        slugify(words)
    except ReaderError:
        words = "comparison"
    return f"notes {words}"

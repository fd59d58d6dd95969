"""Notes as the app shows them: rows of the Notes tab, the note dialog's title and form, where a note points.

Pure functions over the store's Annotation records and the Comparison (no Textual), so the dialog's validator,
the Notes tab and the jump from a note to its passage are tested without an app.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.errors import ReaderError
from reader.core.records import Article, Comparison
from reader.marks import NOTE_MARK
from reader.store.annotations import QUICK_TAGS, Annotation, clean_tags
from reader.viewmodel.sidebar_rows import snippet

__all__ = [
    "NOTE_MARK",
    "NoteEdit",
    "NoteKind",
    "NoteMarks",
    "NoteRow",
    "note_edit",
    "note_marks",
    "note_rows",
    "toggle_tag",
]


class NoteKind(StrEnum):
    """What a note is attached to."""

    PASSAGE = "passage"
    ACTOR = "actor"
    CLAIM = "claim"


@dataclass(frozen=True)
class NoteRow:
    """One entry of the Notes tab."""

    annotation_id: str
    kind: NoteKind
    where: str
    """Short place: "A 12" (label and source line), "actor", "claim B"."""
    subject: str
    """What the note is on, one line: the quoted passage, the actor's name, the claim's content."""
    tags: tuple[str, ...]
    note: str
    """The first line of the note."""
    orphaned: bool
    """The target is not found in the current comparison (edited source, vanished actor or claim)."""


@dataclass(frozen=True)
class NoteEdit:
    """What the note dialog hands back: the cleaned note and tags, or a request to delete the note."""

    note: str
    tags: tuple[str, ...]
    delete: bool = False


def note_rows(annotations: Sequence[Annotation], comparison: Comparison, orphan_ids: Collection[str]) -> list[NoteRow]:
    """Every note in reading order: passages by article and offset, then actors, claims, and orphans last."""
    rows = [_row(annotation, comparison, annotation.id in orphan_ids) for annotation in annotations]
    order = {annotation.id: _order_key(annotation, annotation.id in orphan_ids) for annotation in annotations}
    return sorted(rows, key=lambda row: order[row.annotation_id])


def _order_key(annotation: Annotation, orphaned: bool) -> tuple[int, int, int, str, str]:
    if orphaned:
        return (3, 0, 0, annotation.created, annotation.id)
    if annotation.passage is not None:
        target = annotation.passage
        return (0, target.article, target.position.start, annotation.created, annotation.id)
    return (1 if annotation.actor is not None else 2, 0, 0, annotation.created, annotation.id)


def _label(comparison: Comparison, article: int) -> str:
    return comparison.articles[article].label if 0 <= article < len(comparison.articles) else "?"


def _row(annotation: Annotation, comparison: Comparison, orphaned: bool) -> NoteRow:
    first_line = next((line.strip() for line in annotation.note.splitlines() if line.strip()), "")
    if annotation.passage is not None:
        target = annotation.passage
        label = _label(comparison, target.article)
        if orphaned or not 0 <= target.article < len(comparison.articles):
            where = label
        else:
            where = f"{label} {comparison.articles[target.article].line_of(target.position.start)}"
        kind, subject = NoteKind.PASSAGE, f"“{snippet(target.quote.exact, 200)}”"
    elif annotation.actor is not None:
        kind, where, subject = NoteKind.ACTOR, "actor", annotation.actor.name
    else:
        assert annotation.claim is not None
        claim = annotation.claim
        speaker = f"{claim.speaker}: " if claim.speaker else ""
        kind = NoteKind.CLAIM
        where = f"claim {_label(comparison, claim.article)}"
        subject = f"{speaker}“{snippet(claim.quote, 200)}”"
    return NoteRow(annotation.id, kind, where, subject, annotation.tags, first_line, orphaned)


@dataclass(frozen=True)
class NoteMarks:
    """What the notes put on one pane: the annotated sentences (gutter) and the noted passages (underline)."""

    sentences: frozenset[int]
    spans: tuple[tuple[int, int], ...]
    """Character spans of the placed passage notes, sorted, each once."""


def note_marks(annotations: Sequence[Annotation], article: Article, article_index: int) -> NoteMarks:
    """The sentences each placed passage note of `article_index` overlaps, found by bisection over the sentence
    starts: O(notes × log sentences) rather than every note against every sentence."""
    sentences = article.sentences
    starts = [sentence.start for sentence in sentences]
    marked: set[int] = set()
    spans: set[tuple[int, int]] = set()
    for annotation in annotations:
        target = annotation.passage
        if target is None or target.orphaned or target.article != article_index:
            continue
        start, end = target.position.start, target.position.end
        spans.add((start, end))
        index = max(0, bisect.bisect_right(starts, start) - 1)
        while index < len(sentences) and sentences[index].start < end:
            if start < sentences[index].end:
                marked.add(sentences[index].index)
            index += 1
    return NoteMarks(frozenset(marked), tuple(sorted(spans)))


def dialog_title(annotation: Annotation | None, subject: str) -> str:
    """The note dialog's first line: "New note on …" or "Edit note on …"."""
    return f"{'Edit note' if annotation is not None else 'New note'} on {subject}"


def passage_subject(article: Article, start: int, end: int) -> str:
    """ "A line 12: “The council voted…”", one line for the dialog's title."""
    return f"{article.label} line {article.line_of(start)}: “{snippet(article.text[start:end], 70)}”"


def sentence_of(article: Article, offset: int) -> int | None:
    """The index of the sentence holding character `offset` (the nearest one before it in a gap)."""
    if not article.sentences:
        return None
    starts = [sentence.start for sentence in article.sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def tags_in(text: str) -> tuple[str, ...]:
    """The tags typed in the dialog's tag field (comma-separated), cleaned; ReaderError for a too-long tag."""
    return clean_tags(text)


def toggle_tag(text: str, tag: str, on: bool) -> str:
    """The tag field with `tag` added (at the end) or removed, keeping the other tags as typed."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    kept = [part for part in parts if " ".join(part.split()).lower() != tag]
    if on:
        kept.append(tag)
    return ", ".join(kept)


def quick_tags_on(text: str) -> dict[str, bool]:
    """Which quick-pick toggles the tag field turns on (a typed "check" ticks the "check" box)."""
    try:
        present = set(tags_in(text))
    except ReaderError:
        present = {" ".join(part.split()).lower() for part in text.split(",")}
    return {tag: tag in present for tag in QUICK_TAGS}


def note_edit(note: str, tags_text: str) -> NoteEdit:
    """The dialog's validator: the note as typed (trailing blank lines dropped) and its cleaned tags.

    Raises ReaderError (shown in the dialog) for an empty note without tags or a tag that is too long.
    """
    tags = tags_in(tags_text)
    text = note.rstrip()
    if not text.strip() and not tags:
        raise ReaderError("write a note or pick a tag (Escape cancels)")
    return NoteEdit(text, tags)

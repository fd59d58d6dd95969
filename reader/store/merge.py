"""Folding another process's save into ours, so two windows on one comparison never lose each other's notes.

A three-way merge by annotation id. The base is what this session last read or wrote; "ours" is what it holds
now, "theirs" what the other process saved since. A note's *content* is its text, tags and modified time: the
target is left out, because re-anchoring and re-analysis move targets without anyone editing the note.

- only one side changed a note (or added one): that side's version is kept;
- one side deleted a note the other left alone: it stays deleted;
- one side deleted a note the other edited: the edit is kept (a note someone is still writing is not dropped);
- both edited the same note differently: ours is kept and theirs is added as a copy with a fresh id, tagged
  `merged`, so no text anybody typed is lost and the user sees both.

Notes taken from theirs keep our target when we hold the note too (our targets point into our texts); a note
only they have is placed by `place` (re-anchored when their texts differ from ours).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from reader.store.annotations import Annotation, new_annotation_id

MERGED_TAG = "merged"
"""Tag of the copy kept when both processes edited the same note."""

Content = tuple[str, tuple[str, ...], str]


def content_of(annotation: Annotation) -> Content:
    """What a user changes in a note: text, tags and (so a re-save of the same text counts) the edit time."""
    return annotation.note, annotation.tags, annotation.modified


def base_of(annotations: Sequence[Annotation]) -> dict[str, Content]:
    """The merge base to keep after a read or a write."""
    return {annotation.id: content_of(annotation) for annotation in annotations}


@dataclass(frozen=True)
class MergeReport:
    """What a merge took from the other process's save."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    copies: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.added or self.changed or self.deleted or self.copies)

    def summary(self) -> str:
        """One line, e.g. "another window saved this comparison too: merged 2 new notes, 1 edited in both"."""
        parts = []
        for count, what in (
            (self.added, "new"),
            (self.changed, "edited"),
            (self.deleted, "deleted"),
            (self.copies, "edited in both windows (both versions kept, tagged merged)"),
        ):
            if count:
                parts.append(f"{count} {what}")
        return "another window saved this comparison too; merged its notes: " + ", ".join(parts)


def merge_annotations(
    base: Mapping[str, Content],
    ours: Sequence[Annotation],
    theirs: Sequence[Annotation],
    place: Callable[[Annotation], Annotation] = lambda annotation: annotation,
) -> tuple[list[Annotation], MergeReport]:
    """The merged annotations (ours in our order, then what only they have, in theirs) and what changed."""
    their_by_id = {annotation.id: annotation for annotation in theirs}
    our_ids = {annotation.id for annotation in ours}
    merged: list[Annotation] = []
    added = changed = deleted = copies = 0
    for mine in ours:
        other = their_by_id.get(mine.id)
        known = base.get(mine.id)
        if other is None:
            if known is not None and content_of(mine) == known:
                deleted += 1  # they deleted it and we did not touch it
                continue
            merged.append(mine)
            continue
        if content_of(other) == content_of(mine) or content_of(other) == known:
            merged.append(mine)
        elif content_of(mine) == known:
            merged.append(replace(mine, note=other.note, tags=other.tags, modified=other.modified))
            changed += 1
        else:
            merged.append(mine)
            tags = other.tags if MERGED_TAG in other.tags else (*other.tags, MERGED_TAG)
            merged.append(place(replace(other, id=new_annotation_id(), tags=tags)))
            copies += 1
    for other in theirs:
        if other.id in our_ids:
            continue
        known = base.get(other.id)
        if known is not None and content_of(other) == known:
            continue  # we deleted it and they did not touch it
        merged.append(place(other))
        added += 1
    return merged, MergeReport(added, changed, deleted, copies)

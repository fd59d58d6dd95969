"""The read-only queries of `Session` the view asks on every frame: notes by sentence, actor or claim."""

from __future__ import annotations

from reader.core.records import Comparison
from reader.store.annotations import Annotation


class SessionQueries:
    """Mixed into `Session`, which provides `_comparison` and `_annotations`."""

    _comparison: Comparison
    _annotations: list[Annotation]

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

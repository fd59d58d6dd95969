"""Reopening a saved comparison: current sources when they exist, saved texts otherwise, notes re-anchored.

Each source is read again from its original path. Unchanged (same sha256): annotations stay where they were.
Changed: every passage annotation is re-anchored by its quote and context (`reader.store.anchoring`), and the
ones that cannot be found are kept, flagged orphaned, and listed. Gone or unreadable: the saved text is used,
so a comparison always reopens. Actor and claim annotations are matched again whenever an analysed comparison
arrives (ids are recomputed by each analysis run), by id first, then by name or by the claim's content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz

from reader.core.errors import ReaderError
from reader.core.records import Actor, Article, Claim, Comparison
from reader.store.anchoring import AnchorMethod, anchor
from reader.store.annotations import (
    ActorTarget,
    Annotation,
    ClaimTarget,
    PassageTarget,
    passage_target,
    retargeted,
)
from reader.store.saved import SavedArticle

CLAIM_MIN_SIMILARITY = 80.0
"""rapidfuzz ratio (0–100) a claim's content must reach to be taken as the annotated claim after edits."""


class SourceState(StrEnum):
    """What reopening found at an article's original path."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MISSING = "missing"
    UNREADABLE = "unreadable"
    INLINE = "inline"
    """The article was given as text, not read from a file: the saved text is the only source."""


@dataclass(frozen=True)
class SourceStatus:
    label: str
    path: str | None
    state: SourceState
    detail: str = ""


@dataclass(frozen=True)
class ReopenReport:
    """What reopening did, for the one-line message the user sees."""

    sources: tuple[SourceStatus, ...]
    kept: int
    """Passage annotations found at their saved place."""
    reanchored: int
    """Passage annotations found again elsewhere or with small edits."""
    orphaned: tuple[str, ...]
    """Ids of passage annotations that could not be found (kept, listed apart)."""

    @property
    def changed(self) -> bool:
        return any(source.state is not SourceState.UNCHANGED for source in self.sources) or bool(self.orphaned)

    def summary(self) -> str:
        """One line such as "B changed on disk: 3 notes re-anchored, 1 orphaned (kept in the Notes list)"."""
        parts: list[str] = []
        for source in self.sources:
            if source.state is SourceState.CHANGED:
                parts.append(f"{source.label} changed on disk")
            elif source.state in (SourceState.MISSING, SourceState.UNREADABLE):
                parts.append(f"{source.label}: {source.path} {source.state.value}, using the saved text")
        if self.reanchored or self.orphaned:
            notes = f"{self.reanchored} note{'s' * (self.reanchored != 1)} re-anchored"
            if self.orphaned:
                notes += f", {len(self.orphaned)} orphaned (kept in the Notes list)"
            parts.append(notes)
        return "; ".join(parts) if parts else "all notes in place"


def current_articles(saved: Sequence[SavedArticle]) -> tuple[list[Article], list[SourceStatus]]:
    """The articles to compare now: each source re-read when it still exists, the saved text otherwise."""
    from reader.core.load.inputs import label_for, read_article

    articles: list[Article] = []
    statuses: list[SourceStatus] = []
    for index, record in enumerate(saved):
        fresh: Article | None = None
        state = SourceState.INLINE
        detail = ""
        if record.path:
            if not Path(record.path).is_file():
                state = SourceState.MISSING
            else:
                try:
                    fresh = read_article(record.path, label=record.label)
                except (ReaderError, OSError) as error:
                    state, detail = SourceState.UNREADABLE, str(error)
        if fresh is not None:
            state = SourceState.UNCHANGED if fresh.sha256 == record.sha256 else SourceState.CHANGED
            articles.append(fresh)
        else:
            articles.append(saved_article(record, record.label or label_for(index)))
        statuses.append(SourceStatus(record.label, record.path, state, detail))
    return articles, statuses


def saved_article(record: SavedArticle, label: str) -> Article:
    """The article rebuilt from its saved text, with the line map and metadata it had when saved."""
    from reader.core.load.inputs import article_from_text

    article = article_from_text(record.text, label, record.path, source_lines=record.source_lines or None)
    return replace(article, meta=record.meta)


def reanchor_annotations(
    annotations: Iterable[Annotation],
    articles: Sequence[Article],
    statuses: Sequence[SourceStatus],
    old_texts: Sequence[str] | None = None,
) -> tuple[list[Annotation], ReopenReport]:
    """Every annotation placed in the current texts; orphans keep their old selectors with `orphaned=True`.

    `old_texts` are the texts the saved positions refer to (the saved articles): with them a passage is
    followed through the edit itself, not only searched for by its quote.
    """
    placed: list[Annotation] = []
    kept = reanchored = 0
    orphaned: list[str] = []
    for annotation in annotations:
        target = annotation.passage
        if target is None:
            placed.append(annotation)
            continue
        new_target, method = place_passage(target, articles, old_texts)
        placed.append(retargeted(annotation, new_target))
        if method is AnchorMethod.ORPHANED:
            orphaned.append(annotation.id)
        elif method is AnchorMethod.POSITION and new_target.position == target.position and not target.orphaned:
            kept += 1
        else:
            reanchored += 1
    return placed, ReopenReport(tuple(statuses), kept, reanchored, tuple(orphaned))


def place_passage(
    target: PassageTarget, articles: Sequence[Article], old_texts: Sequence[str] | None = None
) -> tuple[PassageTarget, AnchorMethod]:
    """The target re-anchored in its article's current text, or flagged orphaned (selectors untouched)."""
    if not 0 <= target.article < len(articles):
        return PassageTarget(target.article, target.quote, target.position, orphaned=True), AnchorMethod.ORPHANED
    text = articles[target.article].text
    hint = None if target.orphaned else target.position.start
    old_text = old_texts[target.article] if old_texts is not None and target.article < len(old_texts) else None
    result = anchor(target.quote, text, hint, old_text=None if target.orphaned else old_text)
    if not result.found:
        orphan = PassageTarget(target.article, target.quote, target.position, orphaned=True)
        return orphan, AnchorMethod.ORPHANED
    return passage_target(text, target.article, result.start, result.end), result.method


def resolve_analysis_targets(
    annotations: Sequence[Annotation], comparison: Comparison
) -> tuple[list[Annotation], tuple[str, ...]]:
    """Actor and claim annotations pointed at the current analysis; returns them and the unresolved ids.

    Before the analysis has run (`comparison.analysed` false) nothing is touched and nothing is unresolved.
    """
    if not comparison.analysed:
        return list(annotations), ()
    resolved: list[Annotation] = []
    unresolved: list[str] = []
    for annotation in annotations:
        if annotation.actor is not None:
            actor = find_actor(annotation.actor, comparison.actors)
            if actor is None:
                unresolved.append(annotation.id)
                resolved.append(annotation)
            else:
                resolved.append(retargeted(annotation, ActorTarget(actor.id, actor.name)))
        elif annotation.claim is not None:
            claim = find_claim(annotation.claim, comparison.claims)
            if claim is None:
                unresolved.append(annotation.id)
                resolved.append(annotation)
            else:
                resolved.append(retargeted(annotation, claim_target(claim)))
        else:
            resolved.append(annotation)
    return resolved, tuple(unresolved)


def claim_target(claim: Claim) -> ClaimTarget:
    """The target for annotating `claim`, carrying its content so it can be found after re-analysis."""
    speaker = claim.speaker_label or (claim.speaker.text if claim.speaker else "")
    return ClaimTarget(claim_id=claim.id, article=claim.article, quote=claim.content.text, speaker=speaker)


def find_actor(target: ActorTarget, actors: Sequence[Actor]) -> Actor | None:
    """The actor with the same id and name; else the one whose name or alias is the saved name."""
    wanted = target.name.casefold()
    for actor in actors:
        if actor.id == target.actor_id and actor.name.casefold() == wanted:
            return actor
    for actor in actors:
        if actor.name.casefold() == wanted:
            return actor
    for actor in actors:
        if any(alias.casefold() == wanted for alias in actor.aliases):
            return actor
    return None


def find_claim(target: ClaimTarget, claims: Sequence[Claim]) -> Claim | None:
    """The claim of the same article with the same content (same id preferred), else the closest content."""
    same_article = [claim for claim in claims if claim.article == target.article]
    exact = [claim for claim in same_article if claim.content.text == target.quote]
    if exact:
        return next((claim for claim in exact if claim.id == target.claim_id), exact[0])
    best: Claim | None = None
    best_score = CLAIM_MIN_SIMILARITY
    for claim in same_article:
        score = fuzz.ratio(claim.content.text, target.quote)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = claim, score
    return best

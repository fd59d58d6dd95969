"""Annotation records: a note and tags attached to a passage, an actor or a claim.

Passages are targeted the way W3C Web Annotations target text: a TextQuoteSelector (the exact quote with a
little context before and after) and a TextPositionSelector (character offsets in `Article.text`). The position
is fast and exact while the text is unchanged; the quote lets `reader.store.anchoring` find the passage again
after the source file was edited. Actors and claims are targeted by id plus a human-readable fallback (the
actor's name, the claim's content) because ids are recomputed whenever the analysis runs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from reader.core.errors import ReaderError

QUICK_TAGS: tuple[str, ...] = ("agree", "conflict", "check", "important")
"""Tags offered as one-key picks in the note dialog; any other free-text tag is allowed too."""

CONTEXT_CHARS = 32
"""How much text before and after the quote a TextQuoteSelector keeps (enough to tell duplicates apart)."""

MAX_TAG_CHARS = 40


@dataclass(frozen=True)
class TextQuoteSelector:
    """The quoted passage and its surroundings, as in the W3C Web Annotation model."""

    exact: str
    prefix: str = ""
    """Up to CONTEXT_CHARS characters right before the quote."""
    suffix: str = ""
    """Up to CONTEXT_CHARS characters right after the quote."""


@dataclass(frozen=True)
class TextPositionSelector:
    """Character offsets of the passage in `Article.text` (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class PassageTarget:
    """A span of one article's text."""

    article: int
    """Index into `Comparison.articles`."""
    quote: TextQuoteSelector
    position: TextPositionSelector
    orphaned: bool = False
    """True when the passage could not be found again after its article changed; `quote` still says what it was."""


@dataclass(frozen=True)
class ActorTarget:
    """An actor of the comparison's analysis."""

    actor_id: str
    name: str
    """The actor's display name when annotated: used to find it again when ids change."""


@dataclass(frozen=True)
class ClaimTarget:
    """A claim (attributed statement) of the comparison's analysis."""

    claim_id: str
    article: int
    quote: str
    """The claim's content text when annotated: used to find it again when ids change."""
    speaker: str = ""


Target = PassageTarget | ActorTarget | ClaimTarget


@dataclass(frozen=True)
class Annotation:
    """A note and tags on exactly one target (one of `passage`, `actor`, `claim` is set)."""

    id: str
    """Stable identifier, kept across edits, saves and re-anchoring."""
    note: str
    """Free text, may span several lines; shown verbatim, never interpreted as markup."""
    tags: tuple[str, ...]
    created: str
    """ISO 8601 time (UTC) of creation."""
    modified: str
    """ISO 8601 time (UTC) of the last edit of the note or tags."""
    passage: PassageTarget | None = None
    actor: ActorTarget | None = None
    claim: ClaimTarget | None = None

    def __post_init__(self) -> None:
        targets = [t for t in (self.passage, self.actor, self.claim) if t is not None]
        if len(targets) != 1:
            raise ValueError(f"annotation {self.id} must have exactly one target, has {len(targets)}")

    @property
    def target(self) -> Target:
        """The one target, whichever kind it is."""
        target = self.passage or self.actor or self.claim
        assert target is not None  # guaranteed by __post_init__
        return target

    @property
    def orphaned(self) -> bool:
        """True for a passage annotation whose passage is no longer found in its article."""
        return self.passage is not None and self.passage.orphaned


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with second precision."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_annotation_id() -> str:
    """A random, collision-free id (uuid4 hex) so annotations from two sessions never clash."""
    return uuid.uuid4().hex


def clean_tags(tags: object) -> tuple[str, ...]:
    """Tags trimmed, lower-cased, de-duplicated in first-seen order; blank ones dropped.

    Accepts any iterable of strings, or one comma-separated string as typed in the dialog.
    """
    if isinstance(tags, str):
        items = tags.split(",")
    elif isinstance(tags, list | tuple):
        items = [str(item) for item in tags]
    else:
        raise ReaderError("tags must be text or a list of texts")
    seen: list[str] = []
    for item in items:
        tag = " ".join(item.split()).lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise ReaderError(f"tag too long (at most {MAX_TAG_CHARS} characters): {tag[:20]}…")
        if tag not in seen:
            seen.append(tag)
    return tuple(seen)


def quote_selector(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> TextQuoteSelector:
    """The quote selector of `text[start:end]` with up to `context` characters on each side."""
    if not 0 <= start < end <= len(text):
        raise ReaderError(f"passage {start}–{end} lies outside the article text (0–{len(text)})")
    return TextQuoteSelector(
        exact=text[start:end], prefix=text[max(0, start - context) : start], suffix=text[end : end + context]
    )


def passage_target(text: str, article: int, start: int, end: int) -> PassageTarget:
    """A passage target for `text[start:end]` of article number `article`, both selectors filled in."""
    return PassageTarget(
        article=article,
        quote=quote_selector(text, start, end),
        position=TextPositionSelector(start=start, end=end),
    )


def make_annotation(target: Target, note: str, tags: object = (), when: str | None = None) -> Annotation:
    """A new annotation with a fresh id; `note` is kept exactly as typed (line breaks and all)."""
    stamp = when or now_iso()
    return Annotation(
        id=new_annotation_id(),
        note=note,
        tags=clean_tags(tags),
        created=stamp,
        modified=stamp,
        passage=target if isinstance(target, PassageTarget) else None,
        actor=target if isinstance(target, ActorTarget) else None,
        claim=target if isinstance(target, ClaimTarget) else None,
    )


def edited(annotation: Annotation, note: str | None = None, tags: object = None) -> Annotation:
    """The annotation with a new note and/or tags and a fresh `modified` time; id and target unchanged."""
    return replace(
        annotation,
        note=annotation.note if note is None else note,
        tags=annotation.tags if tags is None else clean_tags(tags),
        modified=now_iso(),
    )


def retargeted(annotation: Annotation, target: Target) -> Annotation:
    """The annotation pointing at `target` (after re-anchoring); note, tags and times unchanged."""
    if isinstance(target, PassageTarget):
        return replace(annotation, passage=target, actor=None, claim=None)
    if isinstance(target, ActorTarget):
        return replace(annotation, passage=None, actor=target, claim=None)
    return replace(annotation, passage=None, actor=None, claim=target)

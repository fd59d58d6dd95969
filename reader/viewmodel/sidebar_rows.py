"""Rows of the sidebar tabs for one pair: actors, claims (with their cross-article status), who is quoted.

Also the targets a selection jumps to: the k-th mention of an actor in each pane, a claim's spans. All plain
data, sorted with explicit keys so the lists never change order between runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.records import Actor, ActorKind, Claim, ClaimFlag, Comparison, DriftKind, Mention, TextSpan

KIND_LABELS: dict[ActorKind, str] = {
    ActorKind.PERSON: "person",
    ActorKind.ORGANISATION: "org",
    ActorKind.PLACE: "place",
    ActorKind.GROUP: "group",
}


@dataclass(frozen=True)
class ActorRow:
    actor_id: str
    name: str
    kind: str
    counts: tuple[int, ...]
    """Mentions per article of the comparison (every article, not only the pair shown)."""
    aliases: tuple[str, ...]


def actor_rows(comparison: Comparison, left: int, right: int, query: str = "") -> list[ActorRow]:
    """Actors mentioned in any article, a count per article, most mentioned in the pair shown first (then in
    all); `query` filters by name/alias."""
    needle = query.casefold().strip()
    rows: list[ActorRow] = []
    for actor in comparison.actors:
        counts = tuple(_count(actor, article) for article in range(len(comparison.articles)))
        if not any(counts):
            continue
        names = (actor.name, *actor.aliases)
        if needle and not any(needle in name.casefold() for name in names):
            continue
        rows.append(ActorRow(actor.id, actor.name, KIND_LABELS[actor.kind], counts, actor.aliases))
    rows.sort(
        key=lambda row: (-row.counts[left] - row.counts[right], -sum(row.counts), row.name.casefold(), row.actor_id)
    )
    return rows


def _count(actor: Actor, article: int) -> int:
    if article < len(actor.counts):
        return actor.counts[article]
    return sum(1 for mention in actor.mentions if mention.article == article)


def mentions_in(actor: Actor, article: int) -> list[Mention]:
    """The actor's mentions in one article, in reading order."""
    return sorted((m for m in actor.mentions if m.article == article), key=lambda m: (m.start, m.end))


def nth_mention(actor: Actor, article: int, turn: int) -> Mention | None:
    """The mention a `turn`-th selection lands on (cycling); None when the article never names the actor."""
    mentions = mentions_in(actor, article)
    return mentions[turn % len(mentions)] if mentions else None


class ClaimStatus(StrEnum):
    """Where a claim stands across the two articles of the pair."""

    BOTH = "both"
    LEFT_ONLY = "left only"
    RIGHT_ONLY = "right only"
    SOURCE_DIFFERS = "source differs"
    CUE_DIFFERS = "cue differs"
    VERB_DIFFERS = "verb differs"
    """Linked, with reporting verbs of different force ("said" / "conceded")."""
    FACT_ELSEWHERE = "fact elsewhere"
    """Only this article attributes it; the other states the same passage as fact (attribution drift)."""


@dataclass(frozen=True)
class ClaimRow:
    """One line of the Claims tab: a claim of one article, or the same claim linked across both."""

    key: str
    left: Claim | None
    right: Claim | None
    status: ClaimStatus

    @property
    def shown(self) -> Claim:
        """The claim whose speaker, cue and content the row displays (the left one when linked)."""
        claim = self.left or self.right
        assert claim is not None
        return claim


def claim_rows(comparison: Comparison, left: int, right: int) -> list[ClaimRow]:
    """Claims of the left article (linked or not) in its reading order, then those only the right one has."""
    by_id = {claim.id: claim for claim in comparison.claims}
    linked: set[str] = set()
    rows: list[ClaimRow] = []
    for link in comparison.claim_links:
        first, second = by_id.get(link.a), by_id.get(link.b)
        if first is None or second is None:
            continue
        if (first.article, second.article) == (right, left):
            first, second = second, first
        if (first.article, second.article) != (left, right):
            continue
        linked.update((first.id, second.id))
        rows.append(ClaimRow(f"{first.id}|{second.id}", first, second, _status(link.flags)))
    stated = _stated_as_fact_elsewhere(comparison, left, right)
    for claim in comparison.claims:
        if claim.id in linked or claim.article not in (left, right):
            continue
        drift = (claim.article, claim.sentence) in stated
        if claim.article == left:
            rows.append(ClaimRow(claim.id, claim, None, ClaimStatus.FACT_ELSEWHERE if drift else ClaimStatus.LEFT_ONLY))
        else:
            rows.append(
                ClaimRow(claim.id, None, claim, ClaimStatus.FACT_ELSEWHERE if drift else ClaimStatus.RIGHT_ONLY)
            )
    rows.sort(key=_claim_order)
    return rows


def _stated_as_fact_elsewhere(comparison: Comparison, left: int, right: int) -> set[tuple[int, int]]:
    """(article, sentence) of the attributed side of each fact-vs-attributed drift of the pair."""
    found: set[tuple[int, int]] = set()
    for drift in comparison.drifts:
        if {drift.a_article, drift.b_article} != {left, right} or drift.kind is not DriftKind.FACT_VS_ATTRIBUTED:
            continue
        article, sentences = (
            (drift.a_article, drift.a_sentences) if drift.a_cue else (drift.b_article, drift.b_sentences)
        )
        found.update((article, sentence) for sentence in sentences)
    return found


def _status(flags: tuple[ClaimFlag, ...]) -> ClaimStatus:
    if ClaimFlag.SOURCE_DIFFERS in flags:
        return ClaimStatus.SOURCE_DIFFERS
    if ClaimFlag.VERB_FORCE_DIFFERS in flags:
        return ClaimStatus.VERB_DIFFERS
    if ClaimFlag.CUE_DIFFERS in flags:
        return ClaimStatus.CUE_DIFFERS
    return ClaimStatus.BOTH


def _claim_order(row: ClaimRow) -> tuple[int, int, int, str]:
    if row.left is not None:
        return (0, row.left.content.start, row.right.content.start if row.right else 0, row.key)
    assert row.right is not None
    return (1, row.right.content.start, 0, row.key)


def claim_spans(claim: Claim) -> list[TextSpan]:
    """What to light up for a claim: its speaker as written and its cue."""
    spans = [claim.cue]
    if claim.speaker is not None:
        spans.insert(0, claim.speaker)
    return spans


def snippet(text: str, width: int = 60) -> str:
    """One line of at most `width` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


@dataclass(frozen=True)
class QuotedLine:
    """One row of the who-is-quoted table: claims and quoted words per article of the comparison."""

    speaker: str
    actor: str | None
    claims: tuple[int, ...]
    words: tuple[int, ...]


def quoted_lines(comparison: Comparison, left: int, right: int) -> list[QuotedLine]:
    """Speakers quoted in any article, a count per article; most quoted in the pair shown first, then in all."""
    total = len(comparison.articles)
    lines: list[QuotedLine] = []
    for row in comparison.quoted:
        claims = tuple(_at(row.claims, article) for article in range(total))
        words = tuple(_at(row.words, article) for article in range(total))
        if not any(claims):
            continue
        lines.append(QuotedLine(row.speaker, row.actor, claims, words))
    lines.sort(
        key=lambda line: (
            -line.claims[left] - line.claims[right],
            -sum(line.claims),
            -sum(line.words),
            line.speaker.casefold(),
        )
    )
    return lines


def _at(values: tuple[int, ...], index: int) -> int:
    return values[index] if index < len(values) else 0


def speaker_claims(comparison: Comparison, line: QuotedLine, article: int) -> list[Claim]:
    """The claims of a who-is-quoted row's speaker in one article, in reading order."""
    found = [
        claim
        for claim in comparison.claims
        if claim.article == article
        and (
            (line.actor is not None and claim.speaker_actor == line.actor)
            or (line.actor is None and claim.speaker_label == line.speaker)
        )
    ]
    return sorted(found, key=lambda claim: (claim.content.start, claim.id))

"""A pronoun speaker in a sentence of its own is the person who spoke just before, not the person named last.

News prose hands the floor to a speaker and keeps it there: "Trump said he'd like Obama to show his birth
certificate. “And to be honest with you, I hope he can,” he told “Today.”" The nearest person named before the
second "he" is Obama, the object of Trump's claim; the speaker is Trump. A "he"/"she" that reports (the subject
of a cue) continues the previous claim's speaker when that claim is recent and was made by a named person.
What is in between does not break the chain unless it is a claim of someone else: the previous claim is the
one that counts, whoever it names.

Within one sentence, `claims._reported_pronouns` already gives "he" its reporting speaker ("LePage said he
would …"); this pass is the same idea across sentences.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence

from reader.core.analysis.speakers import MentionIndex
from reader.core.records import ActorKind, Claim

CONTINUING_PRONOUNS = frozenset({"he", "she"})
"""Pronouns that take a person's floor ("they" is as often a group as the last speakers, and is left alone)."""

FLOOR_SENTENCES = 2
"""How many sentences back the previous claim may be and still hold the floor, counted from where the
pronoun's claim starts (a quotation may open sentences before its "he said"): the sentence before and the one
before that ("X said … . The remark drew … . “…,” he added."). Set by reading every speaker the rule changes
on the dev sets (bench/speaker_continuity.py prints each with its context): at 2, 14 changes on the 36
cross-outlet articles and 47 on the 84 PolNeAR texts, all but one to the right speaker by my reading (a "he"
given to the woman who spoke before); at 1, two fewer. Before the count started at the quotation, a window
of 6 added two right changes and one wrong."""

PERSON_PREFIX = f"{ActorKind.PERSON.value}-"
REPORTERS = 4
"""How many claims back a claim that reports this one may be (the same sentence holds a few claims at most)."""


def spoken_by(claim: Claim, outer: Claim) -> Claim:
    """`claim` with the speaker of `outer` (the claim that reports it, or that held the floor before it)."""
    return dataclasses.replace(
        claim, speaker_label=outer.speaker_label, speaker_actor=outer.speaker_actor, speaker_key=outer.speaker_key
    )


def continuing_speakers(
    claims: Sequence[Claim], mentions: MentionIndex, starts: Sequence[int], quoted: Callable[[int], bool]
) -> list[Claim]:
    """The claims (in text order) with each continuing pronoun given the speaker of the floor: the last claim
    with a speaker in an earlier sentence, when it is within FLOOR_SENTENCES sentences and a person spoke it.

    The floor passes on when a person is named after the floor's sentence and before the pronoun, outside
    quotation marks ("Gattine denied … . LePage has long been clear … . He has said …"); a person named in the
    pronoun's own sentence before it ("Gattine said he believes …") is such a name too."""
    resolved: list[Claim] = []
    floor: Claim | None = None
    latest: Claim | None = None
    for claim in claims:
        if latest is not None and latest.sentence < claim.sentence:
            floor = latest
        written = _pronoun(claim)
        if (
            claim.speaker is not None
            and written
            and floor is not None
            and (floor.speaker_actor or "").startswith(PERSON_PREFIX)
            and _sentence_of(starts, min(claim.content.start, claim.cue.start)) - floor.sentence <= FLOOR_SENTENCES
            and floor.speaker_actor != claim.speaker_actor
            and _pronoun(floor) in (written, "")  # a floor taken by "she" is not passed to "he"
            and not _named_since(mentions, starts[floor.sentence + 1], claim.speaker.start, quoted)
        ):
            claim = spoken_by(claim, floor)
        # a claim reported inside another ("Trump said he'd like Obama to show …") is not the floor: its reporter is
        if claim.speaker is not None and not any(_reports(other, claim) for other in resolved[-REPORTERS:]):
            latest = claim
        resolved.append(claim)
    return resolved


def _reports(outer: Claim, inner: Claim) -> bool:
    """Whether `inner` is part of what `outer` reports (its cue inside `outer`'s content, in one sentence)."""
    return outer.sentence == inner.sentence and outer.content.start <= inner.cue.start < outer.content.end


def _pronoun(claim: Claim) -> str:
    """The continuing pronoun written as the claim's speaker, or ""."""
    written = claim.speaker.text.casefold() if claim.speaker is not None else ""
    return written if written in CONTINUING_PRONOUNS else ""


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    """The index of the sentence holding `offset` (a quotation may start sentences before its cue)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _named_since(mentions: MentionIndex, since: int, until: int, quoted: Callable[[int], bool]) -> bool:
    """Whether a person is named outside quotation marks in `[since, until)`."""
    first = bisect.bisect_left(mentions.starts, since)
    for start, end, _actor, _name, kind in mentions.rows[first:]:
        if start >= until:
            return False
        if kind is ActorKind.PERSON and end <= until and not quoted(start):
            return True
    return False

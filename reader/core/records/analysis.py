"""The records of the analysis: actors and their mentions, claims, and who is quoted how much."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.records.article import TextSpan
from reader.core.records.kinds import ActorKind, ClaimFlag, ClaimKind


@dataclass(frozen=True)
class Mention:
    """One occurrence of an actor in an article."""

    article: int
    start: int
    end: int
    text: str
    sentence: int
    line: int


@dataclass(frozen=True)
class Actor:
    """An entity cluster: one person, organisation, place or group, aliases merged across articles."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    counts: tuple[int, ...]
    """Mentions per article, indexed like `Comparison.articles`."""


@dataclass(frozen=True)
class Claim:
    """An attributed statement: who (speaker) said (cue) what (content)."""

    id: str
    article: int
    sentence: int
    kind: ClaimKind
    speaker: TextSpan | None
    """The speaker as written; None when the sentence names none."""
    speaker_label: str
    """The resolved speaker's display name (actor name, or the text as written, e.g. "one U.S. official")."""
    speaker_actor: str | None
    """Id of the resolved actor, when resolved."""
    cue: TextSpan
    content: TextSpan
    line: int
    cue_lemma: str = ""
    """The cue as a base form ("say", "call for", "decline to comment", "according to"): compared across links."""
    speaker_key: str = ""
    """What identifies the speaker across articles: the actor id when resolved, else the speaker text folded
    without determiners, numbers or rank adjectives ("one U.S. official" and "the U.S. official" agree)."""
    sentences: tuple[int, ...] = ()
    """Every sentence the claim covers (cue and content; a quotation may run over several)."""


@dataclass(frozen=True)
class ClaimLink:
    """The same claim carried by two articles, with what differs between the two tellings."""

    a: str
    b: str
    flags: tuple[ClaimFlag, ...]


@dataclass(frozen=True)
class QuotedRow:
    """One row of the who-is-quoted table: a speaker's claims and content words per article."""

    speaker: str
    actor: str | None
    claims: tuple[int, ...]
    words: tuple[int, ...]


@dataclass(frozen=True)
class FinishedAnalysis:
    """The actors and claims of some articles, and the who-is-quoted table (all three need no alignment): what the
    analysis service sends and the warm cache keeps.

    Defined here, with the records it holds, rather than beside the cache: unpickling a record imports the module
    that defines it, and the app unpickles this one on its reply thread, often while it draws its first frame.
    From `reader.core.warm_cache` that import (platformdirs, json, the serialiser) took ~30 ms of the interpreter
    lock; this module takes ~9 ms, and the seeds' record itself ~1 ms (first and second unpickle in a fresh
    interpreter)."""

    key: str
    actors: tuple[Actor, ...]
    claims: tuple[Claim, ...]
    quoted: tuple[QuotedRow, ...]

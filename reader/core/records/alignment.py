"""The records of an alignment: the links between two articles' sentences and the details they differ on."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.records.article import TextSpan
from reader.core.records.kinds import DetailKind, DetailStatus, DriftKind, SentenceClass


@dataclass(frozen=True)
class WordRun:
    """A run of words shared verbatim by both sides of a match (wire copy when long)."""

    a: TextSpan
    b: TextSpan
    words: int


@dataclass(frozen=True)
class DetailDiff:
    """A number, date, name or place present on one side only, or in conflict between the sides."""

    kind: DetailKind
    status: DetailStatus
    a: TextSpan | None
    b: TextSpan | None
    slot: str = ""
    """What the detail counts, dates or names ("troops", "day of the vote", "Sanchez"), shown with a conflict."""


@dataclass(frozen=True)
class Conflict:
    """Two details of two articles that cannot both be true: the same slot told with incompatible values.

    Found between linked passages (then the same entry sits in that match's `details`) and between sentences of
    the two articles that state the same slot without being linked. `a_article < b_article`.
    """

    a_article: int
    b_article: int
    a_sentence: int
    b_sentence: int
    kind: DetailKind
    slot: str
    """What is counted, dated or named, in words ("troops", "day", "year", "Sanchez's first name")."""
    a: TextSpan
    """The value as article `a_article` writes it."""
    b: TextSpan
    linked: bool = True
    """True when the two sentences are in one match of the pair's alignment."""


@dataclass(frozen=True)
class AttributionDrift:
    """A linked passage whose attribution differs between two articles (`a_article < b_article`)."""

    a_article: int
    b_article: int
    a_sentences: tuple[int, ...]
    b_sentences: tuple[int, ...]
    kind: DriftKind
    a_cue: TextSpan | None
    """The attribution as A writes it ("according to officials", "Mr. Bauer said"); None when A states it as fact."""
    b_cue: TextSpan | None
    note: str = ""
    """One line for the reader: "A: fact; B: according to officials"."""


@dataclass(frozen=True)
class Match:
    """One link: a run of adjacent sentences of A and a run of adjacent sentences of B that tell the same content.

    Links are many-to-many: a sentence may sit in several (a summary sentence and the two sentences the other
    article tells it in). `moved` is derived from the links: those on the heaviest in-order chain give the
    level rows, the others are moved.
    """

    a: tuple[int, ...]
    """Sentence indices in the first article of the pair (ascending, adjacent)."""
    b: tuple[int, ...]
    """Sentence indices in the second article of the pair."""
    score: float
    """Similarity in [0, 1] as computed by `match_sentences`."""
    kind: SentenceClass
    """VERBATIM, PARAPHRASE or PARTIAL."""
    moved: bool
    """True when the link is off the in-order chain of links (a reordered passage, or a second partner)."""
    shared_runs: tuple[WordRun, ...] = ()
    """Verbatim runs of 4+ words."""
    a_only: tuple[TextSpan, ...] = ()
    """Words of A not found in B (word-level diff)."""
    b_only: tuple[TextSpan, ...] = ()
    details: tuple[DetailDiff, ...] = ()
    confidence: float = 1.0
    """Calibrated probability in [0, 1] that a careful reader would link these sentences (the link model's);
    1.0 in comparisons saved before links had one."""


Link = Match
"""The link record under its own name: `Match` is kept so existing readers of `PairAlignment.matches` work."""


@dataclass(frozen=True)
class PairAlignment:
    """The alignment of articles[a] with articles[b] (a < b)."""

    a: int
    b: int
    matches: tuple[Match, ...]
    """The links, ordered by (a, b)."""
    classes_a: tuple[SentenceClass, ...]
    """One class per sentence of articles[a]."""
    classes_b: tuple[SentenceClass, ...]

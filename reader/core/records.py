"""The plain records that flow out of the core: articles, sentences, alignments, actors, claims.

Every record is a frozen dataclass holding only str/int/float/bool, enums, tuples and other records, so that
the view, the store and every exporter can read them without spaCy, and so that `reader.core.serialize` can
turn them into JSON and back without loss. Character offsets always index `Article.text` (the cleaned text);
`Article.line_of` maps an offset to the 1-based line of the file on disk.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA_VERSION = 1


class BlockKind(StrEnum):
    """What a block (one source line or paragraph) is, decided before sentences are split."""

    HEADLINE = "headline"
    BYLINE = "byline"
    BULLET = "bullet"
    PARAGRAPH = "paragraph"
    BOILERPLATE = "boilerplate"


class SentenceClass(StrEnum):
    """The one class each sentence gets in a pairwise alignment."""

    VERBATIM = "verbatim"
    PARAPHRASE = "paraphrase"
    PARTIAL = "partial"
    UNIQUE = "unique"
    BOILERPLATE = "boilerplate"


class DetailKind(StrEnum):
    """The kind of a detail that can differ inside a matched pair."""

    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    PLACE = "place"
    MONEY = "money"
    """An amount of money with its currency and scale ("$3.6 billion", "$3.6B")."""
    TALLY = "tally"
    """A vote count ("134-63", "51 to 49")."""
    ORDINAL = "ordinal"
    """A rank ("third term", "2nd")."""
    TITLE = "title"
    """The office or title given to a person ("assistant district attorney Jane Roe")."""
    QUOTE = "quote"
    """The wording of a quotation both sides give ("we reject his visit" / "we reject his message")."""


class DetailStatus(StrEnum):
    """How a detail of one side stands against the other: on one side only, the same on both, told with
    different precision ("Monday" / "this week", "about 2,000" / "2,140"), or in conflict (both cannot be true)."""

    A_ONLY = "a_only"
    B_ONLY = "b_only"
    CONFLICT = "conflict"
    AGREE = "agree"
    PRECISION = "precision"


class ActorKind(StrEnum):
    """Coarse actor kinds, mapped from spaCy labels (PERSON; ORG; GPE/LOC/FAC; NORP)."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"


class ClaimKind(StrEnum):
    """How a statement is reported: quoted, paraphrased, or sourced with "according to"."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    ACCORDING_TO = "according_to"


class ClaimFlag(StrEnum):
    """What differs between two linked claims of different articles."""

    SOURCE_DIFFERS = "source_differs"
    CUE_DIFFERS = "cue_differs"
    QUOTE_VS_PARAPHRASE = "quote_vs_paraphrase"
    VERB_FORCE_DIFFERS = "verb_force_differs"
    """The reporting verbs differ in force, not only in wording: "said" / "claimed" / "conceded"."""


@dataclass(frozen=True)
class TextSpan:
    """A piece of one article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """A unit of layout: a line or paragraph of the source, classified before sentence splitting."""

    index: int
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """The unit of alignment. Headlines, bylines and bullets are one sentence each."""

    index: int
    """Position in `Article.sentences` (0-based)."""
    block: int
    """Index of the block it belongs to."""
    kind: BlockKind
    """The kind of its block; BOILERPLATE sentences are never matched."""
    start: int
    end: int
    text: str
    """`article.text[start:end]`, kept so records are self-describing."""


@dataclass(frozen=True)
class ArticleMeta:
    """What the text says about itself; each field is None when the text does not say it."""

    headline: str | None = None
    byline: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    dates: tuple[str, ...] = ()
    author: str | None = None
    """The author's name alone (no "By", no handle or time), from the byline or the page's metadata."""
    published: str | None = None
    """Publication date as ISO 8601 ("2025-12-29"), from the page's metadata, a "Published …" line or the
    dateline; resolves weekdays ("Monday") against calendar dates when details are compared."""


@dataclass(frozen=True)
class Article:
    """One loaded, cleaned and segmented article."""

    label: str
    """Short name shown to the user: "A", "B", "C"…"""
    path: str | None
    """Where it was read from; None for text given directly."""
    text: str
    """Cleaned text: newlines normalised, control characters and escape sequences removed."""
    sha256: str
    """Hash of `text`, used to detect edits and as the analysis cache key."""
    line_starts: tuple[int, ...]
    """Offset in `text` where each text line starts (line_starts[0] == 0)."""
    source_lines: tuple[int, ...]
    """For each text line, its 1-based line number in the file on disk (differs from i+1 for HTML)."""
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    meta: ArticleMeta = field(default_factory=ArticleMeta)

    def line_of(self, offset: int) -> int:
        """The 1-based source line holding character `offset` of `text`."""
        if not self.line_starts:
            return 1
        index = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return self.source_lines[index] if index < len(self.source_lines) else index + 1

    @property
    def title(self) -> str:
        """The headline when the text has one, otherwise the file name or label."""
        if self.meta.headline:
            return self.meta.headline
        if self.path:
            return self.path.rsplit("/", 1)[-1]
        return self.label


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


class DriftKind(StrEnum):
    """How the attribution of one statement differs between two linked passages."""

    FACT_VS_ATTRIBUTED = "fact_vs_attributed"
    """One article states it in its own voice; the other credits a source ("according to officials")."""
    SOURCE_DIFFERS = "source_differs"
    """Both attribute it, to different sources."""
    VERB_DIFFERS = "verb_differs"
    """The same source, with a reporting verb of different force (said / claimed / conceded)."""


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
class Comparison:
    """Everything the view, the CLI, the store and the exporters read."""

    articles: tuple[Article, ...]
    alignments: tuple[PairAlignment, ...]
    """One per unordered pair of articles (i < j), in lexicographic order."""
    coverage: tuple[tuple[int, ...], ...]
    """coverage[i][s]: how many *other* articles carry sentence s of article i."""
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    claim_links: tuple[ClaimLink, ...] = ()
    quoted: tuple[QuotedRow, ...] = ()
    analysed: bool = False
    """False until actors and claims have been extracted (they need the spaCy model)."""
    schema_version: int = SCHEMA_VERSION
    conflicts: tuple[Conflict, ...] = ()
    """Every conflicting detail of every pair, ordered by (a_article, b_article, a_sentence, b_sentence)."""
    drifts: tuple[AttributionDrift, ...] = ()
    """Attribution drift between linked passages, ordered like `conflicts`."""

    def alignment(self, a: int, b: int) -> PairAlignment:
        """The alignment of two articles, in the order asked for (swapping sides when needed)."""
        for pair in self.alignments:
            if (pair.a, pair.b) == (a, b):
                return pair
            if (pair.a, pair.b) == (b, a):
                from reader.core.mirror import swap_alignment  # the records first, then their mirror

                return swap_alignment(pair)
        raise KeyError(f"no alignment for articles {a} and {b}")

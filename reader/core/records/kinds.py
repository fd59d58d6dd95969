"""The vocabulary of the records: the enums their fields take, and the version of their format.

Eager and cheap (no dataclass is made here): the widgets name these at import time (the class of a sentence
picks its colour), so they load with the first frame while the alignment and analysis records wait.
"""

from __future__ import annotations

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


class DriftKind(StrEnum):
    """How the attribution of one statement differs between two linked passages."""

    FACT_VS_ATTRIBUTED = "fact_vs_attributed"
    """One article states it in its own voice; the other credits a source ("according to officials")."""
    SOURCE_DIFFERS = "source_differs"
    """Both attribute it, to different sources."""
    VERB_DIFFERS = "verb_differs"
    """The same source, with a reporting verb of different force (said / claimed / conceded)."""

"""The comparison: the articles with every pair's alignment and the analysis, what the app and exporters read."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.records.alignment import AttributionDrift, Conflict, PairAlignment
from reader.core.records.analysis import Actor, Claim, ClaimLink, QuotedRow
from reader.core.records.article import Article
from reader.core.records.kinds import SCHEMA_VERSION


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

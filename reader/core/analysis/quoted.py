"""The who-is-quoted table: for each speaker, how many claims and how many words of content in each article."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.core.analysis.claims import content_words
from reader.core.analysis.names import fold
from reader.core.records import Claim, QuotedRow


def who_is_quoted(claims: Sequence[Claim], article_count: int) -> tuple[QuotedRow, ...]:
    """One row per speaker (actors, and unresolved speakers grouped by their key), most claims first."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.speaker_key or fold(claim.speaker_label)].append(claim)
    rows = []
    for members in groups.values():
        counts = [0] * article_count
        words = [0] * article_count
        for claim in members:
            counts[claim.article] += 1
            words[claim.article] += content_words(claim)
        labels = Counter(claim.speaker_label for claim in members)
        label = max(labels, key=lambda text: (labels[text], -len(text), text))
        actor = next((claim.speaker_actor for claim in members if claim.speaker_actor), None)
        rows.append(QuotedRow(speaker=label, actor=actor, claims=tuple(counts), words=tuple(words)))
    rows.sort(key=lambda row: (-sum(row.claims), -sum(row.words), fold(row.speaker), row.speaker))
    return tuple(rows)

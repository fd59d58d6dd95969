"""The Conflicts tab as plain data: every conflict of the pair shown (then, with three or more articles, those of
the other pairs), each with both values, its slot and the two passages, oriented as the panes show them.

`c`/`C` walk the pair's rows in the order of the active pane's reading; Enter on a row jumps both panes.
No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.counts import all_conflicts
from reader.core.records import Comparison, Conflict, TextSpan


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as the list shows it; `left`/`right` follow the articles of the row's pair."""

    key: str
    kind: str
    slot: str
    articles: tuple[int, int]
    """The row's pair (left article, right article): the pair shown first, then the others."""
    labels: tuple[str, str]
    sentences: tuple[int, int]
    values: tuple[TextSpan, TextSpan]
    linked: bool
    in_pair: bool
    """True for a conflict of the pair the panes show."""


def oriented(conflict: Conflict, left: int, right: int) -> tuple[tuple[int, int], tuple[TextSpan, TextSpan]] | None:
    """(sentences, values) of a conflict as (left, right) of the given pair, or None when it is another pair's."""
    if (conflict.a_article, conflict.b_article) == (left, right):
        return (conflict.a_sentence, conflict.b_sentence), (conflict.a, conflict.b)
    if (conflict.a_article, conflict.b_article) == (right, left):
        return (conflict.b_sentence, conflict.a_sentence), (conflict.b, conflict.a)
    return None


def conflict_rows(comparison: Comparison, left: int, right: int) -> list[ConflictRow]:
    """The pair's conflicts in the left article's reading order, then every other pair's (3+ articles)."""
    rows: list[ConflictRow] = []
    others: list[ConflictRow] = []
    for number, conflict in enumerate(all_conflicts(comparison)):
        placed = oriented(conflict, left, right)
        in_pair = placed is not None
        if placed is None:
            pair = (conflict.a_article, conflict.b_article)
            placed = (conflict.a_sentence, conflict.b_sentence), (conflict.a, conflict.b)
        else:
            pair = (left, right)
        sentences, values = placed
        row = ConflictRow(
            key=f"conflict-{number}",
            kind=conflict.kind.value,
            slot=conflict.slot,
            articles=pair,
            labels=(comparison.articles[pair[0]].label, comparison.articles[pair[1]].label),
            sentences=sentences,
            values=values,
            linked=conflict.linked,
            in_pair=in_pair,
        )
        (rows if in_pair else others).append(row)
    rows.sort(key=lambda r: (r.sentences[0], r.values[0].start, r.sentences[1]))
    return rows + others


def step_conflict(rows: Sequence[ConflictRow], side: int, sentence: int | None, forward: bool) -> int | None:
    """The index of the pair's next (or previous) conflict after the cursor's sentence on one side (0 = left),
    in that side's reading order, or None when there is none that way."""
    own = sorted(
        ((row.sentences[side], row.values[side].start, index) for index, row in enumerate(rows) if row.in_pair),
    )
    if not own:
        return None
    if sentence is None:
        return own[0][2] if forward else own[-1][2]
    if forward:
        later = [entry for entry in own if entry[0] > sentence]
        return later[0][2] if later else None
    earlier = [entry for entry in own if entry[0] < sentence]
    return earlier[-1][2] if earlier else None

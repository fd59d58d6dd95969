"""The sidebar's entries laid out for a given width: every part a reader needs fits, nothing is cut by a table.

A sidebar is 34 to 52 cells wide. A table with one column per field does not fit: the widest columns push the
most important one (what was said) out of sight. So each entry is laid out here for the width it has: short
fields keep their full text, the name or speaker gets what is left (cut with an ellipsis), and a claim's
content wraps onto lines of its own. Plain strings and cell counts only (no Textual), so the layout is tested
without an app; the widgets add the styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, chop_cells

from reader.viewmodel.sidebar_rows import ActorRow, ClaimRow, ClaimStatus, QuotedLine

ELLIPSIS = "…"
CONTENT_LINES = 2
"""Lines of a claim's content shown under its speaker (the passage itself is one Enter away)."""
CONTENT_INDENT = "  "
MIN_WIDTH = 12
"""Below this the entries are cut hard; the sidebar never gets that narrow in practice."""


def fit(text: str, width: int) -> str:
    """`text` on one line of at most `width` cells, cut with an ellipsis when longer."""
    flat = " ".join(text.split())
    if width <= 0:
        return ""
    if cell_len(flat) <= width:
        return flat
    if width == 1:
        return ELLIPSIS
    return chop_cells(flat, width - 1)[0].rstrip() + ELLIPSIS


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` fitted to exactly `width` cells, left-aligned (or right-aligned)."""
    fitted = fit(text, width)
    gap = " " * max(0, width - cell_len(fitted))
    return gap + fitted if right else fitted + gap


def wrap_lines(text: str, width: int, lines: int) -> list[str]:
    """`text` wrapped to `width` cells, at most `lines` lines; the last one ends with an ellipsis if cut."""
    if width <= 0 or lines <= 0:
        return []
    wrapped = _wrap(text, width)
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    if cell_len(last) + 1 > width:
        last = chop_cells(last, max(1, width - 1))[0]
    kept[-1] = last.rstrip() + ELLIPSIS
    return kept


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells (wide glyphs count two); a word wider than a line is split."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        pieces = chop_cells(word, width) if cell_len(word) > width else [word]
        for piece in pieces:
            candidate = f"{line} {piece}" if line else piece
            if cell_len(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = piece
    if line:
        lines.append(line)
    return lines


# -- claims ----------------------------------------------------------------------------------------------------


def status_label(status: ClaimStatus, labels: tuple[str, str]) -> str:
    """The status as the user reads it: "A only" rather than "left only"."""
    if status is ClaimStatus.LEFT_ONLY:
        return f"{labels[0]} only"
    if status is ClaimStatus.RIGHT_ONLY:
        return f"{labels[1]} only"
    return str(status.value)


@dataclass(frozen=True)
class ClaimEntry:
    """A claim laid out for the sidebar: speaker and status on the first line, cue and content below."""

    speaker: str
    """Fitted and padded so that the status ends at the right edge."""
    status: str
    lines: tuple[str, ...]
    """The second and later lines, indented; the first starts with the cue ("warned", "said / told")."""
    cue_length: int
    """How many characters of the first of `lines`, after the indent, are the cue (styled apart)."""


def claim_cue(row: ClaimRow) -> str:
    """The row's cue; both cues ("warned / said") when the two articles report it with different verbs."""
    cue = " ".join(row.shown.cue.text.split())
    if row.left and row.right:
        other = " ".join(row.right.cue.text.split())
        if other.casefold() != cue.casefold():
            return f"{cue} / {other}"
    return cue


def claim_entry(row: ClaimRow, labels: tuple[str, str], width: int) -> ClaimEntry:
    """One claim in `width` cells: "speaker …… status", then "  cue: content" on up to CONTENT_LINES lines."""
    width = max(MIN_WIDTH, width)
    status = status_label(row.status, labels)
    if row.status is ClaimStatus.FACT_ELSEWHERE:  # attribution drift: the other article states it as fact
        status = f"fact in {labels[1] if row.left is not None else labels[0]}"
    speaker_width = max(1, width - cell_len(status) - 1)
    speaker = pad(row.shown.speaker_label or "unnamed source", speaker_width) + " "
    cue = claim_cue(row)
    content = " ".join(row.shown.content.text.split())
    said = cue if not content or content.casefold() == cue.casefold() else f"{cue}: {content}"
    body_width = width - len(CONTENT_INDENT)
    lines = tuple(CONTENT_INDENT + line for line in wrap_lines(said, body_width, CONTENT_LINES))
    cue_length = min(len(cue), len(lines[0]) - len(CONTENT_INDENT)) if lines else 0
    return ClaimEntry(speaker, status, lines, cue_length)


# -- actors and who is quoted ----------------------------------------------------------------------------------

KIND_WIDTH = 6
"""The widest kind label ("person", "place", "group", "org")."""


def count_width(values: list[int], label: str) -> int:
    """Cells of a count column: its widest number or its heading, whichever is wider."""
    return max([cell_len(label), *(len(str(value)) for value in values)])


@dataclass(frozen=True)
class ActorColumns:
    """The widths of the Actors tab's columns for one width of the sidebar: name, kind, a count per article."""

    name: int
    counts: tuple[int, ...]

    def header(self, labels: Sequence[str]) -> str:
        counts = (pad(label, width, right=True) for label, width in zip(labels, self.counts, strict=True))
        return " ".join((pad("actor", self.name), pad("kind", KIND_WIDTH), *counts))

    def cells(self, row: ActorRow) -> tuple[str, ...]:
        """Name, kind and a count per article, each fitted to its column."""
        counts = (pad(str(count), width, right=True) for count, width in zip(row.counts, self.counts, strict=True))
        return (pad(row.name, self.name), pad(row.kind, KIND_WIDTH), *counts)


def actor_columns(rows: list[ActorRow], labels: Sequence[str], width: int) -> ActorColumns:
    """Counts and kind keep their full width; the name takes the rest."""
    counts = tuple(count_width([row.counts[i] for row in rows], label) for i, label in enumerate(labels))
    name = max(4, max(MIN_WIDTH, width) - KIND_WIDTH - sum(counts) - len(counts) - 1)
    return ActorColumns(name, counts)


@dataclass(frozen=True)
class QuotedColumns:
    """The widths of the who-is-quoted tab: speaker, then claims and quoted words as "A/B/C" counts."""

    speaker: int
    claims: int
    words: int

    def header(self, labels: Sequence[str]) -> str:
        return " ".join(
            (
                pad(f"speaker ({'/'.join(labels)})", self.speaker),
                pad("claims", self.claims, right=True),
                pad("words", self.words, right=True),
            )
        )

    def cells(self, line: QuotedLine) -> tuple[str, str, str]:
        return (
            pad(line.speaker, self.speaker),
            pad(quoted_pair(line.claims), self.claims, right=True),
            pad(quoted_pair(line.words), self.words, right=True),
        )


def quoted_pair(values: Sequence[int]) -> str:
    """A count per article, "4/6" (or "4/6/0" with three articles)."""
    return "/".join(str(value) for value in values)


def quoted_columns(lines: list[QuotedLine], width: int) -> QuotedColumns:
    """The count columns keep their full width (heading or widest counts); the speaker takes the rest."""
    claims = max([len("claims"), *(len(quoted_pair(line.claims)) for line in lines)])
    words = max([len("words"), *(len(quoted_pair(line.words)) for line in lines)])
    speaker = max(4, max(MIN_WIDTH, width) - claims - words - 2)
    return QuotedColumns(speaker, claims, words)

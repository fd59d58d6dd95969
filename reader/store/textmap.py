"""Where each character of an old text went in its edited version: a character-level edit map.

Re-anchoring used to search the new text for the quote; when the quote occurs twice (a pull quote repeated, a
paragraph pasted twice) or the passage was deleted while a copy survived elsewhere, a search cannot tell the
copies apart and guessed. The saved comparison keeps the old text, so the edit itself can be followed: lines
are diffed first (difflib, fast and linear in practice on prose), then each changed block character by
character (rapidfuzz's Levenshtein opcodes, bounded in size). A passage lying inside an unchanged stretch is
known to be intact and exactly where the map sends it; new text is known to be new.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

MAX_LINES = 20_000
"""Longer texts are not mapped (the quote search alone decides): keeps reopening a huge comparison quick."""

MAX_BLOCK_CELLS = 400_000_000
"""A changed block is mapped character by character only when old × new length stays under this (20,000 ×
20,000 characters: about 15 ms with rapidfuzz's bit-parallel Levenshtein); a larger one counts as replaced whole."""

Opcode = tuple[str, int, int, int, int]


class TextMap:
    """Character opcodes (tag, old start, old end, new start, new end) covering both texts in order."""

    def __init__(self, opcodes: Sequence[Opcode]) -> None:
        self.opcodes = tuple(opcodes)
        self._old_starts = [op[1] for op in self.opcodes]
        self._equal = [op for op in self.opcodes if op[0] == "equal"]
        self._equal_new_starts = [op[3] for op in self._equal]

    def image(self, start: int, end: int) -> int | None:
        """The new start of old `[start, end)` when it lies inside one unchanged stretch, else None."""
        index = bisect_right(self._old_starts, start) - 1
        if index < 0:
            return None
        tag, a0, a1, b0, _ = self.opcodes[index]
        if tag == "equal" and a0 <= start and end <= a1:
            return b0 + (start - a0)
        return None

    def unchanged_reach(self, start: int, end: int) -> int:
        """How far (in characters) the unchanged stretch holding old `[start, end)` reaches beyond it on its
        longer side; -1 when the passage is not inside one unchanged stretch."""
        index = bisect_right(self._old_starts, start) - 1
        if index < 0:
            return -1
        tag, a0, a1, _, _ = self.opcodes[index]
        if tag != "equal" or not (a0 <= start and end <= a1):
            return -1
        return max(start - a0, a1 - end)

    def unchanged_in_new(self, start: int, end: int) -> bool:
        """True when new `[start, end)` is old text that stayed (inside one unchanged stretch)."""
        index = bisect_right(self._equal_new_starts, start) - 1
        if index < 0:
            return False
        _, _, _, b0, b1 = self._equal[index]
        return b0 <= start and end <= b1

    def region(self, start: int, end: int) -> tuple[int, int]:
        """Where old `[start, end)` went, edits included: text inserted at either edge is left out."""
        first = map_offset(self.opcodes, start, after_insertions=True)
        return first, map_offset(self.opcodes, end, after_insertions=False)


def map_offset(opcodes: Sequence[Opcode], offset: int, *, after_insertions: bool) -> int:
    """Map a boundary in the old string to the new one through edit opcodes.

    Text inserted exactly at the boundary is left outside the passage: a start boundary moves past it, an end
    boundary stays before it, so an insertion next to a passage never becomes part of the quote.
    """
    last = 0
    for tag, src_start, src_end, dest_start, dest_end in opcodes:
        last = dest_end
        if tag == "insert":
            if src_start == offset and not after_insertions:
                return dest_start
            continue
        if src_start <= offset < src_end:
            if tag == "delete":
                return dest_start
            return dest_start + min(offset - src_start, dest_end - dest_start)
    return last


def _offsets(lines: Sequence[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


@lru_cache(maxsize=8)
def text_map(old: str, new: str) -> TextMap | None:
    """The character map from `old` to `new`; None when the texts are too long to map quickly.

    Cached: reopening re-anchors every note of an article against the same pair of texts (str hashes are
    cached by Python, so a lookup costs nothing like the diff)."""
    if old == new:
        return TextMap((("equal", 0, len(old), 0, len(new)),))
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if len(old_lines) > MAX_LINES or len(new_lines) > MAX_LINES:
        return None
    old_at, new_at = _offsets(old_lines), _offsets(new_lines)
    opcodes: list[Opcode] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a0, a1, b0, b1 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        if tag == "equal":
            opcodes.append(("equal", a0, a1, b0, b1))
        elif tag == "replace" and (a1 - a0) * (b1 - b0) <= MAX_BLOCK_CELLS:
            for op in Levenshtein.opcodes(old[a0:a1], new[b0:b1]):
                opcodes.append((op.tag, a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start, b0 + op.dest_end))
        else:
            opcodes.append((tag, a0, a1, b0, b1))
    return TextMap(tuple(opcodes))

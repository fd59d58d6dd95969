"""Bands: the rows both panes share, so that matched passages stand level.

A band holds, for each side, the passages (sentences) shown in it. A *match band* holds one in-order match:
its sentences on the left and their counterparts on the right; both sides start on the same screen row and the
shorter side is padded. A *gap band* holds what lies between two in-order matches: unique sentences, moved
passages (their counterpart sits elsewhere) and boilerplate. Bands are built from sentence indices only;
wrapping them to a width is `layout.py`'s job.

In-order matches are the longest chain of matches that rises on both sides; a match outside it is shown as moved,
whatever the aligner's `moved` flag says, because it cannot stand level with its counterpart.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, NamedTuple

from reader.core.records import Article, BlockKind, SentenceClass

if TYPE_CHECKING:
    from reader.core.records import Match, PairAlignment


class Side(IntEnum):
    """Which pane: the left shows the first article of the pair, the right the second."""

    LEFT = 0
    RIGHT = 1

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class Item(NamedTuple):
    """One thing a pane shows in a band: a sentence, or a folded run of boilerplate sentences.

    A NamedTuple: the module is imported before the first frame (see `reader.core.records` on dataclasses).
    """

    sentences: tuple[int, ...]
    """The sentence shown (one index), or every sentence of the folded run."""
    folded: bool = False
    new_block: bool = False
    """The item starts a new paragraph of its article: a blank row goes above it."""

    @property
    def first(self) -> int:
        return self.sentences[0]


@dataclass(frozen=True)
class Band:
    """A horizontal slice shared by both panes."""

    index: int
    left: tuple[Item, ...]
    right: tuple[Item, ...]
    match: int | None
    """Index into the pair's matches when this is a match band, else None."""
    new_block: bool
    """A blank row goes above the whole band (either side starts a paragraph here)."""

    def items(self, side: Side) -> tuple[Item, ...]:
        return self.left if side is Side.LEFT else self.right


def is_boilerplate(article: Article, sentence: int, classes: Sequence[SentenceClass] | None) -> bool:
    """Boilerplate by the loader's block kind or by the aligner's class."""
    if article.sentences[sentence].kind is BlockKind.BOILERPLATE:
        return True
    return classes is not None and classes[sentence] is SentenceClass.BOILERPLATE


def in_order_matches(matches: Sequence[Match]) -> list[int]:
    """Indices of the longest chain of matches rising on both sides (ties broken by match order).

    Matches the aligner flags as moved are left out first, so its judgement wins when it has one.
    """
    candidates = [index for index, match in enumerate(matches) if not match.moved and match.a and match.b]
    candidates.sort(key=lambda index: (min(matches[index].a), min(matches[index].b)))
    # Patience-sorting longest strictly increasing subsequence on the B side, over A-sorted matches.
    tails: list[int] = []
    tail_index: list[int] = []
    previous: dict[int, int | None] = {}
    for index in candidates:
        key = min(matches[index].b)
        position = bisect.bisect_left(tails, key)
        previous[index] = tail_index[position - 1] if position else None
        if position == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[position] = key
            tail_index[position] = index
    chain: list[int] = []
    cursor = tail_index[-1] if tail_index else None
    while cursor is not None:
        chain.append(cursor)
        cursor = previous[cursor]
    chain.reverse()
    # Drop links that overlap the previous one on either side (a sentence shared by two matches).
    kept: list[int] = []
    for index in chain:
        if kept:
            last = matches[kept[-1]]
            if min(matches[index].a) <= max(last.a) or min(matches[index].b) <= max(last.b):
                continue
        kept.append(index)
    return kept


class _SideItems:
    """Turns a run of sentence indices of one side into items: folds boilerplate, marks paragraph starts."""

    def __init__(self, article: Article, classes: Sequence[SentenceClass] | None, show_boilerplate: bool):
        self.article = article
        self.classes = classes
        self.show_boilerplate = show_boilerplate
        self.last_block: int | None = None

    def items(self, sentences: Sequence[int]) -> tuple[Item, ...]:
        result: list[Item] = []
        fold: list[int] = []
        fold_new_block = False
        for index in sentences:
            block = self.article.sentences[index].block
            new_block = self.last_block is not None and block != self.last_block
            self.last_block = block
            if not self.show_boilerplate and is_boilerplate(self.article, index, self.classes):
                if not fold:
                    fold_new_block = new_block
                fold.append(index)
                continue
            if fold:
                result.append(Item(tuple(fold), folded=True, new_block=fold_new_block))
                fold = []
            result.append(Item((index,), new_block=new_block))
        if fold:
            result.append(Item(tuple(fold), folded=True, new_block=fold_new_block))
        return tuple(result)


def build_bands(
    left: Article,
    right: Article,
    alignment: PairAlignment | None,
    *,
    show_boilerplate: bool = False,
) -> tuple[tuple[Band, ...], frozenset[int]]:
    """The bands of a pair, and the set of match indices shown level (in order).

    With no alignment yet (the first paint), each side is one gap band holding its whole text.
    """
    classes_l = alignment.classes_a if alignment else None
    classes_r = alignment.classes_b if alignment else None
    sides = (
        _SideItems(left, classes_l, show_boilerplate),
        _SideItems(right, classes_r, show_boilerplate),
    )
    matches = alignment.matches if alignment else ()
    anchors = in_order_matches(matches)
    bands: list[Band] = []

    def add(left_ids: Sequence[int], right_ids: Sequence[int], match: int | None) -> None:
        left_items = sides[0].items(left_ids)
        right_items = sides[1].items(right_ids)
        if not left_items and not right_items:
            return
        firsts = [items[0] for items in (left_items, right_items) if items]
        new_block = bool(bands) and any(item.new_block for item in firsts)
        left_items = _without_first_gap(left_items)
        right_items = _without_first_gap(right_items)
        bands.append(Band(len(bands), left_items, right_items, match, new_block))

    next_left = next_right = 0
    for index in anchors:
        match = matches[index]
        add(range(next_left, min(match.a)), range(next_right, min(match.b)), None)
        add(range(min(match.a), max(match.a) + 1), range(min(match.b), max(match.b) + 1), index)
        next_left, next_right = max(match.a) + 1, max(match.b) + 1
    add(range(next_left, len(left.sentences)), range(next_right, len(right.sentences)), None)
    return tuple(bands), frozenset(anchors)


def _without_first_gap(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """The band carries the blank row for its first items, so they must not add their own."""
    if not items or not items[0].new_block:
        return items
    first = items[0]
    return (Item(first.sentences, folded=first.folded, new_block=False), *items[1:])

"""PairView: everything the panes need to know about one pair of articles, as plain data.

Given a comparison (or only the articles, before the alignment arrives) and the pair shown, it answers: the
class and gutter mark of each sentence, its counterparts on the other side, the next or previous match, unique
passage or conflict after a sentence, the spans to underline as conflicting details, and search hits. No Textual
here, so all of it is tested without an app.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from reader.core.records import Article, DetailStatus, SentenceClass
from reader.marks import CONFLICT_MARK, MARKS, MOVED_MARK
from reader.viewmodel.bands import Band, Side, build_bands, is_boilerplate

if TYPE_CHECKING:
    from reader.core.records import Comparison, Match, PairAlignment


class Jump(StrEnum):
    """The kinds of passage n/N, u/U and c/C step through."""

    MATCH = "match"
    UNIQUE = "unique"
    CONFLICT = "conflict"


class SearchHit(NamedTuple):
    """A case-insensitive occurrence of the search text in one pane.

    A NamedTuple: the module is imported before the first frame (see `reader.core.records` on dataclasses).
    """

    side: Side
    sentence: int
    start: int
    end: int


class PairView:
    """One pair of articles seen side by side: left = articles[left], right = articles[right]."""

    def __init__(
        self,
        articles: Sequence[Article],
        left: int,
        right: int,
        comparison: Comparison | None = None,
        *,
        show_boilerplate: bool = False,
    ) -> None:
        self.articles = tuple(articles)
        self.left = left
        self.right = right
        self.comparison = comparison
        self.show_boilerplate = show_boilerplate
        self.alignment: PairAlignment | None = comparison.alignment(left, right) if comparison else None
        self.matches: tuple[Match, ...] = self.alignment.matches if self.alignment else ()
        self.bands: tuple[Band, ...]
        self.bands, self.level_matches = build_bands(
            self.pair[0], self.pair[1], self.alignment, show_boilerplate=show_boilerplate
        )
        self._match_of: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        for index, match in enumerate(self.matches):
            for sentence in match.a:
                self._match_of[Side.LEFT].setdefault(sentence, []).append(index)
            for sentence in match.b:
                self._match_of[Side.RIGHT].setdefault(sentence, []).append(index)
        self._conflicts = _pair_conflicts(comparison, left, right)
        self._order = (self._shown_order(Side.LEFT), self._shown_order(Side.RIGHT))
        self._position = tuple({s: i for i, s in enumerate(order)} for order in self._order)

    def drawn_the_same_for(self, comparison: Comparison) -> bool:
        """This view, built for `comparison`, would draw what it draws now: the comparison differs from the one it
        was built for at most in what the panes do not draw (actors, claims, their links, who is quoted: what the
        analysis adds to an aligned comparison). Checked on the fields the view reads; equal tuples that are the
        same object (the analysis replaces only its own fields) compare at once."""
        shown = self.comparison
        return shown is not None and (
            shown.articles == comparison.articles
            and shown.alignments == comparison.alignments
            and shown.conflicts == comparison.conflicts
            and shown.coverage == comparison.coverage
        )

    # -- basic facts -------------------------------------------------------------------------------------

    @property
    def pair(self) -> tuple[Article, Article]:
        return self.articles[self.left], self.articles[self.right]

    @property
    def aligned(self) -> bool:
        return self.alignment is not None

    def article(self, side: Side) -> Article:
        return self.pair[side]

    def sentence_class(self, side: Side, sentence: int) -> SentenceClass | None:
        """The aligner's class, or None while the alignment has not arrived."""
        if self.alignment is None:
            return None
        classes = self.alignment.classes_a if side is Side.LEFT else self.alignment.classes_b
        return classes[sentence] if sentence < len(classes) else None

    def boilerplate(self, side: Side, sentence: int) -> bool:
        classes = None
        if self.alignment is not None:
            classes = self.alignment.classes_a if side is Side.LEFT else self.alignment.classes_b
        return is_boilerplate(self.article(side), sentence, classes)

    def matches_of(self, side: Side, sentence: int) -> list[Match]:
        return [self.matches[index] for index in self._match_of[side].get(sentence, ())]

    def match_index(self, side: Side, sentence: int) -> int | None:
        """The first match holding the sentence (the one `w` shows), or None."""
        found = self._match_of[side].get(sentence)
        return found[0] if found else None

    def counterparts(self, side: Side, sentence: int) -> tuple[int, ...]:
        """Sentences of the other side matched with this one, ascending."""
        found: set[int] = set()
        for match in self.matches_of(side, sentence):
            found.update(match.b if side is Side.LEFT else match.a)
        return tuple(sorted(found))

    def group(self, side: Side, sentence: int) -> tuple[int, ...]:
        """This side's sentences of the sentence's first match (itself when unmatched)."""
        index = self.match_index(side, sentence)
        if index is None:
            return (sentence,)
        match = self.matches[index]
        return match.a if side is Side.LEFT else match.b

    def moved(self, side: Side, sentence: int) -> bool:
        """Matched, but not shown level with its counterpart (out of order)."""
        indices = self._match_of[side].get(sentence, ())
        return bool(indices) and all(index not in self.level_matches for index in indices)

    def conflicting(self, side: Side, sentence: int) -> bool:
        """A detail of one of its matches conflicts (a different number, date, name or place), or the sentence
        is in one of the pair's conflicts (`Comparison.conflicts`, linked or not)."""
        if sentence in self._conflicts[side][0]:
            return True
        return any(
            detail.status is DetailStatus.CONFLICT
            for match in self.matches_of(side, sentence)
            for detail in match.details
        )

    def mark(self, side: Side, sentence: int) -> str:
        """The gutter mark: conflict, then moved, then the class; blank before the alignment arrives."""
        cls = self.sentence_class(side, sentence)
        if cls is None:
            return "·" if self.boilerplate(side, sentence) else " "
        if self.conflicting(side, sentence):
            return CONFLICT_MARK
        if self.moved(side, sentence):
            return MOVED_MARK
        return MARKS[cls]

    def coverage_mark(self, side: Side, sentence: int) -> str:
        """ "k/N": how many of the N articles carry the passage (shown only with three or more articles)."""
        total = len(self.articles)
        if total < 3 or self.comparison is None:
            return ""
        article = self.left if side is Side.LEFT else self.right
        counts = self.comparison.coverage[article]
        carried = counts[sentence] + 1 if sentence < len(counts) else 1
        return f"{carried}/{total}"

    def detail_spans(self, side: Side) -> list[tuple[int, int]]:
        """Character spans of details that conflict with the other side, sorted.

        One-sided details (a name only this article gives) are many and would speckle the text; the word diff
        lists them, the panes underline only real conflicts.
        """
        spans: set[tuple[int, int]] = set(self._conflicts[side][1])
        for match in self.matches:
            for detail in match.details:
                if detail.status is not DetailStatus.CONFLICT:
                    continue
                span = detail.a if side is Side.LEFT else detail.b
                if span is not None and span.end > span.start:
                    spans.add((span.start, span.end))
        return sorted(spans)

    # -- navigation --------------------------------------------------------------------------------------

    def _shown_order(self, side: Side) -> list[int]:
        """Sentences the cursor can stop on, in reading order (folded boilerplate is skipped)."""
        shown: list[int] = []
        for band in self.bands:
            for item in band.items(side):
                if not item.folded:
                    shown.append(item.first)
        return shown

    def shown(self, side: Side) -> list[int]:
        return self._order[side]

    def nearest_shown(self, side: Side, sentence: int) -> int | None:
        """The sentence itself when shown, else the next shown one after it, else the last one."""
        order = self._order[side]
        if not order:
            return None
        if sentence in self._position[side]:
            return sentence
        after = [s for s in order if s > sentence]
        return after[0] if after else order[-1]

    def step(self, side: Side, sentence: int | None, delta: int) -> int | None:
        """The shown sentence `delta` places after (or before) `sentence`, clamped to the ends."""
        order = self._order[side]
        if not order:
            return None
        if sentence is None or sentence not in self._position[side]:
            return order[0] if delta >= 0 else order[-1]
        position = min(max(self._position[side][sentence] + delta, 0), len(order) - 1)
        return order[position]

    def _starts(self, side: Side, kind: Jump) -> Iterator[int]:
        """Sentences where a passage of `kind` starts; adjacent passages each count ("next" skips none)."""
        previous_key: object = None
        for sentence in self._order[side]:
            key = self._jump_key(side, sentence, kind)
            if key is not None and key != previous_key:
                yield sentence
            previous_key = key

    def _jump_key(self, side: Side, sentence: int, kind: Jump) -> object:
        """What makes consecutive sentences one passage: the same match, or the same unique paragraph."""
        if kind is Jump.UNIQUE:
            if self.sentence_class(side, sentence) is not SentenceClass.UNIQUE:
                return None
            return ("unique", self.article(side).sentences[sentence].block)
        index = self.match_index(side, sentence)
        if index is None:
            return None
        if kind is Jump.CONFLICT and not self.conflicting(side, sentence):
            return None
        return ("match", index)

    def jump(self, side: Side, sentence: int | None, kind: Jump, forward: bool = True) -> int | None:
        """The start of the next (or previous) passage of `kind` after `sentence`; None when there is none."""
        starts = list(self._starts(side, kind))
        if not starts:
            return None
        here = -1 if sentence is None else self._position[side].get(sentence, -1)
        positions = [(self._position[side][s], s) for s in starts]
        if forward:
            later = [s for position, s in positions if position > here]
            return later[0] if later else None
        if sentence is None:
            return None
        current_start = self._passage_start(side, sentence, kind)
        earlier = [s for position, s in positions if position < here and s != current_start]
        return earlier[-1] if earlier else None

    def _passage_start(self, side: Side, sentence: int, kind: Jump) -> int | None:
        """The first sentence of the passage holding `sentence`, so "previous" leaves the current passage."""
        key = self._jump_key(side, sentence, kind)
        if key is None:
            return None
        order = self._order[side]
        position = self._position[side][sentence]
        while position > 0 and self._jump_key(side, order[position - 1], kind) == key:
            position -= 1
        return order[position]

    def count(self, side: Side, kind: Jump) -> int:
        return sum(1 for _ in self._starts(side, kind))

    # -- search ------------------------------------------------------------------------------------------

    def search(self, query: str) -> list[SearchHit]:
        """Every case-insensitive occurrence of `query` in the shown sentences of both panes, in order."""
        needle = query.casefold()
        if not needle.strip():
            return []
        hits: list[SearchHit] = []
        for side in (Side.LEFT, Side.RIGHT):
            article = self.article(side)
            for sentence in self._order[side]:
                record = article.sentences[sentence]
                haystack = article.text[record.start : record.end].casefold()
                if len(haystack) != record.end - record.start:
                    haystack = article.text[record.start : record.end].lower()
                found = haystack.find(needle)
                while found >= 0:
                    start = record.start + found
                    hits.append(SearchHit(side, sentence, start, start + len(needle)))
                    found = haystack.find(needle, found + max(1, len(needle)))
        return hits

    def next_hit(
        self, hits: Sequence[SearchHit], side: Side, sentence: int | None, forward: bool = True
    ) -> SearchHit | None:
        """The hit after (before) the cursor in this pane, wrapping around; the other pane's when none here."""
        own = [hit for hit in hits if hit.side is side] or list(hits)
        if not own:
            return None
        position = self._position[side]
        here = -1 if sentence is None else position.get(sentence, -1)

        def key(hit: SearchHit) -> int:
            return self._position[hit.side].get(hit.sentence, 0)

        if forward:
            later = [hit for hit in own if hit.side is not side or key(hit) > here]
            return later[0] if later else own[0]
        earlier = [hit for hit in own if hit.side is not side or key(hit) < here]
        return earlier[-1] if earlier else own[-1]


def _pair_conflicts(
    comparison: Comparison | None, left: int, right: int
) -> tuple[tuple[set[int], set[tuple[int, int]]], tuple[set[int], set[tuple[int, int]]]]:
    """For each side: the sentences in one of the pair's conflicts and the spans of their values."""
    sides: tuple[tuple[set[int], set[tuple[int, int]]], ...] = ((set(), set()), (set(), set()))
    if comparison is None or not comparison.conflicts:  # the first frame: nothing aligned, nothing to import
        return sides[0], sides[1]
    from reader.viewmodel.conflicts import oriented

    for conflict in comparison.conflicts:
        placed = oriented(conflict, left, right)
        if placed is None:
            continue
        for side, (sentence, span) in enumerate(zip(*placed, strict=True)):
            sides[side][0].add(sentence)
            sides[side][1].add((span.start, span.end))
    return sides[0], sides[1]

"""The story across N articles: its points, each a group of linked passages, and which outlet tells each.

A *point* is a connected group of sentences across the articles, joined by the aligner's links of every pair
(`PairAlignment.matches`): if A's sentence 3 links to B's 5 and B's 5 to C's 2, the three are one point, told
by A, B and C. A sentence no link reaches is a point of its own, told by one article. Boilerplate and bylines
are left out (they are not part of the story). Points are listed in the reading order of a chosen article;
a point that article does not tell follows the point before it in the first article that tells it, so it
stands where the story reaches it.

Pure Python over the plain records: the story view, `reader compare --format story` and the exports read it.
The same comparison gives the same points whichever article is called A.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.counts import has_conflict
from reader.core.records import Article, BlockKind, Comparison, SentenceClass

LEFT_OUT = (BlockKind.BOILERPLATE, BlockKind.BYLINE)
"""Block kinds that are no point of the story."""


class StoryFilter(StrEnum):
    """Which points the story view lists."""

    EVERY = "every point"
    CARRIED_BY_ALL = "carried by all"
    ONLY_IN_ONE = "only in one"
    CONFLICTING = "conflicting"


@dataclass(frozen=True)
class StoryPoint:
    """One point of the story: each article's sentences that tell it (empty when the article does not)."""

    passages: tuple[tuple[int, ...], ...]
    """passages[i]: sentence indices of article i, ascending."""
    conflicting: bool
    """A link inside the point has a conflicting detail (a number, date, name or place differs)."""
    headline: bool
    """A headline is part of it."""

    @property
    def carried(self) -> int:
        """How many articles tell the point."""
        return sum(1 for passage in self.passages if passage)

    @property
    def outlets(self) -> tuple[int, ...]:
        """The articles that tell it, in article order."""
        return tuple(index for index, passage in enumerate(self.passages) if passage)

    def first(self, article: int) -> int | None:
        """The first sentence of an article in the point (None when it does not tell it)."""
        passage = self.passages[article]
        return passage[0] if passage else None


class _Groups:
    """Union-find over (article, sentence) nodes."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        parent = self.parent.setdefault(node, node)
        if parent == node:
            return node
        root = self.find(parent)
        self.parent[node] = root
        return root

    def join(self, first: tuple[int, int], second: tuple[int, int]) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _in_story(article: Article, sentence: int, classes: Sequence[SentenceClass] | None) -> bool:
    if article.sentences[sentence].kind in LEFT_OUT:
        return False
    return classes is None or classes[sentence] is not SentenceClass.BOILERPLATE


def story_points(comparison: Comparison) -> tuple[StoryPoint, ...]:
    """Every point of the story, in no particular order (sorted by their first sentence of the first article)."""
    articles = comparison.articles
    boilerplate: list[set[int]] = [set() for _ in articles]
    for pair in comparison.alignments:
        for index, classes in ((pair.a, pair.classes_a), (pair.b, pair.classes_b)):
            article = articles[index]
            boilerplate[index].update(s for s in range(len(article.sentences)) if not _in_story(article, s, classes))
    groups = _Groups()
    for index, article in enumerate(articles):
        for sentence in range(len(article.sentences)):
            if sentence not in boilerplate[index] and _in_story(article, sentence, None):
                groups.find((index, sentence))
    conflicting_nodes: set[tuple[int, int]] = set()
    for pair in comparison.alignments:
        for match in pair.matches:
            nodes = [(pair.a, s) for s in match.a if s not in boilerplate[pair.a]]
            nodes += [(pair.b, s) for s in match.b if s not in boilerplate[pair.b]]
            for node in nodes[1:]:
                groups.join(nodes[0], node)
            if nodes and has_conflict(match):
                conflicting_nodes.add(nodes[0])
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in sorted(groups.parent):
        members.setdefault(groups.find(node), []).append(node)
    conflicting_roots = {groups.find(node) for node in conflicting_nodes}
    points = []
    for root in sorted(members):
        passages: list[list[int]] = [[] for _ in articles]
        for owner, sentence in members[root]:
            passages[owner].append(sentence)
        headline = any(articles[a].sentences[s].kind is BlockKind.HEADLINE for a, s in members[root])
        points.append(
            StoryPoint(
                tuple(tuple(sorted(p)) for p in passages), conflicting=root in conflicting_roots, headline=headline
            )
        )
    return tuple(points)


def in_reading_order(points: Sequence[StoryPoint], article: int) -> list[StoryPoint]:
    """The points in the reading order of `article`; those it does not tell follow the point before them in the
    first article that tells them (before every point when nothing precedes them there)."""
    position_of: dict[tuple[int, int], int] = {}
    for point in points:
        mine = point.first(article)
        if mine is None:
            continue
        for other, passage in enumerate(point.passages):
            for sentence in passage:
                position_of[(other, sentence)] = mine

    def key(point: StoryPoint) -> tuple[int, int, int, int]:
        mine = point.first(article)
        if mine is not None:
            return (mine, 0, 0, 0)
        source = point.outlets[0]
        start = point.passages[source][0]
        anchor = -1
        for earlier in range(start - 1, -1, -1):
            if (source, earlier) in position_of:
                anchor = position_of[(source, earlier)]
                break
        return (anchor, 1, source, start)

    return sorted(points, key=key)


def keep(point: StoryPoint, chosen: StoryFilter, total: int) -> bool:
    """Whether the filter lists the point (`total`: how many articles the comparison holds)."""
    if chosen is StoryFilter.CARRIED_BY_ALL:
        return point.carried == total
    if chosen is StoryFilter.ONLY_IN_ONE:
        return point.carried == 1
    if chosen is StoryFilter.CONFLICTING:
        return point.conflicting
    return True


def story(comparison: Comparison, article: int = 0, chosen: StoryFilter = StoryFilter.EVERY) -> list[StoryPoint]:
    """The points the story view lists: filtered, in the reading order of `article`."""
    total = len(comparison.articles)
    return [p for p in in_reading_order(story_points(comparison), article) if keep(p, chosen, total)]


def wording(article: Article, passage: Sequence[int]) -> str:
    """An article's wording of a point: its sentences joined as the reader reads them."""
    return " ".join(" ".join(article.sentences[s].text.split()) for s in passage)


@dataclass(frozen=True)
class StoryCounts:
    """How the points spread over the outlets: the line above the story view and its exports."""

    points: int
    carried_by_all: int
    only_in_one: int
    conflicting: int
    only_in: tuple[int, ...]
    """Points only article i tells."""


def story_counts(comparison: Comparison, points: Sequence[StoryPoint] | None = None) -> StoryCounts:
    """Counts of the story's points (all of them, whatever the filter)."""
    found = story_points(comparison) if points is None else points
    total = len(comparison.articles)
    return StoryCounts(
        points=len(found),
        carried_by_all=sum(1 for p in found if p.carried == total),
        only_in_one=sum(1 for p in found if p.carried == 1),
        conflicting=sum(1 for p in found if p.conflicting),
        only_in=tuple(sum(1 for p in found if p.outlets == (i,)) for i in range(total)),
    )

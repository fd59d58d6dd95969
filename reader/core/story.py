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
from reader.core.records import Article, BlockKind, Comparison, Match, PairAlignment, SentenceClass

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
    """A detail of the point conflicts with another article's (a number, date, name or place): inside one of its
    links, or against a sentence of another point (`Comparison.conflicts`)."""
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


MAX_RUN = 3
"""Most sentences of one article a point holds (more when one link's own run is longer).

Fitted on the 12 crossoutlet dev events, scoring each pair of sentences of two articles in one point against
the annotated links (`bench/story_points.py`): joining every link (chains) gave point precision 0.29, recall
0.67, F1 0.41 and points of up to 24 sentences; one run of adjacent sentences per article, at most 3, gives
0.61 / 0.51 / 0.56 and at most 8 sentences in a point (at most 2: F1 0.56 too, 4: 0.55; contiguity is what
pays, the length only caps the odd long run). A point is a passage: a sentence, or a lede told in two or
three."""

Node = tuple[int, int]
"""(article, sentence)."""


class _Groups:
    """Points being built: each node's group and each group's members, joined only while every article's
    sentences in a group stay one run of adjacent sentences, at most `MAX_RUN` long."""

    def __init__(self, nodes: Sequence[Node]) -> None:
        self.group: dict[Node, int] = {node: n for n, node in enumerate(nodes)}
        self.members: dict[int, list[Node]] = {n: [node] for n, node in enumerate(nodes)}

    def try_join(self, nodes: Sequence[Node], longest: int) -> bool:
        """Join the groups of `nodes` when the result keeps each article to one run; False when it would not."""
        ids = sorted({self.group[node] for node in nodes})
        per_article: dict[int, set[int]] = {}
        for group in ids:
            for article, sentence in self.members[group]:
                per_article.setdefault(article, set()).add(sentence)
        for sentences in per_article.values():
            if max(sentences) - min(sentences) + 1 != len(sentences) or len(sentences) > max(MAX_RUN, longest):
                return False
        kept = ids[0]
        for group in ids[1:]:
            for node in self.members.pop(group):
                self.group[node] = kept
                self.members[kept].append(node)
        return True


def _in_story(article: Article, sentence: int, classes: Sequence[SentenceClass] | None) -> bool:
    if article.sentences[sentence].kind in LEFT_OUT:
        return False
    return classes is None or classes[sentence] is not SentenceClass.BOILERPLATE


LinkOrder = tuple[float, float, list[tuple[tuple[int, ...], tuple[str, ...]]]]


def _link_order(articles: Sequence[Article], pair: PairAlignment, match: Match) -> LinkOrder:
    """Strongest link first; ties broken by what the link says and where, never by which article is A."""
    sides = sorted(
        [
            (tuple(match.a), tuple(articles[pair.a].sentences[s].text for s in match.a)),
            (tuple(match.b), tuple(articles[pair.b].sentences[s].text for s in match.b)),
        ]
    )
    return (-match.confidence, -match.score, sides)


def story_points(comparison: Comparison) -> tuple[StoryPoint, ...]:
    """Every point of the story, sorted by their first sentence of the first article that tells them.

    Links join their sentences into points, strongest first, as long as each article's sentences in a point
    stay one short run (`MAX_RUN`): chains of links no longer clump a dozen sentences into one point. A
    sentence whose every link was refused would stand alone as told by one outlet although it has a
    counterpart; it shares its strongest partner's passage instead, so that passage can sit in two points
    (one sentence that relates to two of the other article's)."""
    articles = comparison.articles
    boilerplate: list[set[int]] = [set() for _ in articles]
    for pair in comparison.alignments:
        for index, classes in ((pair.a, pair.classes_a), (pair.b, pair.classes_b)):
            article = articles[index]
            boilerplate[index].update(s for s in range(len(article.sentences)) if not _in_story(article, s, classes))
    nodes = [
        (index, sentence)
        for index, article in enumerate(articles)
        for sentence in range(len(article.sentences))
        if sentence not in boilerplate[index] and _in_story(article, sentence, None)
    ]
    groups = _Groups(nodes)
    conflicting_nodes: set[Node] = set()
    links: list[tuple[LinkOrder, list[Node], list[Node]]] = []
    for pair in comparison.alignments:
        for match in pair.matches:
            a_side = [(pair.a, s) for s in match.a if s not in boilerplate[pair.a]]
            b_side = [(pair.b, s) for s in match.b if s not in boilerplate[pair.b]]
            if not a_side or not b_side:
                continue
            links.append((_link_order(articles, pair, match), a_side, b_side))
            if has_conflict(match):
                conflicting_nodes.update(a_side + b_side)
    links.sort(key=lambda link: link[0])
    refused: list[tuple[list[Node], list[Node]]] = []
    for _, a_side, b_side in links:
        if not groups.try_join(a_side + b_side, max(len(a_side), len(b_side))):
            refused.append((a_side, b_side))
    borrowed: dict[int, list[Node]] = {}
    for a_side, b_side in refused:  # strongest first: a lone sentence borrows its strongest partner's passage
        for side, partner in ((a_side, b_side), (b_side, a_side)):
            group = groups.group[side[0]]
            if len({article for article, _ in groups.members[group]}) == 1 and group not in borrowed:
                borrowed[group] = partner
    for conflict in comparison.conflicts:  # also between sentences no link joins: both points conflict
        for node in ((conflict.a_article, conflict.a_sentence), (conflict.b_article, conflict.b_sentence)):
            if node in groups.group:
                conflicting_nodes.add(node)
    points = []
    for group, members in sorted(groups.members.items(), key=lambda item: min(item[1])):
        told = set(members) | set(borrowed.get(group, ()))
        passages: list[list[int]] = [[] for _ in articles]
        for owner, sentence in told:
            passages[owner].append(sentence)
        headline = any(articles[a].sentences[s].kind is BlockKind.HEADLINE for a, s in told)
        points.append(
            StoryPoint(
                tuple(tuple(sorted(p)) for p in passages),
                conflicting=bool(set(members) & conflicting_nodes),
                headline=headline,
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

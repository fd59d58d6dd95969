"""How well the story view's points group what the outlets share, on the annotated cross-outlet events.

A point says "these sentences of these outlets tell the same thing". Each pair of sentences of two different
articles inside one point is scored against the annotated links of that pair of outlets (the link benches'
mapping of our sentences to the annotated ones): precision, recall and F1 of point co-membership, next to
the grouping that joins every link (chains of links make one point), computed in the same run. Also: how
many points, the largest, how many hold 8 sentences or more, and how many are told by one outlet only.

Run: `python bench/story_points.py`. Skips when the dev data is absent. Deterministic (no timing).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._crossoutlet_data import OUTLETS, Event, annotated_index, load_events
from reader.core import load_inputs
from reader.core.pipeline import align_articles
from reader.core.records import Comparison
from reader.core.story import story_points

Group = list[tuple[int, int]]


def every_link_joined(comparison: Comparison) -> list[Group]:
    """The baseline: connected components of all links (what the story view did before `MAX_RUN`)."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for pair in comparison.alignments:
        for match in pair.matches:
            nodes = [(pair.a, s) for s in match.a] + [(pair.b, s) for s in match.b]
            for node in nodes[1:]:
                first, other = find(nodes[0]), find(node)
                if first != other:
                    parent[max(first, other)] = min(first, other)
    groups: dict[tuple[int, int], Group] = {}
    for node in sorted(parent):
        groups.setdefault(find(node), []).append(node)
    return list(groups.values())


def shipped(comparison: Comparison) -> list[Group]:
    """The story view's points, as (article, sentence) groups."""
    return [
        [(a, s) for a, passage in enumerate(point.passages) for s in passage]
        for point in story_points(comparison)
        if point.carried > 1
    ]


def score(rows: Iterable[tuple[Event, Sequence[Sequence[int | None]], list[Group]]]) -> tuple[float, float, float]:
    hits = predicted_total = gold_total = 0
    for event, maps, groups in rows:
        predicted: dict[tuple[int, int], set[tuple[int, int]]] = {}
        for group in groups:
            for (a, s), (b, t) in combinations(sorted(set(group)), 2):
                x, y = maps[a][s], maps[b][t]
                if a != b and x is not None and y is not None:
                    predicted.setdefault((a, b), set()).add((x, y))
        for gold in event.pairs:
            found = predicted.get((OUTLETS.index(gold.a), OUTLETS.index(gold.b)), set())
            hits += len(found & gold.links)
            predicted_total += len(found)
            gold_total += len(gold.links)
    precision = hits / predicted_total if predicted_total else 0.0
    recall = hits / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    events = load_events()
    if not events:
        print("skipped: ../shared/data/dev/crossoutlet/ not found (development data lives outside the repository)")
        return 0
    aligned = []
    for event in events:
        comparison = align_articles(load_inputs([event.folder / f"{o}.txt" for o in OUTLETS]).articles)
        maps = [
            annotated_index(article, event.sentences[o])
            for article, o in zip(comparison.articles, OUTLETS, strict=True)
        ]
        aligned.append((event, comparison, maps))
    print(f"{len(events)} events; each pair of sentences of two outlets in one point, against the annotated links")
    for name, grouping in (("every link joined", every_link_joined), ("story points", shipped)):
        rows = [(event, maps, grouping(comparison)) for event, comparison, maps in aligned]
        precision, recall, f1 = score(rows)
        sizes = [len(group) for _, _, groups in rows for group in groups]
        print(
            f"{name:18}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   shared points {len(sizes)}, "
            f"largest {max(sizes)} sentences, {sum(1 for n in sizes if n >= 8)} of 8+"
        )
    alone = sum(1 for _, c, _ in aligned for p in story_points(c) if p.carried == 1)
    total = sum(len(story_points(c)) for _, c, _ in aligned)
    print(f"story points told by one outlet only: {alone} of {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Align two articles: the many-to-many links between sentences that tell the same content.

1. Normalise every sentence that is not boilerplate; weigh keys by rarity over both articles.
2. Candidates from the inverted index (`candidates.py`); the signals of each (`features.py`).
3. Links: every candidate whose calibrated confidence (`linkmodel.py`) reaches the model's threshold. A
   sentence keeps every partner that reaches it, so one outlet's summary sentence links to the two sentences
   the other tells it in, and a repeated passage links to both tellings.
4. Groups: links that together join one sentence to a run of adjacent sentences of the other side (all of
   them linked to it, none linked elsewhere inside the run's component) become one group link: one outlet's
   long sentence told in two or three by the other.
5. Order is *derived*: links on every heaviest in-order chain (weighted by confidence) give the level rows;
   the others are marked moved (`order.py`).
6. Inside each link: shared runs, differing words (`wordiff.py`) and differing details (`details.py`).

A sentence's class is the best kind among its links (VERBATIM, then PARAPHRASE, then PARTIAL).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from reader.core.align.candidates import candidate_pairs
from reader.core.align.details import detail_diffs, known_names
from reader.core.align.features import CONTEXT_FEATURES, Candidate, PairFeatures, candidate_features
from reader.core.align.linkmodel import LINK_MODEL, LinkModel
from reader.core.align.normalise import NormalisedSentence, normalise
from reader.core.align.order import in_order
from reader.core.align.scoring import PairScore, Rarity, classify, merge, score_pair
from reader.core.align.wordiff import PlacedToken, placed_tokens, word_diff
from reader.core.collector import collector_paused
from reader.core.records import Article, BlockKind, Match, PairAlignment, SentenceClass

GROUP_SEED = 0.35
"""Each part of a 1-to-2 group must reach this share of the link threshold on its own. Lowered from 0.5 with the
semantic link model (threshold 0.32, was 0.28): a sentence told in two by the other side dilutes each part's own
evidence (the seeds' "Speaking after the meeting" part sits at 0.125). Cross-outlet dev F1: 0.5 0.613, 0.4 0.616,
0.35 0.613 (flat); 0.35 keeps that group."""
GROUP_PART_CONTAINMENT = 0.15
"""Each part of a group must share this much (containment) with the single sentence."""
GROUP_MARGIN = 0.15
"""A group must be this much surer than its surer part, or the parts stand as links of their own. On the
cross-outlet dev events: no groups F1 0.586, margin 0.05 0.588, 0.15 0.593, 0.30 0.589 (groups mostly shape
what the reader sees: one row for a sentence told in two)."""
MAX_GROUP = 3
"""A group joins one sentence to at most this many adjacent sentences of the other side."""
KIND_RANK = {SentenceClass.VERBATIM: 0, SentenceClass.PARAPHRASE: 1, SentenceClass.PARTIAL: 2}
"""A sentence in several links takes the best kind among them."""
CHAIN_SCALE = 1000
"""Confidences are turned into integer chain weights at this resolution (exact sums, the same either way)."""


@dataclass(frozen=True)
class _Link:
    """A link between index groups of the two articles.

    `scored` are the measures without the additions share (`score_pair(..., added=False)`), which is all the
    alignment reads (the relatedness score and the class). The full `measures`, additions included, are computed
    only when asked for (bench/crossoutlet.py reads them): computing them for every link cost about 4 % of the
    seeds' alignment, for a figure no record carries."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    scored: PairScore
    confidence: float
    computer: PairFeatures = field(repr=False, compare=False)

    @cached_property
    def measures(self) -> PairScore:
        """Every measure of the pair, the additions share included (the same values `scored` has otherwise)."""
        return self.computer.measures(self.a, self.b)

    @property
    def kind(self) -> SentenceClass:
        return classify(self.scored, bracketed=True, aligned=True)


def normalised_sentences(article: Article) -> list[NormalisedSentence | None]:
    """The aligner's view of each sentence; None for boilerplate (never linked)."""
    return [None if s.kind is BlockKind.BOILERPLATE else normalise(s.text) for s in article.sentences]


def scored_candidates(
    a: Sequence[NormalisedSentence | None], b: Sequence[NormalisedSentence | None]
) -> tuple[PairFeatures, list[Candidate]]:
    """The signal computer of the pair and every candidate pair with its signals (for the link model)."""
    rarity = Rarity(s for s in (*a, *b) if s is not None)
    computer = PairFeatures(a, b, rarity)
    return computer, candidate_features(a, b, rarity, candidate_pairs(a, b, rarity), computer)


def _group_links(
    computer: PairFeatures, candidates: Sequence[Candidate], confidences: Sequence[float], model: LinkModel
) -> list[_Link]:
    """One sentence against two adjacent sentences of the other side, read as one, when that is a link more
    sure than either part: one outlet's long sentence told in two by the other. Each part must itself share
    GROUP_PART_CONTAINMENT of its content and be at least GROUP_SEED sure on its own."""
    by_pair = {(c.i, c.j): (c, p) for c, p in zip(candidates, confidences, strict=True)}
    found: dict[tuple[tuple[int, ...], tuple[int, ...]], _Link] = {}
    tried: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for (i, j), (_, confidence) in by_pair.items():
        if confidence < GROUP_SEED * model.threshold:
            continue
        for a, b in (((i,), (j, j + 1)), ((i,), (j - 1, j)), ((i, i + 1), (j,)), ((i - 1, i), (j,))):
            # A group's verdict depends on (a, b) alone, and each is reachable from both of its parts: judge it
            # once (on the seeds 28 of 64 group evaluations were repeats of a rejected group).
            if (a, b) in tried:
                continue
            tried.add((a, b))
            if not all(0 <= k < len(computer.a) and computer.a[k] is not None for k in a):
                continue
            if not all(0 <= k < len(computer.b) and computer.b[k] is not None for k in b):
                continue
            parts = [(x, y) for x in a for y in b]
            part_scores = [by_pair.get(part) for part in parts]
            if any(p is None or p[0].measures.containment < GROUP_PART_CONTAINMENT for p in part_scores):
                continue
            best_part = max(p[1] for p in part_scores if p is not None)
            if min(p[1] for p in part_scores if p is not None) < GROUP_SEED * model.threshold:
                continue
            scored, signals, _ = computer.signals(a, b)
            strongest = max((p for p in part_scores if p is not None), key=lambda p: (p[1], p[0].i, p[0].j))
            flags = strongest[0].features[-CONTEXT_FEATURES:]
            group_confidence = model.confidence([*signals, *flags])
            if group_confidence >= model.threshold and group_confidence >= best_part + GROUP_MARGIN:
                found[(a, b)] = _Link(a, b, scored, group_confidence, computer)
    chosen: list[_Link] = []
    used: set[tuple[int, int]] = set()
    ranked = sorted(found.values(), key=lambda g: (-g.confidence, sum(g.a) + sum(g.b), g.a, g.b))
    for group in ranked:
        group_parts = {(x, y) for x in group.a for y in group.b}
        if used.isdisjoint(group_parts):
            chosen.append(group)
            used |= group_parts
    return chosen


def _components(links: Sequence[_Link]) -> list[list[_Link]]:
    """Links connected through a shared sentence, each component sorted, components in order of first link."""
    parent = list(range(len(links)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    seen: dict[tuple[int, int], int] = {}
    for k, link in enumerate(links):
        for node in (*((0, i) for i in link.a), *((1, j) for j in link.b)):
            if node in seen:
                parent[root(k)] = root(seen[node])
            else:
                seen[node] = k
    groups: dict[int, list[_Link]] = defaultdict(list)
    for k, link in enumerate(links):
        groups[root(k)].append(link)
    return [sorted(group, key=lambda link: (link.a, link.b)) for group in groups.values()]


def _run(indices: set[int]) -> tuple[int, ...] | None:
    ordered = tuple(sorted(indices))
    return ordered if ordered[-1] - ordered[0] + 1 == len(ordered) else None


def _grouped(links: Sequence[_Link], computer: PairFeatures) -> list[_Link]:
    """Components that join one sentence to a run of adjacent sentences become one group link."""
    a, b, rarity = computer.a, computer.b, computer.rarity
    result: list[_Link] = []
    for component in _components(links):
        a_side = {i for link in component for i in link.a}
        b_side = {j for link in component for j in link.b}
        a_run, b_run = _run(a_side), _run(b_side)
        single = min(len(a_side), len(b_side)) == 1
        if len(component) == 1 or not (a_run and b_run and single and max(len(a_side), len(b_side)) <= MAX_GROUP):
            result.extend(component)
            continue
        left = merge([s for s in (a[i] for i in a_run) if s is not None])
        right = merge([s for s in (b[j] for j in b_run) if s is not None])
        confidence = max(link.confidence for link in component)
        result.append(_Link(a_run, b_run, score_pair(left, right, rarity, added=False), confidence, computer))
    return result


def link_pairs(
    a: Sequence[NormalisedSentence | None], b: Sequence[NormalisedSentence | None], model: LinkModel = LINK_MODEL
) -> list[tuple[_Link, bool]]:
    """The links of two normalised articles with their in-order flag, sorted by (a, b)."""
    computer, candidates = scored_candidates(a, b)
    confidences = [model.confidence(c.features) for c in candidates]
    groups = _group_links(computer, candidates, confidences, model)
    in_groups = {(x, y) for group in groups for x in group.a for y in group.b}
    singles = [
        _Link((c.i,), (c.j,), c.measures, confidence, computer)
        for c, confidence in zip(candidates, confidences, strict=True)
        if confidence >= model.threshold and (c.i, c.j) not in in_groups
    ]
    links = sorted([*groups, *_grouped(singles, computer)], key=lambda link: (link.a, link.b))
    weights = [max(1, round(CHAIN_SCALE * link.confidence * (len(link.a) + len(link.b)))) for link in links]
    return list(zip(links, in_order([(link.a, link.b) for link in links], weights), strict=True))


def align_pair(
    a: Article, b: Article, a_index: int = 0, b_index: int = 1, *, model: LinkModel = LINK_MODEL
) -> PairAlignment:
    """The alignment of two articles: links ordered by (a, b) and one class per sentence on each side."""
    with collector_paused():
        return _align_pair(a, b, a_index, b_index, model)


def _align_pair(a: Article, b: Article, a_index: int, b_index: int, model: LinkModel) -> PairAlignment:
    a_sentences, b_sentences = normalised_sentences(a), normalised_sentences(b)
    names = known_names([s for s in (*a_sentences, *b_sentences) if s is not None])
    matches: list[Match] = []
    classes_a = [SentenceClass.BOILERPLATE if s is None else SentenceClass.UNIQUE for s in a_sentences]
    classes_b = [SentenceClass.BOILERPLATE if s is None else SentenceClass.UNIQUE for s in b_sentences]
    a_placed: dict[tuple[int, ...], list[PlacedToken]] = {}  # one sentence is often in several links
    b_placed: dict[tuple[int, ...], list[PlacedToken]] = {}
    for link, keep_order in link_pairs(a_sentences, b_sentences, model):
        if link.a not in a_placed:
            a_placed[link.a] = placed_tokens(a, link.a, a_sentences)
        if link.b not in b_placed:
            b_placed[link.b] = placed_tokens(b, link.b, b_sentences)
        a_tokens, b_tokens = a_placed[link.a], b_placed[link.b]
        runs, a_only, b_only = word_diff(a_tokens, b_tokens, a.text, b.text)
        kind = link.kind if link.kind is not SentenceClass.UNIQUE else SentenceClass.PARTIAL
        matches.append(
            Match(
                a=link.a,
                b=link.b,
                score=round(link.scored.score, 6),
                kind=kind,
                moved=not keep_order,
                shared_runs=runs,
                a_only=a_only,
                b_only=b_only,
                details=detail_diffs(a_tokens, b_tokens, a.text, b.text, names),
                confidence=round(link.confidence, 6),
            )
        )
        for classes, indices in ((classes_a, link.a), (classes_b, link.b)):
            for index in indices:
                if classes[index] not in KIND_RANK or KIND_RANK[kind] < KIND_RANK[classes[index]]:
                    classes[index] = kind
    return PairAlignment(
        a=a_index, b=b_index, matches=tuple(matches), classes_a=tuple(classes_a), classes_b=tuple(classes_b)
    )

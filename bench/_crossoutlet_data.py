"""The annotated cross-outlet events (../shared/data/dev/crossoutlet/), read for the link benches.

Each event: three outlets' articles (`<outlet>.txt`), BASIL's own sentence split (`<outlet>.sentences.tsv`, with
character offsets into the text) and `gold.json` (links per pair of outlets). Scoring follows the data's README:
each of our sentences is mapped to the annotated sentence it overlaps most (by character offsets), every
(a, b) sentence pair inside a predicted link is predicted, every pair inside a gold link is gold, and precision,
recall and F1 are counted over all pairs of all article pairs.
"""

from __future__ import annotations

import bisect
import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench._articles import DEV_DATA
from reader.core.records import Article, PairAlignment

EVENTS = DEV_DATA / "crossoutlet"
OUTLETS = ("fox", "hpo", "nyt")

SentencePair = tuple[int, int]


@dataclass(frozen=True)
class AnnotatedSentence:
    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldPair:
    a: str
    b: str
    links: frozenset[SentencePair]
    """Every (a idx, b idx) inside a gold link."""
    same: frozenset[SentencePair]
    """The pairs inside links marked `same`."""


@dataclass(frozen=True)
class Event:
    name: str
    folder: Path
    sentences: dict[str, tuple[AnnotatedSentence, ...]]
    pairs: tuple[GoldPair, ...]


def read_sentences(path: Path) -> tuple[AnnotatedSentence, ...]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(AnnotatedSentence(int(r[0]), int(r[2]), int(r[3]), r[4]) for r in rows[1:] if len(r) >= 5)


def _pairs_of(links: Iterable[dict[str, object]], only: str | None = None) -> frozenset[SentencePair]:
    found: set[SentencePair] = set()
    for link in links:
        if only is not None and link.get("rel") != only:
            continue
        a_side, b_side = link["a"], link["b"]
        assert isinstance(a_side, list) and isinstance(b_side, list)
        found.update((int(i), int(j)) for i in a_side for j in b_side)
    return frozenset(found)


def load_events() -> list[Event]:
    """Every event folder, sorted by name; [] when the data is absent."""
    if not EVENTS.is_dir():
        return []
    events = []
    for folder in sorted(p for p in EVENTS.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        sentences = {outlet: read_sentences(folder / f"{outlet}.sentences.tsv") for outlet in OUTLETS}
        pairs = tuple(
            GoldPair(p["a"], p["b"], _pairs_of(p["links"]), _pairs_of(p["links"], "same")) for p in gold["pairs"]
        )
        events.append(Event(folder.name, folder, sentences, pairs))
    return events


def annotated_at(annotated: Sequence[AnnotatedSentence], start: int, end: int) -> int | None:
    """The idx of the annotated sentence the span [start, end) of the file overlaps most (None when none).

    `annotated` is in file order (as `read_sentences` gives it), so a bisection finds the first candidate."""
    best, best_overlap = None, 0
    first = max(0, bisect.bisect_right([s.start for s in annotated], start) - 1)
    for gold in annotated[first:]:
        if gold.start >= end:
            break
        overlap = min(end, gold.end) - max(start, gold.start)
        if overlap > best_overlap:
            best, best_overlap = gold.idx, overlap
    return best


def annotated_index(article: Article, annotated: Sequence[AnnotatedSentence], shift: int = 0) -> list[int | None]:
    """For each of our sentences, the idx of the annotated sentence it overlaps most (None when none).

    Offsets index the file's text; our `Article.text` is the cleaned text, which for these plain files is the
    file itself, or starts `shift` characters into it (a BOM or leading blank lines removed)."""
    return [annotated_at(annotated, s.start + shift, s.end + shift) for s in article.sentences]


def predicted_pairs(
    pair: PairAlignment, a_map: Sequence[int | None], b_map: Sequence[int | None]
) -> frozenset[SentencePair]:
    """Every (a idx, b idx) of annotated sentences inside a link of `pair`."""
    found: set[SentencePair] = set()
    for match in pair.matches:
        for i in match.a:
            for j in match.b:
                a_idx, b_idx = a_map[i], b_map[j]
                if a_idx is not None and b_idx is not None:
                    found.add((a_idx, b_idx))
    return frozenset(found)


@dataclass
class Counts:
    """True positives, predicted and gold pair counts, summed over article pairs."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0
    same_hits: int = 0
    same: int = 0

    def add(self, predicted: frozenset[SentencePair], gold: GoldPair) -> None:
        self.hits += len(predicted & gold.links)
        self.predicted += len(predicted)
        self.gold += len(gold.links)
        self.same_hits += len(predicted & gold.same)
        self.same += len(gold.same)

    def merged(self, other: Counts) -> Counts:
        return Counts(
            self.hits + other.hits,
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.same_hits + other.same_hits,
            self.same + other.same,
        )

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.hits / total if total else 0.0

    @property
    def same_recall(self) -> float:
        return self.same_hits / self.same if self.same else 0.0

    def line(self, name: str) -> str:
        return (
            f"  {name:<52} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  same-R {self.same_recall:.3f}  ({self.hits}/{self.predicted} pred, {self.gold} gold)"
        )

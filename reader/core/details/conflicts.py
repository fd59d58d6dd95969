"""Conflicts between two articles: the same slot told with values that cannot both be true.

A wrong `!` costs a fact-checker more trust than a missing one, so a pair of facts is a conflict only when all
of these hold:
1. same kind, same slot (the same counted noun, the same grain of date, the same person) and the same role (a
   date of a statement is never compared with the date of an event);
2. `judge_values` says CONFLICT (not a rounding, a bound, a coarser date, or a weekday that can be that date);
3. the two sentences tell the same point: linked by the alignment with at least LINKED_ANCHOR shared words
   around the two facts, or not linked but sharing at least UNLINKED_SHARE of their content words and
   UNLINKED_ANCHOR words around the facts;
4. each sentence gives one value for the slot (two different days in one sentence are two events);
5. neither article also states the other's value for that slot elsewhere (then the two values are two facts of
   the story, not a disagreement).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.facts import Fact, sentence_facts, stem
from reader.core.details.scan import tokens_of
from reader.core.details.values import judge_values, published_date
from reader.core.records import Article, BlockKind, Conflict, DetailKind, DetailStatus, PairAlignment, TextSpan

LINKED_ANCHOR = 1
"""Shared clause words two linked sentences' facts need (fitted on the cross-outlet dev pairs: with 0, linked
passages that mention two different days of one story were flagged; 1 keeps every dev gold conflict)."""
UNLINKED_ANCHOR = 2
"""Shared clause words two facts of unlinked sentences need (dev: the weekday of the House vote in sentences
the aligner did not link share "House" and "motto"; 1 flagged days of different statements)."""
UNLINKED_SHARE = 0.25
"""Share of the shorter sentence's content stems the other holds for unlinked sentences to be compared (dev)."""


@dataclass(frozen=True, slots=True)
class PlacedFact:
    """A fact with its sentence and its offsets in the article text."""

    fact: Fact
    sentence: int
    start: int
    end: int

    @property
    def key(self) -> tuple[DetailKind, str, str]:
        return (self.fact.kind, self.fact.slot, self.fact.role)


def article_facts(article: Article) -> list[PlacedFact]:
    """Every typed detail of an article's text sentences (boilerplate left out), in text order."""
    placed = []
    for sentence in article.sentences:
        if sentence.kind is BlockKind.BOILERPLATE:
            continue
        for fact in sentence_facts(sentence.text):
            placed.append(PlacedFact(fact, sentence.index, sentence.start + fact.start, sentence.start + fact.end))
    return placed


def content_stems(text: str) -> frozenset[str]:
    """Stems of a sentence's content words, the measure of whether two unlinked sentences tell one point."""
    return frozenset(stem(t.lower) for t in tokens_of(text) if t.type == "word" and t.lower not in STOP_WORDS)


def linked_pairs(pair: PairAlignment) -> set[tuple[int, int]]:
    """Every (A sentence, B sentence) inside one of the pair's matches."""
    return {(i, j) for match in pair.matches for i in match.a for j in match.b}


def slot_label(fact: Fact) -> str:
    """The slot in words, for the Conflicts list and the exports."""
    if fact.kind is DetailKind.DATE:
        return f"{fact.slot} of the statement" if fact.role == "statement" else fact.slot
    if fact.kind is DetailKind.MONEY:
        return "amount"
    if fact.kind is DetailKind.TALLY:
        return "vote count"
    if fact.kind is DetailKind.ORDINAL:
        return f"rank ({fact.slot.split(':', 1)[1]})"
    if fact.slot.startswith("age:"):
        return f"age of {fact.slot.split(':', 1)[1].title()}"
    if fact.slot.startswith("duration:"):
        return f"length ({fact.slot.split(':', 1)[1]}s)"
    if fact.slot in ("age", "percent"):
        return "percentage" if fact.slot == "percent" else "age"
    return f"number of {fact.label or fact.slot}"


class _Side:
    """One article of a pair: its facts by slot and by sentence, its publication date."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.facts = article_facts(article)
        self.by_key: dict[tuple[DetailKind, str, str], list[PlacedFact]] = defaultdict(list)
        self.by_sentence: dict[int, list[PlacedFact]] = defaultdict(list)
        for placed in self.facts:
            self.by_key[placed.key].append(placed)
            self.by_sentence[placed.sentence].append(placed)
        self.published = published_date(article.meta.published)
        self._stems: dict[int, frozenset[str]] = {}

    def stems(self, sentence: int) -> frozenset[str]:
        if sentence not in self._stems:
            self._stems[sentence] = content_stems(self.article.sentences[sentence].text)
        return self._stems[sentence]

    def span(self, placed: PlacedFact) -> TextSpan:
        return TextSpan(placed.start, placed.end, self.article.text[placed.start : placed.end])

    def single_value(self, placed: PlacedFact) -> bool:
        """The sentence gives no other, different value for this slot."""
        return all(
            judge_values(other.fact.value, placed.fact.value, self.published, self.published)
            is not DetailStatus.CONFLICT
            for other in self.by_sentence[placed.sentence]
            if other.key == placed.key
        )

    def also_states(self, value_of: PlacedFact, other: _Side) -> bool:
        """This article states `value_of`'s value (from the other article) for the same slot somewhere."""
        for mine in self.by_key[value_of.key]:
            if judge_values(mine.fact.value, value_of.fact.value, self.published, other.published) in (
                DetailStatus.AGREE,
                DetailStatus.PRECISION,
            ) and mine.fact.anchor & value_of.fact.anchor:
                return True
        return False


def _same_point(left: _Side, right: _Side, x: PlacedFact, y: PlacedFact, linked: bool) -> bool:
    shared_anchor = len(x.fact.anchor & y.fact.anchor)
    if linked:
        return shared_anchor >= LINKED_ANCHOR
    a, b = left.stems(x.sentence), right.stems(y.sentence)
    share = len(a & b) / max(1, min(len(a), len(b)))
    return share >= UNLINKED_SHARE and shared_anchor >= UNLINKED_ANCHOR


def pair_conflicts(left_article: Article, right_article: Article, pair: PairAlignment) -> list[Conflict]:
    """The conflicts of one pair of articles (`pair.a` is `left_article`), ordered by sentence."""
    left, right = _Side(left_article), _Side(right_article)
    linked = linked_pairs(pair)
    found: dict[tuple[int, int, DetailKind, str], Conflict] = {}
    for key, xs in left.by_key.items():
        ys = right.by_key.get(key, [])
        for x in xs:
            for y in ys:
                if judge_values(x.fact.value, y.fact.value, left.published, right.published) is not (
                    DetailStatus.CONFLICT
                ):
                    continue
                is_linked = (x.sentence, y.sentence) in linked
                if not _same_point(left, right, x, y, is_linked):
                    continue
                if not (left.single_value(x) and right.single_value(y)):
                    continue
                if left.also_states(y, right) or right.also_states(x, left):
                    continue
                ident = (x.sentence, y.sentence, x.fact.kind, x.fact.slot)
                found.setdefault(
                    ident,
                    Conflict(
                        a_article=pair.a, b_article=pair.b, a_sentence=x.sentence, b_sentence=y.sentence,
                        kind=x.fact.kind, slot=slot_label(x.fact), a=left.span(x), b=right.span(y), linked=is_linked,
                    ),
                )  # fmt: skip
    return sorted(found.values(), key=lambda c: (c.a_sentence, c.b_sentence, c.a.start, c.b.start))


def find_conflicts(articles: Sequence[Article], pairs: Sequence[PairAlignment]) -> tuple[Conflict, ...]:
    """Every conflict of every pair, ordered by (a_article, b_article, a_sentence, b_sentence)."""
    found: list[Conflict] = []
    for pair in pairs:
        found.extend(pair_conflicts(articles[pair.a], articles[pair.b], pair))
    return tuple(sorted(found, key=lambda c: (c.a_article, c.b_article, c.a_sentence, c.b_sentence, c.a.start)))

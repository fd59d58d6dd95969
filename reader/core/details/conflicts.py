"""Conflicts between two articles: the same slot told with values that cannot both be true.

A wrong `!` costs a fact-checker more trust than a missing one, so a pair of facts is a conflict only when all
of these hold:
1. same kind, same slot (the same counted noun, the same grain of date, the same person) and the same role (a
   date of a statement is never compared with the date of an event);
2. `judge_values` says CONFLICT (not a rounding, a bound, a coarser date, or a weekday that can be that date);
3. the two facts are about the same point: their clauses share at least MIN_ANCHOR_WORDS content words worth
   MIN_ANCHOR_WEIGHT of IDF together, whether or not the aligner linked the sentences (the age of a named
   person needs no more than the name; a statement the aligner linked, made by the same named speaker, needs
   no more than the link);
   (statements: the same speaker named before the reporting verb);
4. each sentence gives one value for the slot (two different days in one sentence are two events);
5. neither article also states the other's value for that slot elsewhere (then the two values are two facts of
   the story, not a disagreement);
6. the two sentences do not disagree on two or more slots while agreeing on none (then they tell two events).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.details.facts import Fact, content_keys, sentence_facts
from reader.core.details.people import FirstName, fold_text
from reader.core.details.quotes import quote_substitutions, sentence_at
from reader.core.details.scan import tokens_of
from reader.core.details.values import judge_values, published_date
from reader.core.records import Article, BlockKind, Conflict, DetailKind, DetailStatus, PairAlignment, TextSpan

MIN_ANCHOR_WORDS = 3
"""Words of the two facts' clauses both sides must share (fitted on the cross-outlet dev pairs: every gold
conflict shares 3 or more — "House", "motto", "passed" — while days of two different events in one story share
at most 2 generic ones, "House" and "Republicans")."""
MIN_ANCHOR_WEIGHT = 3.5
"""The same shared words' summed IDF (over the sentences of all the comparison's articles). Dev: the gold
conflicts reach 4.0 to 7.4; three shared words common in the story ("Senate", "Democrats", "voted": 3.4) are
not enough. Neither threshold looks at whether the aligner linked the sentences: linked sentences with a
different year each were as often two facts as a disagreement."""


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


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """Stems of a sentence's content words, the measure of whether two unlinked sentences tell one point
    (cached, as the tokens are: the event's word weights read every sentence of every article)."""
    return content_keys(tokens_of(text))


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
    if fact.kind is DetailKind.NAME:
        return f"first name of {fact.label.title()}"
    if fact.kind is DetailKind.TITLE:
        return f"office of {fact.label.title()}"
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
        self.by_key_and_word: dict[tuple[tuple[DetailKind, str, str], str], list[PlacedFact]] = defaultdict(list)
        """Facts by slot and by each of their anchor words: `also_states` reads only the facts that share a word
        with the one it checks (it needs one), not every fact of the slot. Scanning the slot made the conflict
        stage grow 2.7x from 5,000 to 10,000 sentences a side (bench/scale.py), a slot such as a percentage
        holding thousands of facts in a long article."""
        for placed in self.facts:
            self.by_key[placed.key].append(placed)
            self.by_sentence[placed.sentence].append(placed)
            for word in placed.fact.anchor:
                self.by_key_and_word[(placed.key, word)].append(placed)
        self.published = published_date(article.meta.published)
        self.folded = fold_text(article.text)
        self._names_found: dict[tuple[str, str], bool] = {}
        """Whether "First [M.] Surname" occurs in the text, per name asked (a search of the whole text each)."""

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
        """This article states `value_of`'s value (from the other article) for the same slot somewhere (a first
        name: anywhere in its text, with or without a title)."""
        if (
            value_of.fact.kind is DetailKind.NAME
            and isinstance(value_of.fact.value, FirstName)
            and self._names(value_of.fact.value.first, value_of.fact.label)
        ):
            return True
        seen: set[int] = set()
        for word in value_of.fact.anchor:  # a fact that shares no anchor word never counts
            for mine in self.by_key_and_word.get((value_of.key, word), ()):
                if id(mine) in seen:
                    continue
                seen.add(id(mine))
                status = judge_values(mine.fact.value, value_of.fact.value, self.published, other.published)
                if status is DetailStatus.AGREE or (
                    status is DetailStatus.PRECISION and mine.fact.kind is not DetailKind.DATE
                ):
                    return True
        return False

    def _names(self, first: str, surname: str) -> bool:
        found = self._names_found.get((first, surname))
        if found is None:
            pattern = rf"\b{re.escape(first)}\b(?:\s+\w\.?)?\s+{re.escape(surname)}\b"
            found = self._names_found[(first, surname)] = re.search(pattern, self.folded) is not None
        return found


def _same_point(x: PlacedFact, y: PlacedFact, idf: Mapping[str, float], linked: bool) -> bool:
    if x.fact.role == "statement":
        if x.fact.speaker.isdisjoint(y.fact.speaker):
            return False  # two statements of different (or unnamed) speakers
        if linked:
            return True  # one speaker, one statement told by both: its day
    if ":" in x.fact.slot and x.fact.slot.startswith("age:"):
        return True  # the age of one named person
    shared = x.fact.anchor & y.fact.anchor
    return len(shared) >= MIN_ANCHOR_WORDS and sum(idf.get(word, 0.0) for word in shared) >= MIN_ANCHOR_WEIGHT


def event_idf(articles: Sequence[Article]) -> dict[str, float]:
    """log(N / (1 + df)) of every content key over the sentences of all the articles: how telling a shared
    word is about this story ("motto" is, "House" less so in a story about the House)."""
    counts: Counter[str] = Counter()
    total = 0
    for article in articles:
        for sentence in article.sentences:
            if sentence.kind is not BlockKind.BOILERPLATE:
                counts.update(content_stems(sentence.text))
                total += 1
    return {word: math.log(max(total, 1) / (1 + df)) for word, df in counts.items()}


def _different_events(left: _Side, right: _Side, a_sentence: int, b_sentence: int) -> bool:
    """Two sentences that disagree on two or more slots and agree on none tell two events ("the Nasdaq gained
    25.75 points, or 1.5 percent" on one day, "added 28.73 points, or 1.77 percent" on another), not one event
    told two ways: two tellings of one event share most of its details."""
    conflicting: set[tuple[DetailKind, str, str]] = set()
    agreeing: set[tuple[DetailKind, str, str]] = set()
    for x in left.by_sentence[a_sentence]:
        for y in right.by_sentence[b_sentence]:
            if x.key != y.key:
                continue
            status = judge_values(x.fact.value, y.fact.value, left.published, right.published)
            (conflicting if status is DetailStatus.CONFLICT else agreeing).add(x.key)
    return len(conflicting - agreeing) >= 2 and not agreeing


def _candidates(
    x: PlacedFact, ys: Sequence[PlacedFact], by_word: Mapping[str, list[int]], linked: set[tuple[int, int]]
) -> list[PlacedFact]:
    """The other article's facts of x's slot that can be about x's point: MIN_ANCHOR_WORDS shared words (found
    through an index of their words, so long articles are not compared fact by fact), a linked statement, or
    any fact of a named person's age."""
    if x.fact.slot.startswith("age:"):
        return list(ys)
    shared = Counter(index for word in x.fact.anchor for index in by_word.get(word, ()))
    chosen = {index for index, count in shared.items() if count >= MIN_ANCHOR_WORDS}
    if x.fact.role == "statement":
        chosen.update(index for index, y in enumerate(ys) if (x.sentence, y.sentence) in linked)
    return [ys[index] for index in sorted(chosen)]


def pair_conflicts(
    left_article: Article, right_article: Article, pair: PairAlignment, idf: Mapping[str, float] | None = None
) -> list[Conflict]:
    """The conflicts of one pair of articles (`pair.a` is `left_article`), ordered by sentence; `idf` from
    `event_idf` over all the comparison's articles (default: these two)."""
    idf = event_idf((left_article, right_article)) if idf is None else idf
    left, right = _Side(left_article), _Side(right_article)
    linked = linked_pairs(pair)
    found: dict[tuple[int, int, DetailKind, str], Conflict] = {}
    for key, xs in left.by_key.items():
        ys = right.by_key.get(key, [])
        by_word: dict[str, list[int]] = defaultdict(list)
        for index, y in enumerate(ys):
            for word in y.fact.anchor:
                by_word[word].append(index)
        for x in xs:
            for y in _candidates(x, ys, by_word, linked):
                if judge_values(x.fact.value, y.fact.value, left.published, right.published) is not (
                    DetailStatus.CONFLICT
                ):
                    continue
                is_linked = (x.sentence, y.sentence) in linked
                if not _same_point(x, y, idf, is_linked):
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
    for ident in [ident for ident in found if _different_events(left, right, ident[0], ident[1])]:
        del found[ident]
    for sub in quote_substitutions(left_article, right_article):
        a_sentence, b_sentence = sentence_at(left_article, sub.a.start), sentence_at(right_article, sub.b.start)
        found.setdefault(
            (a_sentence, b_sentence, DetailKind.QUOTE, sub.a.text),
            Conflict(
                a_article=pair.a, b_article=pair.b, a_sentence=a_sentence, b_sentence=b_sentence,
                kind=DetailKind.QUOTE, slot="quoted words", a=sub.a, b=sub.b,
                linked=(a_sentence, b_sentence) in linked,
            ),
        )  # fmt: skip
    return sorted(found.values(), key=lambda c: (c.a_sentence, c.b_sentence, c.a.start, c.b.start))


def find_conflicts(articles: Sequence[Article], pairs: Sequence[PairAlignment]) -> tuple[Conflict, ...]:
    """Every conflict of every pair, ordered by (a_article, b_article, a_sentence, b_sentence)."""
    found: list[Conflict] = []
    idf = event_idf(articles)
    for pair in pairs:
        found.extend(pair_conflicts(articles[pair.a], articles[pair.b], pair, idf))
    return tuple(sorted(found, key=lambda c: (c.a_article, c.b_article, c.a_sentence, c.b_sentence, c.a.start)))

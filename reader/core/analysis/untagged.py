"""Names the model did not tag, found beside its entities: an initial and a surname ("W. Hegg"), a known
person's first or last name alone in another sentence ("Trump pledged …"), a country's state name ("the Islamic
Republic") where the article names the country. Each search skips spans already found, by bisection over them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.core.analysis.candidate import SKIPPED_KINDS, Candidate
from reader.core.analysis.names import (
    STATE_NAME_PATTERN,
    STATE_NAMES,
    fold,
    is_capitalised,
    is_title_word,
    name_key,
    split_hyphenated,
)
from reader.core.analysis.parsed import ParsedArticle, Token
from reader.core.analysis.votes import results_table, score_at
from reader.core.records import ActorKind, Article

EDGE_PUNCT = set("\"'“”‘’«»()[]{}<>,.;:!?—–-/|*•·")
"""Punctuation that may stand at the edge of a span and is never part of a name."""
NAME_CHARS = set(".'’&")
"""Characters that may sit inside a name besides letters and digits ("J.", "O'Neill", "AT&T")."""


def initialled_people(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], found: Sequence[Candidate]
) -> list[Candidate]:
    """An initial and a surname the model left untagged ("W. Hegg", "M. McCague"): a person's name in any
    text, as no other kind of name is written so."""
    extra = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        spans = SpanIndex([(c.start, c.end) for c in found if c.article == index])
        for sentence in parse.sentences:
            if article.sentences[sentence.index].kind in SKIPPED_KINDS:
                continue
            tokens = sentence.tokens
            for position in range(len(tokens) - 1):
                initial, surname = tokens[position], tokens[position + 1]
                if not _is_initial(initial.text) or not _surname_like(surname.text):
                    continue
                if spans.overlaps(initial.start, surname.end) or (
                    position > 0 and _is_initial(tokens[position - 1].text)
                ):
                    continue
                text = article.text[initial.start : surname.end]
                extra.append(Candidate(index, sentence.index, initial.start, surname.end, text, ActorKind.PERSON, text))
    return extra


def _is_initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _surname_like(text: str) -> bool:
    return len(text) > 2 and text[0].isupper() and text[1:].replace("'", "").isalpha() and not is_title_word(text)


def state_names(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], found: Sequence[Candidate]
) -> list[Candidate]:
    """State names ("the Islamic Republic") in articles that name their country: they mention that country."""
    named: dict[int, set[str]] = {}
    for candidate in found:
        named.setdefault(candidate.article, set()).add(candidate.key)
    extra = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        spans = SpanIndex([(c.start, c.end) for c in found if c.article == index])
        story = {s.index for s in parse.sentences if article.sentences[s.index].kind not in SKIPPED_KINDS}
        for match in STATE_NAME_PATTERN.finditer(article.text):
            country = STATE_NAMES.get(name_key(match.group()))
            if country is None or country not in named.get(index, set()) or spans.overlaps(*match.span()):
                continue
            sentence = next((s.index for s in article.sentences if s.start <= match.start() < s.end), None)
            if sentence in story:
                start, end = match.span()
                extra.append(Candidate(index, sentence, start, end, match.group(), None, match.group()))
    return extra


def _all_parts_in(text: str, compound: tuple[int, int], names: set[str]) -> bool:
    """Whether every capitalised part of a hyphenated compound is one of `names` ("Scholz-Macron")."""
    parts = [part for _offset, part in split_hyphenated(text[compound[0] : compound[1]]) if is_capitalised(part)]
    return bool(parts) and all(fold(part) in names for part in parts)


def untagged_people(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], people: set[str], found: Sequence[Candidate]
) -> list[Candidate]:
    """Occurrences of a known person's first or last name that the model left untagged in some sentence
    ("Trump pledged support …"): capitalised words outside every other candidate."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for candidate in found:
        covered.setdefault(candidate.article, []).append((candidate.start, candidate.end))
    extra: list[Candidate] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        spans = SpanIndex(covered.get(index, []))
        for sentence in parse.sentences:
            if article.sentences[sentence.index].kind in SKIPPED_KINDS:
                continue
            for token in sentence.tokens:
                if not (token.text.isalpha() and is_capitalised(token.text) and fold(token.text) in people):
                    continue
                if spans.overlaps(token.start, token.end):
                    continue
                compound = compound_around(article.text, token.start, token.end)
                if compound is not None and not _all_parts_in(article.text, compound, people):
                    continue
                extra.append(Candidate(index, sentence.index, token.start, token.end, token.text, None, token.text))
    return extra


def names_in_capitals(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], found: Sequence[Candidate]
) -> list[Candidate]:
    """Known names inside all-capitals lines ("SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH"): the model
    tags little in capitals, but a word run whose key is a name found cleanly elsewhere in the comparison is
    that name (longest run first, up to CAPS_RUN words). No vote: the kind comes from the other mentions."""
    known = {c.key for c in found if c.kind is not None and len(c.key) > 2}
    extra: list[Candidate] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        spans = SpanIndex([(c.start, c.end) for c in found if c.article == index])
        for sentence in parse.sentences:
            tokens = sentence.tokens
            if article.sentences[sentence.index].kind in SKIPPED_KINDS or not in_capitals(tokens):
                continue
            position = 0
            while position < len(tokens):
                for size in range(min(CAPS_RUN, len(tokens) - position), 0, -1):
                    first, last = tokens[position], tokens[position + size - 1]
                    text = article.text[first.start : last.end]
                    if not (first.text[:1].isalpha() and last.text[-1:].isalnum()) or name_key(text) not in known:
                        continue
                    if spans.overlaps(first.start, last.end):
                        continue
                    extra.append(Candidate(index, sentence.index, first.start, last.end, text, None, text))
                    position += size - 1
                    break
                position += 1
    return extra


CAPS_RUN = 4
"""The longest name looked for in capitals, in words ("NEW YORK YANKEES")."""
CAPS_SHARE = 0.9
"""A line is in capitals when at least this share of its letters are upper case."""


def in_capitals(tokens: Sequence[Token]) -> bool:
    """Whether a stretch of text is written in capitals (a wire headline, a table heading)."""
    letters = "".join(filter(str.isalpha, "".join([token.text for token in tokens])))  # counted in C, not per char
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= CAPS_SHARE * len(letters)


def teams_in_tables(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], found: Sequence[Candidate]
) -> list[Candidate]:
    """Capitalised words the model left untagged right before a score in a line of results or standings
    ("Bournemouth 1 Peterborough 2"): teams, voting organisation. People in tables are named with initials or
    beside lower-case scorecard words ("c Healy b Warne 50"), which the table test and the earlier finders
    leave out."""
    extra: list[Candidate] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        spans = SpanIndex([(c.start, c.end) for c in found if c.article == index])
        for sentence in parse.sentences:
            tokens = sentence.tokens
            if article.sentences[sentence.index].kind in SKIPPED_KINDS or not results_table(tokens):
                continue
            for stop in range(1, len(tokens)):
                if not score_at(tokens, stop):
                    continue
                first = stop
                while first > 0 and _team_word(tokens[first - 1].text) and stop - first < CAPS_RUN:
                    first -= 1
                if first == stop or spans.overlaps(tokens[first].start, tokens[stop - 1].end):
                    continue
                start, end = tokens[first].start, tokens[stop - 1].end
                text = article.text[start:end]
                extra.append(Candidate(index, sentence.index, start, end, text, ActorKind.ORGANISATION, text))
    return extra


def people_with_countries(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], found: Sequence[Candidate]
) -> list[Candidate]:
    """Two or three capitalised words the model left untagged before a place in brackets ("Scott Draper (
    Australia )", "Jansher Khan ( Pakistan )"): results lists name competitors so, voting person. One word
    before the brackets is as often a team ("Alba ( Germany )"), so it is left alone."""
    places = {c.key for c in found if c.kind is ActorKind.PLACE}
    extra: list[Candidate] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        spans = SpanIndex([(c.start, c.end) for c in found if c.article == index])
        for sentence in parse.sentences:
            tokens = sentence.tokens
            if article.sentences[sentence.index].kind in SKIPPED_KINDS:
                continue
            for opening in range(2, len(tokens) - 2):
                if tokens[opening].text != "(" or tokens[opening + 2].text != ")":
                    continue
                if name_key(tokens[opening + 1].text) not in places:
                    continue
                first = opening
                while first > 0 and _team_word(tokens[first - 1].text) and opening - first < MAX_NAME_WORDS:
                    first -= 1
                if opening - first < 2 or spans.overlaps(tokens[first].start, tokens[opening - 1].end):
                    continue
                start, end = tokens[first].start, tokens[opening - 1].end
                text = article.text[start:end]
                extra.append(Candidate(index, sentence.index, start, end, text, ActorKind.PERSON, text))
    return extra


MAX_NAME_WORDS = 3
"""The longest competitor's name looked for before a bracketed country, in words."""


def _team_word(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and text.replace("'", "").replace("-", "").isalpha()


class SpanIndex:
    """Candidate spans of one article, for overlap tests by bisection (a scan per token was quadratic)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _end in self._spans]
        longest = max((end - start for start, end in self._spans), default=0)
        self._reach = longest

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span overlaps [start, end): only spans starting within the longest span's reach."""
        low = bisect.bisect_left(self._starts, start - self._reach)
        high = bisect.bisect_left(self._starts, end)
        return any(self._spans[i][1] > start for i in range(low, high))


def compound_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The hyphenated word holding text[start:end] ("Mar-a-Lago" around "Mar"), or None when there is none."""
    low, high = start, end
    while low > 1 and text[low - 1] in "-‐‑" and (text[low - 2].isalnum() or text[low - 2] == "."):
        low -= 1
        while low > 0 and (text[low - 1].isalnum() or text[low - 1] in NAME_CHARS):
            low -= 1
    while high < len(text) - 1 and text[high] in "-‐‑" and text[high + 1].isalnum():
        high += 1
        while high < len(text) and (text[high].isalnum() or text[high] == "."):
            high += 1
    while high > low and text[high - 1] in EDGE_PUNCT:
        high -= 1
    inner = text[low:high]
    hyphenated = any(
        inner[i] in "-‐‑" and inner[i - 1].isalnum() | (inner[i - 1] == ".") and inner[i + 1].isalnum()
        for i in range(1, len(inner) - 1)
    )
    return (low, high) if hyphenated else None

"""Name mentions from the model's entities, cleaned and checked against context before they become actors.

The small model's entity spans carry predictable errors: trailing punctuation and possessives, whole dateline
fields ("Trump/ Newslooks/ WASHINGTON/"), title-case headline words taken for names ("Netanyahu Discusses",
"Quick Looks"), fragments of hyphenated names ("Mar" of "Mar-a-Lago"). Each candidate here is one cleaned span
with the model's label as a vote; spans from headline-cased stretches or hyphenated compounds carry no vote and
survive only when the same name occurs as a clean entity elsewhere in the comparison.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.candidate import SKIPPED_KINDS, Candidate
from reader.core.analysis.datelines import dateline_places
from reader.core.analysis.names import (
    LEADING_ARTICLES,
    SEGMENT_BREAKS,
    fields,
    fold,
    headline_cased,
    is_capitalised,
    is_title_word,
    name_key,
    place_alias,
    segments,
    split_hyphenated,
)
from reader.core.analysis.parsed import ParsedArticle, ParsedSentence, Token
from reader.core.analysis.untagged import (
    EDGE_PUNCT,
    NAME_CHARS,
    compound_around,
    in_capitals,
    initialled_people,
    names_in_capitals,
    people_with_countries,
    state_names,
    teams_in_tables,
    untagged_people,
)
from reader.core.analysis.votes import (
    adjusted_vote,
    broken_names,
    coordinated_parts,
    given_name_and_surname,
    has_capital,
    joined_name,
    name_start,
    personal_title,
    qualifies_title,
    results_table,
    score_at,
)
from reader.core.records import ActorKind, Article, BlockKind

LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANISATION,
    "GPE": ActorKind.PLACE,
    "LOC": ActorKind.PLACE,
    "FAC": ActorKind.PLACE,
    "NORP": ActorKind.GROUP,
}
_INNER_BREAKS = SEGMENT_BREAKS | {",", ";", ":", "(", ")", "[", "]", "“", "”", '"', "—", "–"}
_POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}


@dataclass(frozen=True)
class _Raw:
    candidate: Candidate
    words: tuple[Token, ...]
    weak: bool
    compound: tuple[int, int] | None
    """Offsets of the hyphenated compound the span sits in, when it is part of one."""
    parts: tuple[tuple[int, int], ...] = ()
    """Offsets of the names a coordinated span joins ("Trump and Mattis"), when it joins several."""


def extract_candidates(articles: Sequence[Article], parsed: Sequence[ParsedArticle]) -> list[Candidate]:
    """Every name mention of every article, cleaned, in (article, offset) order."""
    raws: list[_Raw] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        for sentence in parse.sentences:
            if article.sentences[sentence.index].kind in SKIPPED_KINDS:
                continue
            raws.extend(_sentence_candidates(index, article, sentence))
    known = _known_names([raw for raw in raws if not raw.weak and raw.compound is None])
    results: dict[tuple[int, int, int], Candidate] = {}
    for raw in raws:
        for candidate in _confirmed(raw, known, articles):
            results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    places = dateline_places(articles)
    if places:
        ordered = sorted(results)
        reach = max((end - start for _article, start, end in ordered), default=0)
        for place in places:
            low = bisect.bisect_left(ordered, (place.article, place.start - reach, 0))
            high = bisect.bisect_left(ordered, (place.article, place.end, 0))
            for key in ordered[low:high]:
                if key[2] > place.start:
                    results.pop(key, None)  # the model's reading of an all-caps dateline ("BUCHAREST" an ORG)
            results[(place.article, place.start, place.end)] = place
    people = _person_words([raw for raw in raws if not raw.weak and raw.compound is None])
    for candidate in untagged_people(articles, parsed, people, list(results.values())):
        results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    for candidate in initialled_people(articles, parsed, list(results.values())):
        results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    for candidate in names_in_capitals(articles, parsed, list(results.values())):
        results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    for candidate in people_with_countries(articles, parsed, list(results.values())):
        results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    for candidate in teams_in_tables(articles, parsed, list(results.values())):
        results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    for candidate in state_names(articles, parsed, list(results.values())):
        results.setdefault((candidate.article, candidate.start, candidate.end), candidate)
    return [results[key] for key in sorted(results)]


def _person_words(raws: Sequence[_Raw]) -> set[str]:
    """First and last words of the multi-word person names the model found cleanly."""
    words: set[str] = set()
    for raw in raws:
        parts = raw.candidate.key.split()
        if raw.candidate.kind is ActorKind.PERSON and len(parts) > 1:
            words.update(part for part in (parts[0], parts[-1]) if len(part) > 2)
    return words


def _known_names(raws: Sequence[_Raw]) -> set[str]:
    """Keys of clean entities, plus the first and last words of clean multi-word person names."""
    known: set[str] = set()
    for raw in raws:
        known.add(raw.candidate.key)
        words = raw.candidate.key.split()
        if raw.candidate.kind is ActorKind.PERSON and len(words) > 1:
            known.update(word for word in (words[0], words[-1]) if len(word) > 2)
    return known


def _sentence_candidates(article_index: int, article: Article, sentence: ParsedSentence) -> list[_Raw]:
    tokens = sentence.tokens
    weak_tokens: set[int] = set()
    named = {i for entity in sentence.entities for i in range(entity.first, entity.stop)}
    for low, high in segments(tokens):
        if in_capitals(tokens[low:high]):
            weak_tokens.update(range(low, high))  # the model's labels in capitals ("SCHEDULE", "WIN") are noise
            continue
        if not headline_cased(tokens[low:high], {i - low for i in named if low <= i < high}):
            continue
        for first, stop in fields(tokens[low:high]):
            first, stop = first + low, stop + low  # a list of names is judged item by item
            if headline_cased(tokens[first:stop], {i - first for i in named if first <= i < stop}):
                weak_tokens.update(range(first, stop))
    raws: list[_Raw] = []
    headline = article.sentences[sentence.index].kind is BlockKind.HEADLINE
    pieces_of_names = broken_names(tokens, sentence.entities)
    table = results_table(tokens)
    for entity in sentence.entities:
        kind = LABEL_KINDS.get(entity.label)
        if kind is None:
            continue
        pieces = _pieces(tokens, entity.first, entity.stop)
        for low, stop in pieces:
            first = name_start(tokens, low, stop)
            if kind is ActorKind.ORGANISATION and given_name_and_surname(tokens, first, stop):
                kind = ActorKind.PERSON  # "Tanja Damaske ( Germany )" tagged ORG in a results list
            if kind is not ActorKind.PERSON and personal_title(tokens, first, stop):
                kind = ActorKind.PERSON  # "Representative Fredette" tagged ORG is a person
            if kind is ActorKind.PERSON:
                while stop - first > 1 and is_title_word(tokens[first].text):
                    first += 1
            words = tokens[first:stop]
            start, end = words[0].start, words[-1].end
            text = article.text[start:end]
            if not _plausible_name(text) or all(is_title_word(t.text) for t in words) or not has_capital(words):
                continue
            compound = compound_around(article.text, start, end)
            if kind is ActorKind.GROUP and compound is None and not _names_a_group(tokens[stop - 1]):
                continue
            vote: ActorKind | None = kind
            if kind in (ActorKind.ORGANISATION, ActorKind.PLACE) and _after_title(tokens, first, stop, text):
                vote = ActorKind.PERSON  # "Chancellor Olaf Scholz" tagged ORG is still a person
            vote = adjusted_vote(vote, tokens, first, stop) if vote is not None else None
            if vote is ActorKind.PLACE and table and score_at(tokens, stop):
                vote = ActorKind.ORGANISATION  # "Doncaster 3 Darlington 2": teams
            titled = _titled_form(article, tokens, first, end) if vote is ActorKind.PERSON else text
            joined = pieces_of_names.get(entity.first)
            full = joined_name(article.text, tokens, *joined) if joined is not None else ""
            piece = entity.first in pieces_of_names
            candidate = Candidate(article_index, sentence.index, start, end, text, vote, titled, piece, full)
            weak = len(pieces) > 1 or headline or any(i in weak_tokens for i in range(first, stop))
            parts = tuple((tokens[a].start, tokens[b - 1].end) for a, b in coordinated_parts(tokens, first, stop))
            raws.append(_Raw(candidate, tuple(words), weak, compound, parts if len(parts) > 1 else ()))
    return raws


def _pieces(tokens: Sequence[Token], first: int, stop: int) -> list[tuple[int, int]]:
    """The entity split at separators inside it, each piece trimmed of articles, punctuation and possessives."""
    pieces: list[tuple[int, int]] = []
    start = first
    for index in range(first, stop + 1):
        if (
            index == stop
            or tokens[index].text in _INNER_BREAKS
            or _spaced_dash(tokens, index)
            or _figure(tokens[index])
        ):
            pieces.append((start, index))
            start = index + 1
    trimmed = []
    for low, high in pieces:
        while low < high and (
            fold(tokens[low].text) in LEADING_ARTICLES or _is_edge_punct(tokens[low].text) or _figure(tokens[low])
        ):
            low += 1
        while low < high and _trailing_noise(tokens[high - 1]):
            high -= 1
        if low < high:
            trimmed.append((low, high))
    return trimmed


def _spaced_dash(tokens: Sequence[Token], index: int) -> bool:
    """A hyphen with spaces around it separates fields ("Lithuania - Danius Gleveckas"); one inside a word
    ("Mar-a-Lago") does not."""
    token = tokens[index]
    if token.text != "-" or index == 0 or index + 1 >= len(tokens):
        return False
    return tokens[index - 1].end < token.start and token.end < tokens[index + 1].start


def _trailing_noise(token: Token) -> bool:
    return token.text in _POSSESSIVE_TOKENS or _is_edge_punct(token.text) or _figure(token)


def _figure(token: Token) -> bool:
    """A number, score or date ("69", "5-68", "1996-08-30"): never the edge of a name ("H. Morris 69")."""
    return any(ch.isdigit() for ch in token.text) and not any(ch.isalpha() for ch in token.text)


def _is_edge_punct(text: str) -> bool:
    return bool(text) and all(ch in EDGE_PUNCT for ch in text)


def _plausible_name(text: str) -> bool:
    """At least two letters, no line break, and every character a letter, digit, space or name punctuation."""
    letters = sum(ch.isalpha() for ch in text)
    return (
        letters >= 2
        and "\n" not in text
        and all(ch.isalnum() or ch.isspace() or ch in NAME_CHARS or ch == "-" for ch in text)
    )


def _names_a_group(last: Token) -> bool:
    """NORP is kept when it names people ("Democrats", "the Israelis"), not when it qualifies ("Israeli officials")."""
    return last.tag in ("NNPS", "NNS") or (last.pos in ("NOUN", "PROPN") and last.dep not in ("amod", "compound"))


def _after_title(tokens: Sequence[Token], first: int, stop: int, text: str) -> bool:
    """A capitalised name right after a title word ("Minister", "envoy") that is not a well-known place, nor
    itself before a title: "former Massachusetts Gov." keeps the model's place label."""
    if qualifies_title(tokens, stop):
        return False
    return first > 0 and is_title_word(tokens[first - 1].text) and place_alias(name_key(text)) is None


def _titled_form(article: Article, tokens: Sequence[Token], first: int, end: int) -> str:
    """The name with the title before it: title words, and one place or nationality word before those."""
    index = first
    while index > 0 and is_title_word(tokens[index - 1].text):
        index -= 1
    if index == first:
        return article.text[tokens[first].start : end]
    if index > 0 and is_capitalised(tokens[index - 1].text) and tokens[index - 1].pos in ("PROPN", "ADJ"):
        index -= 1
    return article.text[tokens[index].start : end]


def _confirmed(raw: _Raw, known: set[str], articles: Sequence[Article]) -> list[Candidate]:
    """The raw candidate as it survives context checks: itself, a known part of it, its known parts, or nothing."""
    candidate = raw.candidate
    if raw.compound is not None:
        return _compound_parts(raw, known, articles[candidate.article].text)
    text = articles[candidate.article].text
    joined = [Candidate(candidate.article, candidate.sentence, a, b, text[a:b], None, text[a:b]) for a, b in raw.parts]
    if joined and all(part.key in known for part in joined):
        return joined  # "Trump and Mattis": two people, not one organisation
    if not raw.weak:
        return [candidate]
    words = raw.words
    for size in range(len(words), 0, -1):
        for low in range(len(words) - size + 1):
            part = words[low : low + size]
            text = articles[candidate.article].text[part[0].start : part[-1].end]
            probe = Candidate(candidate.article, candidate.sentence, part[0].start, part[-1].end, text, None, text)
            if probe.key in known and len(probe.key) > 2:
                return [probe]
    return []


def _compound_parts(raw: _Raw, known: set[str], text: str) -> list[Candidate]:
    """A hyphenated compound credits each of its known names ("Trump-Netanyahu"); a fragment of an unknown one
    ("Mar" of "Mar-a-Lago") is dropped; a compound the model tagged whole stays whole."""
    assert raw.compound is not None
    low, high = raw.compound
    candidate = raw.candidate
    parts = [
        (low + offset, part)
        for offset, part in split_hyphenated(text[low:high])
        if is_capitalised(part) and sum(ch.isalpha() for ch in part) >= 2
    ]
    probes = [
        Candidate(candidate.article, candidate.sentence, start, start + len(part), part, None, part)
        for start, part in parts
    ]
    unknown = [probe for probe in probes if probe.key not in known]
    whole = (candidate.start, candidate.end) == (low, high)
    if whole and (unknown or len(probes) < 2):
        return [] if candidate.kind is ActorKind.GROUP else [candidate]
    if unknown or not probes:
        return []
    return probes

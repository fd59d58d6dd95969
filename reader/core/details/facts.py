"""Typed details of one sentence: dates, counts with what they count, money, vote tallies, ordinals, ages,
offices given to a person.

Each fact has a slot (what it dates or counts: "day", "year", the stem of the counted noun, "age of Smith") and
an anchor (the content stems of its clause), so that two articles' facts are only compared when they state the
same thing. Names are not quantities: a number glued to letters ("F-35", "Covid-19"), a number word glued by a
hyphen ("four-star"), and digits around a slash ("9/11") are skipped.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from reader.core.details.dates import date_at, speaker_of, statement_verb
from reader.core.details.fact import Fact, clause_anchor, content_keys, count_key, stem
from reader.core.details.numbers import number_fact
from reader.core.details.people import FirstName, fold, titled_people
from reader.core.details.scan import Tok, tokens_of
from reader.core.records import DetailKind

__all__ = ["Fact", "clause_anchor", "content_keys", "count_key", "sentence_facts", "stem"]


@cache
def sentence_facts(text: str) -> tuple[Fact, ...]:
    """The typed details of one sentence, in text order."""
    tokens = tokens_of(text)
    facts: list[Fact] = []
    used: set[int] = set()
    for k, tok in enumerate(tokens):
        if k in used or tok.type == "punct":
            continue
        date = date_at(tokens, k, used) if tok.type == "word" else None
        if date is not None:
            value, end = date
            used.update(range(k, end + 1))
            grain = (
                "day"
                if value.day or value.weekday is not None or value.relative is not None or value.vague
                else ("month" if value.month else "year")
            )
            verb = statement_verb(tokens, k, end)
            role = "statement" if verb is not None else ""
            speaker = speaker_of(tokens, verb) if verb is not None else frozenset()
            start_tok = (
                k - 1
                if value.day is not None
                and tokens[k - 1 : k]
                and tokens[k - 1].type == "num"
                and (tokens[k - 1].end <= tok.start and k + 1 > end)
                else k
            )
            facts.append(
                Fact(
                    DetailKind.DATE,
                    grain,
                    value,
                    tokens[start_tok].start,
                    tokens[end].end,
                    clause_anchor(tokens, k),
                    role,
                    speaker=speaker,
                )
            )
            continue
        fact = number_fact(tokens, k, used)
        if fact is not None:
            facts.append(fact)
    facts.extend(_people_facts(tokens))
    return tuple(sorted((_without_full_stop(text, fact) for fact in facts), key=lambda f: f.start))


ABBREVIATION_LETTERS = 3
"""A word of at most this many letters before a full stop may be an abbreviation that keeps it ("Dec.", "Gov.");
a longer one ("Thursday.", "people.") ends the sentence, and the stop is not part of the detail."""


def _without_full_stop(text: str, fact: Fact) -> Fact:
    """The fact without the sentence's full stop at its end (the Conflicts list showed "Thursday.")."""
    if not text[fact.start : fact.end].endswith("."):
        return fact
    word = text[fact.start : fact.end - 1].rsplit(None, 1)[-1] if fact.end - 1 > fact.start else ""
    if word.count(".") or (len(word) <= ABBREVIATION_LETTERS and word.casefold() != "may"):
        return fact
    return dataclasses.replace(fact, end=fact.end - 1)


def _people_facts(tokens: tuple[Tok, ...]) -> list[Fact]:
    """The first name and the office of each titled person; their anchor is the whole sentence, names out."""
    people = titled_people(tokens)
    if not people:
        return []
    name_words = {stem(fold(t.lower)) for t in tokens if t.capitalised}
    anchor = frozenset(content_keys(tokens) - name_words)
    facts = []
    for person in people:
        facts.append(
            Fact(
                DetailKind.NAME,
                f"name:{person.surname}",
                FirstName(person.first),
                person.start,
                person.end,
                anchor,
                label=person.surname,
            )
        )
        if person.office.base or person.office.modifiers:
            facts.append(
                Fact(
                    DetailKind.TITLE,
                    f"title:{person.first} {person.surname}",
                    person.office,
                    person.title_start,
                    person.title_end,
                    anchor,
                    label=person.surname,
                )
            )
    return facts

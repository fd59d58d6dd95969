"""The record of one typed detail and the reading every kind shares: stems, the counted noun, the clause
words a detail is about, the hedge before a number."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.lexicon import (
    ABOUT,
    AT_LEAST,
    AT_MOST,
    COUNT_SYNONYMS,
    GENERIC_COUNTS,
    MONTHS,
    PARTICIPLE_HEADS,
    RELATIVE_DAYS,
    REPORTING_VERBS,
    WEEKDAYS,
)
from reader.core.details.scan import (
    CLAUSE_BREAKS,
    Tok,
)
from reader.core.details.values import Value
from reader.core.records import DetailKind

_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Fact:
    """One typed detail of one sentence; offsets index the sentence text."""

    kind: DetailKind
    slot: str
    value: Value
    start: int
    end: int
    anchor: frozenset[str]
    """Stems of the content words of its clause: what the date or number is about."""
    role: str = ""
    """"statement" for a date next to a reporting verb ("said Wednesday"): it dates the telling."""
    label: str = ""
    """The slot in the reader's words: the counted noun as written ("troops"), "day", "year", "vote"."""
    speaker: frozenset[str] = frozenset()
    """For a statement's date: the capitalised words before its reporting verb ("Steve", "King"), lowercased."""


@cache
def stem(word: str) -> str:
    """The Porter2 stem of a lowercased word."""
    return str(_STEMMER.stemWord(word))


def count_key(word: str) -> str:
    """What a count noun counts, folded: "bills" and "measures" → one key; "troops" and "soldiers" → one."""
    stemmed = stem(word.lower())
    for group in COUNT_SYNONYMS:
        if stemmed in group:
            return min(group)
    return stemmed


def _content(tok: Tok) -> bool:
    return tok.type == "word" and tok.lower not in STOP_WORDS and len(tok.lower) > 1


def _is_date_word(tok: Tok) -> bool:
    return tok.lower in WEEKDAYS or tok.lower in MONTHS or tok.lower in RELATIVE_DAYS


def clause_anchor(tokens: tuple[Tok, ...], k: int) -> frozenset[str]:
    """Content stems of the clause around token k; a clause of fewer than two content words ("On Wednesday,")
    takes in the next one."""
    lo = k
    while lo > 0 and tokens[lo - 1].text not in CLAUSE_BREAKS:
        lo -= 1
    hi = k
    extended = False
    while hi + 1 < len(tokens):
        if tokens[hi + 1].text in CLAUSE_BREAKS:
            content = [t for t in tokens[lo : hi + 1] if _content(t) and not _is_date_word(t)]
            if len(content) >= 2 or extended:
                break
            extended = True
        hi += 1
    return content_keys(t for t in tokens[lo : hi + 1] if not _is_date_word(t) and t.lower not in REPORTING_VERBS)


def content_keys(tokens: Iterable[Tok]) -> frozenset[str]:
    """Content words as keys that survive rewording: stems, the parts of a compound ("Democratic-led" holds
    "democrat"), count nouns folded with their synonyms ("bills" = "measures")."""
    keys = set()
    for tok in tokens:
        if not _content(tok):
            continue
        for part in tok.lower.split("-"):
            if part and part not in STOP_WORDS and not part.isdigit():
                keys.add(count_key(part))
    return frozenset(keys)


def hedge_before(tokens: tuple[Tok, ...], k: int) -> str:
    """The hedge before token k: "at_least", "at_most", "about" or "exact"."""
    before = " ".join(t.lower for t in tokens[max(0, k - 3) : k] if t.type == "word")
    for phrases, bound in ((AT_LEAST, "at_least"), (AT_MOST, "at_most"), (ABOUT, "about")):
        if any(before == p or before.endswith(" " + p) for p in phrases):
            return bound
    return "exact"


def counted_noun(tokens: tuple[Tok, ...], k: int) -> tuple[str, int]:
    """What a count at token k counts: the first plural-looking noun of the next three words (or the first
    word), and the index of that word; ("", k) when no word follows. A generic count ("12 people") takes the
    participle that says what happened to them ("12 people were injured")."""
    run: list[int] = []
    for j in range(k + 1, min(len(tokens), k + 4)):
        tok = tokens[j]
        if tok.type != "word" or tok.lower in STOP_WORDS or tok.lower in REPORTING_VERBS:
            break
        run.append(j)
    if not run:
        return ("", k)
    common = [j for j in run if not tokens[j].capitalised] or run  # "2,000 American troops": not "American"
    plural = [j for j in common if tokens[j].lower.endswith("s") and not tokens[j].lower.endswith("ss")]
    chosen = plural[0] if plural else common[0]
    word = tokens[chosen].lower.split("-")[-1]
    if word in GENERIC_COUNTS:
        for j in range(chosen + 1, min(len(tokens), chosen + 4)):
            if tokens[j].lower in PARTICIPLE_HEADS:
                return (count_key(tokens[j].lower), j)
            if tokens[j].lower not in ("were", "was", "have", "had", "been", "are", "is", "reported"):
                break
    return (count_key(word), chosen)

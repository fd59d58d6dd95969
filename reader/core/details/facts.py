"""Typed details of one sentence: dates, counts with what they count, money, vote tallies, ordinals, ages,
offices given to a person.

Each fact has a slot (what it dates or counts: "day", "year", the stem of the counted noun, "age of Smith") and
an anchor (the content stems of its clause), so that two articles' facts are only compared when they state the
same thing. Names are not quantities: a number glued to letters ("F-35", "Covid-19"), a number word glued by a
hyphen ("four-star"), and digits around a slash ("9/11") are skipped.
"""

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
    CURRENCIES,
    CURRENCY_WORDS,
    GENERIC_COUNTS,
    MONTHS,
    OFFICE_ABBREVIATIONS,
    OFFICES,
    PARTICIPLE_HEADS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    REPORTING_VERBS,
    SCALES,
    VAGUE_PERIODS,
    WEEKDAYS,
)
from reader.core.details.scan import (
    CLAUSE_BREAKS,
    Tok,
    digits_value,
    glued,
    ordinal_number,
    step_of,
    tokens_of,
    word_number,
)
from reader.core.details.people import FirstName, fold, titled_people
from reader.core.details.values import DateValue, Quantity, Value
from reader.core.records import DetailKind

_STEMMER = snowballstemmer.stemmer("english")
QUOTE_MARKS = frozenset({"“", "”", '"', "«", "»", "„"})
FULL_MONTHS = frozenset(word for word in MONTHS if len(word) > 3 or word == "may")
TALLY_WORDS = frozenset({"vote", "voted", "votes", "margin", "tally", "victory", "approved", "passed", "defeated"})


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


def _anchor(tokens: tuple[Tok, ...], k: int) -> frozenset[str]:
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


def _hedge(tokens: tuple[Tok, ...], k: int) -> str:
    """The hedge before token k: "at_least", "at_most", "about" or "exact"."""
    before = " ".join(t.lower for t in tokens[max(0, k - 3) : k] if t.type == "word")
    for phrases, bound in ((AT_LEAST, "at_least"), (AT_MOST, "at_most"), (ABOUT, "about")):
        if any(before == p or before.endswith(" " + p) for p in phrases):
            return bound
    return "exact"


def _head(tokens: tuple[Tok, ...], k: int) -> tuple[str, int]:
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
    plural = [j for j in run if tokens[j].lower.endswith("s") and not tokens[j].lower.endswith("ss")]
    chosen = plural[0] if plural else run[0]
    word = tokens[chosen].lower.split("-")[-1]
    if word in GENERIC_COUNTS:
        for j in range(chosen + 1, min(len(tokens), chosen + 4)):
            if tokens[j].lower in PARTICIPLE_HEADS:
                return (count_key(tokens[j].lower), j)
            if tokens[j].lower not in ("were", "was", "have", "had", "been", "are", "is", "reported"):
                break
    return (count_key(word), chosen)


def _is_name_number(tokens: tuple[Tok, ...], k: int) -> bool:
    """A number that is part of a name: "9/11", "24/7", a number word glued to a word ("four-star")."""
    tok = tokens[k]
    for step in (-1, 1):
        j = k + step
        if 0 <= j < len(tokens) and tokens[j].text == "/" and (glued(tokens[j], tok) or glued(tok, tokens[j])):
            return True
    return False


def _date_at(tokens: tuple[Tok, ...], k: int, used: set[int]) -> tuple[DateValue, int] | None:
    """A date starting at token k and the index of its last token, or None."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    prev = tokens[k - 1] if k > 0 else None
    if tok.lower in WEEKDAYS:
        night = nxt is not None and nxt.lower in PARTS_OF_DAY and nxt.lower == "night"
        end = k + 1 if nxt is not None and nxt.lower in PARTS_OF_DAY else k
        return DateValue(weekday=WEEKDAYS[tok.lower], night=night), end
    if tok.lower in RELATIVE_DAYS:
        return DateValue(relative=RELATIVE_DAYS[tok.lower], night=tok.lower == "tonight"), k
    if tok.lower in ("this", "last", "next", "earlier", "late", "later") and nxt is not None:
        j = k + 1
        if nxt.lower == "this" and j + 1 < len(tokens):
            j += 1
        if tokens[j].lower in VAGUE_PERIODS:
            return DateValue(vague=True), j
        return None
    if tok.lower in MONTHS and tok.capitalised:
        month = MONTHS[tok.lower]
        day = year = None
        end = k
        if nxt is not None and nxt.type == "num" and glued(tok, nxt) is False:
            value = digits_value(nxt.text)
            if value is not None and 1 <= value <= 31 and value.is_integer() and "," not in nxt.text:
                day, end = int(value), k + 1
        if day is None and prev is not None and prev.type == "num" and k - 1 not in used:
            value = digits_value(prev.text)
            if value is not None and 1 <= value <= 31:
                day = int(value)
        j = end + 1
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        if j < len(tokens) and tokens[j].type == "num" and _year_value(tokens[j]) is not None:
            year, end = _year_value(tokens[j]), j
        if day is None and year is None and (tok.lower not in FULL_MONTHS or k == 0):
            return None
        if tok.lower == "may" and day is None and year is None:
            return None
        return DateValue(day=day, month=month, year=year), end
    return None


def _year_value(tok: Tok) -> int | None:
    if tok.type != "num" or not tok.text.isdigit() or len(tok.text) != 4:
        return None
    value = int(tok.text)
    return value if 1800 <= value <= 2100 else None


def _statement_verb(tokens: tuple[Tok, ...], k: int, end: int) -> int | None:
    """The reporting verb next to a date ("said Wednesday", "said on Friday", "Friday said"), or None."""
    for j in [*range(k - 1, max(-1, k - 4), -1), end + 1]:
        if 0 <= j < len(tokens) and tokens[j].lower in REPORTING_VERBS:
            return j
    return None


def _speaker(tokens: tuple[Tok, ...], verb: int) -> frozenset[str]:
    """Capitalised words of the twelve tokens before a reporting verb (back to a quotation mark), titles left
    out: who made the statement ("Rep. Steve King (R-Iowa) and Rep. Michelle Bachmann said")."""
    start = verb
    while start > max(0, verb - 12) and tokens[start - 1].text not in QUOTE_MARKS:
        start -= 1
    return frozenset(
        t.lower.removesuffix("'s")
        for t in tokens[start:verb]
        if t.capitalised and t.lower not in OFFICES and t.lower not in OFFICE_ABBREVIATIONS and t.lower not in STOP_WORDS
    )


@cache
def sentence_facts(text: str) -> tuple[Fact, ...]:
    """The typed details of one sentence, in text order."""
    tokens = tokens_of(text)
    facts: list[Fact] = []
    used: set[int] = set()
    for k, tok in enumerate(tokens):
        if k in used or tok.type == "punct":
            continue
        date = _date_at(tokens, k, used) if tok.type == "word" else None
        if date is not None:
            value, end = date
            used.update(range(k, end + 1))
            grain = "day" if value.day or value.weekday is not None or value.relative is not None or value.vague else (
                "month" if value.month else "year"
            )
            verb = _statement_verb(tokens, k, end)
            role = "statement" if verb is not None else ""
            speaker = _speaker(tokens, verb) if verb is not None else frozenset()
            start_tok = k - 1 if value.day is not None and tokens[k - 1 : k] and tokens[k - 1].type == "num" and (
                tokens[k - 1].end <= tok.start and k + 1 > end
            ) else k
            facts.append(
                Fact(DetailKind.DATE, grain, value, tokens[start_tok].start, tokens[end].end, _anchor(tokens, k), role,
                     speaker=speaker)
            )
            continue
        fact = _number_fact(tokens, k, used)
        if fact is not None:
            facts.append(fact)
    facts.extend(_people_facts(tokens))
    return tuple(sorted(facts, key=lambda f: f.start))


def _people_facts(tokens: tuple[Tok, ...]) -> list[Fact]:
    """The first name and the office of each titled person; their anchor is the whole sentence, names out."""
    people = titled_people(tokens)
    if not people:
        return []
    name_words = {stem(fold(t.lower)) for t in tokens if t.capitalised}
    anchor = frozenset(content_keys(tokens) - name_words)
    facts = []
    for person in people:
        facts.append(Fact(DetailKind.NAME, f"name:{person.surname}", FirstName(person.first), person.start,
                          person.end, anchor, label=person.surname))
        if person.office.base or person.office.modifiers:
            facts.append(Fact(DetailKind.TITLE, f"title:{person.first} {person.surname}", person.office,
                              person.title_start, person.title_end, anchor, label=person.surname))
    return facts


def _number_fact(tokens: tuple[Tok, ...], k: int, used: set[int]) -> Fact | None:
    """A year, tally, amount of money, count, percentage, age or ordinal starting at token k."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    ordinal = ordinal_number(tok)
    if ordinal is not None:
        head, last = _head(tokens, k)
        used.update(range(k, last + 1))
        if not head or (nxt is not None and glued(tok, nxt) and nxt.text == "-"):
            return None
        return Fact(DetailKind.ORDINAL, f"rank:{head}", ordinal, tok.start, tok.end, _anchor(tokens, k))
    if tok.type == "money":
        return _money(tokens, k, used)
    if tok.type == "num":
        if _is_name_number(tokens, k):
            used.update({k, k + 2})
            return None
        year = _year_value(tok)
        if year is not None and not (nxt is not None and nxt.text == "-" and glued(tok, nxt)):
            used.add(k)
            return Fact(DetailKind.DATE, "year", DateValue(year=year), tok.start, tok.end, _anchor(tokens, k))
        tally = _tally(tokens, k)
        if tally is not None:
            fact, last = tally
            used.update(range(k, last + 1))
            return fact
        if tok.lower.endswith("s") and tok.lower[:-1].isdigit():
            return None  # "the 1990s", "in his 70s"
        if nxt is not None and nxt.text == "-" and glued(tok, nxt):
            return _compound(tokens, k, used)
    number = _number_run(tokens, k)
    if number is None:
        return None
    amount, step, last = number
    used.update(range(k, last + 1))
    bound = _hedge(tokens, k)
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if tok.text.endswith("%") or (after is not None and after.lower in ("percent", "per", "%")):
        end = last if tok.text.endswith("%") else last + 1
        return Fact(
            DetailKind.NUMBER, "percent", Quantity(amount, step, bound, "percent"), tok.start, tokens[end].end,
            _anchor(tokens, k),
        )
    if after is not None and after.lower in CURRENCY_WORDS:
        unit = CURRENCY_WORDS[after.lower]
        return Fact(DetailKind.MONEY, f"money:{unit}", Quantity(amount, step, bound, unit), tok.start, after.end,
                    _anchor(tokens, k))
    age = _age(tokens, k, last)
    if age is not None:
        return Fact(DetailKind.NUMBER, age, Quantity(amount, step, bound), tok.start, tokens[last].end,
                    _anchor(tokens, k))
    if tok.type == "word" and amount == 1 and (after is None or after.type != "word" or after.lower in STOP_WORDS):
        return None  # "one of them", "no one": a pronoun, not a count
    head, head_index = _head(tokens, last)
    if not head:
        return None
    return Fact(DetailKind.NUMBER, head, Quantity(amount, step, bound), tok.start, tokens[head_index].end,
                _anchor(tokens, k), label=tokens[head_index].lower)


def _number_run(tokens: tuple[Tok, ...], k: int) -> tuple[float, float, int] | None:
    """A number in digits or words with its scale word ("2,000", "3.6 million", "two thousand", "a dozen")."""
    tok = tokens[k]
    if tok.type == "num":
        value = digits_value(tok.text)
        if value is None or "%" in tok.text[:-1]:
            return None
        step = step_of(tok.text)
    elif tok.type == "word":
        if k + 1 < len(tokens) and glued(tok, tokens[k + 1]) and tokens[k + 1].text == "-":
            return None
        if "-" in tok.lower and word_number(tok.lower) is None:
            return None  # "four-star": a name, not a count
        number = word_number(tok.lower)
        if number is None:
            return None
        value, step = float(number), 1.0 if number % 10 else 10.0
    else:
        return None
    last = k
    while last + 1 < len(tokens) and tokens[last + 1].lower in SCALES and len(tokens[last + 1].lower) > 2:
        scale = SCALES[tokens[last + 1].lower]
        value, step = value * scale, step * scale
        last += 1
    return value, step, last


def _money(tokens: tuple[Tok, ...], k: int, used: set[int]) -> Fact | None:
    """"$3.6 billion", "$3.6B", "£2bn", "$400,000": the amount in units of the currency."""
    tok = tokens[k]
    value = digits_value(tok.text)
    if value is None:
        return None
    step = step_of(tok.text)
    last = k
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.type == "word":
        scale_word = nxt.lower
        if scale_word in SCALES and (len(scale_word) > 2 or glued(tok, nxt)):
            value, step = value * SCALES[scale_word], step * SCALES[scale_word]
            last = k + 1
    if nxt is not None and nxt.type == "num" and glued(tok, nxt):
        return None
    unit = CURRENCIES[tok.text[0]]
    used.update(range(k, last + 1))
    return Fact(DetailKind.MONEY, f"money:{unit}", Quantity(value, step, _hedge(tokens, k), unit), tok.start,
                tokens[last].end, _anchor(tokens, k))


def _tally(tokens: tuple[Tok, ...], k: int) -> tuple[Fact, int] | None:
    """"134-63" (glued) or "98 to 96" after a vote word: a vote count; years ("2019-20") are not."""
    tok = tokens[k]
    left = digits_value(tok.text)
    if left is None or not tok.text.isdigit():
        return None
    if k + 2 < len(tokens) and tokens[k + 1].text in ("-", "–") and glued(tok, tokens[k + 1]):
        right_tok = tokens[k + 2]
        if glued(tokens[k + 1], right_tok) and right_tok.type == "num" and right_tok.text.isdigit():
            right = int(right_tok.text)
            if len(tok.text) == 4 and 1800 <= left <= 2100:
                return None
            return Fact(DetailKind.TALLY, "vote", (int(left), right), tok.start, right_tok.end,
                        _anchor(tokens, k)), k + 2
    if k + 2 < len(tokens) and tokens[k + 1].lower == "to" and tokens[k + 2].text.isdigit():
        before = {t.lower for t in tokens[max(0, k - 4) : k]}
        if before & TALLY_WORDS:
            right = int(tokens[k + 2].text)
            return Fact(DetailKind.TALLY, "vote", (int(left), right), tok.start, tokens[k + 2].end,
                        _anchor(tokens, k)), k + 2
    return None


def _compound(tokens: tuple[Tok, ...], k: int, used: set[int]) -> Fact | None:
    """"45-year-old" (an age), "12-day" (a duration of the noun that follows): a number glued to its unit."""
    tok = tokens[k]
    unit_tok = tokens[k + 2] if k + 2 < len(tokens) else None
    used.update({k, k + 1, k + 2})
    value = digits_value(tok.text)
    if unit_tok is None or unit_tok.type != "word" or value is None or not glued(tokens[k + 1], unit_tok):
        return None
    parts = unit_tok.lower.split("-")
    if parts[0] in ("year", "years") and parts[-1] == "old":
        return Fact(DetailKind.NUMBER, "age", Quantity(value, 1.0), tok.start, unit_tok.end, _anchor(tokens, k))
    if parts[0] in ("day", "week", "month", "year", "hour", "minute", "mile"):
        return Fact(DetailKind.NUMBER, f"duration:{stem(parts[0])}", Quantity(value, step_of(tok.text)), tok.start,
                    unit_tok.end, _anchor(tokens, k))
    return None


def _age(tokens: tuple[Tok, ...], k: int, last: int) -> str | None:
    """"Smith, 45," or "aged 45": the age of the named person ("age:smith"), or of someone ("age")."""
    prev = tokens[k - 1] if k > 0 else None
    before = tokens[k - 2] if k > 1 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if prev is not None and prev.lower in ("aged", "age"):
        return "age"
    if (
        prev is not None and prev.text == "," and before is not None and before.capitalised
        and (after is None or after.text in (",", ")", ";")) and tokens[k].type == "num"
    ):
        return f"age:{before.lower}"
    return None

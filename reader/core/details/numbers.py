"""Numbers in a sentence: counts with what they count, percentages, money with its scale, vote tallies, ages,
durations, ordinals; a number that is part of a name ("9/11", "four-star", "F-35") is none of these."""

from __future__ import annotations

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.dates import year_value
from reader.core.details.fact import Fact, clause_anchor, counted_noun, hedge_before, stem
from reader.core.details.lexicon import (
    CURRENCIES,
    CURRENCY_WORDS,
    SCALES,
)
from reader.core.details.scan import (
    Tok,
    digits_value,
    glued,
    ordinal_number,
    step_of,
    word_number,
)
from reader.core.details.values import DateValue, Quantity
from reader.core.records import DetailKind

TALLY_WORDS = frozenset({"vote", "voted", "votes", "margin", "tally", "victory", "approved", "passed", "defeated"})
"""Words before "98 to 96" that make it a vote count rather than a range."""


def _is_name_number(tokens: tuple[Tok, ...], k: int) -> bool:
    """A number that is part of a name: "9/11", "24/7", a number word glued to a word ("four-star")."""
    tok = tokens[k]
    for step in (-1, 1):
        j = k + step
        if 0 <= j < len(tokens) and tokens[j].text == "/" and (glued(tokens[j], tok) or glued(tok, tokens[j])):
            return True
    return False


def number_fact(tokens: tuple[Tok, ...], k: int, used: set[int]) -> Fact | None:
    """A year, tally, amount of money, count, percentage, age or ordinal starting at token k."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    ordinal = ordinal_number(tok)
    if ordinal is not None:
        head, last = counted_noun(tokens, k)
        used.update(range(k, last + 1))
        if not head or (nxt is not None and glued(tok, nxt) and nxt.text == "-"):
            return None
        return Fact(DetailKind.ORDINAL, f"rank:{head}", ordinal, tok.start, tok.end, clause_anchor(tokens, k))
    if tok.type == "money":
        return _money(tokens, k, used)
    if tok.type == "num":
        if _is_name_number(tokens, k):
            used.update({k, k + 2})
            return None
        year = year_value(tok)
        if year is not None and not (nxt is not None and nxt.text == "-" and glued(tok, nxt)):
            used.add(k)
            return Fact(DetailKind.DATE, "year", DateValue(year=year), tok.start, tok.end, clause_anchor(tokens, k))
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
    bound = hedge_before(tokens, k)
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if tok.text.endswith("%") or (after is not None and after.lower in ("percent", "per", "%")):
        end = last if tok.text.endswith("%") else last + 1
        return Fact(
            DetailKind.NUMBER,
            "percent",
            Quantity(amount, step, bound, "percent"),
            tok.start,
            tokens[end].end,
            clause_anchor(tokens, k),
        )
    if after is not None and after.lower in CURRENCY_WORDS:
        unit = CURRENCY_WORDS[after.lower]
        return Fact(
            DetailKind.MONEY,
            f"money:{unit}",
            Quantity(amount, step, bound, unit),
            tok.start,
            after.end,
            clause_anchor(tokens, k),
        )
    age = _age(tokens, k, last)
    if age is not None:
        return Fact(
            DetailKind.NUMBER, age, Quantity(amount, step, bound), tok.start, tokens[last].end, clause_anchor(tokens, k)
        )
    if tok.type == "word" and amount == 1 and (after is None or after.type != "word" or after.lower in STOP_WORDS):
        return None  # "one of them", "no one": a pronoun, not a count
    head, head_index = counted_noun(tokens, last)
    if not head:
        return None
    return Fact(
        DetailKind.NUMBER,
        head,
        Quantity(amount, step, bound),
        tok.start,
        tokens[head_index].end,
        clause_anchor(tokens, k),
        label=tokens[head_index].lower,
    )


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
    """ "$3.6 billion", "$3.6B", "£2bn", "$400,000": the amount in units of the currency."""
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
    return Fact(
        DetailKind.MONEY,
        f"money:{unit}",
        Quantity(value, step, hedge_before(tokens, k), unit),
        tok.start,
        tokens[last].end,
        clause_anchor(tokens, k),
    )


def _tally(tokens: tuple[Tok, ...], k: int) -> tuple[Fact, int] | None:
    """ "134-63" (glued) or "98 to 96" after a vote word: a vote count; years ("2019-20") are not."""
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
            return Fact(
                DetailKind.TALLY, "vote", (int(left), right), tok.start, right_tok.end, clause_anchor(tokens, k)
            ), k + 2
    if k + 2 < len(tokens) and tokens[k + 1].lower == "to" and tokens[k + 2].text.isdigit():
        before = {t.lower for t in tokens[max(0, k - 4) : k]}
        if before & TALLY_WORDS:
            right = int(tokens[k + 2].text)
            return Fact(
                DetailKind.TALLY, "vote", (int(left), right), tok.start, tokens[k + 2].end, clause_anchor(tokens, k)
            ), k + 2
    return None


def _compound(tokens: tuple[Tok, ...], k: int, used: set[int]) -> Fact | None:
    """ "45-year-old" (an age), "12-day" (a duration of the noun that follows): a number glued to its unit."""
    tok = tokens[k]
    unit_tok = tokens[k + 2] if k + 2 < len(tokens) else None
    used.update({k, k + 1, k + 2})
    value = digits_value(tok.text)
    if unit_tok is None or unit_tok.type != "word" or value is None or not glued(tokens[k + 1], unit_tok):
        return None
    parts = unit_tok.lower.split("-")
    if parts[0] in ("year", "years") and parts[-1] == "old":
        return Fact(DetailKind.NUMBER, "age", Quantity(value, 1.0), tok.start, unit_tok.end, clause_anchor(tokens, k))
    if parts[0] in ("day", "week", "month", "year", "hour", "minute", "mile"):
        return Fact(
            DetailKind.NUMBER,
            f"duration:{stem(parts[0])}",
            Quantity(value, step_of(tok.text)),
            tok.start,
            unit_tok.end,
            clause_anchor(tokens, k),
        )
    return None


def _age(tokens: tuple[Tok, ...], k: int, last: int) -> str | None:
    """ "Smith, 45," or "aged 45": the age of the named person ("age:smith"), or of someone ("age")."""
    prev = tokens[k - 1] if k > 0 else None
    before = tokens[k - 2] if k > 1 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if prev is not None and prev.lower in ("aged", "age"):
        return "age"
    if (
        prev is not None
        and prev.text == ","
        and before is not None
        and before.capitalised
        and (after is None or after.text in (",", ")", ";"))
        and tokens[k].type == "num"
    ):
        return f"age:{before.lower}"
    return None

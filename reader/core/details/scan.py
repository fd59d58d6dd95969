"""Sentence text as tokens with offsets: words, numbers, money, punctuation; the unit every detail rule reads.

Our own regular expression rather than the aligner's normaliser: details need what the normaliser folds away
(the "$" of money, the hyphen of "four-star" and "134-63", the slash of "9/11", a comma before an age).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.core.details.lexicon import CARDINALS, ORDINALS

_TOKEN = re.compile(
    r"""
    (?P<money>[$€£]\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
   |(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:st|nd|rd|th|s)?%?)
   |(?P<word>[^\W\d_][\w'’]*(?:[.\-][\w'’]+)*\.?)
   |(?P<punct>--|[“”"«»„‘’(),;:!?—–\-/%])
    """,
    re.VERBOSE,
)
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")", "“", "”", '"', "«", "»", "„"})
"""Punctuation that ends a clause: a date or number belongs to the words of its own clause."""


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: its text, lowercased text without a trailing full stop, offsets in the sentence, its type."""

    text: str
    lower: str
    start: int
    end: int
    type: str
    """"word", "num", "money" or "punct"."""

    @property
    def capitalised(self) -> bool:
        return self.type == "word" and self.text[:1].isupper()


@cache
def tokens_of(text: str) -> tuple[Tok, ...]:
    """The tokens of one sentence (cached: each sentence is read by several pairs)."""
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        surface = match.group()
        lower = surface.lower()
        if kind == "word":
            lower = lower.rstrip(".") if lower.count(".") <= 1 else lower
            lower = lower.replace("’", "'")
        found.append(Tok(surface, lower, match.start(), match.end(), kind))
    return tuple(found)


def glued(left: Tok, right: Tok) -> bool:
    """Whether two tokens touch (no space between): "134" "-" "63", "four-star", "9" "/" "11"."""
    return left.end == right.start


def digits_value(text: str) -> float | None:
    """The value of "2,000", "3.6", "15th" or "45%" (the suffix dropped); None when it is not a plain number."""
    core = text.lstrip("$€£ ").rstrip("%")
    core = re.sub(r"(st|nd|rd|th)$", "", core)
    core = core.replace(",", "")
    try:
        return float(core)
    except ValueError:
        return None


def step_of(text: str) -> float:
    """The unit of the last significant digit as written: "2,000" → 1000, "3.6" → 0.1, "15" → 1, "0" → 1.

    Trailing zeros of a whole number are taken as rounding ("2,000" may be 1,950 counted loosely): this is what
    lets "about 2,000" agree with "2,140" and "$1.4 billion" with "$1.375 billion".
    """
    core = text.lstrip("$€£ ").rstrip("%").replace(",", "")
    core = re.sub(r"(st|nd|rd|th)$", "", core)
    if "." in core:
        return float(10 ** -len(core.split(".", 1)[1]))
    stripped = core.rstrip("0")
    if not stripped:
        return 1.0
    return float(10 ** (len(core) - len(stripped)))


def word_number(lower: str) -> int | None:
    """A cardinal written as a word ("three", "twenty-five"); None for anything else."""
    if lower in CARDINALS:
        return CARDINALS[lower]
    if "-" in lower:
        tens, _, unit = lower.partition("-")
        if tens in CARDINALS and unit in CARDINALS and CARDINALS[tens] >= 20 and CARDINALS[unit] < 10:
            return CARDINALS[tens] + CARDINALS[unit]
    return None


def ordinal_number(tok: Tok) -> int | None:
    """The rank of "third" or "3rd"; None for anything else."""
    if tok.type == "word":
        return ORDINALS.get(tok.lower)
    if tok.type == "num" and re.fullmatch(r"\d+(st|nd|rd|th)", tok.lower):
        return int(tok.lower[:-2])
    return None

"""Sentence text → word tokens with offsets, comparable word forms and content keys.

Two outlets telling one story differ in quotes (“ vs "), dashes, spelling (programme/program), number words
("two" vs "2"), inflection (strikes/struck/strike) and function words. A key folds all of that away so that the
aligner can count what two sentences share; the word form keeps the words as written (lowercased, quotes folded)
for the verbatim runs and the word diff. No model is needed: a regular expression, word tables and the Snowball
stemmer are fast enough to align before spaCy has even been imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from reader.core.align.wordlists import (
    ABBREVIATION_ALIASES,
    IRREGULAR_FORMS,
    JOINING_PREFIXES,
    NUMBER_WORDS,
    PHRASE_ALIASES,
    STOP_WORDS,
    SYNONYM_STEMS,
    american_spelling,
)

_QUOTE_FOLDS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})

_TOKEN = re.compile(
    r"(?P<number>[$€£]?\d+(?:[.,:]\d+)*(?:%|st\b|nd\b|rd\b|th\b)?)"
    r"|(?P<abbr>(?:[^\W\d_]\.){2,})"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*['’]?)"
    r"|(?P<percent>%)"
)

_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number of a sentence, with where it sits and what it means for matching."""

    start: int
    """Offset in the text that was tokenised."""
    end: int
    surface: str
    """The characters as written."""
    word: str
    """Lowercased, quotes folded, British spelling folded, number words as digits: for verbatim comparison."""
    key: str | None
    """Content key (stem of the folded word) or None for function words and words folded into a neighbour."""
    capitalised: bool
    """Starts with a capital letter (a name candidate unless it opens the sentence)."""
    number: bool
    """A number, written in digits or in words."""


@dataclass(frozen=True, slots=True)
class NormalisedSentence:
    """A sentence as the aligner sees it."""

    text: str
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    """Content keys in order of appearance (duplicates kept, for the order-aware ratio)."""
    words: tuple[str, ...]
    """Word forms of every token, function words included."""
    entities: frozenset[str]
    """Keys of numbers and of capitalised words not opening the sentence: the details two tellings must share."""
    key_set: frozenset[str] = frozenset()
    """The distinct keys (built once: the scorer looks at it for every candidate pair)."""
    quoted: frozenset[str] = frozenset()
    """Keys of the words inside double quotation marks: a source's exact wording, which two outlets quoting the
    same statement share even when they reword everything around it."""

    def __post_init__(self) -> None:
        if not self.key_set and self.keys:
            object.__setattr__(self, "key_set", frozenset(self.keys))


def fold(text: str) -> str:
    """Curly quotes to straight, en and em dashes to hyphens."""
    return text.translate(_QUOTE_FOLDS)


def _number_value(surface: str) -> str:
    """Digits without currency signs, thousands separators or percent: "$1,000" → "1000"."""
    digits = re.sub(r"(?:st|nd|rd|th)$", "", surface).strip("$€£%")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        digits = digits.replace(",", "")
    return digits


@lru_cache(maxsize=65536)
def key_of(word: str) -> str | None:
    """The content key of one lowercased, quote-folded word, or None for a function word."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if not word or word in STOP_WORDS:
        return None
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    word = american_spelling(word)
    word = IRREGULAR_FORMS.get(word, word)
    stem = str(_STEMMER.stemWord(word))
    return SYNONYM_STEMS.get(stem, stem)


@lru_cache(maxsize=65536)
def _word_form(lower: str) -> str:
    if lower in NUMBER_WORDS:
        return str(NUMBER_WORDS[lower])
    return american_spelling(lower)


def tokenise(text: str) -> list[Token]:
    """Word and number tokens of `text` with their keys; offsets index `text` itself."""
    folded = fold(text)
    tokens: list[Token] = []
    matches = list(_TOKEN.finditer(folded))
    skip_next = False
    for position, match in enumerate(matches):
        surface = text[match.start() : match.end()]
        lower = match.group().lower()
        following = matches[position + 1] if position + 1 < len(matches) else None
        hyphen_joined = following is not None and following.start() == match.end() + 1 and (folded[match.end()] == "-")
        if skip_next:
            skip_next = False
            continue
        if match.lastgroup == "number":
            value = _number_value(lower)
            tokens.append(Token(match.start(), match.end(), surface, value, value, False, True))
            continue
        if match.lastgroup == "percent":
            tokens.append(Token(match.start(), match.end(), surface, "%", "percent", False, False))
            continue
        capitalised = surface[:1].isupper()
        alias = ABBREVIATION_ALIASES.get(lower)
        if alias and ("." in lower or surface.isupper() or len(lower) > 3):
            tokens.append(Token(match.start(), match.end(), surface, alias, alias, capitalised, False))
            continue
        if hyphen_joined and following is not None and following.lastgroup == "word":
            next_lower = following.group().lower()
            joined = None
            if lower in JOINING_PREFIXES:
                joined = lower + next_lower
            elif lower in NUMBER_WORDS and next_lower in NUMBER_WORDS and NUMBER_WORDS[lower] >= 20:
                joined = str(NUMBER_WORDS[lower] + NUMBER_WORDS[next_lower])
            if joined is not None:
                end = following.end()
                number = joined.isdigit()
                key = joined if number else key_of(joined)
                tokens.append(Token(match.start(), end, text[match.start() : end], joined, key, capitalised, number))
                skip_next = True
                continue
        number = lower in NUMBER_WORDS
        tokens.append(Token(match.start(), match.end(), surface, _word_form(lower), key_of(lower), capitalised, number))
    return _apply_number_scales(_apply_phrase_aliases(tokens))


SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
"""Scale words after a number: "640 thousand", "2.1 million" and "640,000", "2,100,000" share one key."""


def _scaled(value: str, scale: int) -> str | None:
    try:
        number = float(value)
    except ValueError:
        return None
    product = number * scale
    return str(round(product)) if abs(product - round(product)) < 1e-6 else None


def _apply_number_scales(tokens: list[Token]) -> list[Token]:
    """A number followed by a scale word becomes one number key (the word keeps no key of its own)."""
    for index in range(len(tokens) - 1):
        first, second = tokens[index], tokens[index + 1]
        scale = SCALES.get(second.word.rstrip("s")) if second.word.endswith(tuple(SCALES)) else None
        if scale is None or not first.number or first.key is None:
            continue
        value = _scaled(first.key, scale)
        if value is None:
            continue
        tokens[index] = Token(first.start, first.end, first.surface, first.word, value, first.capitalised, True)
        tokens[index + 1] = Token(second.start, second.end, second.surface, second.word, None, False, False)
    return tokens


def _apply_phrase_aliases(tokens: list[Token]) -> list[Token]:
    """ "United States" → one key "usa" on the first word, none on the second, so it equals "U.S."."""
    for index in range(len(tokens) - 1):
        alias = PHRASE_ALIASES.get((tokens[index].word, tokens[index + 1].word))
        if alias is None:
            continue
        first, second = tokens[index], tokens[index + 1]
        tokens[index] = Token(first.start, first.end, first.surface, first.word, alias, first.capitalised, False)
        tokens[index + 1] = Token(
            second.start, second.end, second.surface, second.word, None, second.capitalised, False
        )
    return tokens


_QUOTED = re.compile(r'"[^"]{1,200}"')


def _quoted_keys(text: str, tokens: tuple[Token, ...]) -> frozenset[str]:
    """Keys of the tokens lying inside a pair of double quotes (curly or straight)."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(fold(text))]
    if not spans:
        return frozenset()
    return frozenset(
        token.key
        for token in tokens
        if token.key is not None and any(start < token.start and token.end < end for start, end in spans)
    )


@lru_cache(maxsize=16384)
def normalise(text: str) -> NormalisedSentence:
    """Tokens, keys, word forms and entity keys of one sentence (cached: sentences repeat across pairs)."""
    tokens = tuple(tokenise(text))
    keys = tuple(token.key for token in tokens if token.key is not None)
    entities = frozenset(
        token.key
        for position, token in enumerate(tokens)
        if token.key is not None and (token.number or (token.capitalised and position > 0))
    )
    return NormalisedSentence(
        text=text,
        tokens=tokens,
        keys=keys,
        words=tuple(token.word for token in tokens),
        entities=entities,
        quoted=_quoted_keys(text, tokens),
    )

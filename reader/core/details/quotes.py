"""The wording of a quotation both articles give: "We reject his visit." against "We reject his message."

Two quotations are the same quotation when they share a run of at least MIN_SHARED_RUN words; their wording
conflicts when, inside that shared text, one or two words of one are replaced by one or two other words of the
other (a quotation cut short, extended or spliced is not a conflict: only a substitution is). Words are compared
folded (case, curly quotes, accents) and by stem, so "programme" / "program" or "said" / "says" never count.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.facts import stem
from reader.core.details.lexicon import MONTHS
from reader.core.details.people import fold_text
from reader.core.details.scan import word_number
from reader.core.records import Article, BlockKind, TextSpan

MIN_SHARED_RUN = 4
"""Words in a row two quotations must share to be one quotation (shorter runs are common phrases)."""
MAX_REPLACED = 2
"""Most words a substitution may replace on each side; more is a different sentence, not a changed word."""
_OPEN, _CLOSE = '“"«„', '”"»'
_WORD = re.compile(r"[\w'’]+")
_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quotation of an article: its words (folded) with their offsets in the article text."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def quotations(article: Article) -> list[Quoted]:
    """The quotations of an article's text blocks (boilerplate out): text between quotation marks, which may
    run over several sentences of one paragraph."""
    found = []
    for block in article.blocks:
        if block.kind is BlockKind.BOILERPLATE:
            continue
        start = None
        for mark in _MARKS.finditer(article.text, block.start, block.end):  # only the marks, not every character
            char, index = mark.group(), mark.start()
            if start is None and char in _OPEN:
                start = index + 1
            elif start is not None and char in _CLOSE:
                found.append(_quoted(article.text, start, index))
                start = None
    return [q for q in found if len(q.words) >= MIN_SHARED_RUN]


CONTRACTIONS = {"n't": "not", "'ll": "will", "'ve": "have", "'m": "am", "'re": "are", "'d": "would"}
"""Contractions spelled out, so "we've" and "we have" are the same words of a quotation."""


def _quoted(text: str, start: int, end: int) -> Quoted:
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, end):
        word = fold_text(match.group().replace("’", "'")).strip("'")
        span = (match.start(), match.end())
        for ending, full in CONTRACTIONS.items():
            if word.endswith(ending) and len(word) > len(ending):
                head = word[: -len(ending)]
                head = {"wo": "will", "ca": "can", "sha": "shall"}.get(head, head) if ending == "n't" else head
                words.extend((head, full))
                spans.extend((span, span))
                break
        else:
            words.append(word)
            spans.append(span)
    return Quoted(tuple(words), tuple(spans))


def _same_word(a: str, b: str) -> bool:
    """The same word spelled or inflected another way: "co-mingling" / "comingling", "Qaeda" / "Qaida",
    "September" / "Sept", "terrorism" / "terrorists", "three" / "3"."""
    if a == b or stem(a) == stem(b) or (word_number(a) is not None and str(word_number(a)) == b):
        return True
    if a in MONTHS and b in MONTHS:
        return MONTHS[a] == MONTHS[b]
    plain_a, plain_b = a.replace("-", ""), b.replace("-", "")
    if plain_a == plain_b:
        return True
    prefix = next(
        (k for k, (p, q) in enumerate(zip(plain_a, plain_b, strict=False)) if p != q), min(len(plain_a), len(plain_b))
    )
    if prefix >= 5 and prefix >= 0.6 * min(len(plain_a), len(plain_b)):
        return True  # one word, two endings
    return len(plain_a) == len(plain_b) and sum(p != q for p, q in zip(plain_a, plain_b, strict=True)) == 1


@dataclass(frozen=True, slots=True)
class Substitution:
    """Words of A's quotation replaced by words of B's."""

    a: TextSpan
    b: TextSpan


def substitutions(x: Quoted, y: Quoted, a_text: str, b_text: str) -> list[Substitution]:
    """The word substitutions inside the shared text of two quotations; empty when they are not one quotation."""
    matcher = difflib.SequenceMatcher(None, x.words, y.words, autojunk=False)
    blocks = matcher.get_matching_blocks()
    if max((block.size for block in blocks), default=0) < MIN_SHARED_RUN:
        return []
    found = []
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "replace" or i2 - i1 > MAX_REPLACED or j2 - j1 > MAX_REPLACED:
            continue
        before = opcodes[index - 1] if index > 0 else None
        after = opcodes[index + 1] if index + 1 < len(opcodes) else None
        if before is None or before[0] != "equal" or before[2] - before[1] < 2:
            continue
        ends_a_quotation = i2 == len(x.words) or j2 == len(y.words)
        if after is not None and after[0] != "equal" and not ends_a_quotation:
            continue
        left, right = x.words[i1:i2], y.words[j1:j2]
        if any(w in STOP_WORDS for w in left + right):
            continue  # "and we will" / "we will", "that I am" / "I am": the same words, told more or less fully
        if len(left) == len(right) and all(_same_word(a, b) for a, b in zip(left, right, strict=True)):
            continue
        if _same_word("".join(left), "".join(right)):
            continue  # "non-appropriated" (two words here) / "nonappropriated"
        a_span = (x.spans[i1][0], x.spans[i2 - 1][1])
        b_span = (y.spans[j1][0], y.spans[j2 - 1][1])
        found.append(
            Substitution(
                TextSpan(a_span[0], a_span[1], a_text[a_span[0] : a_span[1]]),
                TextSpan(b_span[0], b_span[1], b_text[b_span[0] : b_span[1]]),
            )
        )
    return found


def quote_substitutions(left: Article, right: Article) -> list[Substitution]:
    """Every substitution between the quotations of two articles, in A's text order."""
    xs, ys = quotations(left), quotations(right)
    index: dict[tuple[str, ...], set[int]] = {}
    for position, y in enumerate(ys):
        for k in range(len(y.words) - MIN_SHARED_RUN + 1):
            index.setdefault(y.words[k : k + MIN_SHARED_RUN], set()).add(position)
    found: list[Substitution] = []
    for x in xs:
        candidates: set[int] = set()
        for k in range(len(x.words) - MIN_SHARED_RUN + 1):
            candidates |= index.get(x.words[k : k + MIN_SHARED_RUN], set())
        for position in sorted(candidates):
            found.extend(substitutions(x, ys[position], left.text, right.text))
    return sorted(found, key=lambda s: (s.a.start, s.b.start))


def sentence_at(article: Article, offset: int) -> int:
    """The index of the sentence holding an offset (the last sentence starting at or before it)."""
    starts: Sequence[int] = [s.start for s in article.sentences]
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)

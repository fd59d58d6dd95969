"""The word-level diff of one matched pair, for the `w` dialog.

difflib over normalised words (case, curly quotes and punctuation ignored) tells which words the two sides
share; runs of four or more shared words are "wire copy" runs. Details the aligner found (a number, date, name
or place that differs) are listed and marked on top. The output is pieces of the original text, so the dialog
draws exactly what the article says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from reader.core.records import Article, DetailDiff, DetailStatus, Match

_TOKEN = re.compile(r"\S+")
WIRE_RUN_WORDS = 4


class PieceKind(StrEnum):
    """How a piece of text relates to the other side."""

    RUN = "run"
    """Part of a run of 4+ words both sides share verbatim."""
    SAME = "same"
    """A shared word outside a long run."""
    CHANGED = "changed"
    """A word only this side has."""
    DETAIL = "detail"
    """A detail (number, date, name, place) that differs from the other side."""
    SPACE = "space"


@dataclass(frozen=True)
class Piece:
    text: str
    kind: PieceKind


@dataclass(frozen=True)
class DetailLine:
    """One differing detail, as the dialog lists it."""

    kind: str
    status: str
    left: str
    right: str


@dataclass(frozen=True)
class WordDiff:
    left: tuple[Piece, ...]
    right: tuple[Piece, ...]
    details: tuple[DetailLine, ...]
    shared_words: int
    runs: int


def normalise_word(word: str) -> str:
    """Compare words without case, accents of quotes, or surrounding punctuation."""
    word = unicodedata.normalize("NFKC", word).casefold()
    word = word.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return word.strip("\"'.,;:!?()[]{}—–-")


def _group_text(article: Article, sentences: tuple[int, ...]) -> tuple[str, int]:
    """The text spanning the group's sentences and its offset in the article."""
    start = article.sentences[sentences[0]].start
    end = article.sentences[sentences[-1]].end
    return article.text[start:end], start


def _pieces(
    text: str, base: int, kinds: list[PieceKind], tokens: list[re.Match[str]], details: list[tuple[int, int]]
) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    position = 0
    for token, kind in zip(tokens, kinds, strict=True):
        if token.start() > position:
            pieces.append(Piece(text[position : token.start()], PieceKind.SPACE))
        absolute = (base + token.start(), base + token.end())
        if any(start < absolute[1] and absolute[0] < end for start, end in details):
            kind = PieceKind.DETAIL
        pieces.append(Piece(token.group(), kind))
        position = token.end()
    if position < len(text):
        pieces.append(Piece(text[position:], PieceKind.SPACE))
    return tuple(pieces)


def _detail_line(detail: DetailDiff, labels: tuple[str, str]) -> DetailLine:
    """One detail row; one-sided details name their article ("B only"), as the Claims tab does."""
    status = {
        DetailStatus.CONFLICT: "differs",
        DetailStatus.A_ONLY: f"{labels[0]} only",
        DetailStatus.B_ONLY: f"{labels[1]} only",
        DetailStatus.AGREE: "same",
        DetailStatus.PRECISION: "compatible",
    }[detail.status]
    return DetailLine(
        kind=detail.kind.value,
        status=status,
        left=detail.a.text if detail.a else "—",
        right=detail.b.text if detail.b else "—",
    )


def word_diff(left: Article, right: Article, match: Match) -> WordDiff:
    """Word diff of a match whose `a` side indexes `left` and `b` side indexes `right`."""
    left_text, left_base = _group_text(left, match.a)
    right_text, right_base = _group_text(right, match.b)
    left_tokens = list(_TOKEN.finditer(left_text))
    right_tokens = list(_TOKEN.finditer(right_text))
    left_words = [normalise_word(token.group()) for token in left_tokens]
    right_words = [normalise_word(token.group()) for token in right_tokens]
    left_kinds = [PieceKind.CHANGED] * len(left_tokens)
    right_kinds = [PieceKind.CHANGED] * len(right_tokens)
    matcher = SequenceMatcher(a=left_words, b=right_words, autojunk=False)
    shared = runs = 0
    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        kind = PieceKind.RUN if block.size >= WIRE_RUN_WORDS else PieceKind.SAME
        runs += kind is PieceKind.RUN
        shared += block.size
        for offset in range(block.size):
            left_kinds[block.a + offset] = kind
            right_kinds[block.b + offset] = kind
    left_details = [(d.a.start, d.a.end) for d in match.details if d.a is not None]
    right_details = [(d.b.start, d.b.end) for d in match.details if d.b is not None]
    return WordDiff(
        left=_pieces(left_text, left_base, left_kinds, left_tokens, left_details),
        right=_pieces(right_text, right_base, right_kinds, right_tokens, right_details),
        details=tuple(_detail_line(detail, (left.label, right.label)) for detail in match.details),
        shared_words=shared,
        runs=runs,
    )

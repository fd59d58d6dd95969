"""Inside a matched pair: the runs of words both sides share verbatim, and the words only one side has.

The diff runs on word forms (lowercased, quotes and British spellings folded, number words as digits), so a
curly apostrophe or "programme" does not break a run of copied wire text, while the spans it reports point at
the original characters of each article. difflib is right here: one pair of sentences is short, and its
opcodes give both the equal runs and the differing words in one pass.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.normalise import NormalisedSentence, Token
from reader.core.records import Article, TextSpan, WordRun

MIN_RUN_WORDS = 4
"""A shared run shorter than this is ordinary shared vocabulary, not copied wording."""


@dataclass(frozen=True, slots=True)
class PlacedToken:
    """A token with offsets into its article's text and the sentence it belongs to."""

    token: Token
    start: int
    end: int
    sentence: int
    position: int
    """Index of the token within its sentence (0 opens the sentence)."""


def placed_tokens(
    article: Article, indices: Sequence[int], normalised: Sequence[NormalisedSentence | None]
) -> list[PlacedToken]:
    """The tokens of the given sentences of `article`, in order, with article offsets."""
    placed: list[PlacedToken] = []
    for index in indices:
        sentence = normalised[index]
        if sentence is None:
            continue
        offset = article.sentences[index].start
        placed.extend(
            PlacedToken(token, offset + token.start, offset + token.end, index, position)
            for position, token in enumerate(sentence.tokens)
        )
    return placed


def span_of(tokens: Sequence[PlacedToken], text: str) -> TextSpan:
    """The text from the first token's start to the last token's end."""
    start, end = tokens[0].start, tokens[-1].end
    return TextSpan(start=start, end=end, text=text[start:end])


def _split_by_sentence(tokens: Sequence[PlacedToken]) -> list[list[PlacedToken]]:
    pieces: list[list[PlacedToken]] = []
    for token in tokens:
        if pieces and pieces[-1][-1].sentence == token.sentence:
            pieces[-1].append(token)
        else:
            pieces.append([token])
    return pieces


def _runs_in_block(a: Sequence[PlacedToken], b: Sequence[PlacedToken], a_text: str, b_text: str) -> list[WordRun]:
    """An equal block cut where either side crosses a sentence boundary; pieces of 4+ words become runs."""
    runs: list[WordRun] = []
    begin = 0
    for end in range(1, len(a) + 1):
        boundary = end == len(a) or a[end].sentence != a[end - 1].sentence or b[end].sentence != b[end - 1].sentence
        if boundary:
            if end - begin >= MIN_RUN_WORDS:
                runs.append(
                    WordRun(a=span_of(a[begin:end], a_text), b=span_of(b[begin:end], b_text), words=end - begin)
                )
            begin = end
    return runs


def word_diff(
    a: Sequence[PlacedToken], b: Sequence[PlacedToken], a_text: str, b_text: str
) -> tuple[tuple[WordRun, ...], tuple[TextSpan, ...], tuple[TextSpan, ...]]:
    """(shared runs of 4+ words, spans of words only in A, spans of words only in B).

    difflib breaks ties between equally long matches by position in its first sequence, so the diff is always
    computed with the smaller word list first: the result is then the exact mirror when A and B are swapped.
    """
    a_words, b_words = [t.token.word for t in a], [t.token.word for t in b]
    if b_words < a_words:
        mirrored_runs, mirrored_a_only, mirrored_b_only = word_diff(b, a, b_text, a_text)
        swapped = tuple(WordRun(a=run.b, b=run.a, words=run.words) for run in mirrored_runs)
        return swapped, mirrored_b_only, mirrored_a_only
    matcher = difflib.SequenceMatcher(None, a_words, b_words, autojunk=False)
    runs: list[WordRun] = []
    a_only: list[TextSpan] = []
    b_only: list[TextSpan] = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            runs.extend(_runs_in_block(a[a_start:a_end], b[b_start:b_end], a_text, b_text))
            continue
        if a_end > a_start:
            a_only.extend(span_of(piece, a_text) for piece in _split_by_sentence(a[a_start:a_end]))
        if b_end > b_start:
            b_only.extend(span_of(piece, b_text) for piece in _split_by_sentence(b[b_start:b_end]))
    return tuple(runs), tuple(a_only), tuple(b_only)

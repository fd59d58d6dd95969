"""Sentence alignment of two articles, without the model: what they share, verbatim or reworded, and what not.

- `align_pair(a, b)`: the PairAlignment of two articles (matches, one class per sentence, word diffs, details).
- `match_sentences(a, b)`: the score, decision and class the aligner gives two sentences.
"""

from __future__ import annotations

from reader.core.align.aligner import align_pair
from reader.core.align.paraphrase import match_sentences
from reader.core.align.scoring import SentenceMatch

__all__ = ["SentenceMatch", "align_pair", "match_sentences"]

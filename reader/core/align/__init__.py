"""Sentence alignment of two articles, without the model: what they share, verbatim or reworded, and what not.

- `align_pair(a, b)`: the PairAlignment of two articles (matches, one class per sentence, word diffs, details).
- `match_sentences(a, b)`: the score, decision and class the aligner gives two sentences.

The names are loaded on first use (PEP 562), not when the package is: every submodule import runs this file
first, and the claim linking, which needs only `normalise.key_of`, imported the whole stage with it (the
aligner, rapidfuzz: the linking's import took 104 ms, 32 without them, `python -X importtime` in a fresh
interpreter). On a warm start the service aligns and the app links the claims, so the app never needs the
aligner; its import ran on the analysis worker, holding the interpreter while the screen drew the alignment
that had just come in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.core.align.aligner import align_pair
    from reader.core.align.paraphrase import match_sentences
    from reader.core.align.scoring import SentenceMatch

_HOMES = {
    "SentenceMatch": "reader.core.align.scoring",
    "align_pair": "reader.core.align.aligner",
    "match_sentences": "reader.core.align.paraphrase",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())

__all__ = ["SentenceMatch", "align_pair", "match_sentences"]

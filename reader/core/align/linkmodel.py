"""The link model: a calibrated confidence that two sentences of two articles tell the same content.

A logistic model over the signals of `features.FEATURE_NAMES`, fitted on the annotated links of the
cross-outlet development events (12 real events, three outlets each, 36 article pairs: every candidate pair
from the inverted index, labelled by whether the annotators linked it). `bench/crossoutlet.py --fit` refits it
leave-one-event-out and prints the held-out precision, recall and F1 next to the TF-IDF baseline, then the
weights fitted on all 12 events, which are the constants below. A pair is a link when its confidence reaches
LINK_THRESHOLD; a sentence keeps every partner that reaches it, so one sentence may sit in several links.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LinkModel:
    """Weights (one per feature, in `features.FEATURE_NAMES` order), bias and the confidence a link needs."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def confidence(self, features: Sequence[float]) -> float:
        """The probability, under the model, that the pair is a link (the annotators would pair them)."""
        z = math.fsum(w * x for w, x in zip(self.weights, features, strict=True)) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


LINK_MODEL = LinkModel(
    weights=(
        *(2.570, 0.736, 0.812, -0.371, 0.570, 1.386, 0.066, 0.345, 1.575, 1.487, 2.683, 4.270),
        *(0.369, 0.379, 2.611, -0.823, -2.637),
    ),
    bias=-4.781,
    threshold=0.28,
)
"""Fitted on all 12 cross-outlet dev events (6,860 candidate pairs, 462 of the 507 linked pairs among them).
What it buys, held out one event at a time (bench/crossoutlet.py --fit): link F1 0.583 (P 0.671, R 0.515) over
the single-sentence candidates, against 0.515 for the TF-IDF best-partner baseline tuned the same way. The
largest single contributions (held-out F1 lost without each, the others refitted): diagonal neighbours 0.016,
exclusive keys 0.014, how early and the position gap 0.007 each, character 3-grams 0.006; the overlap
measures are collinear (each alone adds little, together they carry the model). Dev, as a user loads the
folders (groups included): F1 0.601 (P 0.665, R 0.548). The
threshold: the held-out choices have their median at 0.29, the best on all 12 is 0.28, and F1 is flat from 0.26
to 0.30. A sentence keeps every partner above the threshold (one-to-many links)."""

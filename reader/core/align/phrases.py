"""Two measures read from the word order of a pair, beyond the bag of shared keys.

- Anchors: content words that two sentences share *as a phrase*: a run of at least ANCHOR_RUN_WORDS words copied
  in the same order (function words included, so "claims by Trump that Iran's nuclear" counts, "Iran … Trump"
  scattered over two sentences does not), or words both put inside quotation marks (a source's exact word, such
  as “obliterated”). Topic words shared loosely say little; a shared phrase or quote says "the same passage".
- Additions: how much of one side's content sits opposite nothing in the other. Between the shared keys (in
  order) both sentences have gaps; a gap whose words face a gap of the other side is rewording ("did not
  obstruct plans to move forward" / "allowed progress towards the next phase"), a gap facing nothing, or facing
  far less, is a clause or fact only that side carries. The MSRP paraphrase model reads it; it no longer decides
  the class of an aligned pair: on the cross-outlet dev links it barely predicted the annotators' "same" vs
  "partial" (see `scoring.PARTIAL_RATIO`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from rapidfuzz.distance import Indel

from reader.core.align.normalise import NormalisedSentence

ANCHOR_RUN_WORDS = 3
"""A run of this many words copied in order, holding at least ANCHOR_RUN_KEYS content keys, is a shared phrase."""
ANCHOR_RUN_KEYS = 2
REWORDING_STRETCH = 2.0
"""A gap facing a gap of the other side is rewording as long as it weighs at most this many times as much; the
excess beyond counts as added (a long clause against one word is an addition, not a synonym)."""


def _canonical(a: NormalisedSentence, b: NormalisedSentence) -> bool:
    """Whether (a, b) is the order to compute in: when a pair has several longest common subsequences the one
    found depends on the order, so both measures are computed in one fixed order and are symmetric."""
    return (a.keys, a.words) <= (b.keys, b.words)


def anchored_keys(a: NormalisedSentence, b: NormalisedSentence) -> frozenset[str]:
    """Keys shared as a phrase (a copied run of words) or inside quotation marks on both sides."""
    if not _canonical(a, b):
        return anchored_keys(b, a)
    found: set[str] = set(a.quoted & b.quoted)
    if len(a.words) >= ANCHOR_RUN_WORDS and len(b.words) >= ANCHOR_RUN_WORDS:
        for block in Indel.opcodes(a.words, b.words).as_matching_blocks():
            if block.size < ANCHOR_RUN_WORDS:
                continue
            keys = [t.key for t in a.tokens[block.a : block.a + block.size] if t.key is not None]
            if len(keys) >= ANCHOR_RUN_KEYS:
                found.update(keys)
    return frozenset(found)


def _gaps(a: NormalisedSentence, b: NormalisedSentence) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The stretches of keys between shared keys in order, side by side.

    A gap closed by a single shared key and facing nothing on one side is joined to the next gap: one word that
    sits before a clause in A and after it in B ("respond harshly" / "harsh retaliation") would otherwise turn
    a reworded clause into two additions.
    """
    gaps: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []
    a_at = b_at = 0
    for block in Indel.opcodes(a.keys, b.keys).as_matching_blocks():
        gaps.append((a.keys[a_at : block.a], b.keys[b_at : block.b], block.size))
        a_at, b_at = block.a + block.size, block.b + block.size
    joined: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    last_joinable = False
    for k, (left, right, _) in enumerate(gaps):
        previous_anchor = gaps[k - 1][2] if k else 0
        if last_joinable and previous_anchor == 1:
            last_left, last_right = joined[-1]
            # one side of the pair of gaps faces nothing in the first gap and something in the second
            if (not last_left and left) or (not last_right and right):
                joined[-1] = (last_left + left, last_right + right)
                last_joinable = False
                continue
        joined.append((left, right))
        last_joinable = not (left and right)
    return joined


def added_shares(a: NormalisedSentence, b: NormalisedSentence, weight: Callable[[str], float]) -> tuple[float, float]:
    """(share of A's key weight that B lacks opposite it, the same for B); keys the other side has anywhere (moved
    words) never count as added. `weight` gives a key's rarity weight."""
    if not _canonical(a, b):
        b_share, a_share = added_shares(b, a, weight)
        return a_share, b_share
    a_total = math.fsum(weight(key) for key in a.key_set)
    b_total = math.fsum(weight(key) for key in b.key_set)
    if not a_total or not b_total:
        return 0.0, 0.0
    a_added = b_added = 0.0
    counted_a: set[str] = set(b.key_set)  # shared keys never count; a repeated key counts once
    counted_b: set[str] = set(a.key_set)
    for left, right in _gaps(a, b):
        left_keys, right_keys = set(left) - counted_a, set(right) - counted_b
        counted_a |= left_keys
        counted_b |= right_keys
        left_weight = math.fsum(weight(key) for key in left_keys)
        right_weight = math.fsum(weight(key) for key in right_keys)
        a_added += max(0.0, left_weight - REWORDING_STRETCH * right_weight)
        b_added += max(0.0, right_weight - REWORDING_STRETCH * left_weight)
    return a_added / a_total, b_added / b_total

"""The many-to-many pass: a summary on one side matched to the body lines of the other that tell it in full."""

from __future__ import annotations

from reader.core.align import align_pair
from reader.core.align.extras import shares_rare_key
from reader.core.align.normalise import normalise
from reader.core.align.scoring import Rarity
from reader.core.records import SentenceClass
from tests.core.test_aligner import STORY, check_invariants
from tests.factories import article_of

SUMMARY = [
    "Mayor Holloway says the new river barrier will shield 4,000 homes in the lower town.",
    "Councillors complain that the flood defence bill has doubled since 2021.",
]


def test_summary_lines_are_matched_to_the_body_of_the_other_article() -> None:
    left = article_of([*SUMMARY, *STORY])
    right = article_of(STORY, label="B")
    pair = align_pair(left, right)
    check_invariants(pair, left, right)
    body = {(m.a, m.b) for m in pair.matches if m.a[0] >= len(SUMMARY)}
    assert {((k + len(SUMMARY),), (k,)) for k in range(len(STORY))} <= body
    assert all(not m.moved for m in pair.matches if m.a[0] >= len(SUMMARY))
    extras = {(m.a, m.b): m for m in pair.matches if m.a[0] < len(SUMMARY)}
    assert set(extras) == {((0,), (1,)), ((1,), (2,))}
    assert all(m.moved and m.kind is not SentenceClass.UNIQUE for m in extras.values())
    assert pair.classes_a[0] is not SentenceClass.UNIQUE and pair.classes_a[1] is not SentenceClass.UNIQUE
    # B's sentences keep the best kind of their matches: the verbatim body copy.
    assert pair.classes_b[1] is SentenceClass.VERBATIM


def test_a_line_sharing_only_topic_words_stays_unique() -> None:
    fillers = [f"The council met about flood item {n} of the {word} list." for n, word in enumerate(LIST_WORDS)]
    topic = "The council and the flood committee met again."
    left = article_of([topic, *STORY, *fillers])
    right = article_of([*STORY, *fillers], label="B")
    pair = align_pair(left, right)
    check_invariants(pair, left, right)
    assert pair.classes_a[0] is SentenceClass.UNIQUE
    assert all(0 not in m.a for m in pair.matches)


LIST_WORDS = ["red", "blue", "green", "yellow", "purple", "orange", "black", "white"]


def test_a_rare_key_is_rarer_than_the_topic() -> None:
    texts = [f"Council flood item {n} was discussed." for n in range(20)] + [
        "The council backed the barrier.",
        "A barrier vote passed the council.",
    ]
    rarity = Rarity(normalise(text) for text in texts)
    assert shares_rare_key(normalise(texts[-2]), normalise(texts[-1]), rarity)
    assert not shares_rare_key(normalise(texts[0]), normalise(texts[-1]), rarity)


def test_extras_keep_the_mirror() -> None:
    from reader.core.records import swap_alignment

    left = article_of([*SUMMARY, *STORY])
    right = article_of(STORY, label="B")
    assert align_pair(right, left, 1, 0) == swap_alignment(align_pair(left, right))

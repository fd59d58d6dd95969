"""The link model on texts written here: a lede told in two sentences, one quote credited to two sources,
reordered paragraphs, an unrelated article, three articles, and comparisons saved before links had a confidence."""

from __future__ import annotations

import json

from reader.core.align import align_pair
from reader.core.mirror import swap_alignment
from reader.core.pipeline import align_articles
from reader.core.records import Comparison, SentenceClass
from reader.core.serialize import dumps, loads
from tests.factories import article_of

FIRST = [
    "Storm Ciaran flooded 300 homes in the coastal town of Brixham on Thursday night.",
    "Harbour master Paul Jenkins said the sea wall had been breached in two places.",
    "Rescue crews evacuated 45 residents from the lower streets by boat.",
    "The town council has asked the government for 12 million pounds to rebuild the wall.",
    "\u201cWe have never seen water this high in living memory,\u201d a local fisherman said.",
]

SECOND_LEDE_SPLIT = [
    "Storm Ciaran struck Brixham on Thursday night.",
    "About 300 homes in the coastal town were flooded.",
    "Boats were used to evacuate 45 residents from the lower streets, rescue crews said.",
    "The council wants 12 million pounds from the government to rebuild the sea wall.",
]

UNRELATED = [
    "The national orchestra announced a tour of five Asian capitals for the spring season.",
    "Its conductor, Marco Belli, chose a programme of Brahms symphonies and new commissions.",
    "Tickets for the opening concert in Seoul sold out within an hour, organisers reported.",
]


def links_of(pair_a: list[str], pair_b: list[str]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(m.a, m.b) for m in align_pair(article_of(pair_a), article_of(pair_b, label="B")).matches}


def test_a_lede_told_in_two_sentences_links_to_both() -> None:
    pair = align_pair(article_of(FIRST), article_of(SECOND_LEDE_SPLIT, label="B"))
    partners = {j for m in pair.matches if 0 in m.a for j in m.b}
    assert partners == {0, 1}
    assert ((2,), (2,)) in {(m.a, m.b) for m in pair.matches}
    assert ((3,), (3,)) in {(m.a, m.b) for m in pair.matches}


def test_the_same_quote_credited_to_two_sources_is_a_link() -> None:
    other = [
        "Officials counted the damage in Brixham on Friday.",
        "\u201cWe have never seen water this high in living memory,\u201d the harbour master told reporters.",
    ]
    assert ((4,), (1,)) in links_of(FIRST, other)


def test_reordered_paragraphs_are_all_linked_and_the_rows_stay_in_reading_order() -> None:
    reordered = [FIRST[3], FIRST[4], FIRST[0], FIRST[1], FIRST[2]]
    pair = align_pair(article_of(FIRST), article_of(reordered, label="B"))
    assert {(m.a, m.b) for m in pair.matches} == {((3,), (0,)), ((4,), (1,)), ((0,), (2,)), ((1,), (3,)), ((2,), (4,))}
    rows = sorted((m.a[0], m.b[0]) for m in pair.matches if not m.moved)
    assert rows == [(0, 2), (1, 3), (2, 4)]
    assert all(m.kind is SentenceClass.VERBATIM and m.confidence > 0.9 for m in pair.matches)


def test_an_unrelated_article_has_no_links() -> None:
    pair = align_pair(article_of(FIRST), article_of(UNRELATED, label="B"))
    assert pair.matches == ()
    assert set(pair.classes_a) == set(pair.classes_b) == {SentenceClass.UNIQUE}


def test_links_are_deterministic_and_mirror_when_the_sides_swap() -> None:
    a, b = article_of(FIRST), article_of(SECOND_LEDE_SPLIT, label="B")
    forward = align_pair(a, b)
    assert align_pair(a, b) == forward
    assert align_pair(b, a, 1, 0) == swap_alignment(forward)


def test_three_articles_count_a_passage_once_per_other_article() -> None:
    """FIRST's lede sentence links to two sentences of the second article: it still counts that article once."""
    articles = [article_of(FIRST), article_of(SECOND_LEDE_SPLIT, label="B"), article_of(UNRELATED, label="C")]
    comparison = align_articles(articles)
    assert comparison.coverage[0][0] == 1
    assert comparison.coverage[1][:4] == (1, 1, 1, 1)
    assert comparison.coverage[2] == (0, 0, 0)
    with_copy = align_articles([*articles[:2], article_of(FIRST, label="C")])
    assert with_copy.coverage[0][0] == 2


def test_a_comparison_saved_before_links_had_a_confidence_still_loads() -> None:
    comparison = align_articles([article_of(FIRST), article_of(SECOND_LEDE_SPLIT, label="B")])
    data = json.loads(dumps(comparison))
    for pair in data["alignments"]:
        for match in pair["matches"]:
            del match["confidence"]
    loaded = loads(Comparison, json.dumps(data))
    assert [m.confidence for p in loaded.alignments for m in p.matches] == [1.0] * len(data["alignments"][0]["matches"])
    assert [(m.a, m.b) for m in loaded.alignments[0].matches] == [(m.a, m.b) for m in comparison.alignments[0].matches]

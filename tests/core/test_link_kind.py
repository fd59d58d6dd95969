"""The kind the engine gives a link (PARAPHRASE or PARTIAL), on articles written for the tests.

The decision is calibrated on the annotators' `rel` of the cross-outlet dev links (`scoring.PARTIAL_RATIO`):
the same point told in other words is a paraphrase, and so is the same quote with more framing around it (the
annotation guideline counts a shared quote as "same"); a pair that shares one point while one side goes on to
a substantial other fact, so that little of the content lines up, is partial.
"""

from __future__ import annotations

from reader.core.align import align_pair
from reader.core.align.paraphrase import match_sentences
from reader.core.records import Match, PairAlignment, SentenceClass
from tests.core.test_aligner import STORY
from tests.factories import article_of

REWORDED = (
    "Mayor Jane Holloway said the river barrier would protect about 4,000 homes in the lower town.",
    "According to Mayor Jane Holloway, some 4,000 houses in the lower town will be shielded by the river barrier.",
)
ADDS_A_FACT = (
    "Engineers from the regional water agency will begin survey work along the embankment in March.",
    "Survey work by the water agency's engineers starts in March, although the agency admitted on Friday that the"
    " barrier will cost twice the original estimate and delay the harbour redevelopment by three years.",
)
FRAMED_QUOTE = (
    '"We will not abandon the lower town," the mayor said.',
    '"We will not abandon the lower town," Mayor Jane Holloway told reporters on Tuesday outside the flooded'
    " council chamber.",
)


def aligned_story() -> PairAlignment:
    """STORY against a copy where sentences 1, 3 and 5 are told as the second of each pair above."""
    a, b = list(STORY), list(STORY)
    for index, (left, right) in ((1, REWORDED), (3, ADDS_A_FACT), (5, FRAMED_QUOTE)):
        a[index], b[index] = left, right
    return align_pair(article_of(a), article_of(b, label="B"))


def only_match(pair: PairAlignment, index: int) -> Match:
    found = [m for m in pair.matches if index in m.a]
    assert len(found) == 1, found
    return found[0]


def test_the_same_point_in_other_words_is_a_paraphrase() -> None:
    pair = aligned_story()
    match = only_match(pair, 1)
    assert match.b == (1,) and match.kind is SentenceClass.PARAPHRASE
    assert pair.classes_a[1] is pair.classes_b[1] is SentenceClass.PARAPHRASE


def test_a_side_that_adds_a_substantial_fact_makes_the_link_partial() -> None:
    pair = aligned_story()
    match = only_match(pair, 3)
    assert match.b == (3,) and match.kind is SentenceClass.PARTIAL
    assert pair.classes_a[3] is pair.classes_b[3] is SentenceClass.PARTIAL


def test_the_same_quote_with_more_framing_is_a_paraphrase() -> None:
    """The additions share of B here is high (the old rule said partial); the annotators call it the same."""
    match = only_match(aligned_story(), 5)
    assert match.b == (5,) and match.kind is SentenceClass.PARAPHRASE


def test_the_kind_does_not_depend_on_which_article_is_a() -> None:
    for left, right in (REWORDED, ADDS_A_FACT, FRAMED_QUOTE):
        assert match_sentences(left, right, aligned=True).kind is match_sentences(right, left, aligned=True).kind


def test_a_sentence_told_negated_in_the_other_article_is_a_partial_link() -> None:
    """Linked (it is the same sentence, and the word diff shows the negation), never VERBATIM."""
    a, b = list(STORY), list(STORY)
    a[2], b[2] = (
        "The council has approved the flood barrier plan.",
        "The council has not approved the flood barrier plan.",
    )
    pair = align_pair(article_of(a), article_of(b, label="B"))
    match = only_match(pair, 2)
    assert match.b == (2,) and match.kind is SentenceClass.PARTIAL
    assert [span.text for span in match.b_only] == ["not"] and match.a_only == ()

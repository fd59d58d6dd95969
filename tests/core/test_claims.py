"""Claims: quotation spans (pure), then the dependency-based extractor on texts written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import analyse_article
from reader.core.analysis.quotes import quote_spans, quoted_share, widen_to_quote
from reader.core.records import Claim, ClaimKind
from tests.factories import article_of


def test_quote_spans_pair_marks_within_a_block() -> None:
    article = article_of(["He said “we will act” and “soon”.", 'She said "no" then "maybe', "Plain text."])
    texts = [article.text[a:b] for a, b in quote_spans(article)]
    assert texts == ["we will act", "soon", "no", "maybe"]


def test_quoted_share_and_widening_over_sentences() -> None:
    text = "“We will act. We are ready,” he said."
    spans = ((1, 26),)
    assert quoted_share(spans, 14, 26, text) == 1.0
    assert widen_to_quote(spans, 14, 26, text) == (1, 26)
    assert quoted_share(spans, 29, 36, text) == 0.0


@given(st.lists(st.sampled_from(["a", " ", "“", "”", '"', "x."]), max_size=40))
def test_quote_spans_are_ordered_and_cross_a_paragraph_only_into_a_reopened_quote(parts: list[str]) -> None:
    article = article_of(["".join(parts) or "x", "".join(reversed(parts)) or "y"])
    spans = quote_spans(article)
    assert list(spans) == sorted(spans)
    assert all(low < high for low, high in spans)
    assert all(high <= next_low for (_low, high), (next_low, _high) in pairwise(spans))
    for low, high in spans:
        (home,) = [block for block in article.blocks if block.start <= low <= block.end]
        if high > home.end:
            following = article.blocks[home.index + 1]
            assert article.text[following.start : following.end].lstrip()[:1] in '“«„"'
            assert high <= following.end


def test_a_quote_left_open_at_a_paragraph_end_continues_in_the_reopened_next_one() -> None:
    article = article_of(["He said: “We will act.", "“We are ready.” Then he left.", "“Not joined”"])
    texts = [article.text[a:b] for a, b in quote_spans(article)]
    assert texts == ["We will act.\n“We are ready.", "Not joined"]


OWN_TEXT = [
    "Mayor Jane Okafor said the city would expand its bus network next year.",
    "The budget will rise by ten percent, the finance director told reporters.",
    "According to two council members, the vote was delayed by a week.",
    "The transport agency declined to comment on the plan.",
    "Okafor urged residents to attend the public hearing.",
    "“We have waited long enough. The buses are full every morning,” she said.",
    "Union leader Tom Baptiste called for higher wages for drivers.",
    "The Ledger reports that the contract will be signed in May.",
    "Local analysts believe the plan will cut traffic.",
    "The plan's reported costs worried nobody.",
]


@pytest.fixture(scope="module")
def claims() -> Iterator[list[Claim]]:
    yield list(analyse_article(article_of(OWN_TEXT), use_cache=False).claims)


def by_sentence(claims: list[Claim], sentence: int) -> Claim:
    (found,) = [claim for claim in claims if claim.sentence == sentence or sentence in claim.sentences]
    return found


@pytest.mark.slow
def test_said_with_a_clause_resolves_the_speaker(claims: list[Claim]) -> None:
    claim = by_sentence(claims, 0)
    assert (claim.speaker_label, claim.cue_lemma, claim.kind) == ("Jane Okafor", "say", ClaimKind.INDIRECT)
    assert claim.content.text == "the city would expand its bus network next year"
    assert claim.speaker_actor is not None and claim.line == 1


@pytest.mark.slow
def test_reporting_clause_after_the_content(claims: list[Claim]) -> None:
    claim = by_sentence(claims, 1)
    assert claim.speaker_label == "the finance director" and claim.cue.text == "told"
    assert claim.content.text == "The budget will rise by ten percent"
    assert claim.speaker_key == "finance director"


@pytest.mark.slow
def test_according_to_and_declined_to_comment(claims: list[Claim]) -> None:
    according = by_sentence(claims, 2)
    assert (according.kind, according.speaker_label) == (ClaimKind.ACCORDING_TO, "two council members")
    assert according.content.text == "the vote was delayed by a week"
    declined = by_sentence(claims, 3)
    assert declined.cue.text == "declined to comment" and declined.cue_lemma == "decline to comment"
    assert declined.speaker_label == "the transport agency"


@pytest.mark.slow
def test_urged_called_for_reports_believe(claims: list[Claim]) -> None:
    urged = by_sentence(claims, 4)
    assert (urged.speaker_label, urged.cue_lemma) == ("Jane Okafor", "urge")
    assert urged.content.text == "residents to attend the public hearing"
    called = by_sentence(claims, 6)
    assert (called.cue.text, called.cue_lemma, called.speaker_label) == ("called for", "call for", "Tom Baptiste")
    reports = by_sentence(claims, 7)
    assert (reports.speaker_label, reports.cue_lemma) == ("the Ledger", "report")
    believe = by_sentence(claims, 8)
    assert (believe.speaker_label, believe.cue_lemma) == ("Local analysts", "believe")


@pytest.mark.slow
def test_a_quote_over_two_sentences_is_one_direct_claim_resolved_from_she(claims: list[Claim]) -> None:
    claim = by_sentence(claims, 5)
    assert claim.kind is ClaimKind.DIRECT
    assert claim.content.text == "We have waited long enough. The buses are full every morning,"
    assert claim.speaker_label == "Jane Okafor"


@pytest.mark.slow
def test_adjectival_participles_are_not_cues(claims: list[Claim]) -> None:
    assert not [claim for claim in claims if claim.sentence == 9]
    assert [claim.sentence for claim in claims] == sorted(claim.sentence for claim in claims)


_QUOTE_TEXT = st.text(alphabet=st.sampled_from(list('ab “”«»„" \n\t\u00a0\u2003.,')), max_size=60)


@given(_QUOTE_TEXT, st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=4), st.data())
def test_quoted_share_counts_exactly_the_non_space_characters_inside_quotes(
    text: str, raw_spans: list[tuple[int, int]], data: st.DataObject
) -> None:
    """The share, counted by str methods in C, is the definition counted one character at a time: non-space
    characters inside a span over non-space characters other than quotation marks."""
    spans: list[tuple[int, int]] = []
    for low, high in sorted((min(a, b), max(a, b)) for a, b in raw_spans):
        if not spans or low >= spans[-1][1]:
            spans.append((low, high))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    marks = '“«„”»"'
    total = sum(1 for ch in text[start:end] if not ch.isspace() and ch not in marks)
    inside = sum(1 for k in range(start, end) if not text[k].isspace() and any(low <= k < high for low, high in spans))
    assert quoted_share(spans, start, end, text) == (inside / total if total else 0.0)


@given(st.lists(_QUOTE_TEXT, min_size=1, max_size=4))
def test_quote_spans_pair_the_marks_as_a_walk_over_every_character_does(paragraphs: list[str]) -> None:
    article = article_of([p.strip() or "x" for p in paragraphs])
    expected: list[tuple[int, int]] = []
    previous_open = False
    for block in article.blocks:
        opened: int | None = None
        reopens = article.text[block.start : block.end].lstrip()[:1] in '“«„"'
        first_of_block = len(expected)
        for offset in range(block.start, block.end):
            char = article.text[offset]
            if opened is None and char in '“«„"':
                opened = offset + 1
            elif opened is not None and char in '”»"':
                expected.append((opened, offset))
                opened = None
        if opened is not None:
            expected.append((opened, block.end))
        if reopens and previous_open and len(expected) > first_of_block:
            earlier = expected[first_of_block - 1]
            expected[first_of_block - 1 : first_of_block + 1] = [(earlier[0], expected[first_of_block][1])]
        previous_open = opened is not None
    assert quote_spans(article) == tuple(span for span in expected if span[1] > span[0])


TOLD_TEXT = [
    "“We are studying the records and cannot believe what we are finding,” Mayor Ann Cole told WXYZ’s “Morning” "
    "show on Thursday.",
    "“And to be honest with you, I hope they can,” she told “Morning.”",
    "In Denver last week, Cole told a meeting of county leaders that few people understood the danger.",
    "The council needs to tell more jokes.",
]


@pytest.fixture(scope="module")
def told() -> Iterator[list[Claim]]:
    yield list(analyse_article(article_of(TOLD_TEXT), use_cache=False).claims)


@pytest.mark.slow
def test_what_tell_is_told_to_is_not_what_was_said(told: list[Claim]) -> None:
    """The object of "told" is the listener: the content is the quotation beside it (it was "WXYZ's “Morning”
    show on Thursday")."""
    claim = by_sentence(told, 0)
    assert claim.content.text == "We are studying the records and cannot believe what we are finding,"


@pytest.mark.slow
def test_a_quoted_name_right_after_the_cue_does_not_continue_the_quotation(told: list[Claim]) -> None:
    """ "…,” she told “Morning.”": the show's name is no second half of the quote (the content ran to it)."""
    claim = by_sentence(told, 1)
    assert claim.content.text == "And to be honest with you, I hope they can,"


@pytest.mark.slow
def test_a_that_clause_the_parser_hung_on_the_listener_is_the_content(told: list[Claim]) -> None:
    claim = by_sentence(told, 2)
    assert claim.speaker_label == "Ann Cole" and claim.cue_lemma == "tell"
    assert claim.content.text == "few people understood the danger"


@pytest.mark.slow
def test_telling_jokes_is_no_claim(told: list[Claim]) -> None:
    assert [claim for claim in told if claim.sentence == 3] == []


@pytest.mark.slow
def test_a_person_showing_a_thing_is_no_claim_and_a_poll_showing_a_finding_is() -> None:
    """ "Trump said he'd like Obama to show his birth certificate" listed Obama as saying "his birth
    certificate"; a poll or a document shows findings, and a person's finding comes as a clause."""
    article = article_of(
        [
            "Ann Cole said she wants Alan Park to show his tax returns.",
            "Alan Park failed to show up at the hearing.",
            "Ann Cole doesn't show consistency in her concern for racial issues.",
            "A new poll shows a close contest in the district.",
            "Alan Park showed that the budget was short by a million dollars.",
        ]
    )
    cues = {(claim.sentence, claim.cue_lemma) for claim in analyse_article(article, use_cache=False).claims}
    assert (0, "say") in cues
    assert {(0, "show"), (1, "show"), (2, "show")}.isdisjoint(cues)
    assert (3, "show") in cues
    assert (4, "show") in cues

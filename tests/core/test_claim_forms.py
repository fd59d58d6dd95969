"""Every form of attribution a news reader would call a claim, on texts written for these tests (real model)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from reader.core.analysis import analyse_article
from reader.core.records import ArticleMeta, Claim, ClaimKind
from tests.factories import article_of

pytestmark = pytest.mark.slow

FORMS = [
    "Mayor John Miller opened the bridge on Friday.",  # 0
    "Miller said: “The bridge will carry ten thousand cars a day.”",  # 1 cue before the quote
    "“We waited twenty years for this,” the mayor said.",  # 2 cue after the quote, title resolved
    "“The money,” he added, “came from the state.”",  # 3 cue inside the quote
    "According to the transport office, the bridge cost 40 million dollars.",  # 4
    "Miller's claim that the project came in under budget drew criticism.",  # 5 a statement noun
    "Officials believe the traffic will ease within a year.",  # 6 belief
    "The White House contends that federal money paid for half of it.",  # 7 position
    "“We are proud. We are ready,” Miller said.",  # 8 two sentences in one quote
    "Engineer Tom Baptiste added:",  # 9 cue whose quote is the next paragraph
    "“The steel was tested twice.",  # 10 a quote over two paragraphs
    "“Every weld was checked.”",  # 11
    "“Will it last?” Baptiste asked.",  # 12 the quote closes before the cue
    "“I think it will last a century,” Miller said.",  # 13 a first-person hedge inside a quote
    "The plan was first reported by The Ledger.",  # 14 passive with an agent
    "“This bridge changes our town.” ― Maria Okafor",  # 15 a signed quotation
    "MILLER: We will keep the tolls low.",  # 16 a transcript head
    "Miller had said Baptiste -- the youngest engineer on the team -- would lead the work.",  # 17
    "Miller spoke of a new era for the town.",  # 18 a topic verb with its preposition
    "Baptiste pointed out that the steel came from Ohio.",  # 19 a phrasal cue
    "Miller called the old bridge a disgrace.",  # 20 naming as judging
    "Miller's statement said the tolls would stay low.",  # 21 a source that speaks for its owner
    "“I told the council no,” Baptiste said.",  # 22 a reporting verb inside someone's quotation
    "Miller said the bridge was safe.",  # 23 a claim …
    "“We tested it twice.”",  # 24 … that a quotation with no cue continues
    "The council kept a willingness to respond if the state cuts the funds.",  # 25 an infinitive on a noun
    "Residents sent letters urging the council to keep the tolls low.",  # 26 a participle on a noun
    "Okafor said she plans to sue the council and believes the tolls are illegal.",  # 27 stances inside a claim
    "Miller said Okafor had warned the council about the tolls.",  # 28 a speech act inside a claim
    "Mayor Miller Discusses Bridge Tolls With Council",  # 29 a topic verb in a headline-cased line
    "Miller discussed the tolls with the council on Monday.",  # 30 the same verb in prose
    "The talks highlighted growing tensions over the tolls.",  # 31 an event as the subject of a speech verb
    "The hearing revealed new costs for the bridge.",  # 32 an event as the subject of an evidence verb
    "Polls show a close contest for mayor.",  # 33 evidence with an object
    "The tolls will stay high, as the council memo put it.",  # 34 an idiom of attribution
    "I told the council that the tolls were too high.",  # 35 the writer's own claim
    "AUGUSTA, Me. — Paul LePage, the embattled governor of Maine, declared on Thursday that the bridge would open.",
    # 36 a dateline first
    "Gov. LePage opened it.",  # 37 an abbreviated title …
    "The Republican governor said the tolls were fair.",  # 38 … written out later, with an adjective
    "The town council announced they would oppose the tolls.",  # 39 "they" inside the council's claim
    "LePage repeated his claim that the bridge was safe.",  # 40 a possessive as the owner of a statement
    "Democracy for America said the tolls were unfair.",  # 41 a name that opens with a common noun
    "Officials said the bridge was safe.",  # 42 a common noun opening the sentence
]


@pytest.fixture(scope="module")
def claims() -> Iterator[list[Claim]]:
    yield list(analyse_article(article_of(FORMS), use_cache=False).claims)


def on(claims: list[Claim], sentence: int) -> list[Claim]:
    return [claim for claim in claims if claim.sentence == sentence]


def test_cue_before_the_quote_takes_the_quote(claims: list[Claim]) -> None:
    (claim,) = on(claims, 1)
    assert (claim.speaker_label, claim.cue.text, claim.kind) == ("John Miller", "said", ClaimKind.DIRECT)
    assert claim.content.text == "The bridge will carry ten thousand cars a day."


def test_cue_after_the_quote_and_a_title_resolved_to_the_person(claims: list[Claim]) -> None:
    (claim,) = on(claims, 2)
    assert (claim.speaker.text if claim.speaker else None, claim.speaker_label) == ("the mayor", "John Miller")
    assert claim.content.text.startswith("We waited twenty years")


def test_cue_inside_the_quote_and_he_resolved(claims: list[Claim]) -> None:
    (claim,) = on(claims, 3)
    assert (claim.cue.text, claim.speaker_label, claim.kind) == ("added", "John Miller", ClaimKind.DIRECT)
    assert "came from the state" in claim.content.text


def test_according_to(claims: list[Claim]) -> None:
    (claim,) = on(claims, 4)
    assert (claim.kind, claim.speaker_label) == (ClaimKind.ACCORDING_TO, "the transport office")
    assert claim.content.text == "the bridge cost 40 million dollars"


def test_a_statement_noun_owned_by_a_source(claims: list[Claim]) -> None:
    (claim,) = on(claims, 5)
    assert (claim.cue.text, claim.speaker_label) == ("claim", "John Miller")
    assert claim.content.text == "the project came in under budget"


def test_beliefs_and_positions_stated_for_a_source(claims: list[Claim]) -> None:
    (belief,) = on(claims, 6)
    assert (belief.cue_lemma, belief.speaker_label) == ("believe", "officials")
    (position,) = on(claims, 7)
    assert (position.cue_lemma, position.speaker_label) == ("contend", "White House")


def test_a_quote_of_two_sentences_is_one_claim(claims: list[Claim]) -> None:
    (claim,) = on(claims, 8)
    assert claim.content.text == "We are proud. We are ready,"


def test_a_cue_takes_the_quote_of_the_next_paragraphs(claims: list[Claim]) -> None:
    (claim,) = on(claims, 9)
    assert claim.speaker_label == "Tom Baptiste" and claim.kind is ClaimKind.DIRECT
    assert claim.content.text.startswith("The steel was tested twice.")
    assert claim.content.text.endswith("Every weld was checked.")
    assert claim.sentences == (9, 10, 11)


def test_a_cue_takes_the_quote_that_closes_before_it(claims: list[Claim]) -> None:
    (claim,) = on(claims, 12)
    assert (claim.cue.text, claim.speaker_label, claim.content.text) == ("asked", "Tom Baptiste", "Will it last?")


def test_a_first_person_hedge_inside_a_quote_is_no_claim_of_its_own(claims: list[Claim]) -> None:
    assert [claim.cue.text for claim in on(claims, 13)] == ["said"]


def test_passive_cue_with_an_agent(claims: list[Claim]) -> None:
    (claim,) = on(claims, 14)
    assert (claim.cue.text, claim.speaker_label) == ("was first reported by", "the Ledger")


def test_signed_quotation_and_transcript_head(claims: list[Claim]) -> None:
    (signed,) = on(claims, 15)
    assert (signed.cue.text, signed.speaker_label, signed.content.text) == (
        "―",
        "Maria Okafor",
        "This bridge changes our town.",
    )
    (head,) = [claim for claim in on(claims, 16) if claim.cue_lemma == "colon"]
    assert (head.speaker_label, head.content.text) == ("John Miller", "We will keep the tolls low.")


def test_the_speaker_is_never_a_clause(claims: list[Claim]) -> None:
    (claim,) = on(claims, 17)
    assert claim.speaker is not None and claim.speaker.text == "Miller"
    assert claim.content.text.endswith("would lead the work")
    assert all(claim.speaker is None or len(claim.speaker.text.split()) <= 4 for claim in claims)


def test_topic_phrasal_and_naming_cues(claims: list[Claim]) -> None:
    (spoke,) = on(claims, 18)
    assert (spoke.cue.text, spoke.content.text) == ("spoke of", "a new era for the town")
    (pointed,) = on(claims, 19)
    assert (pointed.cue.text, pointed.content.text) == ("pointed out", "the steel came from Ohio")
    (called,) = on(claims, 20)
    assert (called.cue_lemma, called.content.text) == ("call", "the old bridge a disgrace")


def test_owned_sources_and_a_verb_inside_a_quotation(claims: list[Claim]) -> None:
    (statement,) = on(claims, 21)
    assert statement.speaker_label == "John Miller"
    (said,) = on(claims, 22)  # "told" is Baptiste's own word inside the quotation: no claim of its own
    assert (said.cue.text, said.speaker_label, said.content.text) == ("said", "Tom Baptiste", "I told the council no,")


def test_a_belief_or_plan_inside_a_claim_is_no_second_claim_but_a_speech_act_is(claims: list[Claim]) -> None:
    assert [(c.cue.text, c.speaker_label) for c in on(claims, 27)] == [("said", "Maria Okafor")]
    assert [(c.cue.text, c.speaker_label) for c in on(claims, 28)] == [
        ("said", "John Miller"),
        ("warned", "Maria Okafor"),
    ]


def test_a_quotation_with_no_cue_continues_the_claim_before_it(claims: list[Claim]) -> None:
    (claim,) = on(claims, 23)
    assert claim.content.text == "the bridge was safe.\n“We tested it twice."
    assert claim.sentences == (23, 24)


def test_a_reporting_infinitive_on_a_noun_is_no_attribution_by_that_noun(claims: list[Claim]) -> None:
    assert on(claims, 25) == []  # "a willingness to respond": the noun is what "respond" completes, no source
    (urging,) = on(claims, 26)  # "letters urging …": a participle says what the noun does
    assert (urging.speaker_label, urging.cue.text) == ("letters", "urging")


def test_a_headline_naming_an_event_is_no_claim_but_the_same_verb_in_prose_is(claims: list[Claim]) -> None:
    assert on(claims, 29) == []
    (claim,) = on(claims, 30)
    assert (claim.cue.text, claim.speaker_label, claim.content.text) == (
        "discussed",
        "John Miller",
        "the tolls with the council on Monday",
    )


def test_an_event_speaks_only_as_evidence(claims: list[Claim]) -> None:
    assert on(claims, 31) == []  # "the talks" are no source of "highlighted"
    (revealed,) = on(claims, 32)
    assert (revealed.cue.text, revealed.speaker_label, revealed.content.text) == (
        "revealed",
        "the hearing",
        "new costs for the bridge",
    )
    (show,) = on(claims, 33)
    assert (show.cue.text, show.speaker_label, show.content.text) == ("show", "polls", "a close contest for mayor")


def test_as_the_source_put_it(claims: list[Claim]) -> None:
    (claim,) = on(claims, 34)
    assert (claim.cue.text, claim.speaker_label, claim.content.text) == (
        "put it",
        "the council memo",
        "The tolls will stay high",
    )


def test_the_writers_i_is_the_author(claims: list[Claim]) -> None:
    (claim,) = on(claims, 35)
    assert (claim.speaker_label, claim.cue.text, claim.speaker_actor) == ("the author", "told", None)
    signed = dataclasses.replace(article_of(FORMS[35:36]), meta=ArticleMeta(author="Jane Roe"))
    (own,) = analyse_article(signed, use_cache=False).claims
    assert own.speaker_label == "Jane Roe (author)"


def test_a_dateline_is_never_the_speaker(claims: list[Claim]) -> None:
    (claim,) = on(claims, 36)
    assert (claim.speaker.text if claim.speaker else None, claim.speaker_label) == ("Paul LePage", "Paul LePage")
    assert claim.content.text == "the bridge would open"


def test_a_title_written_out_and_pronouns_of_reported_speech(claims: list[Claim]) -> None:
    (governor,) = on(claims, 38)
    assert governor.speaker_label == "Paul LePage"  # "Gov." before the name, "the Republican governor" after
    assert [(c.cue.text, c.speaker_label) for c in on(claims, 39)] == [
        ("announced", "the town council"),
        ("oppose", "the town council"),
    ]
    assert [(c.cue.text, c.speaker_label) for c in on(claims, 40)] == [
        ("repeated", "Paul LePage"),
        ("claim", "Paul LePage"),
    ]


def test_speaker_labels_keep_names_capitalised_and_common_nouns_not(claims: list[Claim]) -> None:
    assert [claim.speaker_label for claim in on(claims, 41) + on(claims, 42)] == ["Democracy for America", "officials"]

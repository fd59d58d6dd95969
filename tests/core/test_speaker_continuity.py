"""The floor rule: a "he"/"she" reporting in a sentence of its own continues the previous speaker, and when it
does not (someone named in between, a nested claim, another pronoun, too far back)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.core.analysis import analyse_article
from reader.core.analysis.speaker_continuity import continuing_speakers
from reader.core.analysis.speakers import MentionIndex
from reader.core.records import Actor, ActorKind, Claim, ClaimKind, Mention, TextSpan
from tests.factories import article_of

PEOPLE = {"Reyes": "person-john-reyes", "Park": "person-alan-park", "Lopez": "person-maria-lopez"}


@dataclass(frozen=True)
class Said:
    """One claim to build: in sentence `sentence`, `speaker` (a word of that sentence) `cue` `content`."""

    sentence: int
    speaker: str
    cue: str
    content: str


def _span(sentence_start: int, sentence: str, word: str) -> TextSpan:
    start = sentence_start + sentence.index(word)
    return TextSpan(start, start + len(word), word)


def build(sentences: list[str], said: list[Said]) -> tuple[list[Claim], MentionIndex, list[int], str]:
    """Claims, the mention index of the people in PEOPLE and the sentence starts, over sentences joined by
    spaces. A pronoun speaker starts resolved to the person named last before it, as `speakers.resolve` does."""
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
    mentions = [
        (name, Mention(0, starts[i] + at, starts[i] + at + len(name), name, i, 1))
        for i, sentence in enumerate(sentences)
        for name in PEOPLE
        for at in [index for index in range(len(sentence)) if sentence.startswith(name, index)]
    ]
    actors = [
        Actor(PEOPLE[name], name, ActorKind.PERSON, (name,), tuple(m for n, m in mentions if n == name), (1,))
        for name in PEOPLE
    ]
    index = MentionIndex(0, actors)
    claims = []
    for number, item in enumerate(said):
        sentence, start = sentences[item.sentence], starts[item.sentence]
        speaker = _span(start, sentence, item.speaker)
        if item.speaker in PEOPLE:
            actor: str | None = PEOPLE[item.speaker]
        else:
            found = index.last_before(speaker.start, (ActorKind.PERSON,))
            actor = found[0] if found else None
        label = next((name for name, ident in PEOPLE.items() if ident == actor), item.speaker)
        claims.append(
            Claim(
                id=f"c{number}",
                article=0,
                sentence=item.sentence,
                kind=ClaimKind.INDIRECT,
                speaker=speaker,
                speaker_label=label,
                speaker_actor=actor,
                cue=_span(start, sentence, item.cue),
                content=_span(start, sentence, item.content),
                line=1,
                speaker_key=actor or item.speaker,
            )
        )
    claims.sort(key=lambda claim: claim.cue.start)
    return claims, index, starts, text


def speakers(sentences: list[str], said: list[Said]) -> list[str]:
    claims, index, starts, text = build(sentences, said)
    quotes = [(at, text.index("”", at) + 1) for at in range(len(text)) if text[at] == "“"]
    resolved = continuing_speakers(claims, index, starts, lambda at: any(a <= at < b for a, b in quotes))
    return [claim.speaker_label for claim in resolved]


def test_a_pronoun_after_a_named_speaker_is_that_speaker_not_the_person_named_last() -> None:
    sentences = [
        "Reyes said the city would appeal the ruling by Park.",
        "“We think it is wrong,” he told reporters.",
    ]
    said = [Said(0, "Reyes", "said", "the city would appeal the ruling by Park"), Said(1, "he", "told", "“We")]
    assert speakers(sentences, said) == ["Reyes", "Reyes"]


def test_a_person_named_after_the_floor_takes_it() -> None:
    sentences = [
        "Reyes said the city would appeal.",
        "Park has long defended the ruling.",
        "He said the law was clear.",
    ]
    said = [Said(0, "Reyes", "said", "the city would appeal"), Said(2, "He", "said", "the law was clear")]
    assert speakers(sentences, said) == ["Reyes", "Park"]


def test_a_person_named_inside_quotation_marks_does_not_take_the_floor() -> None:
    sentences = [
        "Reyes said the city would appeal.",
        "“Nobody asked Park to rule,” he said.",
    ]
    said = [Said(0, "Reyes", "said", "the city would appeal"), Said(1, "he", "said", "“Nobody")]
    assert speakers(sentences, said) == ["Reyes", "Reyes"]


def test_a_claim_reported_inside_another_is_not_the_floor() -> None:
    """ "Trump said he'd like Obama to show his birth certificate. … he told 'Today.'": the floor is Trump's."""
    sentences = [
        "Reyes said he wanted Park to explain the ruling.",
        "“I hope so,” he told reporters.",
    ]
    said = [
        Said(0, "Reyes", "said", "he wanted Park to explain the ruling"),
        Said(0, "Park", "explain", "the ruling"),
        Said(1, "he", "told", "“I hope"),
    ]
    assert speakers(sentences, said) == ["Reyes", "Park", "Reyes"]


def test_a_pronoun_after_an_earlier_claim_of_its_own_sentence_is_left_to_that_sentence() -> None:
    sentences = [
        "Reyes said the city would appeal.",
        "Park said after the hearing he believes the law is clear.",
    ]
    said = [
        Said(0, "Reyes", "said", "the city would appeal"),
        Said(1, "Park", "said", "he believes the law is clear"),
        Said(1, "he", "believes", "the law is clear"),
    ]
    assert speakers(sentences, said) == ["Reyes", "Park", "Park"]


def test_a_floor_taken_by_she_is_not_passed_to_he() -> None:
    sentences = [
        "Lopez said Reyes had called.",
        "“He was upset,” she said.",
        "“I was not,” he said.",
    ]
    said = [
        Said(0, "Lopez", "said", "Reyes had called"),
        Said(1, "she", "said", "“He"),
        Said(2, "he", "said", "“I"),
    ]
    assert speakers(sentences, said) == ["Lopez", "Lopez", "Reyes"]


@pytest.mark.parametrize(("between", "expected"), [(1, "Reyes"), (2, "Park")])
def test_the_floor_lasts_two_sentences(between: int, expected: str) -> None:
    """FLOOR_SENTENCES is 2: read on the dev sets, a wider window reached paragraphs that had moved on."""
    filler = ["The hearing went on." for _ in range(between)]
    sentences = ["Reyes said the city would appeal the ruling by Park.", *filler, "He said it was wrong."]
    said = [Said(0, "Reyes", "said", "the city would appeal"), Said(len(sentences) - 1, "He", "said", "it was wrong")]
    assert speakers(sentences, said)[-1] == expected


def test_in_a_real_parse_the_pronoun_that_reports_gets_the_previous_speaker() -> None:
    """End to end, with spaCy: the person named last (the judge) is not the speaker."""
    article = article_of(
        [
            "Calling it a disgrace, Mayor John Reyes said he would like Judge Alan Park to explain his ruling.",
            "“And to be honest with you, I hope he can,” he told reporters on Friday.",
        ]
    )
    told = next(claim for claim in analyse_article(article).claims if claim.cue_lemma == "tell")
    assert told.speaker is not None and told.speaker.text == "he"
    assert told.speaker_label == "John Reyes"

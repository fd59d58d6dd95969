"""JSON round trips of the records: load(save(x)) == x for every shape a comparison can take."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.records import (
    Actor,
    ActorKind,
    Claim,
    ClaimFlag,
    ClaimKind,
    ClaimLink,
    Comparison,
    DetailDiff,
    DetailKind,
    DetailStatus,
    Match,
    Mention,
    PairAlignment,
    QuotedRow,
    SentenceClass,
    TextSpan,
    WordRun,
)
from reader.core.serialize import SchemaError, dumps, from_data, loads, to_data
from tests.factories import article_of

texts = st.text(min_size=1, max_size=40)
spans = st.builds(TextSpan, start=st.integers(0, 500), end=st.integers(0, 500), text=texts)
details = st.builds(
    DetailDiff,
    kind=st.sampled_from(DetailKind),
    status=st.sampled_from(DetailStatus),
    a=st.none() | spans,
    b=st.none() | spans,
)
matches = st.builds(
    Match,
    a=st.tuples(st.integers(0, 5)) | st.tuples(st.integers(0, 5), st.integers(0, 5)),
    b=st.tuples(st.integers(0, 5)),
    score=st.floats(0, 1, allow_nan=False),
    kind=st.sampled_from([SentenceClass.VERBATIM, SentenceClass.PARAPHRASE, SentenceClass.PARTIAL]),
    moved=st.booleans(),
    shared_runs=st.lists(st.builds(WordRun, a=spans, b=spans, words=st.integers(4, 30)), max_size=2).map(tuple),
    a_only=st.lists(spans, max_size=3).map(tuple),
    b_only=st.lists(spans, max_size=3).map(tuple),
    details=st.lists(details, max_size=3).map(tuple),
)


@st.composite
def comparisons(draw: st.DrawFn) -> Comparison:
    sentences_a = draw(st.lists(texts.filter(lambda t: "\n" not in t), min_size=1, max_size=6))
    sentences_b = draw(st.lists(texts.filter(lambda t: "\n" not in t), min_size=1, max_size=6))
    a, b = article_of(sentences_a, "A"), article_of(sentences_b, "B")
    classes = st.sampled_from(SentenceClass)
    pair = PairAlignment(
        a=0,
        b=1,
        matches=tuple(draw(st.lists(matches, max_size=3))),
        classes_a=tuple(draw(classes) for _ in sentences_a),
        classes_b=tuple(draw(classes) for _ in sentences_b),
    )
    mention = st.builds(
        Mention,
        article=st.integers(0, 1),
        start=st.integers(0, 9),
        end=st.integers(0, 9),
        text=texts,
        sentence=st.integers(0, 5),
        line=st.integers(1, 9),
    )
    actor = st.builds(
        Actor,
        id=texts,
        name=texts,
        kind=st.sampled_from(ActorKind),
        aliases=st.lists(texts, max_size=3).map(tuple),
        mentions=st.lists(mention, max_size=3).map(tuple),
        counts=st.tuples(st.integers(0, 9), st.integers(0, 9)),
    )
    claim = st.builds(
        Claim,
        id=texts,
        article=st.integers(0, 1),
        sentence=st.integers(0, 5),
        kind=st.sampled_from(ClaimKind),
        speaker=st.none() | spans,
        speaker_label=texts,
        speaker_actor=st.none() | texts,
        cue=spans,
        content=spans,
        line=st.integers(1, 9),
    )
    return Comparison(
        articles=(a, b),
        alignments=(pair,),
        coverage=(tuple(0 for _ in sentences_a), tuple(1 for _ in sentences_b)),
        actors=tuple(draw(st.lists(actor, max_size=2))),
        claims=tuple(draw(st.lists(claim, max_size=2))),
        claim_links=tuple(
            draw(
                st.lists(
                    st.builds(ClaimLink, a=texts, b=texts, flags=st.lists(st.sampled_from(ClaimFlag)).map(tuple)),
                    max_size=2,
                )
            )
        ),
        quoted=tuple(
            draw(
                st.lists(
                    st.builds(
                        QuotedRow,
                        speaker=texts,
                        actor=st.none() | texts,
                        claims=st.tuples(st.integers(0, 3), st.integers(0, 3)),
                        words=st.tuples(st.integers(0, 99), st.integers(0, 99)),
                    ),
                    max_size=2,
                )
            )
        ),
        analysed=draw(st.booleans()),
    )


@given(comparisons())
def test_comparison_round_trips_through_json(comparison: Comparison) -> None:
    assert loads(Comparison, dumps(comparison)) == comparison


@given(comparisons())
def test_serialised_form_is_plain_json(comparison: Comparison) -> None:
    data = to_data(comparison)
    assert json.loads(json.dumps(data)) == data
    assert data["schema_version"] == comparison.schema_version


def test_unknown_field_is_rejected_with_its_path() -> None:
    data = to_data(article_of(["One sentence."]))
    data["surprise"] = 1
    with pytest.raises(SchemaError, match="unknown field"):
        from_data(type(article_of(["x"])), data)


def test_wrong_type_is_rejected() -> None:
    data = to_data(TextSpan(0, 3, "abc"))
    data["start"] = "0"
    with pytest.raises(SchemaError, match=r"\$\.start"):
        from_data(TextSpan, data)


def test_invalid_json_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        loads(TextSpan, '{"start": 0,')


def test_missing_field_is_rejected() -> None:
    with pytest.raises(SchemaError, match="missing field end"):
        from_data(TextSpan, {"start": 0, "text": ""})


def test_bool_is_not_an_int() -> None:
    with pytest.raises(SchemaError):
        from_data(TextSpan, {"start": True, "end": 1, "text": ""})

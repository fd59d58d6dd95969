"""Behaviour of the records themselves: line lookup and seeing an alignment from either side."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import reader.core.records as records
from reader.core.records import (
    Comparison,
    DetailDiff,
    DetailKind,
    DetailStatus,
    Match,
    PairAlignment,
    SentenceClass,
    TextSpan,
)
from tests.factories import article_of


def test_line_of_maps_offsets_to_source_lines() -> None:
    article = article_of(["First line.", "Second line.", "Third."])
    assert article.line_of(0) == 1
    assert article.line_of(article.sentences[1].start) == 2
    assert article.line_of(len(article.text)) == 3


def test_alignment_swaps_sides_on_request() -> None:
    a, b = article_of(["x y z.", "p q."], "A"), article_of(["p q.", "x y z."], "B")
    detail = DetailDiff(DetailKind.DATE, DetailStatus.A_ONLY, TextSpan(0, 1, "x"), None)
    pair = PairAlignment(
        a=0,
        b=1,
        matches=(
            Match(a=(0,), b=(1,), score=0.9, kind=SentenceClass.PARAPHRASE, moved=False, details=(detail,)),
            Match(a=(1,), b=(0,), score=1.0, kind=SentenceClass.VERBATIM, moved=True),
        ),
        classes_a=(SentenceClass.PARAPHRASE, SentenceClass.VERBATIM),
        classes_b=(SentenceClass.VERBATIM, SentenceClass.PARAPHRASE),
    )
    comparison = Comparison(articles=(a, b), alignments=(pair,), coverage=((1, 1), (1, 1)))
    swapped = comparison.alignment(1, 0)
    assert (swapped.a, swapped.b) == (1, 0)
    assert [m.a for m in swapped.matches] == [(0,), (1,)]
    assert swapped.matches[1].details[0].status is DetailStatus.B_ONLY
    assert swapped.matches[1].details[0].b == TextSpan(0, 1, "x")
    assert comparison.alignment(0, 1) is pair


LATER_RECORDS = """
import json, sys
import reader.core.records as records
before = [module for module in records.LATER if module in sys.modules]
homes = {name: getattr(records, name).__module__ for name in records.__all__ if name != "SCHEMA_VERSION"}
print(json.dumps([before, homes]))
"""


def test_the_later_records_load_on_first_use_and_every_name_is_served() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LATER_RECORDS], capture_output=True, text=True, timeout=60, check=False
    )
    before, homes = json.loads(result.stdout)
    assert before == [], "the alignment and analysis records were made with the package"
    for module, names in records.LATER.items():
        assert {name: homes[name] for name in names} == dict.fromkeys(names, module)
    assert homes["Article"] == "reader.core.records.article"
    assert homes["SentenceClass"] == "reader.core.records.kinds"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        _ = records.Nothing
    assert {"Comparison", "Article", "Match"} <= set(dir(records))

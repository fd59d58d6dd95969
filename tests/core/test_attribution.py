"""Attribution drift between linked passages, on texts written for each rule (and each exception)."""

from __future__ import annotations

from reader.core.details.attribution import sentence_cues
from reader.core.pipeline import align_articles
from reader.core.records import DriftKind
from tests.core.test_conflicts import articles

PLAN = "the plan was always for Sestak to remain in the House while advising the president"


def drifts(a: str, b: str) -> list[tuple[DriftKind, str | None, str | None]]:
    comparison = align_articles(articles([a], [b]))
    assert comparison.alignments[0].matches, "the two sentences should be linked"
    return [(d.kind, d.a_cue.text if d.a_cue else None, d.b_cue.text if d.b_cue else None) for d in comparison.drifts]


def test_a_statement_as_fact_in_one_and_attributed_in_the_other() -> None:
    found = drifts(f"But a White House official said {PLAN}.", f"But {PLAN}.")
    assert found == [(DriftKind.FACT_VS_ATTRIBUTED, "a White House official said", None)]
    assert drifts(f"According to officials, {PLAN}.", f"{PLAN.capitalize()}.") == [
        (DriftKind.FACT_VS_ATTRIBUTED, "According to officials", None)
    ]


def test_a_quotation_is_attributed_even_without_a_cue() -> None:
    assert drifts(f"But a White House official said {PLAN}.", f"“{PLAN.capitalize()}.”") == []


def test_a_different_named_source_for_the_same_words() -> None:
    found = drifts(f"Mr. Bauer said {PLAN}.", f"The Sestak campaign said {PLAN}.")
    assert found == [(DriftKind.SOURCE_DIFFERS, "Mr. Bauer said", "The Sestak campaign said")]


def test_a_pronoun_or_the_same_source_is_no_drift() -> None:
    assert drifts(f"He said {PLAN}.", f"Mr. Bauer said {PLAN}.") == []
    assert drifts(f"Mr. Bauer said {PLAN}.", f"Bauer told reporters {PLAN}.") == []


def test_a_reporting_verb_of_another_force() -> None:
    found = drifts(f"Mr. Bauer said {PLAN}.", f"Mr. Bauer conceded {PLAN}.")
    assert found == [(DriftKind.VERB_DIFFERS, "Mr. Bauer said", "Mr. Bauer conceded")]


def test_cues_find_their_source_before_or_after_the_verb() -> None:
    text = "“It was never offered,” said Mr. Bauer, while a congressman who said otherwise was not asked."
    cues = [(text[c.start : c.end], sorted(c.named)) for c in sentence_cues(text)]
    # after the quotation: the source follows the verb; "who said": no source named next to the verb
    assert cues == [("said Mr. Bauer", ["bauer"]), ("said", [])]

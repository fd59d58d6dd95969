"""The attribution lexicon's helpers: mended lemmas, which subjects can be sources, stances."""

from __future__ import annotations

from reader.core.analysis.lexicon import speaks_for_itself, stance_only, verb_lemma


def test_the_models_lemma_slips_on_reporting_verbs_are_mended_only_when_the_text_agrees() -> None:
    assert [verb_lemma("hop", "hopes"), verb_lemma("hop", "hoped"), verb_lemma("hop", "hopped")] == [
        "hope",
        "hope",
        "hop",
    ]
    assert verb_lemma("Say", "said") == "say"


def test_an_event_is_a_source_of_evidence_only() -> None:
    assert not speaks_for_itself("talk", "NOUN", "highlight")
    assert speaks_for_itself("hearing", "NOUN", "reveal")
    assert speaks_for_itself("official", "NOUN", "highlight")
    assert speaks_for_itself("Talks", "PROPN", "say")  # a name ("Talks Inc.") is not the common noun


def test_stances_are_beliefs_intentions_and_findings_never_speech() -> None:
    assert [stance_only(lemma) for lemma in ("plan", "believe", "show", "say", "suggest", "vow")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]

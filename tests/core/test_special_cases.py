"""The tokenizer that adds the model's special cases on demand tokenizes as the model's own tokenizer does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("spacy")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.analysis.nlp import get_nlp
from reader.core.warm_cache import MODEL_NAME


def _model_tokenizer_file() -> Path:
    import spacy.util

    package = spacy.util.get_package_path(MODEL_NAME)
    found = sorted(package.glob("*/tokenizer"))
    assert found, package
    return found[0]


@pytest.fixture(scope="module")
def tokenizers() -> tuple[Any, Any]:
    """(on demand, plain): two tokenizers of the model's file on the pipeline's vocabulary."""
    from spacy.tokenizer import Tokenizer

    from reader.core.analysis.special_cases import RulesOnDemand

    vocab = get_nlp().vocab
    source = _model_tokenizer_file()
    return RulesOnDemand(vocab).from_disk(source), Tokenizer(vocab).from_disk(source)


def _tokens(tokenizer: Any, text: str) -> list[tuple[str, str, bool]]:
    return [(token.text, token.norm_, bool(token.whitespace_)) for token in tokenizer(text)]


def _loaded_rules(tokenizer: Any) -> dict[str, Any]:
    from spacy.tokenizer import Tokenizer

    return dict(Tokenizer.rules.__get__(tokenizer))


def test_rules_are_added_when_a_text_holds_them_and_not_before() -> None:
    from reader.core.analysis.special_cases import RulesOnDemand

    vocab = get_nlp().vocab
    on_demand = RulesOnDemand(vocab).from_disk(_model_tokenizer_file())
    held_at_load = len(_loaded_rules(on_demand))
    assert held_at_load < 20  # only the one-character rules and the one with a space
    assert [t.text for t in on_demand("They don't know.")] == ["They", "do", "n't", "know", "."]
    assert "don't" in _loaded_rules(on_demand)
    assert "can't" not in _loaded_rules(on_demand)
    assert [t.text for t in on_demand("We can't say.")] == ["We", "ca", "n't", "say", "."]
    assert [t.text for t in next(on_demand.pipe(["We won't."]))] == ["We", "wo", "n't", "."]
    assert len(on_demand.rules) == 1347  # asking for the rules gives them all, as spaCy's tokenizer would


TRICKY = [
    "They don't know, e.g. when Mr. Smith left (e.g.) at 5 p.m.",
    "e.g . and e. g. and E.G.",
    "Mr.Smith wasn't there:) nor Dr.Jones;-)",
    "U.S.A. vs. U.K. 's Gov't ain't it",
    "I'm, you're, we'll, they'd, shouldn't've",
    "'Tis  the  season\u00a0to  say  \"don't\"",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_tokenize_as_the_model_does(tokenizers: tuple[Any, Any], text: str) -> None:
    on_demand, plain = tokenizers
    assert _tokens(on_demand, text) == _tokens(plain, text)


RULE_STRINGS = ["don't", "can't", "e.g.", "Mr.", "p.m.", "(", ")", ".", ",", "'s", ":)", "U.S.", "won't", "y'all"]
OTHER_STRINGS = ["gov't", "Trump", "said", "the", "talks", "'", '"', "-", "n't", "a.m", "vs", "Dr"]
PIECES = st.sampled_from(RULE_STRINGS + OTHER_STRINGS)
GLUE = st.sampled_from(["", " ", "  ", "\u00a0", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(PIECES, GLUE), min_size=1, max_size=12))
def test_any_mix_of_rule_strings_tokenizes_as_the_model_does(
    tokenizers: tuple[Any, Any], parts: list[tuple[str, str]]
) -> None:
    from reader.core.analysis.special_cases import RulesOnDemand

    _, plain = tokenizers
    on_demand = RulesOnDemand(plain.vocab).from_disk(_model_tokenizer_file())  # nothing added by earlier examples
    text = "".join(piece + glue for piece, glue in parts)
    assert _tokens(on_demand, text) == _tokens(plain, text)

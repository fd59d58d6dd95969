"""spaCy is imported without its command line, which loading a model and parsing never use."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("spacy")

CHECK = textwrap.dedent(
    """
    import sys
    from reader.core.analysis.nlp import import_spacy
    spacy = import_spacy()
    assert "spacy.cli" not in sys.modules, "the command line was imported"
    assert "weasel" not in sys.modules and "typer" not in sys.modules, "the command line's dependencies were imported"
    assert not hasattr(spacy, "cli"), "no stand-in is left on the package"
    assert "pydantic.v1" not in sys.modules, "pydantic's v1 API was imported"
    import confection.validation
    assert confection.validation._PydanticV1BaseModel is None, "confection took v1 as unavailable"
    assert import_spacy() is spacy
    doc = spacy.blank("en")("The minister said the talks would go on.")
    assert [token.text for token in doc][:3] == ["The", "minister", "said"]
    import spacy.cli
    assert hasattr(spacy.cli, "download"), "the real command line still imports on demand"
    assert spacy.info.__module__ == "reader.core.analysis.nlp"
    import pydantic.v1
    assert pydantic.v1.BaseModel.__module__ == "pydantic.v1.main", "v1 still imports after spaCy's import"
    print("ok")
    """
)


def test_spacy_imports_without_its_command_line_and_the_command_line_still_imports_after() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_a_pipeline_loaded_after_the_import_without_the_command_line_parses() -> None:
    from reader.core.analysis.nlp import get_nlp

    doc = get_nlp()("Benjamin Netanyahu said on Friday that the talks would go on.")
    assert [entity.text for entity in doc.ents][:1] == ["Benjamin Netanyahu"]
    assert any(token.dep_ == "nsubj" for token in doc)


def test_the_tokenizer_built_from_the_model_alone_is_the_tokenizer_of_a_default_load() -> None:
    from reader.core.analysis.nlp import MODEL_NAME, get_nlp, import_spacy

    spacy = import_spacy()
    ours = get_nlp().tokenizer
    default = spacy.load(MODEL_NAME, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    # the vocabulary is left out: the process's pipeline has added the strings of every text it has parsed
    assert ours.to_bytes(exclude=["vocab"]) == default.tokenizer.to_bytes(exclude=["vocab"])
    text = "U.S. officials can't say whether Gov. LePage's $1.5-million plan (a \"deal\") works—yet."
    assert [token.text for token in ours(text)] == [token.text for token in default.tokenizer(text)]
    assert len(ours.rules) > 1000, "the model's special cases are loaded"


def test_the_entry_points_by_group_answer_as_the_snapshot_does() -> None:
    from importlib.metadata import entry_points

    from reader.core.analysis.nlp import EntryPointsByGroup, import_spacy

    import_spacy()
    import catalogue

    assert isinstance(catalogue.AVAILABLE_ENTRY_POINTS, EntryPointsByGroup), "spaCy's registries read the index"
    snapshot = entry_points()
    indexed = EntryPointsByGroup(snapshot)
    groups = sorted(snapshot.groups)
    assert "console_scripts" in groups or groups, "the environment has entry points to compare"
    for group in [*groups, "spacy_factories", "no such group"]:
        assert list(indexed.select(group=group)) == list(snapshot.select(group=group))
    some = next(iter(snapshot.select(group=groups[0])))
    assert list(indexed.select(group=groups[0], name=some.name)) == [some], "other selections go to the snapshot"
    assert indexed.groups == snapshot.groups


def test_the_decoders_are_looked_up_once_during_the_load_only_and_a_change_is_seen() -> None:
    from reader.core.analysis.nlp import _msgpack_decoders_looked_up_once, import_spacy

    import_spacy()
    import importlib

    registry = importlib.import_module("srsly.msgpack").msgpack_decoders
    plain = registry.get_all()
    with _msgpack_decoders_looked_up_once() as unchanged:
        assert "get_all" in vars(registry), "the kept answer stands in during the load"
        assert registry.get_all() == plain
        assert unchanged()
        registry.register("reader_test_decoder", func=lambda obj, chain=None: obj)
        try:
            assert "reader_test_decoder" not in registry.get_all(), "the kept answer is what the load sees"
            assert not unchanged(), "a decoder registered during the load is noticed"
        finally:
            import catalogue

            catalogue._remove(("srsly", "msgpack_decoders", "reader_test_decoder"))
    assert "get_all" not in vars(registry), "catalogue's own lookup is back after the load"
    assert registry.get_all() == plain

"""The analysis's faster spaCy path gives what spaCy's plain `spacy.load` + `nlp.pipe` gives, token for token.

`get_nlp` loads the model with its own tokenizer factory, srsly's decoders looked up once and the lemmatizer's
index answering `in` from sets, after an import without spaCy's command line or pydantic's v1 API; the service
also splits the parse with a forked copy. None of it may change a lemma, tag, head or entity. The reference runs
in a fresh interpreter that imports spaCy the ordinary way.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("spacy")

from reader.core.analysis import parse
from reader.core.analysis.cache import analysed_sentences
from reader.core.analysis.parsed import ParsedSentence
from reader.core.records import Article, Sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PLAIN_SPACY = textwrap.dedent(
    """
    import json, sys
    import spacy
    from reader.core.warm_cache import MODEL_NAME
    nlp = spacy.load(MODEL_NAME)
    texts = json.load(sys.stdin)
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        tokens = [[t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i] for t in doc]
        out.append({"tokens": tokens, "entities": [[e.start, e.end, e.label_] for e in doc.ents]})
    json.dump(out, sys.stdout)
    """
)


def _seed_articles() -> tuple[Article, ...]:
    from reader.cli.inputs import app_inputs
    from reader.core.load.inputs import load_inputs

    return load_inputs(app_inputs(sorted(str(path) for path in SEEDS.glob("*.txt")))).articles


def _jobs(articles: tuple[Article, ...]) -> list[tuple[int, Sentence]]:
    return [
        (position, sentence) for position, article in enumerate(articles) for sentence in analysed_sentences(article)
    ]


def _plain_spacy(texts: list[str]) -> list[dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_SPACY], input=json.dumps(texts), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return list(json.loads(result.stdout))


def _as_plain(sentence: Sentence, record: ParsedSentence) -> dict[str, Any]:
    tokens = [
        [t.start - sentence.start, t.end - sentence.start, t.lemma, t.pos, t.tag, t.dep, t.head] for t in record.tokens
    ]
    return {"tokens": tokens, "entities": [[e.first, e.stop, e.label] for e in record.entities]}


@pytest.fixture(scope="module")
def seeds_and_reference() -> tuple[list[tuple[int, Sentence]], list[dict[str, Any]]]:
    jobs = _jobs(_seed_articles())
    texts = [parse._CONTROL_SPACE.sub(" ", sentence.text) for _position, sentence in jobs]
    return jobs, _plain_spacy(texts)


def test_the_fast_pipeline_parses_the_seeds_as_plain_spacy_does(
    seeds_and_reference: tuple[list[tuple[int, Sentence]], list[dict[str, Any]]],
) -> None:
    from reader.core.analysis.nlp import get_nlp

    jobs, reference = seeds_and_reference
    records = parse._parse_here(get_nlp(), jobs)
    ours = [_as_plain(sentence, record) for (_position, sentence), (_p, record) in zip(jobs, records, strict=True)]
    assert len(ours) == len(reference) > 50
    assert sum(len(doc["tokens"]) for doc in ours) > 1000
    for index, (mine, plain) in enumerate(zip(ours, reference, strict=True)):
        assert mine == plain, f"sentence {index}: {jobs[index][1].text!r}"


def test_the_service_split_parse_of_the_seeds_is_plain_spacy_too(
    seeds_and_reference: tuple[list[tuple[int, Sentence]], list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.analysis.nlp import get_nlp

    jobs, reference = seeds_and_reference
    monkeypatch.setattr(parse, "_split_across_processes", True)
    records = parse._parse_jobs(get_nlp(), jobs)
    ours = [_as_plain(sentence, record) for (_position, sentence), (_p, record) in zip(jobs, records, strict=True)]
    assert ours == reference


def test_the_lemma_index_answers_as_the_lists_it_replaced() -> None:
    from reader.core.analysis.nlp import FormsIndex, get_nlp

    table = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    indexes = list(table.values())
    assert indexes and all(type(forms) is FormsIndex for forms in indexes), "every part of speech is indexed"
    nouns = max(indexes, key=len)
    assert "minister" in nouns and "ministerx" not in nouns and 1 not in nouns
    assert list.__contains__(nouns, "minister") and len(nouns) > 50_000
    assert nouns == list(nouns), "still the same list"


def test_the_model_is_loaded_without_the_training_corpus_string_table() -> None:
    from reader.core.analysis.nlp import get_nlp

    strings = get_nlp().vocab.strings
    assert len(strings) < 20_000, "vocab/strings.json (84,780 strings) was loaded"
    assert "PERSON" in strings and "nsubj" in strings, "the components' labels are there"

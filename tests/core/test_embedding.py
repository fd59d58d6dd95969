"""The meaning vectors (reader/core/align/embedding.py): BERT's WordPiece, the static table, centred cosines,
and what they buy the link model: a pair told in other words, sharing one number and no other content word,
links; with the semantic weights at zero it does not."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align import align_pair
from reader.core.align.embedding import (
    GRID,
    SENTENCE_TABLE,
    SentenceVectors,
    StaticEmbedding,
    cosine,
    shipped,
    similarity,
    word_grid,
    word_table,
    words_of,
)
from reader.core.align.features import FEATURE_NAMES
from reader.core.align.linkmodel import LINK_MODEL
from reader.core.mirror import swap_alignment
from tests.factories import article_of

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Text:
    text: str


def tiny_model(folder: Path) -> StaticEmbedding:
    """A four-piece table: 'troops' and 'soldiers' point the same way, 'weather' at right angles."""
    pieces = ["[PAD]", "[UNK]", "troops", "soldiers", "weather", "##s", "un", "##aff", "##able"]
    rows = np.zeros((len(pieces), 2), dtype=np.int8)
    rows[2], rows[3], rows[4], rows[5] = (127, 0), (127, 10), (0, 127), (10, 10)
    (folder / "vocab.txt").write_text("\n".join(pieces) + "\n", encoding="utf-8")
    np.save(folder / "pieces_int8.npy", rows)
    np.save(folder / "scales_f32.npy", np.full(len(pieces), 1.0 / 127.0, dtype=np.float32))
    return StaticEmbedding(folder)


def test_words_are_lowercased_stripped_of_accents_and_split_at_every_punctuation_mark() -> None:
    assert words_of("Café déjà-vu, 2,000 troops!") == ["cafe", "deja", "-", "vu", ",", "2", ",", "000", "troops", "!"]
    assert words_of("a\tb\u00a0c\u0007d") == ["a", "b", "cd"]


def test_wordpiece_takes_the_longest_known_piece_first_and_an_unknown_word_whole(tmp_path: Path) -> None:
    model = tiny_model(tmp_path)
    pieces = {v: k for k, v in model.tokeniser.ids_by_piece.items()}
    assert [pieces[i] for i in model.tokeniser.ids("Unaffable troops")] == ["un", "##aff", "##able", "troops"]
    assert [pieces[i] for i in model.tokeniser.ids("xyz troops")] == ["[UNK]", "troops"]
    assert [pieces[i] for i in model.tokeniser.ids("unx")] == ["[UNK]"]


def test_the_shipped_vocabulary_splits_as_minilm_does() -> None:
    """Pieces checked against the `tokenizers` library by bench/distill_embeddings.py; pinned here."""
    tokeniser = shipped().tokeniser
    pieces = {v: k for k, v in tokeniser.ids_by_piece.items()}
    assert [pieces[i] for i in tokeniser.ids("Unaffable reconstitution")] == [
        *("una", "##ffa", "##ble", "rec", "##ons", "##ti", "##tu", "##tion"),
    ]
    assert [pieces[i] for i in tokeniser.ids("\u2603 snowman")] == ["[UNK]", "snow", "##man"]


def test_unknown_words_add_nothing_and_empty_text_is_the_zero_vector(tmp_path: Path) -> None:
    model = tiny_model(tmp_path)
    assert np.array_equal(model.vector("troops xyz"), model.vector("troops"))
    assert not model.vector("xyz qqq").any()
    assert not model.vector("").any()
    assert cosine(model.vector(""), model.vector("troops")) == 0.0
    assert similarity("", "Troops left Syria.") == 0.0


def test_vectors_are_unit_length_and_near_for_synonyms(tmp_path: Path) -> None:
    model = tiny_model(tmp_path)
    assert math.isclose(float(np.dot(model.vector("troops"), model.vector("troops"))), 1.0)
    assert cosine(model.vector("troops"), model.vector("soldiers")) > 0.99
    assert cosine(model.vector("troops"), model.vector("weather")) == 0.0


def test_shipped_vectors_are_deterministic_and_the_cosine_symmetric() -> None:
    folder = Path(str(ROOT / "reader" / "core" / "align" / "embedding_data"))
    text = "Washington will withdraw roughly 2,000 soldiers."
    assert np.array_equal(shipped().vector(text), StaticEmbedding(folder, SENTENCE_TABLE).vector(text))
    assert np.array_equal(word_table().vector(text), StaticEmbedding(folder).vector(text))
    a, b = "The troops were pulled out.", "Soldiers withdrew."
    assert similarity(a, b) == similarity(b, a)
    assert similarity("troops", "soldiers") > similarity("troops", "weather forecast") + 0.3


SENTENCES = [
    "The president ordered all 2,000 troops out of Syria.",
    "Roughly 2,000 American soldiers will be withdrawn.",
    "Senators criticised the decision as premature.",
    "Oil prices rose sharply in Asian trading.",
    "Crude costs increased steeply in Tokyo.",
    "Kurdish fighters fear an attack by Turkey.",
    "",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    st.data(),
)
def test_centred_cosines_are_the_same_bits_whichever_side_is_a(
    left: list[str], right: list[str], data: st.DataObject
) -> None:
    a, b = [Text(t) for t in left], [Text(t) for t in right]
    forward, backward = SentenceVectors((a, b)), SentenceVectors((b, a))
    i = data.draw(st.integers(0, len(a) - 1))
    j = data.draw(st.integers(0, len(b) - 1))
    assert forward.cosine((i,), (j,)) == backward.cosine((j,), (i,))
    if len(a) > 1:
        assert forward.cosine((0, 1), (j,)) == backward.cosine((j,), (0, 1))


def test_centred_vectors_lie_on_the_grid_so_sums_are_exact() -> None:
    vectors = SentenceVectors(([Text(SENTENCES[0]), Text(SENTENCES[2])], [Text(SENTENCES[1])]))
    grid = vectors.grids[0]
    assert np.array_equal(grid, np.round(grid)) and np.abs(grid).max() <= GRID


def test_word_rows_lie_on_the_grid_are_read_only_and_near_for_related_words() -> None:
    row = word_grid("angry")
    assert np.array_equal(row, np.round(row)) and np.abs(row).max() <= GRID
    assert not row.flags.writeable
    assert abs(float(np.dot(row, row)) / GRID**2 - 1.0) < 1e-3
    assert float(np.dot(row, word_grid("furious"))) > float(np.dot(row, word_grid("wooden")))
    assert not word_grid("").any()


def test_a_missing_sentence_has_no_meaning_vector() -> None:
    vectors = SentenceVectors(([Text(SENTENCES[0]), None], [Text(SENTENCES[1]), Text(SENTENCES[3])]))
    assert vectors.cosine((1,), (0,)) == 0.0
    assert not vectors.grids[0][1].any()


TOLD = [
    "The White House said on Wednesday that the war against the Islamic State had been won.",
    "The president ordered the Pentagon to pull all 2,000 troops out.",
    "Senators from both parties criticised the decision as premature.",
    "Kurdish fighters who fought alongside the Americans fear an attack by Turkey.",
    "Oil prices rose sharply in Asian trading after the announcement.",
]
RETOLD = [
    "Roughly 2,000 American soldiers will be withdrawn, officials said.",
    "Republican lawmakers called the move a gift to Russia and Iran.",
    "Ankara has threatened a new offensive against the Kurdish militia.",
    "Crude costs increased steeply in Tokyo.",
]


def test_troops_pulled_out_link_to_soldiers_withdrawn_by_meaning() -> None:
    """The pair shares the number and no content word ("pull ... troops out" / "soldiers ... withdrawn"); the
    lexical signals alone leave it below the threshold."""
    a, b = article_of(TOLD), article_of(RETOLD, label="B")
    found = align_pair(a, b)
    assert [(m.a, m.b) for m in found.matches] == [((1,), (0,))]
    assert swap_alignment(align_pair(b, a, 1, 0)) == align_pair(a, b, 0, 1)
    lexical = replace(
        LINK_MODEL,
        weights=tuple(
            0.0 if name in ("semantic", "semantic_rank") else w
            for name, w in zip(FEATURE_NAMES, LINK_MODEL.weights, strict=True)
        ),
    )
    assert align_pair(a, b, model=lexical).matches == ()


def test_importing_the_aligner_loads_neither_numpy_nor_the_table() -> None:
    code = (
        "import sys, reader.core.align.aligner\n"
        "from reader.core.align.embedding import shipped\n"
        "print('numpy' in sys.modules, shipped.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == ["False", "0"]


def test_meaning_ranks_count_the_nearer_candidates_on_either_side() -> None:
    from reader.core.align.features import _meaning_ranks

    assert _meaning_ranks([(0, 0, 0.5), (0, 1, 0.7), (1, 1, 0.2), (1, 2, 0.2)]) == [2, 1, 2, 1]


@given(
    st.text(
        alphabet=st.sampled_from(
            [
                *"abcXYZ09 .,;'\"-()\t\n\x07",
                "\u201c",
                "\u201d",
                "\u2019",
                "\u2014",
                "\u2026",
                "\u00a0",
                "\u00e9",
                "\u0301",
            ]
        ),
        max_size=60,
    )
)
def test_the_fast_path_for_ascii_letters_gives_the_general_paths_words(text: str) -> None:
    from reader.core.align.embedding import _general_words

    assert words_of(text) == _general_words(text)


def test_sentences_read_the_fitted_table_and_words_the_distilled_one() -> None:
    """Two tables over one vocabulary: the aligner's sentence vectors come from the table fitted to whole
    sentences (192 dimensions), the paraphrase model's word vectors from the plain distillation (128), which
    serves single words better (embedding.word_table)."""
    from reader.core.align.embedding import sentence_sum

    assert (shipped().dimensions, word_table().dimensions) == (192, 128)
    assert shipped().tokeniser is word_table().tokeniser
    assert sentence_sum("Troops withdrew.").shape == (192,)
    assert np.array_equal(word_grid("troops"), np.round(word_table().vector("troops") * GRID))


def test_a_sentence_sum_is_cached_read_only_and_the_plain_sum() -> None:
    import numpy as np

    from reader.core.align.embedding import sentence_sum, shipped

    text = "The council approved the flood barrier budget on Tuesday."
    row = sentence_sum(text)
    assert np.array_equal(row, shipped().sum_vector(text))
    assert sentence_sum(text) is row  # a sentence in several article pairs is summed once
    with pytest.raises(ValueError):
        row[0] = 1.0  # shared between pairs: nobody may change it

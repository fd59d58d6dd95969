"""Bench-only swap of the sentence meaning vectors, to measure what a better encoder would buy (issue 8).

The link model's `semantic` and `semantic_rank` signals read each sentence's summed piece rows
(`embedding.sentence_sum`) from the shipped static table. With READER_BENCH_VECTORS=<file.npz> (arrays `texts`
and `vectors`, one row per text, e.g. the full MiniLM sentence encoder's output, made in a throwaway environment
with torch: never imported by `reader/`), `install_from_env` makes `sentence_sum` read those rows instead, so
`bench/crossoutlet.py --fit` fits and scores the same model with them. A text missing from the file is an error
(the figures would silently mix two encoders). With READER_BENCH_RECORD=<file.txt> it records instead every
distinct text whose vector is asked for (one a line, newlines inside a text folded to spaces), to know what to
encode. With READER_BENCH_TABLE=<folder> (vocab.txt, pieces_int8.npy, scales_f32.npy, as
bench/distill_embeddings.py writes a word table) the aligner's sentence vectors are read from that table instead
of the shipped sentence table: a candidate measured against the shipped one with the same code
(READER_BENCH_TABLE=reader/core/align/embedding_data reads the plain distillation, the table shipped before the
fitted one). The word vectors (`embedding.word_grid`, the paraphrase model's soft coverage) stay the shipped word
table's in every mode.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path
from typing import Any

import numpy as np

from reader.core.align import embedding

_RECORDED: dict[str, None] = {}


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Widened:
    """The shipped table with another width: `SentenceVectors` reads `dimensions` off it for missing sentences."""

    def __init__(self, model: embedding.StaticEmbedding, dimensions: int) -> None:
        self._model, self.dimensions = model, dimensions

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)


def install_from_env() -> str | None:
    """Swap or record per the environment; returns a line saying what was done (None when nothing)."""
    table_folder = os.environ.get("READER_BENCH_TABLE")
    if table_folder:
        candidate = embedding.StaticEmbedding(Path(table_folder))
        embedding.shipped = lambda: candidate  # type: ignore[assignment]
        embedding.sentence_sum.cache_clear()
        return f"static table read from {table_folder} ({candidate.rows.shape[0]} pieces x {candidate.dimensions})"
    vectors_file = os.environ.get("READER_BENCH_VECTORS")
    record_file = os.environ.get("READER_BENCH_RECORD")
    if record_file:
        original = embedding.sentence_sum

        def recording(text: str) -> embedding.Vector:
            _RECORDED.setdefault(_one_line(text))
            return original(text)

        embedding.sentence_sum = recording  # type: ignore[assignment]
        atexit.register(lambda: Path(record_file).write_text("\n".join(_RECORDED) + "\n", encoding="utf-8"))
        return f"recording the texts whose vectors are read to {record_file}"
    if not vectors_file:
        return None
    data = np.load(vectors_file)
    texts = [str(t) for t in data["texts"]]
    rows = np.asarray(data["vectors"], dtype=np.float64)
    table = {text: row for text, row in zip(texts, rows, strict=True)}
    for row in table.values():
        row.setflags(write=False)

    def looked_up(text: str) -> embedding.Vector:
        row: embedding.Vector = table[_one_line(text)]
        return row

    widened = _Widened(embedding.shipped(), int(rows.shape[1]))
    embedding.sentence_sum = looked_up  # type: ignore[assignment]
    embedding.shipped = lambda: widened  # type: ignore[assignment]
    return f"sentence vectors read from {vectors_file} ({len(table)} texts x {rows.shape[1]})"

"""Sentence meaning as a vector: static word-piece tables made from all-MiniLM-L6-v2.

Two outlets that tell one fact in other words ("pull all 2,000 troops out" / "withdraw roughly 2,000 American
troops") share few content keys; every lexical signal misses them. A sentence encoder does not, but running a
transformer needs PyTorch. So the encoder is turned, once, into tables (bench/distill_embeddings.py, run with
torch in a throwaway environment): a text's vector is then the mean of its pieces' rows, which numpy computes in
microseconds, offline, with no new dependency (numpy comes with spaCy).

Two tables over one vocabulary. The word table (`word_table`, 128 dimensions, 3.9 MB) is model2vec's plain
distillation: each piece passed alone through the transformer, PCA, SIF weights; the paraphrase model reads it
word by word. The sentence table (`shipped`, the one the aligner reads: 192 dimensions, 5.8 MB) starts from the
same distillation and is fitted so that the mean of a sentence's rows approximates MiniLM's own sentence vector,
on English news sentences that are neither the cross-outlet events nor MSRP. On the cross-outlet dev events the
link model's held-out F1 goes 0.595 -> 0.614 with it (P 0.693 -> 0.682, R 0.521 -> 0.558), the mean over the
cuts 0.22-0.40 0.591 -> 0.600, where the full MiniLM encoder in its place gives 0.611 (band 0.597): the table
carries what the encoder adds (bench/crossoutlet.py --fit; READER_BENCH_VECTORS swaps in the encoder's vectors).

The tokeniser is MiniLM's own uncased BERT WordPiece re-implemented here (normalise: clean control characters,
lowercase, strip accents, space out CJK; split on whitespace and punctuation; greedy longest-match pieces with
"##" continuations, a word of no known pieces dropped as [UNK] is): the distillation script checks it gives the
same ids as the `tokenizers` library. Both tables: 29,525 pieces, stored as int8 with one scale per row. Loaded
once, lazily, on the first vector asked for: the align stage alone imports this module, never the app's first
frame.

Licence and provenance: derived from sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), see
embedding_data/NOTICE.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vector = npt.NDArray[np.float64]

DATA_FOLDER = "embedding_data"
"""The folder, inside this package, of the table, its vocabulary and NOTICE (package data in pyproject.toml)."""
MAX_PIECES = 512
"""Pieces read per text, as the model2vec model the table comes from truncates (a sentence is far shorter)."""
MAX_WORD_CHARS = 100
"""A longer word is one unknown piece, as in BERT's WordPiece."""
UNKNOWN = "[UNK]"


class HasText(Protocol):
    """A sentence record with its text (the aligner's NormalisedSentence)."""

    @property
    def text(self) -> str: ...


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B73F
        or 0x2B740 <= code <= 0x2B81F
        or 0x2B820 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _normalised(text: str) -> str:
    """BERT's normaliser: control characters out, whitespace to spaces, CJK spaced, lowercase, accents off."""
    out = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD:
            continue
        category = unicodedata.category(char)
        if char in "\t\n\r" or category == "Zs":
            out.append(" ")
        elif category.startswith("C"):
            continue
        elif _is_cjk(code):
            out.append(f" {char} ")
        else:
            out.append(char)
    decomposed = unicodedata.normalize("NFD", "".join(out).lower())
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
"""In ASCII text every printable character that is not a letter, digit or space is BERT punctuation."""
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _letters_are_ascii(text: str) -> bool:
    """Every character beyond ASCII is punctuation or a space (curly quotes, dashes, ellipses, no-break spaces):
    the general path would only space such characters out, which the regular expression does too."""
    for char in set(text):
        if ord(char) > 127:
            category = unicodedata.category(char)
            if category[0] != "P" and category != "Zs":
                return False
    return True


def words_of(text: str) -> list[str]:
    """Whitespace-separated words with every punctuation character a word of its own (BERT's pre-tokeniser).
    Text whose letters are all ASCII (most news, curly quotes and dashes included) takes a regular expression
    that gives the same words as the general path, several times faster."""
    if text.isascii() or _letters_are_ascii(text):
        return _ASCII_WORDS.findall(_ASCII_CONTROL.sub("", text).lower())
    return _general_words(text)


def _general_words(text: str) -> list[str]:
    words: list[str] = []
    for chunk in _normalised(text).split():
        current: list[str] = []
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(char)
            else:
                current.append(char)
        if current:
            words.append("".join(current))
    return words


class WordPiece:
    """Greedy longest-match-first WordPiece over a vocabulary file (one piece a line, the line number its id)."""

    def __init__(self, vocabulary: Path | str) -> None:
        pieces = Path(vocabulary).read_text(encoding="utf-8").splitlines()
        self.ids_by_piece = {piece: index for index, piece in enumerate(pieces)}
        self.unknown = self.ids_by_piece.get(UNKNOWN, -1)
        self._word_ids = lru_cache(maxsize=65536)(self._pieces_of_word)

    def _pieces_of_word(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.unknown,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.ids_by_piece.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                return (self.unknown,)
            ids.append(found)
            start = end
        return tuple(ids)

    def ids(self, text: str) -> list[int]:
        """The piece ids of `text`, unknown words included as the [UNK] id (as `tokenizers` gives them)."""
        return [piece for word in words_of(text) for piece in self._word_ids(word)][:MAX_PIECES]


WORD_TABLE = ("pieces_int8.npy", "scales_f32.npy")
"""The rows and scales of the word table: the plain distillation, read word by word (`word_grid`)."""
SENTENCE_TABLE = ("sentences_int8.npy", "sentences_scales_f32.npy")
"""The rows and scales of the sentence table: fitted so that a sentence's summed rows approximate MiniLM's own
sentence vector (`shipped`)."""


class StaticEmbedding:
    """A table of piece vectors; a text's vector is the unit-length mean of its known pieces' rows."""

    def __init__(self, folder: Path, table: tuple[str, str] = WORD_TABLE, tokeniser: WordPiece | None = None) -> None:
        import numpy as np

        self.tokeniser = tokeniser or WordPiece(folder / "vocab.txt")
        self.rows = np.load(folder / table[0])
        """The int8 rows as stored; a row is scaled when read (`sum_vector`). Widened at load, the table was
        30 MB of float64 and 25-130 ms of the first alignment of every process, for the few hundred rows an
        article pair reads; the products are the same either way, so the vectors are the same bits."""
        self.scales = np.load(folder / table[1]).astype(np.float64)
        self.dimensions = int(self.rows.shape[1])

    def sum_vector(self, text: str) -> Vector:
        """The sum of the rows of the known pieces of `text` (zeros when it has none): groups add these."""
        import numpy as np

        ids = [piece for piece in self.tokeniser.ids(text) if piece != self.tokeniser.unknown]
        if not ids:
            return np.zeros(self.dimensions)
        rows = self.rows[ids].astype(np.float64) * self.scales[ids][:, None]
        return np.asarray(rows.sum(axis=0), dtype=np.float64)

    def vector(self, text: str) -> Vector:
        """The unit vector of `text`, or zeros when no piece of it is known (empty text, symbols only)."""
        return unit(self.sum_vector(text))


def unit(vector: Vector) -> Vector:
    """`vector` scaled to length 1 (zeros stay zeros)."""
    import numpy as np

    norm = float(np.sqrt(np.dot(vector, vector)))
    return vector / norm if norm > 0.0 else vector


def cosine(a: Vector, b: Vector) -> float:
    """The cosine of two unit vectors, rounded to 9 places: the product of each coordinate pair is the same
    whichever comes first, so the value is the same either way; rounding keeps it stable across BLAS builds."""
    import numpy as np

    return round(float(np.dot(a, b)), 9)


def _data_folder() -> Path:
    return Path(str(resources.files("reader.core.align").joinpath(DATA_FOLDER)))


@lru_cache(maxsize=1)
def _tokeniser() -> WordPiece:
    return WordPiece(_data_folder() / "vocab.txt")


@lru_cache(maxsize=1)
def shipped() -> StaticEmbedding:
    """The sentence table the package ships, the one the aligner reads, loaded once (about 0.05 s)."""
    return StaticEmbedding(_data_folder(), SENTENCE_TABLE, _tokeniser())


@lru_cache(maxsize=1)
def word_table() -> StaticEmbedding:
    """The word table the package ships (the paraphrase model's soft coverage reads it), loaded once.

    Not the sentence table: fitted to whole sentences, its rows of single words serve the soft word coverage
    worse (MSRP two-fold accuracy 0.779 / 0.776 against 0.783 / 0.783 with this one, bench/paraphrase.py)."""
    return StaticEmbedding(_data_folder(), WORD_TABLE, _tokeniser())


@lru_cache(maxsize=8192)
def sentence_sum(text: str) -> Vector:
    """`shipped().sum_vector(text)`, cached and read-only: a sentence of a comparison of N articles is in N - 1
    article pairs, each of which read its vector again (the signal computers of six 300-sentence articles' 15
    pairs: 1.03 -> 0.75 s of CPU). 8,192 rows of 1 KB: a folder of twenty 300-sentence articles fits, and the
    cache stays under 10 MB."""
    row = shipped().sum_vector(text)
    row.setflags(write=False)
    return row


def similarity(a: str, b: str) -> float:
    """Cosine of the shipped vectors of two texts: near 1 for the same content in other words, 0 for empty."""
    model = shipped()
    return cosine(model.vector(a), model.vector(b))


GRID = 4096.0
"""Centred unit vectors are rounded to multiples of 1/GRID before any dot product: each product is then an
integer below 2**24 and a sum of 192 of them below 2**32, exact in float64 whatever order or BLAS kernel adds
them, so a cosine (and a whole matrix of them) is the same bits whichever article is A. Costs under 3e-4 of
cosine."""


@lru_cache(maxsize=65536)
def word_grid(word: str) -> Vector:
    """The unit vector of one word (its known pieces' rows summed), rounded to multiples of 1/GRID and scaled
    by GRID (integers): zeros for a word of no known piece. For soft word matching (`paraphrase.py`): the dot
    products of two such rows are exact integers, so a similarity table is the same bits either way round. The
    row is read-only (it is cached and shared)."""
    import numpy as np

    row = np.round(word_table().vector(word) * GRID)
    row.setflags(write=False)
    return row


class SentenceVectors:
    """The centred meaning vectors of the sentences of two articles, and of adjacent sentences read as one.

    Every sentence of one event leans the same way (its topic): raw cosines of any two sentences of an event sit
    near 0.5, linked or not. So the mean unit vector of all sentences of both articles is taken away first, and
    what is left says which sentences tell the same thing (on the cross-outlet dev events the centred cosine
    adds 0.011 held-out F1 where the raw one adds nothing). The mean is the sum of each side's sum, the same
    float whichever article is A. A group's vector is the unit length of its sentences' summed piece rows (the
    mean over all its pieces, as if one text), centred the same way."""

    def __init__(self, sides: Sequence[Sequence[HasText | None]]) -> None:
        import numpy as np

        model = shipped()
        self._sides = sides
        self._sums = [
            [sentence_sum(s.text) if s is not None else np.zeros(model.dimensions) for s in side] for side in sides
        ]
        units = [np.array([unit(v) for v in side]).reshape(len(side), model.dimensions) for side in self._sums]
        present = [[s is not None for s in side] for side in sides]
        count = sum(sum(flags) for flags in present)
        totals = [u[np.array(flags, dtype=bool)].sum(axis=0) for u, flags in zip(units, present, strict=True)]
        self._mean = (totals[0] + totals[1]) / max(count, 1)
        self.grids = [
            self._on_grid(u) * np.array(flags, dtype=np.float64)[:, None]
            for u, flags in zip(units, present, strict=True)
        ]
        """Per side: one row per sentence, its centred unit vector on the grid (zeros for a missing sentence)."""
        self._groups: dict[tuple[int, tuple[int, ...]], Vector] = {}

    def _on_grid(self, units: Vector) -> Vector:
        import numpy as np

        centred = units - self._mean
        norms = np.sqrt(np.einsum("ij,ij->i", centred, centred))
        norms[norms == 0.0] = 1.0
        return np.asarray(np.round(centred / norms[:, None] * GRID), dtype=np.float64)

    def vector(self, side: int, indices: tuple[int, ...]) -> Vector:
        """The grid vector of one sentence, or of adjacent sentences read as one (a group)."""
        if len(indices) == 1:
            row: Vector = self.grids[side][indices[0]]
            return row
        found = self._groups.get((side, indices))
        if found is None:
            total = self._sums[side][indices[0]]
            for index in indices[1:]:
                total = total + self._sums[side][index]
            found = self._groups[(side, indices)] = self._on_grid(unit(total)[None, :])[0]
        return found

    def cosine(self, a: tuple[int, ...], b: tuple[int, ...]) -> float:
        """Centred cosine of side 0's group `a` and side 1's group `b` (exact: the same with the sides swapped)."""
        import numpy as np

        return float(np.dot(self.vector(0, a), self.vector(1, b))) / (GRID * GRID)

"""The pipeline end to end without the model: inputs → articles → every pair aligned → coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import InputError, compare
from reader.core.records import SentenceClass
from reader.core.serialize import dumps

STORM = "The storm closed the harbour on Tuesday.\n\nFishermen said the damage would take weeks to repair.\n"
STORM_AGAIN = "Fishermen said repairs would take weeks.\n\nOn Tuesday the storm closed the harbor.\n"
STORM_THIRD = (
    "The harbour was shut by the storm on Tuesday.\n\nThe mayor promised emergency funds for the town council.\n"
)


def test_three_articles_align_every_pair_and_count_coverage() -> None:
    comparison = compare([STORM, STORM_AGAIN, STORM_THIRD], analyse=False)
    assert [article.label for article in comparison.articles] == ["A", "B", "C"]
    assert [(pair.a, pair.b) for pair in comparison.alignments] == [(0, 1), (0, 2), (1, 2)]
    closed_in_a = next(s.index for s in comparison.articles[0].sentences if "closed the harbour" in s.text)
    funds_in_c = next(s.index for s in comparison.articles[2].sentences if "emergency funds" in s.text)
    assert comparison.coverage[0][closed_in_a] == 2, "the closure is carried by B and C"
    assert comparison.coverage[2][funds_in_c] == 0, "only C mentions the funds"
    pair_ac = comparison.alignment(0, 2)
    assert pair_ac.classes_b[funds_in_c] is SentenceClass.UNIQUE


def test_the_same_inputs_give_the_same_output() -> None:
    first = dumps(compare([STORM, STORM_AGAIN, STORM_THIRD], analyse=False))
    second = dumps(compare([STORM, STORM_AGAIN, STORM_THIRD], analyse=False))
    assert first == second


def test_files_and_texts_mix(tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text(STORM, encoding="utf-8")
    comparison = compare([path, STORM_AGAIN], analyse=False)
    assert comparison.articles[0].path == str(path.resolve()) or comparison.articles[0].path == str(path)
    assert comparison.articles[1].path is None
    assert comparison.alignments[0].matches


def test_a_single_article_is_refused() -> None:
    with pytest.raises(InputError):
        compare([STORM], analyse=False)

"""Precision and recall of the conflicts reader flags, on the annotated cross-outlet events.

Each event folder of ../shared/data/dev/crossoutlet/ is loaded as a user would (`compare(folder)`, the three
articles fox, hpo, nyt), every conflict of `Comparison.conflicts` is mapped to the annotated sentences its two
spans overlap most (by character offsets, as the data's README describes), and a flag counts as right when its
(A sentence, B sentence) pair is one of the gold conflicts of that pair of outlets. Several details flagged on
the same two sentences are one flag (the user sees one `!` pair). Prints precision, recall, the number flagged,
counts per detail kind (right / flagged), the seeds' conflicts (there should be none) and, with `--list`, every
flag and every missed gold conflict.

Run: `python bench/conflicts.py [--list]`. Skips when the dev data is absent. Figures are deterministic (no
timing), so they do not depend on the machine's load.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._articles import DEV_DATA, median_ms
from bench._crossoutlet_data import AnnotatedSentence, annotated_at, read_sentences
from reader.core.details import with_conflicts
from reader.core.pipeline import compare
from reader.core.records import Article, Comparison, Conflict

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ("fox", "hpo", "nyt")


def _offset_map(article: Article, raw: str) -> tuple[int, int]:
    """How to turn an offset of the cleaned text into one of the file: the cleaned text is the file's text
    (a shift of 0) or starts inside it (a BOM or leading blank lines removed)."""
    if article.text == raw:
        return (0, 0)
    shift = raw.find(article.text[:200])
    return (max(shift, 0), 0)


@dataclass
class Tally:
    flagged: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0
    drift_judged: int = 0
    """Drifts flagged on passages the annotators linked too."""
    drift_right: int = 0
    """... of which the annotators noted an attribution difference."""
    drift_unjudged: int = 0
    """Drifts on passages the annotators did not link (no verdict)."""
    drift_gold: int = 0
    drift_found: int = 0


def _flags(comparison: Comparison) -> dict[tuple[int, int, int, int], list[Conflict]]:
    """Conflicts grouped by (article a, sentence a, article b, sentence b) in the reader's own sentences."""
    grouped: dict[tuple[int, int, int, int], list[Conflict]] = {}
    for conflict in comparison.conflicts:
        key = (conflict.a_article, conflict.a_sentence, conflict.b_article, conflict.b_sentence)
        grouped.setdefault(key, []).append(conflict)
    return grouped


def score_event(folder: Path, tally: Tally, kinds: Counter[str], right_kinds: Counter[str], listing: list[str]) -> None:
    """Add one event's flags and gold conflicts to the tallies."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    comparison = compare([folder], analyse=False)
    names = [Path(article.path or "").stem for article in comparison.articles]
    if sorted(names) != sorted(OUTLETS):
        raise SystemExit(f"{folder.name}: expected fox, hpo and nyt, got {names}")
    sentences = {outlet: read_sentences(folder / f"{outlet}.sentences.tsv") for outlet in OUTLETS}
    raw = {outlet: (folder / f"{outlet}.txt").read_text(encoding="utf-8") for outlet in OUTLETS}
    gold_pairs: set[tuple[str, int, str, int]] = set()
    for pair in gold["pairs"]:
        for item in pair["conflicts"]:
            gold_pairs.add((pair["a"], item["a"], pair["b"], item["b"]))
            tally.gold += 1
    hit: set[tuple[str, int, str, int]] = set()
    for (a_article, a_sentence, b_article, b_sentence), conflicts in sorted(_flags(comparison).items()):
        ends: list[tuple[str, int | None]] = []
        for article_index, sentence_index in ((a_article, a_sentence), (b_article, b_sentence)):
            article = comparison.articles[article_index]
            outlet = names[article_index]
            shift, _ = _offset_map(article, raw[outlet])
            sentence = article.sentences[sentence_index]
            ends.append((outlet, annotated_at(sentences[outlet], sentence.start + shift, sentence.end + shift)))
        (outlet_a, gold_a), (outlet_b, gold_b) = ends
        if OUTLETS.index(outlet_a) > OUTLETS.index(outlet_b):
            (outlet_a, gold_a), (outlet_b, gold_b) = (outlet_b, gold_b), (outlet_a, gold_a)
        key = (outlet_a, gold_a if gold_a is not None else -1, outlet_b, gold_b if gold_b is not None else -1)
        right = key in gold_pairs
        tally.flagged += 1
        tally.right += right
        hit.add(key) if right else None
        for kind in sorted({c.kind.value for c in conflicts}):
            kinds[kind] += 1
            right_kinds[kind] += right
        values = "; ".join(f"{c.slot}: {c.a.text!r} vs {c.b.text!r}" for c in conflicts)
        listing.append(f"  {'ok ' if right else 'BAD'} {folder.name} {outlet_a}{key[1]}-{outlet_b}{key[3]}  {values}")
    tally.found += len(hit)
    for key in sorted(gold_pairs - hit):
        listing.append(f"  MISS {folder.name} {key[0]}{key[1]}-{key[2]}{key[3]}")
    _score_drifts(comparison, gold, names, sentences, raw, tally)


def _score_drifts(
    comparison: Comparison,
    gold: dict[str, Any],
    names: list[str],
    sentences: dict[str, tuple[AnnotatedSentence, ...]],
    raw: dict[str, str],
    tally: Tally,
) -> None:
    """Drifts against the links the annotators gave an `attribution` note (and those they linked without)."""
    noted: dict[tuple[str, str], list[set[tuple[int, int]]]] = {}
    plain: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for pair in gold["pairs"]:
        key = (pair["a"], pair["b"])
        for link in pair["links"]:
            cells = {(i, j) for i in link["a"] for j in link["b"]}
            if "attribution" in link:
                noted.setdefault(key, []).append(cells)
            plain.setdefault(key, set()).update(cells)
    tally.drift_gold += sum(len(links) for links in noted.values())
    found: set[tuple[str, str, int]] = set()
    for drift in comparison.drifts:
        outlets = (names[drift.a_article], names[drift.b_article])
        cells = set()
        for i in drift.a_sentences:
            for j in drift.b_sentences:
                ends = []
                for article_index, sentence_index in ((drift.a_article, i), (drift.b_article, j)):
                    article = comparison.articles[article_index]
                    shift, _ = _offset_map(article, raw[names[article_index]])
                    record = article.sentences[sentence_index]
                    ends.append(annotated_at(sentences[names[article_index]], record.start + shift, record.end + shift))
                if OUTLETS.index(outlets[0]) > OUTLETS.index(outlets[1]):
                    ends.reverse()
                if None not in ends:
                    cells.add((ends[0], ends[1]))
        first, second = sorted(outlets, key=OUTLETS.index)
        key = (first, second)
        links = noted.get((key[0], key[1]), [])
        hits = [n for n, link in enumerate(links) if link & cells]
        if hits:
            tally.drift_judged += 1
            tally.drift_right += 1
            found.update((key[0], key[1], n) for n in hits)
        elif cells & plain.get((key[0], key[1]), set()):
            tally.drift_judged += 1
        else:
            tally.drift_unjudged += 1
    tally.drift_found += len(found)


def _median_pass_ms(events: list[Path]) -> float:
    """Median wall time of `with_conflicts` over the events (the alignment itself not counted)."""
    times = []
    for folder in events:
        comparison = compare([folder], analyse=False)
        bare = dataclasses.replace(comparison, conflicts=(), drifts=())
        times.append(median_ms(functools.partial(with_conflicts, bare), repeats=3))
    return statistics.median(times)


def seeds_conflicts() -> list[str]:
    """Every conflict flagged on the seeds, described (the seeds have none)."""
    comparison = compare([ROOT / "seeds"], analyse=False)
    return [f"{c.slot}: {c.a.text!r} vs {c.b.text!r}" for c in comparison.conflicts]


def main(argv: list[str]) -> int:
    data = DEV_DATA
    if not (data / "crossoutlet").is_dir():
        print("skipped: ../shared/data/dev/crossoutlet is absent")
        return 0
    tally, kinds, right_kinds, listing = Tally(), Counter[str](), Counter[str](), list[str]()
    events = sorted(p for p in (data / "crossoutlet").iterdir() if (p / "gold.json").is_file())
    for folder in events:
        score_event(folder, tally, kinds, right_kinds, listing)
    precision = tally.right / tally.flagged if tally.flagged else 0.0
    recall = tally.found / tally.gold if tally.gold else 0.0
    print(f"cross-outlet dev: {len(events)} events, {3 * len(events)} pairs, {tally.gold} gold conflicts")
    print(
        f"flagged {tally.flagged} sentence pairs, {tally.right} right: precision {precision:.2f}, recall {recall:.2f}"
    )
    print("per kind (right/flagged): " + ", ".join(f"{k} {right_kinds[k]}/{n}" for k, n in sorted(kinds.items())))
    judged = tally.drift_judged
    print(
        f"attribution drift: {tally.drift_judged + tally.drift_unjudged} "
        f"flagged, {judged} on gold links, {tally.drift_right} of them noted by the annotators "
        f"(precision {tally.drift_right / judged if judged else 0:.2f}); recall of noted links "
        f"{tally.drift_found / tally.drift_gold if tally.drift_gold else 0:.2f} "
        f"({tally.drift_found}/{tally.drift_gold})"
    )
    print(
        "time of the conflicts pass (details, conflicts, drift), median of the 12 events: "
        f"{_median_pass_ms(events):.0f} ms (noisy: shared machine)"
    )
    seeds = seeds_conflicts()
    print(f"seeds: {len(seeds)} conflicts" + "".join(f"\n  {line}" for line in seeds))
    if "--list" in argv:
        print("\n".join(listing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

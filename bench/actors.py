"""Actor extraction against CoNLL-2003 (validation split): strict PER/ORG/LOC span P/R/F1.

Compares the actors' mentions (after cleaning, label voting, alias merging and the untagged-name pass) with
spaCy's raw entities from the same parse (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; MISC and NORP skipped).
Each CoNLL document is one article, one sentence per line.

Alias-merge check on ../shared/data/dev/crossoutlet: each event's three outlets analysed together as `reader
<folder>/` would; every pair of person actors that share a surname is printed, and marked SPLIT when their given
names are variants of one name (VARIANTS: a short list written apart from reader's nickname data, so the check
does not grade the data with itself). Target: no SPLIT. Run: python bench/actors.py [--skip-conll]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._articles import DEV_DATA, article_of_lines
from reader.core.analysis import analyse_comparison
from reader.core.analysis.actors import build_actors
from reader.core.analysis.names import fold
from reader.core.analysis.parse import parse_articles
from reader.core.pipeline import compare
from reader.core.records import Actor, ActorKind, Article

CONLL = DEV_DATA / "conll2003_valid.bio"
CROSSOUTLET = DEV_DATA / "crossoutlet"
VARIANTS = [
    {"james", "jim", "jimmy"},
    {"charles", "chuck", "charlie"},
    {"william", "bill", "billy", "will"},
    {"robert", "bob", "bobby", "rob"},
    {"michael", "mike"},
    {"joseph", "joe"},
    {"thomas", "tom"},
    {"richard", "rick", "dick"},
    {"edward", "ed", "ted"},
    {"nancy", "nan"},
    {"elizabeth", "liz", "beth"},
    {"christopher", "chris"},
    {"daniel", "dan"},
    {"benjamin", "ben"},
    {"bernard", "bernie"},
    {"mitchell", "mitch"},
    {"theodore", "ted"},
    {"david", "dave"},
    {"kenneth", "ken"},
]
"""Given-name variants as any news reader knows them (none of reader's code or data)."""
KIND_TAGS = {ActorKind.PERSON: "PER", ActorKind.ORGANISATION: "ORG", ActorKind.PLACE: "LOC"}
SPACY_TAGS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
Span = tuple[int, int, int, str]


def read_documents(path: Path) -> list[tuple[Article, set[Span]]]:
    """Articles with their gold spans (document, start, end, tag) in character offsets."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if raw.startswith("-DOCSTART-"):
            documents.append([])
            continue
        if not raw.strip():
            if sentence and documents:
                documents[-1].append(sentence)
            sentence = []
            continue
        parts = raw.split()
        sentence.append((parts[0], parts[-1]))
    results = []
    for number, sentences in enumerate(documents):
        lines = [" ".join(word for word, _ in s) for s in sentences]
        article = article_of_lines(lines)
        gold: set[Span] = set()
        for line_index, s in enumerate(sentences):
            offset = article.sentences[line_index].start
            current: list[int] | None = None
            tag = ""
            for word, label in [*s, ("", "O")]:
                if current is not None and not label.startswith("I-"):
                    if tag != "MISC":
                        gold.add((number, current[0], current[1], tag))
                    current = None
                if label.startswith("B-") or (label.startswith("I-") and current is None):
                    current, tag = [offset, offset + len(word)], label[2:]
                elif label.startswith("I-") and current is not None:
                    current[1] = offset + len(word)
                offset += len(word) + 1
        results.append((article, gold))
    return results


def scores(predicted: set[Span], gold: set[Span]) -> dict[str, tuple[float, float, float]]:
    table = {}
    for tag in ("PER", "ORG", "LOC", "ALL"):
        p = {s for s in predicted if tag in ("ALL", s[3])}
        g = {s for s in gold if tag in ("ALL", s[3])}
        hits = len(p & g)
        precision = hits / len(p) if p else 0.0
        recall = hits / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[tag] = (precision, recall, f1)
    return table


def _given_and_surname(actor: Actor) -> tuple[str, str]:
    words = [w.strip(".,") for w in fold(actor.name).split() if len(w.strip(".")) > 1]
    return (words[0], words[-1]) if len(words) > 1 else ("", words[-1] if words else "")


def _variants(a: str, b: str) -> bool:
    return a != b and any(a in group and b in group for group in VARIANTS)


def alias_check() -> int:
    """Person actors sharing a surname in each event; the number of given-name splits."""
    if not CROSSOUTLET.exists():
        print(f"skipped: {CROSSOUTLET} not found")
        return 0
    splits = 0
    print("crossoutlet: person actors sharing a surname (SPLIT = one person under two given-name variants)")
    for folder in sorted(p for p in CROSSOUTLET.iterdir() if p.is_dir()):
        paths = [str(folder / f"{outlet}.txt") for outlet in ("fox", "hpo", "nyt")]
        comparison = analyse_comparison(compare(paths, analyse=False))
        people = [a for a in comparison.actors if a.kind is ActorKind.PERSON]
        by_surname: dict[str, list[Actor]] = {}
        for actor in people:
            by_surname.setdefault(_given_and_surname(actor)[1], []).append(actor)
        for surname, group in sorted(by_surname.items()):
            if len(group) < 2:
                continue
            names = [(_given_and_surname(a)[0], a) for a in group]
            split = any(_variants(x, y) for x, _ in names for y, _ in names)
            splits += split
            listed = "; ".join(f"{a.name} {list(a.counts)}" for _, a in names)
            print(f"  {'SPLIT ' if split else '      '}{folder.name}: {surname}: {listed}")
    print(f"crossoutlet: {splits} person(s) split by a given-name variant")
    return splits


def main() -> int:
    options = argparse.ArgumentParser()
    options.add_argument("--skip-conll", action="store_true")
    options.add_argument("--cached", action="store_true", help="reuse parses from the analysis cache")
    args = options.parse_args()
    alias_check()
    if args.skip_conll:
        return 0
    if not CONLL.exists():
        print(f"skipped: {CONLL} not found")
        return 0
    documents = read_documents(CONLL)
    articles = [article for article, _ in documents]
    gold = set().union(*(spans for _, spans in documents))
    started = time.perf_counter()
    parsed = parse_articles(articles, use_cache=args.cached)
    parse_seconds = time.perf_counter() - started
    raw: set[Span] = set()
    for number, parse in enumerate(parsed):
        for sentence in parse.sentences:
            for entity in sentence.entities:
                tag = SPACY_TAGS.get(entity.label)
                if tag:
                    raw.add((number, sentence.tokens[entity.first].start, sentence.tokens[entity.stop - 1].end, tag))
    started = time.perf_counter()
    ours: set[Span] = set()
    for number, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        for actor in build_actors([article], [parse]):
            tag = KIND_TAGS.get(actor.kind)
            if tag:
                ours.update((number, m.start, m.end, tag) for m in actor.mentions)
    actor_seconds = time.perf_counter() - started
    per_tag = dict(sorted(Counter(s[3] for s in gold).items()))
    print(f"CoNLL-2003 valid: {len(documents)} documents, {len(gold)} gold PER/ORG/LOC spans {per_tag}")
    print(f"parse {parse_seconds:.1f} s, actor extraction {actor_seconds:.2f} s")
    print(f"{'':6}{'spaCy raw entities':>26}{'reader actors':>26}")
    print(f"{'':6}{'P':>8}{'R':>8}{'F1':>8}  {'P':>8}{'R':>8}{'F1':>8}")
    raw_scores, our_scores = scores(raw, gold), scores(ours, gold)
    for tag in ("PER", "ORG", "LOC", "ALL"):
        cells = "".join(f"{v:8.3f}" for v in raw_scores[tag]) + "  " + "".join(f"{v:8.3f}" for v in our_scores[tag])
        print(f"{tag:6}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Claim extraction against PolNeAR (dev): every attribution, beside a plain speech-verb peer in the same run.

Protocol (the one the held-out test split is scored by):
- Gold: every attribution of the first annotator of each article (the first named in the file), beliefs,
  intentions and evidence ("polls show") included: all that PolNeAR calls an attribution.
- A predicted claim counts when its cue overlaps a gold cue. Cue precision = counted predictions / predictions,
  recall = gold attributions whose cue some prediction overlaps / gold attributions.
- On each found gold attribution (paired with the prediction whose cue overlaps it most): source overlap = share
  of those with a gold source whose predicted speaker span overlaps it; content token-F1 = mean token F1 of the
  predicted and gold content.
The peer takes every common speech verb (SPEECH_VERBS, by lemma and part of speech) and "according to" on the same
spaCy parse: its subject is the source, its clausal complement (else object, else the rest of the sentence) the
content. It is what any spaCy user would write in an afternoon; reader must beat it.
A second line scores the speech-act subset (gold cues with a SPEECH_VERBS form or "according to") for recall only.
Run: python bench/claims.py [--misses N]   (prints N missed gold cues and N unmatched predictions with context)
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._articles import DEV_DATA
from reader.core.analysis import analyse_article
from reader.core.analysis.cache import analysed_sentences
from reader.core.analysis.names import word_set
from reader.core.analysis.parse import parse_articles
from reader.core.analysis.parsed import ParsedSentence
from reader.core.load.inputs import article_from_text
from reader.core.records import Article

POLNEAR = DEV_DATA / "polnear_dev"
SPEECH_VERBS = word_set(
    """
    say tell state claim announce add note explain warn urge argue insist report write tweet ask reply respond
    comment confirm deny acknowledge admit suggest declare call accuse praise criticize criticise describe promise
    pledge vow threaten testify predict estimate propose recommend indicate stress emphasize emphasise reiterate
    caution allege assert concede complain remark mention quote speak talk recall joke boast question demand
    decline blast slam charge
    """
)
"""Common speech verbs, chosen apart from reader's lexicon: the peer's cues and the speech-act subset."""
Spans = list[tuple[int, int]]
_WORD = re.compile(r"\w+")


@dataclass
class Attribution:
    source: Spans
    cue: Spans
    content: Spans
    speech: bool = False


@dataclass
class Parsed:
    """One PolNeAR article as reader loads it, with its parse and the map back to the raw offsets."""

    raw: str
    article: Article
    sentences: tuple[ParsedSentence, ...]
    to_raw: list[int]


def _spans(part: Any) -> Spans:
    return [(int(a), int(b)) for a, b in part["spans"]] if part else []


def load_gold() -> dict[str, list[Attribution]]:
    """Every attribution of the first annotator of each article."""
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    for line in (POLNEAR / "attributions.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_article[record["article"]].setdefault(record["annotator"], []).append(record)
    gold = {}
    for article, annotators in sorted(by_article.items()):
        first = next(iter(annotators.values()))
        gold[article] = [
            Attribution(_spans(r["source"]), _spans(r["cue"]), _spans(r["content"]), _is_speech(r["cue"]["text"]))
            for r in first
            if r.get("cue")
        ]
    return gold


def _lemma_guess(word: str) -> set[str]:
    forms = {word}
    for ending, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", "")):
        if word.endswith(ending):
            forms.add(word[: -len(ending)] + repl)
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms | {"say" if word in ("said", "says") else "", "tell" if word == "told" else ""}


def _is_speech(cue: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(cue)]
    return "according" in words or any(_lemma_guess(w) & SPEECH_VERBS for w in words)


def word_starts(text: str, spans: Spans) -> set[int]:
    """Start offsets of the words inside the spans."""
    return {m.start() for a, b in spans for m in _WORD.finditer(text, a, b) if m.end() <= b}


def overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(y, d) - max(x, c)) for x, y in a for c, d in b)


def offset_map(clean: str, raw: str) -> list[int]:
    """For each offset of the cleaned text (and its end), the offset in the raw text the gold spans index."""
    mapping = list(range(len(clean) + 1))
    if clean == raw:
        return mapping
    matcher = difflib.SequenceMatcher(None, clean, raw, autojunk=False)
    filled = [-1] * (len(clean) + 1)
    for block in matcher.get_matching_blocks():
        for i in range(block.size + 1):
            if block.a + i <= len(clean):
                filled[block.a + i] = block.b + i
    last = 0
    for index, value in enumerate(filled):
        last = value if value >= 0 else last
        mapping[index] = last
    return mapping


def prepare(texts: dict[str, str]) -> dict[str, Parsed]:
    articles = {name: article_from_text(text) for name, text in texts.items()}
    parses = parse_articles(list(articles.values()))
    return {
        name: Parsed(texts[name], article, parse.sentences, offset_map(article.text, texts[name]))
        for (name, article), parse in zip(articles.items(), parses, strict=True)
    }


def reader_claims(doc: Parsed) -> list[Attribution]:
    m = doc.to_raw
    return [
        Attribution(
            [(m[c.speaker.start], m[c.speaker.end])] if c.speaker else [],
            [(m[c.cue.start], m[c.cue.end])],
            [(m[c.content.start], m[c.content.end])],
        )
        for c in analyse_article(doc.article).claims
    ]


def peer_claims(doc: Parsed) -> list[Attribution]:
    """Every SPEECH_VERBS verb and every "according to" on the parse, with subject and complement."""
    m = doc.to_raw
    found = []
    for sentence in doc.sentences:
        tokens = sentence.tokens
        children: list[list[int]] = [[] for _ in tokens]
        for index, token in enumerate(tokens):
            if token.head != index:
                children[token.head].append(index)

        def subtree(index: int, kids: list[list[int]] = children) -> list[int]:
            out, stack = [index], [index]
            while stack:
                for child in kids[stack.pop()]:
                    out.append(child)
                    stack.append(child)
            return sorted(out)

        def span(indices: list[int], toks: Any = tokens) -> Spans:
            return [(m[toks[min(indices)].start], m[toks[max(indices)].end])] if indices else []

        for index, token in enumerate(tokens):
            following = tokens[index + 1].text.casefold() if index + 1 < len(tokens) else ""
            if token.text.casefold() == "according" and following == "to":
                own = subtree(index)
                objects = [c for c in children[index + 1] if tokens[c].dep == "pobj"]
                rest = [i for i in range(len(tokens)) if i not in own and tokens[i].pos != "PUNCT"]
                source = subtree(objects[0]) if objects else []
                found.append(Attribution(span(source), span([index, index + 1]), span(rest)))
            elif token.pos == "VERB" and token.lemma.casefold() in SPEECH_VERBS:
                subjects = [c for c in children[index] if tokens[c].dep in ("nsubj", "nsubjpass")]
                clauses = [c for c in children[index] if tokens[c].dep in ("ccomp", "dobj", "xcomp")]
                source = subtree(subjects[0]) if subjects else []
                if clauses:
                    content = subtree(clauses[0])
                else:
                    skip = set(source) | {index}
                    content = [i for i in range(len(tokens)) if i not in skip and tokens[i].pos != "PUNCT"]
                found.append(Attribution(span(source), span([index]), span(content)))
    return found


def _f1(a: set[int], b: set[int]) -> float:
    shared = len(a & b)
    return 2 * shared / (len(a) + len(b)) if shared else 0.0


def evaluate(
    docs: dict[str, Parsed], gold: dict[str, list[Attribution]], extract: Callable[[Parsed], list[Attribution]]
) -> tuple[dict[str, float], list[tuple[str, str]], list[tuple[str, str]]]:
    t: dict[str, float] = defaultdict(float)
    missed: list[tuple[str, str]] = []
    unmatched: list[tuple[str, str]] = []
    for name, doc in docs.items():
        predicted = extract(doc)
        golds = gold.get(name, [])
        t["gold"] += len(golds)
        t["speech"] += sum(g.speech for g in golds)
        t["pred"] += len(predicted)
        for p in predicted:
            if any(overlap(p.cue, g.cue) for g in golds):
                t["pred_hit"] += 1
            else:
                unmatched.append((name, _context(doc.raw, p.cue)))
        for g in golds:
            best = max(predicted, key=lambda p, g=g: overlap(p.cue, g.cue), default=None)
            if best is None or not overlap(best.cue, g.cue):
                missed.append((name, _context(doc.raw, g.cue)))
                continue
            t["gold_hit"] += 1
            t["speech_hit"] += g.speech
            if g.source:
                t["with_source"] += 1
                t["source_hit"] += overlap(best.source, g.source) > 0
            t["content_f1"] += _f1(word_starts(doc.raw, best.content), word_starts(doc.raw, g.content))
    return t, missed, unmatched


def _context(text: str, spans: Spans) -> str:
    start, end = spans[0][0], spans[-1][1]
    before = text[max(0, start - 70) : start].replace("\n", " ")
    after = text[end : end + 50].replace("\n", " ")
    return f"{before}[[{text[start:end]}]]{after}"


def main() -> int:
    options = argparse.ArgumentParser()
    options.add_argument("--misses", type=int, default=0)
    args = options.parse_args()
    if not POLNEAR.exists():
        print(f"skipped: {POLNEAR} not found")
        return 0
    gold = load_gold()
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted((POLNEAR / "text").glob("*.txt"))}
    started = time.perf_counter()
    docs = prepare(texts)
    total = sum(len(v) for v in gold.values())
    sentences = sum(len(analysed_sentences(d.article)) for d in docs.values())
    print(
        f"PolNeAR dev: {len(texts)} articles, {sentences} sentences, {total} attributions (first annotator), "
        f"{sum(g.speech for v in gold.values() for g in v)} with a speech-verb cue; "
        f"load+parse {time.perf_counter() - started:.1f} s"
    )
    print(f"{'':24}{'cue P':>7}{'cue R':>7}{'cue F1':>8}{'source':>8}{'content':>9}{'speech R':>10}")
    for label, extract in (("speech-verb peer", peer_claims), ("reader claims", reader_claims)):
        started = time.perf_counter()
        t, missed, unmatched = evaluate(docs, gold, extract)
        seconds = time.perf_counter() - started
        precision = t["pred_hit"] / max(1, t["pred"])
        recall = t["gold_hit"] / max(1, t["gold"])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        source = t["source_hit"] / max(1, t["with_source"])
        content = t["content_f1"] / max(1, t["gold_hit"])
        speech = t["speech_hit"] / max(1, t["speech"])
        print(
            f"{label:24}{precision:7.3f}{recall:7.3f}{f1:8.3f}{source:8.3f}{content:9.3f}{speech:10.3f}"
            f"   ({int(t['pred'])} predicted, {seconds:.1f} s)"
        )
        if args.misses and extract is reader_claims:
            for title, rows in (("missed gold cues", missed), ("predictions on no gold cue", unmatched)):
                print(f"--- {title}: {len(rows)}")
                for name, context in rows[: args.misses]:
                    print(f"  {name[:28]:28} {context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

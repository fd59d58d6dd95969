"""Claim extraction against PolNeAR (dev): source, cue and content for speech-act attributions.

Gold: one annotator per article (the one with most attributions). Recall counts the gold attributions whose cue
is a speech act (a verb form from SPEECH_FORMS, independent of the extractor's lexicon, or "according to");
precision counts predicted claims against every gold attribution (beliefs included), as PolNeAR marks those too.
A predicted claim matches a gold attribution when their cues overlap. Source and content are scored by token
overlap: recall = shared tokens / gold tokens, precision = shared tokens / predicted tokens, summed over all
gold (speech acts) and all predictions (an unmatched one scores zero). The baseline finds only direct quotes
(“…” of 3+ words) with a speech verb next to the quote and the capitalised name or pronoun next to that verb.
Run: python bench/claims.py
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._articles import DEV_DATA
from reader.core.analysis import analyse_article
from reader.core.load.inputs import article_from_text

POLNEAR = DEV_DATA / "polnear_dev"
BASES = [
    "say",
    "tell",
    "state",
    "claim",
    "announce",
    "add",
    "note",
    "explain",
    "warn",
    "urge",
    "argue",
    "insist",
    "report",
    "write",
    "tweet",
    "ask",
    "reply",
    "respond",
    "comment",
    "confirm",
    "deny",
    "acknowledge",
    "admit",
    "suggest",
    "declare",
    "call",
    "accuse",
    "praise",
    "criticize",
    "criticise",
    "describe",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "testify",
    "predict",
    "estimate",
    "propose",
    "recommend",
    "indicate",
    "point",
    "stress",
    "emphasize",
    "emphasise",
    "reiterate",
    "caution",
    "allege",
    "assert",
    "concede",
    "complain",
    "remark",
    "mention",
    "quote",
    "speak",
    "talk",
    "recall",
    "joke",
    "boast",
    "question",
    "demand",
    "decline",
    "insist",
    "blast",
    "slam",
    "charge",
]
IRREGULAR = {"say": ["said", "says"], "tell": ["told"], "write": ["wrote", "written"], "speak": ["spoke", "spoken"]}
_WORD = re.compile(r"\w+")


def _forms(base: str) -> set[str]:
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, base + "s", stem + "ed", stem + "ing", base + "d", base + "es"}
    if base.endswith("y"):
        forms |= {base[:-1] + "ied", base[:-1] + "ies"}
    return forms | set(IRREGULAR.get(base, []))


SPEECH_FORMS = set().union(*(_forms(base) for base in BASES))
Spans = list[tuple[int, int]]


@dataclass
class Attribution:
    source: Spans
    cue: Spans
    content: Spans
    speech: bool


def _spans(part: Any) -> Spans:
    if not part:
        return []
    return [(int(a), int(b)) for a, b in part["spans"]]


def load_gold() -> dict[str, list[Attribution]]:
    records = [json.loads(line) for line in (POLNEAR / "attributions.jsonl").read_text().splitlines() if line]
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_article[record["article"]][record["annotator"]].append(record)
    gold = {}
    for article, annotators in sorted(by_article.items()):
        chosen = max(sorted(annotators), key=lambda name: len(annotators[name]))
        gold[article] = [
            Attribution(_spans(r["source"]), _spans(r["cue"]), _spans(r["content"]), _is_speech(r["cue"]["text"]))
            for r in annotators[chosen]
            if r.get("cue")
        ]
    return gold


def _is_speech(cue: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(cue)]
    return "according" in words or any(w in SPEECH_FORMS for w in words)


def tokens(text: str, spans: Spans) -> set[int]:
    """Start offsets of the words inside the spans."""
    return {m.start() for a, b in spans for m in _WORD.finditer(text, a, b) if m.end() <= b}


def overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def extractor(text: str) -> list[Attribution]:
    article = article_from_text(text)
    to_raw = offset_map(article.text, text)
    claims = analyse_article(article, use_cache=False).claims
    return [
        Attribution(
            [(to_raw[c.speaker.start], to_raw[c.speaker.end])] if c.speaker else [],
            [(to_raw[c.cue.start], to_raw[c.cue.end])],
            [(to_raw[c.content.start], to_raw[c.content.end])],
            True,
        )
        for c in claims
    ]


def offset_map(clean: str, raw: str) -> list[int]:
    """For each offset of the cleaned text (and its end), the offset in the raw text the gold spans index."""
    mapping = list(range(len(clean) + 1))
    if clean == raw:
        return mapping
    matcher = difflib.SequenceMatcher(None, clean, raw, autojunk=False)
    last = 0
    filled = [-1] * (len(clean) + 1)
    for block in matcher.get_matching_blocks():
        for i in range(block.size + 1):
            if block.a + i <= len(clean):
                filled[block.a + i] = block.b + i
    for index, value in enumerate(filled):
        last = value if value >= 0 else last
        mapping[index] = last
    return mapping


_QUOTE = re.compile(r"[“\"]([^”\"\n]+)[”\"]")
_NAME = r"((?:[A-Z][\w.’'-]+\s?){1,4}|he|she|they|He|She|They)"


def baseline(text: str) -> list[Attribution]:
    found = []
    for match in _QUOTE.finditer(text):
        if len(_WORD.findall(match.group(1))) < 3:
            continue
        after = text[match.end() : match.end() + 60]
        cue = re.match(r"[\s,]*" + _NAME + r"\s+(\w+)", after)
        if cue and cue.group(2).casefold() in SPEECH_FORMS:
            source = (match.end() + cue.start(1), match.end() + cue.end(1))
            verb = (match.end() + cue.start(2), match.end() + cue.end(2))
        else:
            cue = re.match(r"[\s,]*(\w+)\s+" + _NAME, after)
            if not cue or cue.group(1).casefold() not in SPEECH_FORMS:
                continue
            verb = (match.end() + cue.start(1), match.end() + cue.end(1))
            source = (match.end() + cue.start(2), match.end() + cue.end(2))
        found.append(Attribution([source], [verb], [(match.start(1), match.end(1))], True))
    return found


def evaluate(texts: dict[str, str], gold: dict[str, list[Attribution]], extract: object) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for name, text in texts.items():
        predicted = extract(text)  # type: ignore[operator]
        golds = gold.get(name, [])
        speech = [g for g in golds if g.speech]
        totals["gold"] += len(speech)
        totals["pred"] += len(predicted)
        totals["cue_p_hit"] += sum(1 for p in predicted if any(overlaps(p.cue, g.cue) for g in golds))
        for g in speech:
            match = next((p for p in predicted if overlaps(p.cue, g.cue)), None)
            totals["cue_r_hit"] += match is not None
            for part in ("source", "content"):
                gold_tokens = tokens(text, getattr(g, part))
                totals[f"{part}_gold"] += len(gold_tokens)
                if match is not None:
                    totals[f"{part}_r_hit"] += len(gold_tokens & tokens(text, getattr(match, part)))
        for p in predicted:
            match_gold = next((g for g in golds if overlaps(p.cue, g.cue)), None)
            for part in ("source", "content"):
                pred_tokens = tokens(text, getattr(p, part))
                totals[f"{part}_pred"] += len(pred_tokens)
                if match_gold is not None:
                    totals[f"{part}_p_hit"] += len(pred_tokens & tokens(text, getattr(match_gold, part)))
    return totals


def main() -> int:
    if not POLNEAR.exists():
        print(f"skipped: {POLNEAR} not found")
        return 0
    gold = load_gold()
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted((POLNEAR / "text").glob("*.txt"))}
    print(
        f"PolNeAR dev: {len(texts)} articles, {sum(len(v) for v in gold.values())} attributions (one annotator each), "
        f"{sum(g.speech for v in gold.values() for g in v)} with a speech-act cue"
    )
    for label, extract in (("direct quotes only", baseline), ("reader claims", extractor)):
        started = time.perf_counter()
        t = evaluate(texts, gold, extract)
        seconds = time.perf_counter() - started
        rows = [
            ("cue", t["cue_p_hit"] / max(1, t["pred"]), t["cue_r_hit"] / max(1, t["gold"])),
            ("source", t["source_p_hit"] / max(1, t["source_pred"]), t["source_r_hit"] / max(1, t["source_gold"])),
            ("content", t["content_p_hit"] / max(1, t["content_pred"]), t["content_r_hit"] / max(1, t["content_gold"])),
        ]
        print(f"{label}: {int(t['pred'])} predicted ({seconds:.1f} s)")
        for name, precision, recall in rows:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"  {name:8} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

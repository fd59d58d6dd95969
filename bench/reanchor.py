"""Re-anchoring after source edits: how many notes land in the right place, are orphaned, or are misplaced.

Notes are put on real articles (seeds/ and, when present, the dev set's crossoutlet texts), sometimes on one
copy of a passage that the article holds twice, then the article is edited 1–3 times by generated edits whose
effect on the noted passage is tracked exactly: insert a sentence, delete one (the noted one too), reword a
word (inside the noted span too), move a paragraph, duplicate a sentence (the noted one too) elsewhere.

Outcomes per note:
- correct: an intact passage found exactly where it now is; an edited one found on it; a deleted one orphaned;
- orphaned though intact: the passage is still there, unchanged, but the note was not placed (a nuisance);
- misplaced: the note was put anywhere else, e.g. on the other copy of a duplicated passage (what the design
  forbids);
- cut+paste: the noted sentence was duplicated elsewhere by one edit and deleted by a later one, and the note
  followed it to the copy. The result is text identical to moving the sentence, so following it is right; it
  is counted apart so nobody mistakes it for either of the others.

Three strategies run on the same notes and edits: the anchoring of issue 13's baseline (read from git history
when available), the quote-and-context search alone (no saved text), and the shipped one (with the saved text
to follow the edit). Run: `python bench/reanchor.py [--notes 4000] [--seed 13]`.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from reader.store.anchoring import AnchorResult, anchor
from reader.store.annotations import TextQuoteSelector, quote_selector

ROOT = Path(__file__).resolve().parents[1]
DEV_DATA = next(
    (p for p in (ROOT.parent / "shared" / "data" / "dev", ROOT.parents[1] / "shared" / "data" / "dev") if p.is_dir()),
    None,
)
BASELINE_COMMIT = "fa06614"
"""The commit before issue 13's re-anchoring work: its anchoring.py is the baseline row."""

SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_ids = count()


@dataclass
class Sent:
    text: str
    ident: int = field(default_factory=lambda: next(_ids))
    copy_of: int | None = None
    """For a copy made by a duplicate edit (after the note was written): the sentence it copies."""


Doc = list[list[Sent]]


def documents() -> list[Doc]:
    """Paragraphs of sentences from every article text found (dev data is read in place, never copied)."""
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if DEV_DATA is not None:
        paths += sorted((DEV_DATA / "crossoutlet").glob("*/*.txt"))
    docs = []
    for path in paths:
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        doc = [[Sent(s) for s in SENTENCE_END.split(" ".join(p.split()))] for p in paragraphs]
        if sum(len(p) for p in doc) >= 8:
            docs.append(doc)
    return docs


def render(doc: Doc) -> tuple[str, dict[int, int]]:
    """The text and the offset of every sentence, by identity."""
    parts, offsets, at = [], {}, 0
    for number, paragraph in enumerate(doc):
        if number:
            parts.append("\n\n")
            at += 2
        for index, sentence in enumerate(paragraph):
            if index:
                parts.append(" ")
                at += 1
            offsets[sentence.ident] = at
            parts.append(sentence.text)
            at += len(sentence.text)
    return "".join(parts), offsets


def copy_doc(doc: Doc) -> Doc:
    return [list(paragraph) for paragraph in doc]


@dataclass
class Target:
    ident: int
    inner: tuple[int, int]
    """The noted span inside the sentence's text."""
    state: str = "intact"
    """intact / edited / deleted."""


def locate(doc: Doc, ident: int) -> tuple[int, int] | None:
    for p, paragraph in enumerate(doc):
        for s, sentence in enumerate(paragraph):
            if sentence.ident == ident:
                return p, s
    return None


def _other_place(doc: Doc, rng: random.Random, away_from: tuple[int, int] | None) -> tuple[int, int]:
    """A paragraph and position at least two sentences away from `away_from` (an adjacent copy is ambiguous)."""
    for _ in range(50):
        p = rng.randrange(len(doc))
        s = rng.randrange(len(doc[p]) + 1)
        if away_from is None or p != away_from[0] or abs(s - away_from[1]) > 2:
            return p, s
    return 0, 0


def edit(doc: Doc, target: Target, rng: random.Random, pool: list[str], kind: str) -> None:
    """Apply one edit in place, updating what happened to the noted passage."""
    here = locate(doc, target.ident)
    on_target = here is not None and rng.random() < 0.35
    if kind == "insert":
        p, s = _other_place(doc, rng, None)
        doc[p].insert(s, Sent(rng.choice(pool)))
    elif kind == "delete":
        if on_target and here is not None:
            del doc[here[0]][here[1]]
            target.state = "deleted"
        else:
            p = rng.randrange(len(doc))
            if doc[p]:
                s = rng.randrange(len(doc[p]))
                if doc[p][s].ident == target.ident:
                    target.state = "deleted"
                del doc[p][s]
    elif kind == "reword":
        p, s = here if on_target and here is not None else (rng.randrange(len(doc)), 0)
        if not doc[p]:
            return
        s = s if on_target else rng.randrange(len(doc[p]))
        sentence = doc[p][s]
        words = list(re.finditer(r"\w{4,}", sentence.text))
        if not words:
            return
        word = rng.choice(words)
        replacement = rng.choice(["reportedly", "officials", "Thursday", "several", "announced"])
        text = sentence.text[: word.start()] + replacement + sentence.text[word.end() :]
        doc[p][s] = Sent(text, sentence.ident)
        if sentence.ident == target.ident and target.state == "intact":
            start, end = target.inner
            if word.end() <= start:
                shift = len(replacement) - (word.end() - word.start())
                target.inner = (start + shift, end + shift)
            elif word.start() < end:
                target.state = "edited"
                target.inner = (start, max(start + 1, end + len(replacement) - (word.end() - word.start())))
    elif kind == "move":
        if len(doc) < 3:
            return
        paragraph = doc.pop(rng.randrange(len(doc)))
        doc.insert(rng.randrange(len(doc) + 1), paragraph)
    elif kind == "duplicate":
        source = here if on_target and here is not None else None
        if source is None:
            p = rng.randrange(len(doc))
            if not doc[p]:
                return
            source = (p, rng.randrange(len(doc[p])))
        p, s = _other_place(doc, rng, source)
        original = doc[source[0]][source[1]]
        doc[p].insert(s, Sent(original.text, copy_of=original.ident))
    for paragraph in list(doc):
        if not paragraph:
            doc.remove(paragraph)


Strategy = Callable[[TextQuoteSelector, str, int, str], AnchorResult]


def judge(result: AnchorResult, target: Target, new_doc: Doc) -> str:
    where = locate(new_doc, target.ident)
    _, offsets = render(new_doc)
    if target.state == "deleted" or where is None:
        if not result.found:
            return "correct"
        for paragraph in new_doc:  # the passage was copied elsewhere, then the original deleted: a cut and paste
            for sentence in paragraph:
                if sentence.copy_of == target.ident and result.start == offsets[sentence.ident] + target.inner[0]:
                    return "followed a cut and paste"
        return "misplaced"
    start = offsets[target.ident] + target.inner[0]
    end = offsets[target.ident] + target.inner[1]
    if target.state == "intact":
        if not result.found:
            return "orphaned though intact"
        return "correct" if (result.start, result.end) == (start, end) else "misplaced"
    if not result.found:
        return "correct"  # edited inside the quote: orphaned is an honest outcome
    sentence_start = offsets[target.ident]
    sentence_end = sentence_start + len(new_doc[where[0]][where[1]].text)
    return "correct" if sentence_start <= result.start and result.end <= sentence_end else "misplaced"


def baseline_strategy() -> Strategy | None:
    """The anchoring module as it was before issue 13 (from git history), or None outside a git checkout."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BASELINE_COMMIT}:reader/store/anchoring.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp(prefix="reanchor-baseline-")) / "baseline_anchoring.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_anchoring", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    old_anchor = module.anchor
    return lambda quote, text, hint, old: old_anchor(quote, text, hint)  # type: ignore[no-any-return]


def trials(notes: int, seed: int) -> list[tuple[TextQuoteSelector, int, str, str, Target, Doc]]:
    rng = random.Random(seed)
    docs = documents()
    pool = [s.text for doc in docs for paragraph in doc for s in paragraph]
    out = []
    for _ in range(notes):
        doc = copy_doc(rng.choice(docs))
        sentences = [s for paragraph in doc for s in paragraph if len(s.text) >= 30]
        noted = rng.choice(sentences)
        if rng.random() < 0.3:  # the article quotes the passage twice; the note is on one copy
            here = locate(doc, noted.ident)
            p, s = _other_place(doc, rng, here)
            twin = Sent(noted.text)
            doc[p].insert(s, twin)
            noted = rng.choice([noted, twin])
        if rng.random() < 0.5:
            inner = (0, len(noted.text))
        else:
            words = [m.start() for m in re.finditer(r"\b\w", noted.text)]
            first = rng.randrange(max(1, len(words) - 3))
            last = min(len(words) - 1, first + rng.randint(3, 8))
            end = words[last] - 1 if last > first else len(noted.text)
            inner = (words[first], max(words[first] + 1, end))
        target = Target(noted.ident, inner)
        old_text, offsets = render(doc)
        start = offsets[noted.ident] + inner[0]
        quote = quote_selector(old_text, start, offsets[noted.ident] + inner[1])
        new_doc = copy_doc(doc)
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice(["insert", "delete", "reword", "move", "duplicate"])
            edit(new_doc, target, rng, pool, kind)
        out.append((quote, start, old_text, render(new_doc)[0], target, new_doc))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    cases = trials(args.notes, args.seed)
    states = Counter(target.state for *_, target, _ in cases)
    print(f"{len(cases)} notes on {len(documents())} articles; after the edits: {dict(states)}")
    strategies: dict[str, Strategy | None] = {
        f"baseline ({BASELINE_COMMIT}, before issue 13)": baseline_strategy(),
        "quote and context only (no saved text)": lambda quote, text, hint, old: anchor(quote, text, hint),
        "shipped (follows the edit through the saved text)": lambda quote, text, hint, old: anchor(
            quote, text, hint, old_text=old
        ),
    }
    print(f"{'strategy':<52} {'correct':>8} {'orphaned though intact':>23} {'misplaced':>10} {'cut+paste':>10}")
    for name, strategy in strategies.items():
        if strategy is None:
            print(f"{name:<52} (not available outside a git checkout)")
            continue
        outcomes = Counter(
            judge(strategy(quote, new_text, start, old_text), target, new_doc)
            for quote, start, old_text, new_text, target, new_doc in cases
        )
        print(
            f"{name:<52} {outcomes['correct']:>8} {outcomes['orphaned though intact']:>23} "
            f"{outcomes['misplaced']:>10} {outcomes['followed a cut and paste']:>10}"
        )


if __name__ == "__main__":
    sys.exit(main())

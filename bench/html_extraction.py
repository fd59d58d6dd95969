"""Story text and metadata of real web pages: reader's HTML loader next to trafilatura alone, in the same run.

Data: ../shared/data/dev/html_pages/ (172 real English pages, gzipped, from trafilatura's own evaluation set):
for each page, snippets that must be in the story text (`with`) and snippets that must not (`without`), and the
gold title, author and date where known. Skips cleanly when the folder is absent.

Scoring, as trafilatura's evaluation does it: whitespace collapsed on both sides; a `with` snippet found is a
true positive, one missing a false negative; a `without` snippet found is a false positive; precision, recall
and F1 from the counts summed over all pages.

- reader's story text is the text of its blocks (sentences with their list markers, "1. Choose the pot") that
  are neither boilerplate nor byline (the byline is metadata, shown in the pane header); headlines count.
- trafilatura alone is `trafilatura.extract(html, include_comments=False)` and `extract_metadata(html)`.
- title / author / date: accuracy over the pages whose gold has a non-empty value; a title or author is right
  when its words are equal, case and punctuation aside ("T. V. Raman" is "T V Raman"; an author list counts when
  its first name matches the gold's first name), a date when the ISO day is equal.
- CPU time per page (process time, median and 90th percentile): noisy on this shared machine.
- a third row, "own rules", is reader with trafilatura switched off: the fallback path, and the old loader.

Also prints, for issue 8 item 4, how many sentences of the crossoutlet dev articles (which are story text
only, one sentence a line) the loader marks boilerplate: it should be 0.

Run from the repository root: `python bench/html_extraction.py [--misses]` (--misses lists each page's lost
and leaked snippets).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._articles import DEV_DATA  # noqa: E402
from reader.core.load import webstory  # noqa: E402
from reader.core.load.inputs import article_from_html, read_article  # noqa: E402
from reader.core.load.textclean import decode_bytes  # noqa: E402
from reader.core.records import Article, BlockKind  # noqa: E402

NOT_STORY = frozenset({BlockKind.BOILERPLATE, BlockKind.BYLINE})


def collapse(text: str) -> str:
    return " ".join(text.split())


def story_text(article: Article) -> str:
    return collapse(" ".join(article.text[b.start : b.end] for b in article.blocks if b.kind not in NOT_STORY))


@dataclass
class Score:
    """Snippet counts and metadata hits of one extractor."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    hits: dict[str, int] = field(default_factory=lambda: {"title": 0, "author": 0, "date": 0})
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, page: str, text: str, gold: dict[str, object]) -> None:
        for snippet in gold["with"]:  # type: ignore[attr-defined]
            if collapse(snippet) in text:
                self.tp += 1
            else:
                self.fn += 1
                self.misses.append(f"{page}  LOST  {snippet[:90]}")
        for snippet in gold["without"]:  # type: ignore[attr-defined]
            if collapse(snippet) in text:
                self.fp += 1
                self.misses.append(f"{page}  LEAK  {snippet[:90]}")
            else:
                self.tn += 1

    def figures(self) -> tuple[float, float, float]:
        precision = self.tp / max(1, self.tp + self.fp)
        recall = self.tp / max(1, self.tp + self.fn)
        return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def _name_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def same_name(found: str | None, gold: object) -> bool:
    """Equal words (case and punctuation aside: "T. V. Raman" is "T V Raman"), or the same first name of a list."""
    gold_text = "; ".join(gold) if isinstance(gold, list) else str(gold)
    if not found:
        return False
    if _name_words(found) == _name_words(gold_text):
        return True
    first = re.split(r"\s*(?:;|,|\band\b|&)\s*", found.casefold())[0]
    gold_first = re.split(r"\s*(?:;|,|\band\b|&)\s*", gold_text.casefold())[0]
    return bool(_name_words(first)) and _name_words(first) == _name_words(gold_first)


def metadata_hits(
    score: Score, gold: dict[str, object], title: str | None, author: str | None, date: str | None
) -> None:
    if gold.get("title") and title and collapse(title).casefold() == collapse(str(gold["title"])).casefold():
        score.hits["title"] += 1
    if gold.get("author") and same_name(author, str(gold["author"])):
        score.hits["author"] += 1
    if gold.get("date") and date and date[:10] == str(gold["date"])[:10]:
        score.hits["date"] += 1


@contextlib.contextmanager
def own_rules_only() -> Iterator[None]:
    """reader as it runs when trafilatura gives no verdict (the fallback path)."""
    original = webstory.ask_trafilatura
    webstory.ask_trafilatura = lambda html: "switched off"
    try:
        yield
    finally:
        webstory.ask_trafilatura = original


def timed(action: Callable[[], object]) -> tuple[object, float]:
    start = time.process_time()
    result = action()
    return result, time.process_time() - start


def print_row(name: str, score: Score, gold_counts: dict[str, int]) -> None:
    precision, recall, f1 = score.figures()
    meta = "  ".join(f"{key} {score.hits[key] / max(1, gold_counts[key]):.3f}" for key in ("title", "author", "date"))
    times = sorted(score.seconds)
    median = statistics.median(times) * 1000 if times else 0.0
    p90 = times[int(0.9 * (len(times) - 1))] * 1000 if times else 0.0
    print(
        f"{name:<12} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   {meta}   "
        f"CPU/page median {median:.1f} ms, p90 {p90:.1f} ms"
    )


def crossoutlet_story_marked(data: Path) -> tuple[int, int, list[str]]:
    """Sentences of the crossoutlet dev articles (story text only) that the loader marks boilerplate."""
    marked: list[str] = []
    total = 0
    for path in sorted((data / "crossoutlet").glob("*/*.txt")):
        article = read_article(path)
        total += len(article.sentences)
        marked += [
            f"{path.parent.name}/{path.name}: {s.text[:80]}"
            for s in article.sentences
            if s.kind is BlockKind.BOILERPLATE
        ]
    return len(marked), total, marked


def main() -> None:
    data = DEV_DATA  # READER_DEV_DATA, else the first shared/data/dev above the repository
    pages_dir = data / "html_pages"
    if not (pages_dir / "evaldata.json").is_file():
        print("skipped: ../shared/data/dev/html_pages is absent")
        return
    import trafilatura

    gold_pages: dict[str, dict[str, object]] = json.loads((pages_dir / "evaldata.json").read_text(encoding="utf-8"))
    ours, theirs, own_rules = Score(), Score(), Score()
    gold_counts = {key: sum(1 for g in gold_pages.values() if g.get(key)) for key in ("title", "author", "date")}
    for page_id, gold in sorted(gold_pages.items()):
        raw = gzip.decompress((pages_dir / "pages" / str(gold["file"])).read_bytes())
        html = decode_bytes(raw)
        article, seconds = timed(lambda html=html: article_from_html(html, "A", None))
        assert isinstance(article, Article)
        ours.seconds.append(seconds)
        ours.add(page_id, story_text(article), gold)
        meta = article.meta
        metadata_hits(ours, gold, meta.headline, meta.author, meta.published)

        with own_rules_only():
            alone, seconds = timed(lambda html=html: article_from_html(html, "A", None))
        assert isinstance(alone, Article)
        own_rules.seconds.append(seconds)
        own_rules.add(page_id, story_text(alone), gold)
        metadata_hits(own_rules, gold, alone.meta.headline, alone.meta.author, alone.meta.published)

        def run_trafilatura(html: str = html) -> tuple[str, object]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                text = trafilatura.extract(html, include_comments=False) or ""
                return text, trafilatura.extract_metadata(html)

        (text, document), seconds = timed(run_trafilatura)  # type: ignore[misc]
        theirs.seconds.append(seconds)
        theirs.add(page_id, collapse(text), gold)
        metadata_hits(
            theirs,
            gold,
            getattr(document, "title", None),
            getattr(document, "author", None),
            getattr(document, "date", None),
        )
    print(
        f"{len(gold_pages)} pages; gold title {gold_counts['title']}, author {gold_counts['author']}, "
        f"date {gold_counts['date']} (timings noisy: shared 2-core machine)"
    )
    print_row("reader", ours, gold_counts)
    print_row("trafilatura", theirs, gold_counts)
    print_row("own rules", own_rules, gold_counts)
    print("(own rules: reader with trafilatura switched off, the fallback for pages it rejects)")
    if "--misses" in sys.argv:
        print("\nreader's lost and leaked snippets:")
        print("\n".join(ours.misses))
    if (data / "crossoutlet").is_dir():
        count, total, marked = crossoutlet_story_marked(data)
        print(f"crossoutlet dev articles: {count} of {total} story sentences marked boilerplate (want 0)")
        if "--misses" in sys.argv:
            print("\n".join(marked))


if __name__ == "__main__":
    main()

"""Time per key press moving the cursor and paging through the longest article pair built from the dev data.

Article A is the first sentence of every MSRP training pair, article B the second (paraphrases, so most
passages match), four sentences to a paragraph; every tenth B paragraph is moved to the end, so the view also
has out-of-order passages. The app runs headless at 160×48 with the real aligner and no analysis; each press
is timed until Textual has processed it and repainted (`pilot.press` + `pilot.pause`), in CPU time of the
process: the wall time of a Pilot press is dominated by the test driver's idle waits, not by the app.

Then the same with 1,000 notes on article A (an unsaved session): the marks a relayout needs, computed the old
way (every note against every sentence) and the way the app does it (bisection, once per change), and the
time per key press with the notes in the gutter and under the text.

Run: `python bench/scroll.py [pairs]` (default: all 4,076). Skips when ../shared/data/dev is absent.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "dev" / "msrp_train.tsv"
sys.path.insert(0, str(ROOT))


def paragraphs(sentences: list[str], size: int = 4) -> list[str]:
    return [" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def build_texts(limit: int | None) -> tuple[str, str]:
    rows = DATA.read_text(encoding="utf-8-sig").splitlines()[1:]
    pairs = [row.split("\t") for row in rows if row.count("\t") >= 4]
    pairs = pairs[:limit] if limit else pairs
    left = paragraphs([pair[3] for pair in pairs])
    right = paragraphs([pair[4] for pair in pairs])
    moved = [p for i, p in enumerate(right) if i % 10 == 5]
    right = [p for i, p in enumerate(right) if i % 10 != 5] + moved
    return "\n\n".join(left), "\n\n".join(right)


async def time_keys(app: object, key: str, count: int) -> list[float]:
    from reader.app import ReaderApp

    assert isinstance(app, ReaderApp)
    times: list[float] = []
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(200):
            await pilot.pause()
            await app.workers.wait_for_complete()
            if getattr(app.screen, "comparison", None) is not None:
                break
        await pilot.pause()
        for _ in range(count):
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.process_time() - start)
    return times


def main() -> int:
    if not DATA.exists():
        print(f"{DATA} is absent: skipped")
        return 0
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    from reader.app import ReaderApp
    from reader.core import align_articles
    from reader.core.load.inputs import article_from_text
    from reader.viewmodel import PairView, lay_out

    left_text, right_text = build_texts(limit)
    articles = (article_from_text(left_text, "A"), article_from_text(right_text, "B"))
    print(
        f"A: {len(articles[0].sentences)} sentences, {len(left_text):,} chars; "
        f"B: {len(articles[1].sentences)} sentences, {len(right_text):,} chars"
    )
    start = time.perf_counter()
    comparison = align_articles(articles)
    print(
        f"alignment (worker, off the UI thread): {time.perf_counter() - start:.2f} s, "
        f"{len(comparison.alignments[0].matches)} matches"
    )
    start = time.perf_counter()
    view = PairView(articles, 0, 1, comparison)
    panes = lay_out(view.bands, view.pair, (60, 60))
    print(
        f"view model + wrapping to 60 columns (each resize or toggle): {time.perf_counter() - start:.3f} s, "
        f"{len(panes[0].rows):,} rows per pane"
    )

    def analyser(c: object) -> object:
        return c

    for key, count in (("j", 150), ("pagedown", 60), ("n", 100), ("u", 60), ("k", 100)):
        app = ReaderApp(articles, comparison=comparison, analyser=analyser)  # type: ignore[arg-type]
        report(key, count, asyncio.run(time_keys(app, key, count)))
    with_notes(articles, comparison, analyser)
    return 0


def report(key: str, count: int, times: list[float], label: str = "") -> None:
    print(
        f"{label}key {key:9s}: median {statistics.median(times) * 1000:6.1f} ms, "
        f"p95 {sorted(times)[int(len(times) * 0.95) - 1] * 1000:6.1f} ms per press ({count} presses)"
    )


def with_notes(articles: tuple[object, ...], comparison: object, analyser: object) -> None:
    """1,000 notes spread over article A: the cost of their marks, and of moving and paging with them shown."""
    from reader.app import ReaderApp
    from reader.store.session import Session
    from reader.viewmodel.notes import note_marks

    session = Session(comparison, autosave=False)  # type: ignore[arg-type]
    article = session.comparison.articles[0]
    step = max(1, len(article.sentences) // 1000)
    for sentence in range(0, len(article.sentences), step)[:1000]:
        session.annotate_sentence(0, sentence, f"note {sentence}", ("check",))
    count = len(session.annotations)
    start = time.perf_counter()
    session.sentence_marks(0)
    brute = time.perf_counter() - start
    start = time.perf_counter()
    note_marks(session.annotations, article, 0)
    bisected = time.perf_counter() - start
    print(
        f"{count} notes on A: marks for a relayout, every note against every sentence {brute * 1000:.1f} ms; "
        f"by bisection {bisected * 1000:.1f} ms, and only once per change of the notes"
    )
    for key, presses in (("j", 150), ("pagedown", 60)):
        app = ReaderApp(articles, comparison=comparison, analyser=analyser, session=session)  # type: ignore[arg-type]
        report(key, presses, asyncio.run(time_keys(app, key, presses)), label=f"{count} notes, ")


if __name__ == "__main__":
    raise SystemExit(main())

"""Save and load of a comparison with 1,000 annotations, reopening with re-anchoring, and one autosave.

Run from the repository root: `python bench/store.py`. Uses the two seed articles (copied to a temporary
directory so they can be edited) and a temporary data directory; prints milliseconds (median of several runs).
An autosave happens after the note dialog closes, not per keystroke: it must stay well under a frame budget
that a user would notice (~50 ms).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._articles import median_ms  # noqa: E402

ANNOTATIONS = 1_000
NOTE = "Check this against the other article: the date and the number differ.\nSecond line of the note."


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="reader-bench-store-"))
    os.environ["READER_DATA_DIR"] = str(work / "data")
    os.environ["READER_CACHE_DIR"] = str(work / "cache")
    from reader.core import compare
    from reader.store.files import encode_saved, read_saved, write_saved
    from reader.store.session import Session

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    copies = []
    for seed in seeds:
        copy = work / seed.name
        shutil.copy(seed, copy)
        copies.append(copy)
    try:
        comparison = compare([str(p) for p in copies], analyse=False)
        session = Session(comparison, autosave=False)
        for number in range(ANNOTATIONS):
            article = number % 2
            sentences = comparison.articles[article].sentences
            session.annotate_sentence(article, number % len(sentences), f"{NOTE} #{number}", ["check"])
        session.save_as("bench")
        size = (work / "data" / "comparisons" / "bench.json").stat().st_size

        snapshot = session.snapshot()
        print(f"annotations: {ANNOTATIONS}; file: {size / 1024:.0f} KiB")
        print(f"serialise (snapshot + JSON):  {median_ms(lambda: encode_saved(session.snapshot()), 20):7.1f} ms")
        fingerprint = [session.fingerprint]

        def save() -> None:
            _, fingerprint[0] = write_saved(snapshot, expected=fingerprint[0])

        print(f"save (atomic, fsync):         {median_ms(save, 20):7.1f} ms")
        print(f"load (parse + records):       {median_ms(lambda: read_saved('bench'), 20):7.1f} ms")
        print(f"reopen, sources unchanged:    {median_ms(lambda: Session.open('bench'), 10):7.1f} ms")

        first = copies[0]
        first.write_text("An editor's note was added at the top.\n\n" + seeds[0].read_text(encoding="utf-8"))
        reopened = Session.open("bench")
        summary = reopened.report.summary() if reopened.report else ""
        print(f"reopen, A shifted:            {median_ms(lambda: Session.open('bench'), 5):7.1f} ms  ({summary})")
        edited = seeds[0].read_text(encoding="utf-8").replace("Monday", "Sunday").replace("Iran", "Tehran", 5)
        first.write_text(edited, encoding="utf-8")
        reopened = Session.open("bench")
        summary = reopened.report.summary() if reopened.report else ""
        print(f"reopen, A edited inside:      {median_ms(lambda: Session.open('bench'), 5):7.1f} ms  ({summary})")

        live = Session.open("bench")
        live.autosave_enabled = True
        target = live.annotations[0].id
        counter = [0]

        def edit_and_autosave() -> None:
            counter[0] += 1
            live.edit(target, note=f"edited {counter[0]}")
            if live.save_error is not None:
                raise live.save_error

        print(f"one autosave (edit a note):   {median_ms(edit_and_autosave, 20):7.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

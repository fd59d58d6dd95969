"""What the speaker-continuity rule changes: every claim whose speaker it resolves differently, with context.

The rule (reader.core.analysis.speaker_continuity) gives a "he"/"she" cue subject the speaker of the previous
claim instead of the person named last. No dev set marks coreference, so this bench does not score: it prints
each changed claim with the sentences before it, for a reader to judge, and counts them per set. The dev sets
are the cross-outlet events (each event's articles analysed together, as the app does) and the PolNeAR texts.

Run: python bench/speaker_continuity.py [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._articles import DEV_DATA
from reader.core.analysis import claims as claims_module
from reader.core.analysis.actors import build_actors
from reader.core.analysis.parse import parse_articles
from reader.core.load.inputs import article_from_text, load_inputs
from reader.core.records import Article, Claim


def _sets() -> list[tuple[str, list[list[Path]]]]:
    events = sorted(path for path in (DEV_DATA / "crossoutlet").iterdir() if path.is_dir())
    polnear = sorted((DEV_DATA / "polnear_dev" / "text").glob("*.txt"))
    return [
        ("crossoutlet", [sorted(event.glob("*.txt")) for event in events]),
        ("polnear", [[path] for path in polnear]),
    ]


def _claims(articles: Sequence[Article], passes: Callable[[list[Claim]], list[Claim]] | None) -> list[Claim]:
    parsed = parse_articles(articles)
    actors = build_actors(articles, parsed)
    if passes is None:
        return list(claims_module.extract_claims(articles, parsed, actors))
    with mock.patch.object(claims_module, "continuing_speakers", passes):
        return list(claims_module.extract_claims(articles, parsed, actors))


def _context(article: Article, claim: Claim) -> str:
    sentences = article.sentences[max(0, claim.sentence - 2) : claim.sentence + 1]
    return " / ".join(" ".join(sentence.text.split())[:160] for sentence in sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="counts only")
    args = parser.parse_args()
    if not DEV_DATA.is_dir():
        print(f"no dev data at {DEV_DATA}")
        return
    for name, groups in _sets():
        changed = pronouns = total = 0
        for files in groups:
            if len(files) > 1:
                articles = list(load_inputs([str(path) for path in files]).articles)
            else:
                articles = [article_from_text(files[0].read_text(encoding="utf-8"), "A", str(files[0]))]
            before = _claims(articles, lambda found, *_: list(found))
            after = _claims(articles, None)
            total += len(after)
            for old, new in zip(before, after, strict=True):
                written = new.speaker.text.casefold() if new.speaker else ""
                pronouns += written in ("he", "she")
                if old.speaker_label != new.speaker_label:
                    changed += 1
                    if not args.quiet:
                        where = Path(articles[new.article].path or "").name
                        print(f"- {where} s{new.sentence}: {old.speaker_label!r} -> {new.speaker_label!r}")
                        print(f"    {_context(articles[new.article], new)}")
        print(f"{name}: {total} claims, {pronouns} with a he/she speaker, {changed} changed by the rule")


if __name__ == "__main__":
    main()

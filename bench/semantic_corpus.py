"""Write the English news sentences the static table's sentence-level fit trains on (bench/distill_embeddings.py).

Every sentence, as the reader segments it (`reader.core.load`), of the development texts that are neither the
cross-outlet events the link model is measured on nor MSRP, which the paraphrase model is measured on:
PolNeAR dev articles (polnear_dev/text/), CoNLL-2003 validation sentences (Reuters; tokens joined with spaces,
the spaces before punctuation taken out), the story text of the 172 web pages (html_pages/), and the STS news
pairs except the MSRpar rows (those sentences come from MSRP). One sentence a line after its document's name and
a tab (an article, a page, a CoNLL document; an STS pair has none: its two sentences are no document), distinct,
in a fixed order (sorted files, file order within): the fit is deterministic given this file. Boilerplate blocks
and sentences under MIN_WORDS words are left out.

Run with the project's environment: `python bench/semantic_corpus.py OUT.txt`. The texts stay outside the
repository (development data is never copied in).
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._articles import DEV_DATA  # noqa: E402
from reader.core.load.inputs import article_from_html, read_article  # noqa: E402
from reader.core.records import Article, BlockKind  # noqa: E402

MIN_WORDS = 4
"""Headlines of four words still say something; shorter lines are datelines, bylines and captions."""
_SPACE_BEFORE = re.compile(r" ([.,;:!?%)'\]]|n't|'s|'re|'ve|'ll|'d|'m)")
_SPACE_AFTER = re.compile(r"([(\[$]) ")


def _sentences(article: Article) -> list[str]:
    return [
        " ".join(s.text.split())
        for s in article.sentences
        if s.kind is not BlockKind.BOILERPLATE and len(s.text.split()) >= MIN_WORDS
    ]


def _conll(path: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    words: list[str] = []
    document = 0
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if words and words[0] == "-DOCSTART-":
                document += 1
            elif len(words) >= MIN_WORDS:
                text = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(words)))
                found.append((f"conll-{document}", text))
            words = []
        else:
            words.append(line.split()[0])
    return found


def corpus() -> list[tuple[str, str]]:
    """(document, sentence) rows; a sentence met again is kept at its first place only."""
    texts: list[tuple[str, str]] = []
    for path in sorted((DEV_DATA / "polnear_dev" / "text").glob("*.txt")):
        texts += [(path.stem, t) for t in _sentences(read_article(path))]
    texts += _conll(DEV_DATA / "conll2003_valid.bio")
    for path in sorted((DEV_DATA / "html_pages" / "pages").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        try:
            texts += [(path.name, t) for t in _sentences(article_from_html(html))]
        except Exception as error:
            print(f"skipped {path.name}: {error}", file=sys.stderr)
    with (DEV_DATA / "sts_news_train.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    texts += [("", " ".join(t.split())) for row in rows if len(row) >= 7 and row[1] != "MSRpar" for t in row[5:7]]
    first: dict[str, str] = {}
    for document, text in texts:
        if len(text.split()) >= MIN_WORDS:
            first.setdefault(text, document)
    return [(document, text) for text, document in first.items()]


def main() -> int:
    if not (DEV_DATA / "polnear_dev").is_dir():
        print("skipped: ../shared/data/dev/ not found (development data lives outside the repository)")
        return 0
    texts = corpus()
    Path(sys.argv[1]).write_text("".join(f"{d}\t{t}\n" for d, t in texts), encoding="utf-8")
    documents = len({d for d, _ in texts if d})
    words = sum(len(t.split()) for _, t in texts)
    print(f"{len(texts)} sentences ({documents} documents), {words} words -> {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

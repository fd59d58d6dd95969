"""Hand-built records for tests that must not depend on the loader or the segmenter.

`article_of(["First sentence.", "Second sentence."])` gives an Article with one paragraph block and one
sentence per string, each on its own line, so tests of the aligner, the view and the store can say exactly
which sentences exist.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from reader.core.records import Article, ArticleMeta, Block, BlockKind, Sentence


def article_of(
    sentences: Sequence[str],
    label: str = "A",
    kinds: Sequence[BlockKind] | None = None,
    headline: str | None = None,
) -> Article:
    """An article whose sentence i is `sentences[i]`, on line i + 1."""
    text = "\n".join(sentences)
    blocks: list[Block] = []
    records: list[Sentence] = []
    line_starts: list[int] = []
    offset = 0
    for index, sentence in enumerate(sentences):
        kind = kinds[index] if kinds else BlockKind.PARAGRAPH
        line_starts.append(offset)
        blocks.append(Block(index=index, kind=kind, start=offset, end=offset + len(sentence)))
        records.append(
            Sentence(index=index, block=index, kind=kind, start=offset, end=offset + len(sentence), text=sentence)
        )
        offset += len(sentence) + 1
    return Article(
        label=label,
        path=None,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        line_starts=tuple(line_starts) or (0,),
        source_lines=tuple(range(1, len(sentences) + 1)) or (1,),
        blocks=tuple(blocks),
        sentences=tuple(records),
        meta=ArticleMeta(headline=headline),
    )

"""Shared bench helpers: articles built from pre-split sentences (so gold offsets of a dataset stay valid), and
the median timer every bench prints with."""

from __future__ import annotations

import hashlib
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.records import Article, Block, BlockKind, Sentence


def _dev_data() -> Path:
    """READER_DEV_DATA, else `shared/data/dev` beside the checkout or beside any folder above it (a worktree
    sits one level deeper)."""
    override = os.environ.get("READER_DEV_DATA")
    if override:
        return Path(override)
    root = Path(__file__).resolve().parents[1]
    for folder in root.parents:
        candidate = folder / "shared" / "data" / "dev"
        if candidate.is_dir():
            return candidate
    return root.parent / "shared" / "data" / "dev"


DEV_DATA = _dev_data()


def article_of_lines(lines: Sequence[str], label: str = "A") -> Article:
    """One block and one sentence per line; `text` is the lines joined by newlines."""
    text = "\n".join(lines)
    blocks, sentences, starts = [], [], []
    offset = 0
    for index, line in enumerate(lines):
        starts.append(offset)
        blocks.append(Block(index, BlockKind.PARAGRAPH, offset, offset + len(line)))
        sentences.append(Sentence(index, index, BlockKind.PARAGRAPH, offset, offset + len(line), line))
        offset += len(line) + 1
    return Article(
        label=label,
        path=None,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        line_starts=tuple(starts) or (0,),
        source_lines=tuple(range(1, len(lines) + 1)) or (1,),
        blocks=tuple(blocks),
        sentences=tuple(sentences),
    )


def median_ms(action: Callable[[], object], repeats: int = 20) -> float:
    """Median wall time of `action()` in milliseconds, after one warm-up call."""
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000

"""The records the loading stage makes: an article, its blocks and sentences, and spans of its text.

The only records the app needs for its first frame (it receives these from the launch service), so they live
apart from the alignment and analysis records, which `reader.core.records` loads on first use, and they are
frozen records whose methods are not compiled at import (`reader.core.records.frozen`): each writes its own
`__init__`, which sets its fields in the order they are declared.
"""

from __future__ import annotations

import bisect
from dataclasses import field

from reader.core.records.frozen import frozen_record
from reader.core.records.kinds import BlockKind

_set = object.__setattr__
"""How a frozen record's `__init__` sets a field (its own `__setattr__` refuses), as the dataclass one does."""


@frozen_record
class TextSpan:
    """A piece of one article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)


@frozen_record
class Block:
    """A unit of layout: a line or paragraph of the source, classified before sentence splitting."""

    index: int
    kind: BlockKind
    start: int
    end: int

    def __init__(self, index: int, kind: BlockKind, start: int, end: int) -> None:
        _set(self, "index", index)
        _set(self, "kind", kind)
        _set(self, "start", start)
        _set(self, "end", end)


@frozen_record
class Sentence:
    """The unit of alignment. Headlines, bylines and bullets are one sentence each."""

    index: int
    """Position in `Article.sentences` (0-based)."""
    block: int
    """Index of the block it belongs to."""
    kind: BlockKind
    """The kind of its block; BOILERPLATE sentences are never matched."""
    start: int
    end: int
    text: str
    """`article.text[start:end]`, kept so records are self-describing."""

    def __init__(self, index: int, block: int, kind: BlockKind, start: int, end: int, text: str) -> None:
        _set(self, "index", index)
        _set(self, "block", block)
        _set(self, "kind", kind)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)


@frozen_record
class ArticleMeta:
    """What the text says about itself; each field is None when the text does not say it."""

    headline: str | None = None
    byline: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    dates: tuple[str, ...] = ()
    author: str | None = None
    """The author's name alone (no "By", no handle or time), from the byline or the page's metadata."""
    published: str | None = None
    """Publication date as ISO 8601 ("2025-12-29"), from the page's metadata, a "Published …" line or the
    dateline; resolves weekdays ("Monday") against calendar dates when details are compared."""

    def __init__(
        self,
        headline: str | None = None,
        byline: str | None = None,
        outlet: str | None = None,
        dateline: str | None = None,
        dates: tuple[str, ...] = (),
        author: str | None = None,
        published: str | None = None,
    ) -> None:
        _set(self, "headline", headline)
        _set(self, "byline", byline)
        _set(self, "outlet", outlet)
        _set(self, "dateline", dateline)
        _set(self, "dates", dates)
        _set(self, "author", author)
        _set(self, "published", published)


NO_META = ArticleMeta()
"""The metadata of a text that says nothing about itself (records are immutable, so one serves every article)."""


@frozen_record
class Article:
    """One loaded, cleaned and segmented article."""

    label: str
    """Short name shown to the user: "A", "B", "C"…"""
    path: str | None
    """Where it was read from; None for text given directly."""
    text: str
    """Cleaned text: newlines normalised, control characters and escape sequences removed."""
    sha256: str
    """Hash of `text`, used to detect edits and as the analysis cache key."""
    line_starts: tuple[int, ...]
    """Offset in `text` where each text line starts (line_starts[0] == 0)."""
    source_lines: tuple[int, ...]
    """For each text line, its 1-based line number in the file on disk (differs from i+1 for HTML)."""
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    meta: ArticleMeta = field(default_factory=ArticleMeta)

    def __init__(
        self,
        label: str,
        path: str | None,
        text: str,
        sha256: str,
        line_starts: tuple[int, ...],
        source_lines: tuple[int, ...],
        blocks: tuple[Block, ...],
        sentences: tuple[Sentence, ...],
        meta: ArticleMeta = NO_META,
    ) -> None:
        _set(self, "label", label)
        _set(self, "path", path)
        _set(self, "text", text)
        _set(self, "sha256", sha256)
        _set(self, "line_starts", line_starts)
        _set(self, "source_lines", source_lines)
        _set(self, "blocks", blocks)
        _set(self, "sentences", sentences)
        _set(self, "meta", meta)

    def line_of(self, offset: int) -> int:
        """The 1-based source line holding character `offset` of `text`."""
        if not self.line_starts:
            return 1
        index = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return self.source_lines[index] if index < len(self.source_lines) else index + 1

    @property
    def title(self) -> str:
        """The headline when the text has one, otherwise the file name or label."""
        if self.meta.headline:
            return self.meta.headline
        if self.path:
            return self.path.rsplit("/", 1)[-1]
        return self.label

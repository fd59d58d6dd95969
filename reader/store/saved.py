"""The saved-comparison record: what one JSON file under the data directory holds.

A saved comparison keeps the article texts as they were (not just their paths) so it can always be reopened,
even when a source file was moved or deleted, and their sha256 so an edited source is noticed. The alignment and
analysis are not stored: they are recomputed from the texts in milliseconds (alignment) or read from the
analysis cache, which keeps files small and lets a better engine improve old comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.records import Article, ArticleMeta
from reader.store.annotations import Annotation

SAVED_SCHEMA_VERSION = 1
"""Version of the saved-file layout; files with another version are reported, never half-read or overwritten."""

FILE_KIND = "reader-comparison"
"""Marker that tells a saved comparison from any other JSON file someone put in the directory."""


@dataclass(frozen=True)
class SavedArticle:
    """One article as it was when the comparison was saved."""

    label: str
    path: str | None
    """Where it was read from; reopening reads this file again when it still exists."""
    text: str
    """The cleaned text the annotations' offsets refer to."""
    sha256: str
    """Hash of `text` (same as `Article.sha256`): a different hash on reopening means the file was edited."""
    source_lines: tuple[int, ...] = ()
    """Line on disk of each text line (differs from i + 1 for HTML sources); empty means i + 1."""
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    """Headline, byline, outlet as found when loaded (an HTML page's own hints are not in the text)."""

    @classmethod
    def of(cls, article: Article) -> SavedArticle:
        identity = tuple(range(1, len(article.line_starts) + 1))
        return cls(
            label=article.label,
            path=article.path,
            text=article.text,
            sha256=article.sha256,
            source_lines=() if article.source_lines == identity else article.source_lines,
            meta=article.meta,
        )


@dataclass(frozen=True)
class ViewState:
    """Where the reader was, so reopening brings the view back as it was left."""

    pair: tuple[int, int] = (0, 1)
    """The two articles shown side by side (indices into the articles)."""
    cursor_article: int = 0
    """The article holding the cursor."""
    cursor_sentence: int = 0
    """The sentence under the cursor, in that article."""
    scroll: tuple[int, int] = (0, 0)
    """Vertical scroll offset of the left and right panes."""
    boilerplate_shown: bool = False
    sidebar_tab: str = "actors"
    """Which sidebar tab was open ("actors", "claims", "notes")."""


@dataclass(frozen=True)
class SavedComparison:
    """The content of one saved-comparison file."""

    name: str
    """The name the user gave (the file name is its slug)."""
    articles: tuple[SavedArticle, ...]
    annotations: tuple[Annotation, ...]
    created: str
    modified: str
    view: ViewState = field(default_factory=ViewState)
    kind: str = FILE_KIND
    schema_version: int = SAVED_SCHEMA_VERSION

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(article.label for article in self.articles)

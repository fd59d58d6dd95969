"""The pane headers (headline, outlet, byline) and the status line (pair, counts, what is still running).

Both are built from rich.text.Text with the article's strings appended as plain text: a headline containing
"[bold]" shows those characters, it never styles anything.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.core.records import Article
from reader.shown import shown


def header_text(article: Article) -> Text:
    """Two lines: "A  Headline" and "outlet · byline · dateline · published" (or the file name when the text
    says none)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f" {article.label} ", style="reverse bold")
    text.append(" ")
    text.append(shown(article.title), style="bold")
    meta = article.meta
    details = [part for part in (meta.outlet, meta.byline or meta.author, meta.dateline, meta.published) if part]
    if not details and article.path:
        details = [shown(article.path.rsplit("/", 1)[-1])]
    text.append("\n")
    text.append("    " + " · ".join(details) if details else "    (no byline)", style="dim")
    return text


class PaneHeader(Static):
    """The header above one pane. Its height is fixed by the stylesheet (2), so a new text needs no layout."""

    def show_article(self, article: Article) -> None:
        self.update(header_text(article), layout=False)


class StatusLine(Static):
    """One line at the top: which pair is shown, what the alignment found, and what is still being computed.

    One row high (the stylesheet) and as wide as the screen whatever it says, so a new status is repainted without
    a layout: it is set while the first frame is drawn, and a layout asked for then was a second frame."""

    def show_status(self, pair: str, counts: str, progress: str) -> None:
        self.update(status_text(pair, counts, progress), layout=False)


def status_text(pair: str, counts: str, progress: str) -> Text:
    """The status line's content."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(" reader ", style="bold reverse")
    text.append("  ")
    text.append(pair, style="bold")
    if counts:
        text.append("   ")
        text.append(counts)
    if progress:
        text.append("   ")
        text.append(progress, style="italic")
    return text

"""The "Who is quoted" tab: each speaker's claims and quoted words in every article of the comparison.

One line per speaker laid out for the sidebar's width ("U.S. officials   4/6   52/80"), under a heading that
says which number is which article. Enter posts `QuotedTable.Selected`; the screen jumps to that speaker's
claims, cycling on repeat.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reader.core.records import Comparison
from reader.viewmodel.sidebar_rows import QuotedLine, quoted_lines
from reader.viewmodel.sidebar_text import quoted_columns
from reader.widgets.sidebar_list import SidebarList


class QuotedList(SidebarList[QuotedLine]):
    """Speakers by how much each article quotes them."""

    def __init__(self, *, heading: Static | None = None, id: str | None = None) -> None:
        super().__init__(heading=heading, id=id)
        self.labels: tuple[str, ...] = ("A", "B")
        self.empty_hint = "Nobody is quoted in this pair."

    def entry_key(self, entry: QuotedLine) -> str:
        return f"{entry.actor or ''}|{entry.speaker}"

    def entry_prompt(self, entry: QuotedLine, width: int) -> Content:
        speaker, claims, words = quoted_columns(self.entries, width).cells(entry)
        return Content.assemble(speaker, " ", claims, " ", (words, "$text-muted"))

    def heading(self, width: int) -> Content | None:
        return Content.styled(quoted_columns(self.entries, width).header(self.labels), "bold $text-muted")

    def entry_selected(self, entry: QuotedLine) -> None:
        self.post_message(QuotedTable.Selected(entry))


class QuotedTable(Vertical):
    """The heading and the list of speakers."""

    @dataclass
    class Selected(Message):
        """The user chose a speaker."""

        line: QuotedLine

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[Comparison, int, int] | None = None

    def compose(self) -> ComposeResult:
        heading = Static(id="quoted-heading", classes="sidebar-heading")
        yield heading
        yield QuotedList(heading=heading, id="quoted-list")

    @property
    def speakers(self) -> list[QuotedLine]:
        return self.query_one(QuotedList).entries

    def show(self, comparison: Comparison, left: int, right: int) -> None:
        self.shown = (comparison, left, right)
        self._fill()

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        found = self.query(QuotedList)
        if self.shown is None or not found:
            return
        comparison, left, right = self.shown
        listing = found.first()
        listing.labels = tuple(article.label for article in comparison.articles)
        listing.set_entries(quoted_lines(comparison, left, right))

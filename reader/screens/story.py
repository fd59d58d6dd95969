"""The story view (`v`): every point of the story, a column per outlet, headlines and ledes on top.

One entry per point (a group of linked passages across the N articles), in the reading order of a chosen
article (`r` cycles it); `f` cycles the filter (every point, carried by all, only in one, conflicting). Above
the list, each outlet's headline with the words only it uses in bold and underlined, and its lede. Enter on a
point closes the view and puts the panes on its passage (`StoryJump`); Escape closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.headlines import openings
from reader.core.records import Comparison
from reader.core.story import StoryFilter, StoryPoint, in_reading_order, keep, story_counts, story_points
from reader.viewmodel.story_rows import jump_target, opening_lines, story_entry, story_heading
from reader.widgets.footer import ReaderFooter

FILTERS = tuple(StoryFilter)


@dataclass(frozen=True)
class StoryJump:
    """Where Enter on a point leads: an article's sentence, and the point (for the pair that shows it)."""

    article: int
    sentence: int
    point: StoryPoint


class StoryList(OptionList):
    """The points: Enter jumps. Printable keys other than the view's own never reach the main screen."""

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character not in ("f", "r", "q", "?"):
            event.stop()
            event.prevent_default()


class StoryScreen(Screen[StoryJump | None]):
    """The points of the story across every article of the comparison."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="story-close"),
        Binding("f", "next_filter", "Filter", id="story-filter"),
        Binding("r", "next_reading", "Order", id="story-order", tooltip="Reading order of the next article"),
    ]

    def __init__(self, comparison: Comparison, reading: int = 0, chosen: StoryFilter = StoryFilter.EVERY) -> None:
        super().__init__()
        self.comparison = comparison
        self.reading = reading
        self.chosen = chosen
        self.points = story_points(comparison)
        self.listed: list[StoryPoint] = []
        self._laid_out_width = -1

    def compose(self) -> ComposeResult:
        with Vertical(id="story-body"):
            yield Static(id="story-openings")
            yield Static(id="story-status")
            yield Static(id="story-heading", classes="sidebar-heading")
            yield StoryList(id="story-list")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.query_one(StoryList).focus()
        self._fill()

    def on_resize(self, event: events.Resize) -> None:
        if self.size.width != self._laid_out_width:
            self._fill()

    @property
    def text_width(self) -> int:
        """Cells an entry has: the screen less the list's scrollbar, padding and the options' padding (6)."""
        return max(20, self.size.width - 6)

    def _fill(self) -> None:
        """Lay out the openings, the status, the headings and the entries for the current width."""
        self._laid_out_width = self.size.width
        articles = self.comparison.articles
        width = self.text_width
        lines: list[Content] = []
        for line in opening_lines(openings(articles), articles, width):
            label = Content.styled(f" {line.label} ", "reverse bold") if line.label else Content("   ")
            pieces = [(text, "bold underline $text-warning" if marked else "") for text, marked in line.pieces]
            lines.append(Content.assemble(label, " ", *pieces) if line.label else Content.assemble(label, *pieces))
        self.query_one("#story-openings", Static).update(Content("\n").join(lines))
        counts = story_counts(self.comparison, self.points)
        total = len(articles)
        only = ", ".join(f"{a.label} {n}" for a, n in zip(articles, counts.only_in, strict=True))
        filters = "  ".join(f"[{f.value}]" if f is self.chosen else f.value for f in FILTERS)
        status = (
            f"{counts.points} points · carried by all {total}: {counts.carried_by_all} · only in one: "
            f"{counts.only_in_one} ({only}) · conflicting: {counts.conflicting}\n"
            f"f filter: {filters}   r order: {articles[self.reading].label}"
        )
        self.query_one("#story-status", Static).update(Content(status))
        self.query_one("#story-heading", Static).update(Content(story_heading(articles, width)))
        self.listed = [p for p in in_reading_order(self.points, self.reading) if keep(p, self.chosen, total)]
        listing = self.query_one(StoryList)
        keep_at = listing.highlighted
        listing.clear_options()
        if not self.listed:
            listing.add_option(
                Option(Content.styled(f"No point is {self.chosen.value}.", "$text-muted"), disabled=True)
            )
            return
        listing.add_options(Option(self._prompt(point, width)) for point in self.listed)
        listing.highlighted = min(keep_at or 0, len(self.listed) - 1)

    def _prompt(self, point: StoryPoint, width: int) -> Content:
        entry = story_entry(point, self.comparison.articles, width)
        style = "bold $text-error" if point.conflicting else ("$text-success" if point.carried > 1 else "$text-muted")
        parts: list[Content] = []
        for number, cells in enumerate(entry.lines):
            gutter = Content.styled(entry.gutter, style) if number == 0 else Content(" " * len(entry.gutter))
            row = [gutter]
            for column, cell in enumerate(cells):
                if column:
                    row.append(Content.styled("│", "$text-muted"))
                row.append(Content.styled(cell, "$text-muted") if cell.strip() == "—" else Content(cell))
            parts.append(Content.assemble(*row))
        return Content("\n").join(parts)

    def action_next_filter(self) -> None:
        self.chosen = FILTERS[(FILTERS.index(self.chosen) + 1) % len(FILTERS)]
        self.query_one(StoryList).highlighted = 0
        self._fill()

    def action_next_reading(self) -> None:
        self.reading = (self.reading + 1) % len(self.comparison.articles)
        self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.listed):
            point = self.listed[event.option_index]
            article, sentence = jump_target(point, self.reading)
            self.dismiss(StoryJump(article, sentence, point))

    def action_close(self) -> None:
        self.dismiss(None)

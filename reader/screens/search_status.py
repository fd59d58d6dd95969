"""Search and the status line of the main screen: a mixin of MainScreen, kept apart to keep modules small.

Typing in the search line lights every hit in both panes; Enter walks the hits (across panes), Escape closes.
The status line says which pair is shown, what the alignment found, the search position and what still runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.screens.mixin import MainScreenMixin
from reader.viewmodel.bands import Side
from reader.viewmodel.pair_view import PairView, SearchHit
from reader.widgets.headers import StatusLine

if TYPE_CHECKING:
    from textual.widgets import Input

    from reader.core.records import Article, Comparison
    from reader.widgets.article_pane import ArticlePane
    from reader.widgets.search_bar import SearchBar


class SearchAndStatus(MainScreenMixin):
    """Handlers for the search line and the status line (MainScreen derives from it)."""

    view: PairView
    active: Side
    hits: list[SearchHit]
    hit_index: int | None
    progress: str
    articles: tuple[Article, ...]
    comparison: Comparison | None

    if TYPE_CHECKING:  # provided by MainScreen or a sibling mixin; declared for the type checker only

        def pane(self, side: Side) -> ArticlePane: ...
        def search_bar(self) -> SearchBar | None: ...
        def move_cursor(self, side: Side, sentence: int) -> None: ...

    # -- search ----------------------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search-bar":
            return
        self.hits = self.view.search(event.value)
        self.hit_index = None
        for side in (Side.LEFT, Side.RIGHT):
            self.pane(side).set_highlight("search", [(h.start, h.end) for h in self.hits if h.side is side])
        self._update_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search-bar":
            return
        self._step_hit(forward=True)

    def on_search_bar_previous(self, message: SearchBar.Previous) -> None:
        self._step_hit(forward=False)

    def _step_hit(self, forward: bool) -> None:
        if not self.hits:
            self.notify("No hits.", timeout=2)
            return
        if self.hit_index is None:
            hit = self.view.next_hit(self.hits, self.active, self.pane(self.active).cursor, forward)
            self.hit_index = self.hits.index(hit) if hit is not None else 0
        else:
            self.hit_index = (self.hit_index + (1 if forward else -1)) % len(self.hits)
        hit = self.hits[self.hit_index]
        self.move_cursor(hit.side, hit.sentence)
        self._update_status()

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        bar = self.search_bar()
        if bar is None:
            return
        bar.value = ""
        bar.display = False
        self.pane(self.active).focus()

    # -- status ----------------------------------------------------------------------------------------------

    def _set_progress(self, progress: str) -> None:
        self.progress = progress
        self._update_status()

    def _update_status(self) -> None:
        status = self.query(StatusLine)
        if status:
            status.first().show_status(*self._status_parts())

    def _status_parts(self) -> tuple[str, str, str]:
        """Pair, counts and progress for the status line."""
        left, right = self.view.pair
        pair = f"{left.label} ⇄ {right.label}"
        counts = ""
        if self.view.alignment is not None:
            from reader.core.counts import (  # not before the first paint: no alignment yet there
                all_conflicts,
                pair_counts,
            )

            comparison = self.view.comparison
            # the same figures as `reader compare` and the exports, conflicts as the Conflicts tab lists them
            figures = pair_counts(self.view.alignment, all_conflicts(comparison) if comparison else None)
            counts = (
                f"{figures.matched} matched · "
                f"unique {left.label} {figures.unique[0]}, {right.label} {figures.unique[1]} · "
                f"{_counted(figures.conflicts, 'conflict')}"
            )
        if self.hits:
            position = "" if self.hit_index is None else f"{self.hit_index + 1}/"
            counts += f" · search {position}{_counted(len(self.hits), 'hit')}"
        if len(self.articles) >= 3:
            counts += f" · {len(self.articles)} articles (p: pair)"
        progress = self.progress or ("aligning…" if self.comparison is None else "")
        return pair, counts, progress


def _counted(count: int, noun: str) -> str:
    """ "1 conflict", "2 conflicts": the status line reads as a sentence."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

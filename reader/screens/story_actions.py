"""The story view and the claim walk from the main screen: `v` opens the story, `a`/`A` walk the claims.

A mixin of MainScreen. Enter on a point of the story puts the panes on its passage: the current pair when it
holds that article, else the pair of that article and another outlet of the point. `a` moves the active pane's
cursor to the next claim of its article (speaker and cue lit, the Claims tab's entry highlighted), `A` back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.screens.mixin import MainScreenMixin
from reader.viewmodel.bands import Side

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.core.records import Article, Claim, Comparison, TextSpan
    from reader.core.story import StoryFilter
    from reader.screens.pair_picker import Pair
    from reader.screens.story import StoryJump
    from reader.widgets.article_pane import ArticlePane
    from reader.widgets.sidebar import Sidebar


class StoryAndClaims(MainScreenMixin):
    """Handlers for `v` (story view) and `a`/`A` (claims)."""

    comparison: Comparison | None
    articles: tuple[Article, ...]
    pair: tuple[int, int]
    active: Side
    story_reading: int | None = None
    story_filter: StoryFilter | None = None
    """The story view's filter when it was last closed (None: every point); the story modules load on first use."""

    if TYPE_CHECKING:  # provided by MainScreen or a sibling mixin; declared for the type checker only

        def pane(self, side: Side) -> ArticlePane: ...
        def move_cursor(self, side: Side, sentence: int) -> None: ...
        def show_spans(self, side: Side, sentence: int | None, spans: Sequence[TextSpan]) -> None: ...
        def sidebar(self) -> Sidebar | None: ...
        def _pair_chosen(self, pair: Pair | None) -> None: ...

    # -- the story view --------------------------------------------------------------------------------------

    def action_story(self) -> None:
        if self.comparison is None:
            self.notify("The story needs the alignment: it is still running.", timeout=3)
            return
        from reader.core.story import StoryFilter
        from reader.screens.story import StoryScreen

        reading = self.pair[0] if self.story_reading is None else self.story_reading
        chosen = self.story_filter or StoryFilter.EVERY
        story = StoryScreen(self.comparison, reading, chosen)

        def closed(jump: StoryJump | None) -> None:
            self.story_reading, self.story_filter = story.reading, story.chosen  # reopens where it was left
            self._story_chosen(jump)

        self.app.push_screen(story, closed)

    def _story_chosen(self, jump: StoryJump | None) -> None:
        if jump is None:
            return
        from reader.viewmodel.story_rows import pair_for

        pair, on_left = pair_for(jump.point, jump.article, self.pair, len(self.articles))
        if pair != self.pair:
            self._pair_chosen(pair)
        side = Side.LEFT if on_left else Side.RIGHT
        self.pane(side).focus()
        self.move_cursor(side, jump.sentence)

    # -- walking the claims ----------------------------------------------------------------------------------

    def action_claim(self, forward: int) -> None:
        """The next (previous) claim of the active pane's article after its cursor, wrapping around."""
        comparison = self.comparison
        if comparison is None or not comparison.analysed:
            self.notify("Claims arrive with the analysis: it is still running.", timeout=3)
            return
        article = self.pair[self.active]
        claims = sorted(
            (c for c in comparison.claims if c.article == article), key=lambda c: (c.sentence, c.cue.start, c.id)
        )
        if not claims:
            self.notify(f"No claim in {comparison.articles[article].label}.", timeout=2)
            return
        cursor = self.pane(self.active).cursor
        here = -1 if cursor is None else cursor
        if forward:
            later = [c for c in claims if c.sentence > here]
            claim = later[0] if later else claims[0]
        else:
            earlier = [c for c in claims if c.sentence < here]
            claim = earlier[-1] if earlier else claims[-1]
        from reader.viewmodel.sidebar_rows import claim_spans  # the sidebar's rows load after the first paint

        self.show_spans(self.active, claim.sentence, claim_spans(claim))
        self.move_cursor(self.active, claim.sentence)
        self._highlight_claim(claim)

    def _highlight_claim(self, claim: Claim) -> None:
        sidebar = self.sidebar()
        if sidebar is None:
            return
        from reader.widgets.claim_list import ClaimList

        found = sidebar.query(ClaimList)
        if not found:
            return
        listing = found.first()
        for key, row in listing.claims_by_key.items():
            if claim in (row.left, row.right):
                listing.select_key(key)
                return

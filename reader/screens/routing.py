"""Where sidebar selections lead: actors, claims and quoted speakers jump both panes to their passages.

A mixin of MainScreen, kept apart so the screen module stays about layout and keys. Selecting the same entry
again steps to its next mention (or next claim), cycling.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.records import TextSpan
from reader.viewmodel.bands import Side
from reader.viewmodel.pair_view import PairView
from reader.viewmodel.scrolling import centre
from reader.widgets.article_pane import ArticlePane

if TYPE_CHECKING:  # the sidebar's widgets load after the first paint; only their message types are named here
    from reader.core.records import Comparison
    from reader.widgets.actor_list import ActorList
    from reader.widgets.claim_list import ClaimList
    from reader.widgets.quoted_table import QuotedTable


class SelectionRouting:
    """Handlers for the sidebar's Selected messages."""

    comparison: Comparison | None
    view: PairView
    active: Side
    pair: tuple[int, int]
    _last_selection: str | None = None
    _turn: int = 0

    if TYPE_CHECKING:  # provided by MainScreen or a sibling mixin; declared for the type checker only

        def pane(self, side: Side) -> ArticlePane: ...
        def analysis_in_view(self) -> Comparison | None: ...
        def _sync_minimaps(self) -> None: ...

    def _next_turn(self, key: str) -> int:
        """0 for a new selection, then 1, 2… while the same entry is selected again."""
        self._turn = self._turn + 1 if key == self._last_selection else 0
        self._last_selection = key
        return self._turn

    def show_spans(self, side: Side, sentence: int | None, spans: Sequence[TextSpan]) -> None:
        """Put a pane's cursor on a sentence, centre it and highlight the spans (or clear them)."""
        pane = self.pane(side)
        pane.set_highlight("mention", [(span.start, span.end) for span in spans])
        if sentence is None:
            return
        shown = self.view.nearest_shown(side, sentence)
        if shown is None:
            return
        pane.set_state(cursor=shown, lit=frozenset())
        span = pane.rows.span(shown)
        if span is not None:
            pane.scroll_quietly(centre(span[0], span[1], pane.scrollable_content_region.height))
        self._sync_minimaps()

    def on_actor_list_selected(self, message: ActorList.Selected) -> None:
        analysed = self.analysis_in_view()
        if analysed is None:
            return
        actor = next((a for a in analysed.actors if a.id == message.actor_id), None)
        if actor is None:
            return
        from reader.viewmodel.sidebar_rows import nth_mention  # the sidebar's rows load after the first paint

        turn = self._next_turn(f"actor:{actor.id}")
        for side, article in zip((Side.LEFT, Side.RIGHT), self.pair, strict=True):
            mention = nth_mention(actor, article, turn)
            if mention is None:
                self.show_spans(side, None, ())
            else:
                self.show_spans(side, mention.sentence, (TextSpan(mention.start, mention.end, mention.text),))

    def on_claim_list_selected(self, message: ClaimList.Selected) -> None:
        from reader.viewmodel.sidebar_rows import claim_spans

        row = message.row
        self._next_turn(f"claim:{row.key}")
        for side, claim in ((Side.LEFT, row.left), (Side.RIGHT, row.right)):
            if claim is None:
                self.show_spans(side, None, ())
            else:
                self.show_spans(side, claim.sentence, claim_spans(claim))

    def on_quoted_table_selected(self, message: QuotedTable.Selected) -> None:
        analysed = self.analysis_in_view()
        if analysed is None:
            return
        from reader.viewmodel.sidebar_rows import claim_spans, speaker_claims

        line = message.line
        turn = self._next_turn(f"quoted:{line.actor or line.speaker}")
        for side, article in zip((Side.LEFT, Side.RIGHT), self.pair, strict=True):
            claims = speaker_claims(analysed, line, article)
            if not claims:
                self.show_spans(side, None, ())
                continue
            claim = claims[turn % len(claims)]
            self.show_spans(side, claim.sentence, claim_spans(claim))

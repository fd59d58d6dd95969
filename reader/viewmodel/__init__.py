"""The view's model: pure code that turns a Comparison and a chosen pair into what the panes draw.

No Textual here (tests/tui/test_viewmodel*.py exercise it without an app): bands keep matched passages level,
layout wraps them into screen rows, PairView answers counterparts, marks and next/previous questions, and the
sidebar, minimap and word-diff helpers shape their records for display.
"""

from reader.viewmodel.bands import Band, Item, Side, build_bands, in_order_matches
from reader.viewmodel.layout import PaneRows, Row, RowKind, lay_out, wrap_offsets
from reader.viewmodel.pair_view import Jump, PairView, SearchHit

__all__ = [
    "Band",
    "Item",
    "Jump",
    "PairView",
    "PaneRows",
    "Row",
    "RowKind",
    "SearchHit",
    "Side",
    "build_bands",
    "in_order_matches",
    "lay_out",
    "wrap_offsets",
]

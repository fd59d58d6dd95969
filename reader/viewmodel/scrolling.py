"""Scroll arithmetic for the panes: keep the cursor in view, stand a counterpart level with its passage.

Plain integer functions so the rules are tested without a terminal; the panes clamp the results to their
scroll range.
"""

from __future__ import annotations

from reader.core.records import Article

CURSOR_MARGIN = 2
"""Rows kept visible above and below the cursor when the pane scrolls to follow it."""


def gutter_width(article: Article, with_coverage: bool) -> int:
    """Cells before the text: cursor bar, line number, space, mark, note mark, optional " k/N", space."""
    last_line = max(article.source_lines, default=1)
    digits = max(2, len(str(last_line)))
    return 1 + digits + 1 + 1 + 1 + (4 if with_coverage else 0) + 1


def reveal(top: int, height: int, scroll: int, viewport: int, margin: int = CURSOR_MARGIN) -> int:
    """The smallest scroll change that shows rows [top, top + height) with a margin, top first if too tall."""
    if viewport <= 0:
        return scroll
    margin = max(0, min(margin, (viewport - 1) // 2))
    if top - margin < scroll:
        return max(0, top - margin)
    if height + 2 * margin > viewport:
        return max(0, top - margin)
    bottom = top + height + margin
    if bottom > scroll + viewport:
        return bottom - viewport
    return scroll


def level(my_top: int, my_scroll: int, other_top: int) -> int:
    """The other pane's scroll that puts its row `other_top` on the same screen row as my row `my_top`."""
    return other_top - (my_top - my_scroll)


def centre(top: int, height: int, viewport: int) -> int:
    """The scroll that puts rows [top, top + height) in the middle of the viewport (top first if too tall)."""
    if height >= viewport:
        return max(0, top)
    return max(0, top - (viewport - height) // 2)

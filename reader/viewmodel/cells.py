"""Text as the terminal will draw it: emoji sequences written out as their parts, so every cell count agrees.

Rich (and so Textual) measures a ZWJ sequence such as 👩‍👩‍👧 or 🏳️‍🌈 as one two-cell grapheme, but terminals
disagree: tmux 3.3 draws 👩‍👩‍👧 in 2 cells and 🏳️‍🌈 in 1, older terminals draw every part, a skin-tone
modifier takes 2 cells of its own in tmux (👍🏽 is 4). Whenever the app's count and the terminal's differ, the
rest of the row slides and the pane border moves on that row. Every terminal and Rich agree on single code
points, though; so the panes draw each sequence as its parts: without the joiners (U+200D next to an emoji),
the presentation selectors (U+FE0E, U+FE0F), skin-tone modifiers and tag characters. The family becomes
👩👩👧 (6 cells everywhere), the rainbow flag 🏳🌈. Only what is drawn changes: offsets, search, exports and the
saved text keep the article's own characters. Joiners between letters (Indic and Arabic scripts) are kept.
"""

from __future__ import annotations

import re

_PICTOGRAPH = r"\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF"
_INVISIBLE = re.compile(
    rf"(?<=[{_PICTOGRAPH}\uFE0F\U0001F3FB-\U0001F3FF])\u200D|\u200D(?=[{_PICTOGRAPH}])"
    r"|[\uFE0E\uFE0F\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]"
)


def drawn_text(text: str) -> str:
    """`text` with emoji joiners, presentation selectors, skin-tone modifiers and tags removed (see module)."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", text)

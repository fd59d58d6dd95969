"""Each component class a pane or a minimap draws with is declared by exactly one node, and styled for that node.

The alignment's classes moved from the widgets to hidden holders (`reader.widgets.late_styles`); a class left
declared on the widget, or a rule left on the widget's selector, would style nothing: the widget draws it plain.
"""

from __future__ import annotations

import re

import pytest
from textual.widget import Widget

from reader.stylesheets import HIGHLIGHT_STYLESHEETS, STYLESHEETS, stylesheet
from reader.widgets.article_pane import ArticlePane
from reader.widgets.late_styles import (
    MINIMAP_ALIGNMENT_COMPONENTS,
    PANE_ALIGNMENT_COMPONENTS,
    MinimapMarkStyles,
    PaneHighlightStyles,
)
from reader.widgets.minimap import Minimap

RULE = re.compile(r"^\s*(\w+) > \.([\w-]+) \{", re.MULTILINE)


def _rules() -> set[tuple[str, str]]:
    """(selector's type, component class) of every component rule in the main screen's stylesheets and in the
    widgets' default CSS."""
    texts = [stylesheet(name).read_text(encoding="utf-8") for name in (*STYLESHEETS, *HIGHLIGHT_STYLESHEETS)]
    texts += [widget.DEFAULT_CSS for widget in (ArticlePane, Minimap, PaneHighlightStyles, MinimapMarkStyles)]
    return {(match[1], match[2]) for text in texts for match in RULE.finditer(text)}


@pytest.mark.parametrize(
    ("widget", "holder", "late"),
    [
        (ArticlePane, PaneHighlightStyles, PANE_ALIGNMENT_COMPONENTS),
        (Minimap, MinimapMarkStyles, MINIMAP_ALIGNMENT_COMPONENTS),
    ],
)
def test_the_first_frames_classes_are_the_widgets_and_the_alignments_are_the_holders(
    widget: type[Widget], holder: type[Widget], late: frozenset[str]
) -> None:
    own = set(widget.COMPONENT_CLASSES)
    assert set(holder.COMPONENT_CLASSES) == late
    assert own and not own & late
    rules = _rules()
    for name in own:
        assert (widget.__name__, name) in rules, name
    for name in late:
        assert (holder.__name__, name) in rules, name
        assert (widget.__name__, name) not in rules, name  # a rule on the widget styles nothing now

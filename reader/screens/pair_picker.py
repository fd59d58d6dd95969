"""The `p` dialog: choose which two articles stand side by side when there are three or more."""

from __future__ import annotations

from itertools import combinations
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.records import Article, Comparison, SentenceClass
from reader.shown import shown

Pair = tuple[int, int]


def pair_summary(comparison: Comparison | None, articles: tuple[Article, ...], pair: Pair) -> Text:
    """ "A ⇄ C  12 of 30 passages matched · headline A · headline C"."""
    left, right = pair
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{articles[left].label} ⇄ {articles[right].label}", style="bold")
    if comparison is not None:
        alignment = comparison.alignment(left, right)
        matched = sum(1 for cls in alignment.classes_a if cls not in (SentenceClass.UNIQUE, SentenceClass.BOILERPLATE))
        text.append(f"  {matched}/{len(alignment.classes_a)} matched", style="dim")
    text.append("  ")
    text.append(shown(articles[left].title))
    text.append("  ⇄  ", style="dim")
    text.append(shown(articles[right].title))
    return text


class PairPicker(ModalScreen[Pair | None]):
    """A list of every pair; Enter picks one, Escape keeps the current pair."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="pair-cancel")]

    def __init__(self, articles: tuple[Article, ...], comparison: Comparison | None, current: Pair) -> None:
        super().__init__()
        self.articles = articles
        self.comparison = comparison
        self.current = current
        self.pairs: list[Pair] = list(combinations(range(len(articles)), 2))

    def compose(self) -> ComposeResult:
        with Vertical(id="pair-body"):
            yield Static("Choose the pair to compare", id="pair-title")
            options = [
                Option(pair_summary(self.comparison, self.articles, pair), id=f"{pair[0]}-{pair[1]}")
                for pair in self.pairs
            ]
            yield OptionList(*options, id="pair-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        current = tuple(sorted(self.current))
        if current in self.pairs:
            options.highlighted = self.pairs.index(current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.pairs[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

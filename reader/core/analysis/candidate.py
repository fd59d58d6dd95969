"""A name mention before clustering: one cleaned span of one article with the model's label as a vote.

Its own module so that the finders of names the model left untagged (`untagged.py`) and the cleaning of the
model's entities (`mentions.py`) build the same record without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reader.core.analysis.names import STATE_NAMES, fold, name_key, place_alias
from reader.core.records import ActorKind, BlockKind

SKIPPED_KINDS = (BlockKind.BOILERPLATE, BlockKind.BYLINE)
"""Boilerplate is no part of the story, and a byline names the reporter, not an actor."""


@dataclass(frozen=True)
class Candidate:
    """One cleaned name span of one article."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    kind: ActorKind | None
    """The model's label as a vote; None when the span came from a context where labels are unreliable."""
    titled: str
    """The name with the title written before it ("U.S. President Donald Trump"), or the name itself."""
    name_piece: bool = False
    """The model's person span is one piece of a name cut by brackets or quotes ("Moammar) Gadhafi")."""
    full_name: str = ""
    """The whole name a piece belongs to ("Moammar Gadhafi"), when it is a piece: its key is that name's."""

    @cached_property
    def key(self) -> str:
        """The folded name, with well-known abbreviations mapped to one form ("U.S." and "US" meet); computed
        once per candidate (the clustering reads it many times)."""
        key = name_key(self.full_name or self.text)
        alias = place_alias(key)
        return fold(alias) if alias else key

    @cached_property
    def country(self) -> str | None:
        """The country's key when the name is one of its state names ("the Islamic Republic" → "iran")."""
        return STATE_NAMES.get(self.key)

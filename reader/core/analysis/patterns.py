"""Attributions made by punctuation, with no verb: a quotation signed with a dash, a name before a colon.

- "“Trump must stop portraying Latinos as criminals.” ― Carla Sanchez": a quotation closed and followed by a
  dash and a name is that person's statement (readers' comments, tweets and epigraphs are written so);
- "Pence: Gennifer Flowers Won't Be at Debate", "WALLACE: Let's start with …": a paragraph that opens with a
  name and a colon gives that source's words (headlines and transcripts). The name must be an actor's mention
  or written in capitals, so "Editor's note:" or "Updated:" are no attribution.
Both are found on the text, not the parse: the parser splits a signed quotation from its dash, and headlines
are where it is least reliable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.records import Article

_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da|del|la|le)){0,4}"
_SIGNED = re.compile(r"[”\"»][ \t]*\n?[ \t]*(?P<dash>[―—]|--)[ \t]*(?P<name>" + _NAME + ")")
_COLON_HEAD = re.compile(r"[ \t“\"]*(?P<name>" + _NAME + r")(?P<colon>:)[ \t]+(?=\S)")
MAX_HEAD_WORDS = 4
"""A name before a colon is at most this many words ("Sen. Elizabeth Warren:"), else it is a sentence."""


@dataclass(frozen=True)
class Marked:
    """One attribution by punctuation, as character offsets into `Article.text`."""

    cue: tuple[int, int]
    speaker: tuple[int, int]
    content: tuple[int, int]
    cue_lemma: str


def signed_quotes(article: Article, quotes: Sequence[tuple[int, int]]) -> list[Marked]:
    """Quotations closed and signed with a dash and a name."""
    ends = {high: low for low, high in quotes}
    found = []
    for match in _SIGNED.finditer(article.text):
        low = ends.get(match.start())
        if low is None:
            continue
        start, end = match.span("name")
        if article.text[end - 1] == "." and end - start > 2 and article.text[end - 3] not in " .":
            end -= 1  # the full stop after the signature, not an initial ("Edwin G. Monroy")
        found.append(Marked(match.span("dash"), (start, end), (low, match.start()), "dash"))
    return found


def colon_heads(article: Article, is_source: Callable[[int, int], bool]) -> list[Marked]:
    """Paragraphs (and headlines) that open with a source's name and a colon; `is_source(start, end)` says
    whether that span is an actor's mention."""
    found = []
    text = article.text
    for block in article.blocks:
        match = _COLON_HEAD.match(text, block.start, block.end)
        if match is None:
            continue
        start, end = match.span("name")
        name = text[start:end]
        if len(name.split()) > MAX_HEAD_WORDS or not (is_source(start, end) or _capitals(name)):
            continue
        found.append(Marked(match.span("colon"), (start, end), (match.end(), block.end), "colon"))
    return found


def _capitals(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)

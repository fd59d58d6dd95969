"""Give every unit of an article its kind (headline, byline, bullet, paragraph, boilerplate) and read its metadata.

The order of decisions matters and is deliberate: the headline is found first (so that its repeats can be told
from it), then bylines and the slash-chain prefix (so that a short byline is never mistaken for a menu label),
then boilerplate, then bullets and headings; what is left is paragraph text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.load.boilerplate import mark_boilerplate
from reader.core.load.chrome import CHROME_MAX_WORDS, date_in, is_publication_line, publication_date
from reader.core.load.lineshape import is_title_like, normalise, rough_word_count, words_of
from reader.core.load.metadata import (
    Byline,
    SlashChain,
    find_dates,
    find_headline,
    parse_byline,
    parse_dateline,
    parse_slash_chain,
)
from reader.core.load.segment import Piece, Unit, sentence_spans
from reader.core.records import ArticleMeta, BlockKind

CHAIN_SEARCH_UNITS = 8
"""A slash-chain byline opens the article: only the first units are tried."""

PUBLISHED_SEARCH_UNITS = 15
"""A "Published …" line, a dated byline or a date-only line stands near the top: only the first units are read."""

TITLE_OUTLET_MAX_WORDS = 5
"""The outlet named beside the headline in a page title ("Bridge Reopens | Coastwire") is a short name."""
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|·•]\s*")

DATELINE_SEARCH_PARAGRAPHS = 3
"""A wire dateline ("WASHINGTON (AP) —") opens one of the first paragraphs (after a standfirst, perhaps)."""

LIST_ITEM_MAX_WORDS = 25

HEADING_MAX_WORDS = 14
"""A title-like unit this short inside the body is a heading of its own, never glued to prose."""


SENTENCE_CASE_MIN_WORDS = 8
"""A title-like line this long with few capitalised words is a sentence that lost its full stop, not a heading
("Both sides said they hoped for a deal by Friday"): body subheadings are short or in title case."""


def _reads_as_heading(text: str) -> bool:
    words = words_of(text)
    if len(words) > HEADING_MAX_WORDS:
        return False
    if len(words) < SENTENCE_CASE_MIN_WORDS:
        return True
    capitalised = sum(1 for word in words[1:] if word[:1].isupper())
    return capitalised * 3 >= len(words) - 1


@dataclass(frozen=True)
class PageHints:
    """What an HTML page says about itself outside its text (see `reader.core.load.htmltext.HtmlText`)."""

    headline: str | None = None
    title: str | None = None
    site_name: str | None = None
    author: str | None = None
    published: str | None = None
    """Publication date (ISO) from the page's metadata."""
    chrome_lines: frozenset[int] = frozenset()
    """0-based text lines an extractor found to be page chrome: their units are boilerplate (unless they are
    the headline or a byline, which the header shows)."""
    story_lines: frozenset[int] = frozenset()
    """0-based text lines an extractor found to be story: only the strong chrome rules apply to them."""


@dataclass(frozen=True)
class Layout:
    """The classified pieces of an article and its metadata."""

    pieces: tuple[Piece, ...]
    meta: ArticleMeta


def _plain_list_items(text: str, units: Sequence[Unit]) -> set[int]:
    """Units listed without glyphs: two or more short one-sentence lines, one per line, after a line ending in ":".

    ("Trump has to accomplish the following:" then "Stop lying" / "Show humility" / … on lines of their own.)
    The first item may follow one blank line; the others follow each other directly. Treating them as bullets
    keeps short items from being read as menu labels or headings.
    """
    items: set[int] = set()
    run: list[int] = []
    after_colon = False
    previous_last_line = -2
    for index, unit in enumerate(units):
        body = text[unit.body_start : unit.end]
        gap = unit.line - previous_last_line - 1
        is_item = (
            not unit.marker
            and ((after_colon and gap <= 1) or (bool(run) and gap == 0))
            and rough_word_count(body) <= LIST_ITEM_MAX_WORDS
            and len(sentence_spans(text, unit.body_start, unit.end)) == 1
        )
        if is_item:
            run.append(index)
        else:
            items.update(run if len(run) >= 2 else ())
            run = []
        after_colon = body.rstrip().endswith(":")
        previous_last_line = unit.line + text.count("\n", unit.start, unit.end)
    items.update(run if len(run) >= 2 else ())
    return items


def _headline_hint(hints: PageHints) -> str | None:
    return hints.headline or hints.title


def classify(text: str, units: Sequence[Unit], hints: PageHints | None = None) -> Layout:
    """Classify `units` of `text` into pieces and collect the metadata (see the module docstring)."""
    hints = hints or PageHints()
    bodies = [text[unit.body_start : unit.end] for unit in units]
    bullets = {index for index, unit in enumerate(units) if unit.marker == "bullet"} | _plain_list_items(text, units)
    headline_index = find_headline(bodies, bullets, _headline_hint(hints))
    headline = bodies[headline_index] if headline_index is not None else None

    bylines: dict[int, Byline] = {}
    for index, body in enumerate(bodies):
        if index != headline_index and index not in bullets and (byline := parse_byline(body)):
            bylines[index] = byline
    chains: dict[int, SlashChain] = {}
    for index, body in enumerate(bodies[:CHAIN_SEARCH_UNITS]):
        if index in bylines or index in bullets or index == headline_index:
            continue
        if chain := parse_slash_chain(body, headline):
            chains[index] = chain
            break
    if headline is None:
        headline = next((c.headline for c in chains.values() if c.headline), None)

    protected = set(bylines) | set(chains)
    trusted = {index for index, unit in enumerate(units) if unit.line in hints.story_lines}
    boilerplate = mark_boilerplate(bodies, bullets, headline_index, protected, trusted)
    if hints.chrome_lines:
        boilerplate |= {
            index
            for index, unit in enumerate(units)
            if unit.line in hints.chrome_lines and index != headline_index and index not in protected
        }
    pieces: list[Piece] = []
    for index, unit in enumerate(units):
        body = bodies[index]
        if index == headline_index:
            kind = BlockKind.HEADLINE
        elif index in bylines:
            kind = BlockKind.BYLINE
        elif index in chains:
            split = unit.body_start + chains[index].prefix_end
            pieces.append(Piece(BlockKind.BYLINE, unit.start, unit.body_start, split))
            pieces.append(Piece(BlockKind.PARAGRAPH, split, split, unit.end))
            continue
        elif index in boilerplate:
            kind = BlockKind.BOILERPLATE
        elif index in bullets:
            kind = BlockKind.BULLET
        elif unit.marker == "heading" or (is_title_like(body) and _reads_as_heading(body)):
            kind = BlockKind.HEADLINE
        else:
            kind = BlockKind.PARAGRAPH
        pieces.append(Piece(kind, unit.start, unit.body_start, unit.end))
    meta = _meta(text, pieces, headline, bylines, chains, hints)
    return Layout(pieces=tuple(pieces), meta=meta)


def _meta(
    text: str,
    pieces: Sequence[Piece],
    headline: str | None,
    bylines: dict[int, Byline],
    chains: dict[int, SlashChain],
    hints: PageHints,
) -> ArticleMeta:
    """Gather the metadata, the text's own evidence first and the page's hints as fallback."""
    chain = next(iter(chains.values()), None)
    first_byline = bylines[min(bylines)] if bylines else None
    author = (chain.author if chain else None) or (first_byline.author if first_byline else None) or hints.author
    outlet = (chain.outlet if chain else None) or next((b.outlet for b in bylines.values() if b.outlet), None)
    dateline = chain.dateline if chain else None
    paragraphs = [p for p in pieces if p.kind is BlockKind.PARAGRAPH][:DATELINE_SEARCH_PARAGRAPHS]
    wire = next((found for p in paragraphs if (found := parse_dateline(text[p.body_start : p.end]))), None)
    if wire:
        dateline = dateline or wire[0]
        outlet = outlet or wire[1]
    outlet = outlet or hints.site_name or _outlet_in_title(hints.title, headline)
    if headline is None:
        hint = hints.headline or hints.title
        headline = hint if hint and normalise(hint) else None
    content = (text[p.body_start : p.end] for p in pieces if p.kind is not BlockKind.BOILERPLATE)
    published = _published_in_text(text, pieces, paragraphs) or hints.published
    return ArticleMeta(
        headline=" ".join(headline.split()) if headline else None,
        byline=author,
        outlet=outlet,
        dateline=dateline,
        dates=find_dates(content),
        author=author,
        published=published,
    )


def _outlet_in_title(title: str | None, headline: str | None) -> str | None:
    """The outlet of a "Headline | Outlet" title (or " - ", " – ", " — "): the part beside the headline, if short."""
    if not title or not headline:
        return None
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if len(parts) != 2:
        return None
    key = normalise(headline)
    for here, other in (parts, parts[::-1]):
        if normalise(here) == key and len(words_of(other)) <= TITLE_OUTLET_MAX_WORDS:
            return other
    return None


def _published_in_text(text: str, pieces: Sequence[Piece], paragraphs: Sequence[Piece]) -> str | None:
    """The publication date the text states (ISO): a "Published …" or date-only line or a dated byline near the
    top, else a full date in a wire dateline ("WASHINGTON, Nov. 19, 2019 —")."""
    for piece in pieces[:PUBLISHED_SEARCH_UNITS]:
        body = text[piece.body_start : piece.end]
        if piece.kind is BlockKind.BYLINE or is_publication_line(body):
            found = publication_date(body) or (date_in(body) if len(words_of(body)) <= CHROME_MAX_WORDS else None)
            if found:
                return found
    for piece in paragraphs:
        body = text[piece.body_start : piece.end]
        if parse_dateline(body):
            head = re.split(r"\s[—–-]{1,2}\s", body, maxsplit=1)[0]
            if found := date_in(head):
                return found
    return None

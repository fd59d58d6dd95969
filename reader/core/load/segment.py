"""Text → units (lines or wrapped paragraphs) → blocks → sentences, by fast rules (no model).

Why not spaCy here: on raw news text its parser glues a headline to the next sentence, makes a lone bullet glyph a
sentence and merges a column of site chrome into one sentence (see docs/measured.md). Layout decides those
boundaries better than grammar, and rules run in microseconds, so the view can paint before any model loads.

Units: each non-blank line is a unit, except that (a) a line starting in lower case continues the line above when
that line does not end a sentence, and (b) in a hard-wrapped file (lines broken at a fixed width) consecutive
prose lines form one paragraph. Bullet glyphs ("•", "-", "*", "·", "1." …), Markdown heading marks and quote
marks are recorded as a marker that sentence spans leave out.

Sentences: a paragraph splits after ".", "!", "?" or an ellipsis (with any closing quotes or brackets) when the
next word starts a sentence, except that a quoted question or exclamation keeps a short speech tag ("“Why?”
Smith asked."). Titles ("Mr.", "Gen."), single initials ("J. Mansour"), dotted acronyms ("U.S.")
and other abbreviations do not end a sentence unless a typical sentence opener follows ("… in the U.S. The
next day …"). Decimals and "U.S.-Israel" never split because no space follows the period.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.core.limits import bounded_spans
from reader.core.load.lineshape import ends_sentence, vocabulary
from reader.core.records import Block, BlockKind, Sentence

BULLET_GLYPHS = "•‣◦▪▫●○■□◆◇►▸▹➢➤✓✔–—-*·⁃∙"

_BULLET = re.compile(rf"[ \t]*(?:[{re.escape(BULLET_GLYPHS)}]|\d{{1,2}}[.)])[ \t]+(?=\S)")
_LONE_GLYPH = re.compile(rf"[ \t]*[{re.escape(BULLET_GLYPHS)}][ \t]*$")
_HEADING_MARK = re.compile(r"[ \t]*#{1,6}[ \t]+(?=\S)")
_QUOTE_MARK = re.compile(r"[ \t]*>[ \t]*(?=\S)")

_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’')\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"[\w.'’-]*$")
_WORD_AFTER = re.compile(r"[\"“‘'(\[]*([\w'’-]*)")
_ATTRIBUTION = re.compile(r"([^.!?\n\"“”]{1,60})[.,]")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")

CLOSING_QUOTES = "\"”’'"

SPEECH_VERBS = vocabulary(
    """
    said says asked asks demanded added adds told wrote replied responded shouted yelled continued insisted
    warned declared tweeted explained noted argued cried exclaimed wondered
    """
)
"""Verbs of a speech tag that may follow a quoted question or exclamation within the same sentence."""

ATTRIBUTION_MAX_WORDS = 5

WORD_WINDOW = 48
"""How far back the word before a full stop is looked for (longer "words" are no abbreviation)."""

TITLE_ABBREVIATIONS = vocabulary(
    """
    mr mrs ms messrs mme mlle dr prof sen sens rep reps gov gen lt col maj capt cmdr adm sgt cpl pvt st
    rev fr hon pres supt insp det amb sec atty judge
    """
)
"""Titles before a name: a period after them never ends a sentence."""

OTHER_ABBREVIATIONS = vocabulary(
    """
    jr sr inc corp co ltd llc plc bros vs etc approx dept est fig no nos vol ed eds al jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd mt ft univ
    assn intl natl govt min max cf ibid
    """
)
"""Abbreviations that may end a sentence, so they split only before a typical sentence opener."""

SENTENCE_OPENERS = vocabulary(
    """
    the a an he she it they we i you this that these those there here his her their its our my your but
    and or so yet however in on at for after before while when as if although though meanwhile still
    also some many most one two both no not what why how who where according since despite with without
    by from to under over during then now later earlier last next today yesterday tomorrow such each
    every all neither nor instead indeed thus therefore moreover further furthermore
    """
)
"""Words that start sentences far more often than they follow an abbreviation."""


@dataclass(frozen=True)
class Unit:
    """A candidate block: one line, or several lines of one wrapped paragraph or bullet."""

    start: int
    """Offset of the first visible character, marker included."""
    body_start: int
    """Offset where the text proper starts (after a bullet glyph or heading mark)."""
    end: int
    """Offset after the last visible character."""
    line: int
    """0-based index of the first text line of the unit."""
    marker: str
    """"bullet", "heading", "quote" or "" (none)."""


@dataclass(frozen=True)
class Piece:
    """A classified part of a unit: becomes one block."""

    kind: BlockKind
    start: int
    body_start: int
    end: int


def line_starts_of(text: str) -> tuple[int, ...]:
    """Offset of the start of every line of `text` (one more than its number of "\\n")."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return tuple(starts)


def _marker_of(text: str, start: int, end: int) -> tuple[str, int]:
    line = text[start:end]
    for name, pattern in (("bullet", _BULLET), ("heading", _HEADING_MARK), ("quote", _QUOTE_MARK)):
        match = pattern.match(line)
        if match:
            return name, start + match.end()
    return "", start


@dataclass
class _Line:
    index: int
    start: int
    end: int
    marker: str
    body_start: int
    lone_glyph: bool


def _scan_lines(text: str) -> list[_Line | None]:
    """One entry per text line; None for blank lines."""
    lines: list[_Line | None] = []
    for index, line_start in enumerate(line_starts_of(text)):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        raw = text[line_start:line_end]
        stripped = raw.strip()
        if not stripped:
            lines.append(None)
            continue
        start = line_start + len(raw) - len(raw.lstrip())
        end = line_start + len(raw.rstrip())
        marker, body_start = _marker_of(text, line_start, line_end)
        body_start = max(body_start, start)
        lone = _LONE_GLYPH.match(raw) is not None
        lines.append(_Line(index, start, end, marker, body_start, lone))
    return lines


def _wrap_width(text: str, lines: Sequence[_Line | None]) -> int:
    """The line width of a hard-wrapped file, or 0 when lines are paragraphs of their own.

    A file counts as hard-wrapped when at least three long prose lines run on into the next line without ending
    a sentence, and they make up half or more of the lines followed by another prose line.
    """
    followed = 0
    open_widths: list[int] = []
    for current, following in pairwise(lines):
        if current is None or following is None or current.marker or following.marker:
            continue
        followed += 1
        if not ends_sentence(text[current.start : current.end]) and current.end - current.start >= 40:
            open_widths.append(current.end - current.start)
    if len(open_widths) >= 3 and 2 * len(open_widths) >= followed and max(open_widths) <= 120:
        return max(open_widths)
    return 0


def _continues(text: str, previous: _Line, line: _Line, wrap_width: int) -> bool:
    """Whether `line` carries on the unit that `previous` belongs to."""
    if line.marker or previous.marker == "heading" or previous.lone_glyph:
        return previous.lone_glyph and not line.marker
    first = text[line.start]
    previous_text = text[previous.start : previous.end]
    if first.islower() and not ends_sentence(previous_text):
        return True
    return bool(wrap_width) and previous.end - previous.start >= 0.6 * wrap_width


def split_units(text: str) -> list[Unit]:
    """Group the lines of `text` into units (see the module docstring)."""
    lines = _scan_lines(text)
    wrap_width = _wrap_width(text, lines)
    units: list[Unit] = []
    group: list[_Line] = []

    def close() -> None:
        if not group:
            return
        head, tail = group[0], group[-1]
        body_start = group[1].start if head.lone_glyph and len(group) > 1 else head.body_start
        marker = "bullet" if head.lone_glyph and len(group) > 1 else head.marker
        units.append(Unit(start=head.start, body_start=body_start, end=tail.end, line=head.index, marker=marker))
        group.clear()

    for line in lines:
        if line is None:
            close()
            continue
        if group and _continues(text, group[-1], line, wrap_width):
            group.append(line)
            continue
        close()
        group.append(line)
    close()
    return units


def _is_attribution(text: str, start: int) -> bool:
    """Whether the text at `start` is a short speech tag up to the next full stop ("Clinton said.")."""
    match = _ATTRIBUTION.match(text, start)
    if not match:
        return False
    words = match.group(1).split()
    return len(words) <= ATTRIBUTION_MAX_WORDS and any(word.lower() in SPEECH_VERBS for word in words)


def _is_boundary(text: str, match: re.Match[str], next_start: int) -> bool:
    """Whether the terminator `match` ends a sentence whose successor starts at `next_start`."""
    following = text[next_start]
    if following.islower():
        return False
    if not (following.isupper() or following.isdigit() or following in "\"“‘'([«"):
        return False
    terminator = match.group()
    next_word_match = _WORD_AFTER.match(text, next_start)
    next_word = next_word_match.group(1).lower() if next_word_match else ""
    if terminator[0] in "…" or terminator.startswith("..."):
        return next_word in SENTENCE_OPENERS
    if terminator != ".":
        # "?", "!", or a period inside closing quotes or brackets; a quoted question or exclamation followed
        # by its attribution ("“… too big to regulate?” Vitter demanded.") is one sentence
        quoted_outcry = terminator[-1] in CLOSING_QUOTES and any(mark in terminator for mark in "?!")
        return not (quoted_outcry and _is_attribution(text, next_start))
    word_match = _WORD_BEFORE.search(text, max(0, match.start() - WORD_WINDOW), match.start())
    word = word_match.group().lstrip(".'’-") if word_match else ""
    lowered = word.lower()
    if lowered in TITLE_ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Mansour"
    if _DOTTED_ACRONYM.match(word) or lowered in OTHER_ABBREVIATIONS:
        return next_word in SENTENCE_OPENERS and not following.isdigit()
    return True


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, trimmed of surrounding whitespace, in order and disjoint."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        next_start = match.end()
        while next_start < end and text[next_start].isspace():
            next_start += 1
        if next_start >= end:
            break
        if _is_boundary(text, match, next_start):
            spans.append((sentence_start, match.end()))
            sentence_start = next_start
    spans.append((sentence_start, end))
    return [trimmed for span in spans if (trimmed := trim_span(text, *span))[0] < trimmed[1]]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


SPLIT_KINDS = frozenset({BlockKind.PARAGRAPH})
"""Block kinds whose text is split into sentences; the others are one unit each."""


def build_blocks(text: str, pieces: Iterable[Piece]) -> tuple[tuple[Block, ...], tuple[Sentence, ...]]:
    """Blocks and sentences from classified pieces (in text order); a sentence's kind is its block's kind."""
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    for piece in pieces:
        body_start, body_end = trim_span(text, piece.body_start, piece.end)
        if body_start >= body_end:
            continue
        block_index = len(blocks)
        start, end = trim_span(text, piece.start, piece.end)
        blocks.append(Block(index=block_index, kind=piece.kind, start=start, end=end))
        split = piece.kind in SPLIT_KINDS
        spans = sentence_spans(text, body_start, body_end) if split else [(body_start, body_end)]
        spans = bounded_spans(text, spans)  # the size policy: no sentence over MAX_SENTENCE_CHARS
        for sentence_start, sentence_end in spans:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    block=block_index,
                    kind=piece.kind,
                    start=sentence_start,
                    end=sentence_end,
                    text=text[sentence_start:sentence_end],
                )
            )
    return tuple(blocks), tuple(sentences)

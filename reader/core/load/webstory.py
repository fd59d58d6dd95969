"""Which paragraphs of a web page are the story, and who wrote it when: trafilatura's verdict on reader's parse.

trafilatura (a well-kept extractor) decides better than our structural rules which parts of a page are the story:
on the dev pages its text scores snippet F1 0.93 against our rules' 0.84, and it reads author and date metadata
that our parse does not. What it cannot give is a map from each character to its source line, or the chrome it
dropped (which reader keeps, folded and dimmed). So reader parses the page itself (`htmltext.parse_page`) and
only asks trafilatura which of those paragraphs are story: a paragraph is story when trafilatura's text covers it
(see `covered`); the others inside the story's stretch of the page are kept and marked chrome.

trafilatura is imported here, on the first HTML page, never at start-up: loading text files never pays for it.
A page it rejects, or that makes it fail, falls back to the own rules with a one-line warning.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, replace

from reader.core.load.htmltext import HtmlText, ParsedPage, page_text, parse_page
from reader.core.load.metadata import parse_byline

SHORT_PARAGRAPH_WORDS = 4
"""A paragraph of fewer words counts as covered only when trafilatura kept it as whole lines of its own: "Share"
or "Video" would otherwise be found inside any story text."""

SHINGLE_WORDS = 3
SHINGLE_COVER = 0.5
"""A longer paragraph not found verbatim (trafilatura trimmed a link or a caption from it) counts as covered when
at least half of its 3-word shingles occur in trafilatura's text."""

LEAD_MAX_PARAGRAPHS = 40
"""Paragraphs between the <h1> and the first story paragraph (byline, date, share bar) are kept, as chrome,
when there are at most this many; a longer run is site chrome of no interest."""

_WORD = re.compile(r"\w+")
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")
_BY_PREFIX = re.compile(r"^.*\bby\s+(?=[A-Z])")
NAME_MAX_WORDS = 12
BYLINE_MAX_CHARS = 120
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HAS_BODY = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)

TRAFILATURA_MAX_CHARS = 4_000_000
"""A larger page goes to the own rules only: the largest dev page is 1.6 MB, and trafilatura took 48 s on a
20 MB page written for the tests (our own parse: 2 s)."""

QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "dateparser")
"""Libraries that log warnings about odd pages: without a handler of their own, Python's last-resort handler
would print them on stderr, over the terminal app."""


@dataclass(frozen=True)
class Verdict:
    """What trafilatura said about a page."""

    text: str
    author: str | None
    published: str | None
    site_name: str | None


class _Keys:
    """trafilatura's text as one string of case-folded words, with the offsets where its lines start and end."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        self.line_starts: set[int] = set()
        self.line_ends: set[int] = set()
        position = 0
        for line in text.split("\n"):
            words = _WORD.findall(line.casefold())
            if not words:
                continue
            chunk = " " + " ".join(words)
            self.line_starts.add(position)
            parts.append(chunk)
            position += len(chunk)
            self.line_ends.add(position)
        self.joined = "".join(parts) + " "
        words = self.joined.split()
        self.shingles = {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}

    def covers(self, paragraph: str) -> bool:
        """True when `paragraph` is part of trafilatura's text (see SHORT_PARAGRAPH_WORDS and SHINGLE_COVER)."""
        words = _WORD.findall(paragraph.casefold())
        if not words:
            return False
        key = " " + " ".join(words)
        if len(words) < SHORT_PARAGRAPH_WORDS:
            start = self.joined.find(key)
            while start != -1:
                if start in self.line_starts and start + len(key) in self.line_ends:
                    return True
                start = self.joined.find(key, start + 1)
            return False
        if self.joined.find(key + " ") != -1:
            return True
        if len(words) < SHINGLE_WORDS:
            return False
        shingles = [tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
        return sum(s in self.shingles for s in shingles) >= SHINGLE_COVER * len(shingles)


def _quiet_libraries() -> None:
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _author(value: str | None) -> str | None:
    """trafilatura's author field as reader shows names: "A; B" → "A, B", "View all posts by A" → "A"."""
    if not value:
        return None
    names = [_BY_PREFIX.sub("", name).strip() for name in _AUTHOR_SEPARATOR.split(value)]
    return ", ".join(name for name in names if name) or None


def _as_written(author: str, page: ParsedPage) -> str:
    """The author as the page writes it: trafilatura drops the full stops of initials ("T V Raman")."""
    if "." in author:
        return author
    words = _WORD.findall(author)
    if not words or len(words) > NAME_MAX_WORDS:
        return author
    pattern = re.compile(r"\b" + r"\.?\s*".join(re.escape(word) for word in words) + r"\b\.?")
    for paragraph in page.paragraphs:
        if (found := pattern.search(paragraph.text)) and "." in found.group():
            return found.group()
    return author


def _page_byline(page: ParsedPage) -> str | None:
    """The author of the first byline anywhere on the page (a byline often sits in a header outside the story)."""
    for paragraph in page.paragraphs:
        if len(paragraph.text) <= BYLINE_MAX_CHARS and (byline := parse_byline(paragraph.text)) and byline.author:
            return byline.author
    return None


def ask_trafilatura(html: str) -> Verdict | str:
    """trafilatura's story text and metadata for a page, or a one-line reason why there is none."""
    if len(html) > TRAFILATURA_MAX_CHARS:
        return f"page too large for trafilatura ({len(html) // 1_000_000} MB)"
    try:
        import trafilatura
    except ImportError:
        return "trafilatura is not installed"
    _quiet_libraries()
    if not _HAS_BODY.search(html[:65536]):
        html = f"<html><body>{html}</body></html>"  # lxml reads a bare fragment as its first element only
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except Exception as error:  # a third-party parser on arbitrary input: any failure means "use our own rules"
        return f"trafilatura failed ({type(error).__name__})"
    if document is None or isinstance(document, dict):
        return "trafilatura found no story text"
    text = getattr(document, "text", None) or ""
    if not text.strip():
        return "trafilatura found no story text"
    date = getattr(document, "date", None) or ""
    return Verdict(
        text=text,
        author=_author(getattr(document, "author", None)),
        published=date[:10] if _ISO_DAY.match(date) else None,
        site_name=getattr(document, "sitename", None) or None,
    )


def story_paragraphs(page: ParsedPage, verdict: Verdict) -> tuple[list[bool], list[bool]] | None:
    """Which paragraphs to keep and which of those are chrome, or None when trafilatura's text covers none."""
    keys = _Keys(verdict.text)
    story = [keys.covers(paragraph.text) for paragraph in page.paragraphs]
    covered = [index for index, is_story in enumerate(story) if is_story]
    if not covered:
        return None
    first, last = covered[0], covered[-1]
    headline = next((index for index, p in enumerate(page.paragraphs) if p.is_h1), None)
    if headline is not None and 0 <= first - headline <= LEAD_MAX_PARAGRAPHS:
        first = headline
    kept = [first <= index <= last or (page.has_root and page.in_root[index]) for index in range(len(page.paragraphs))]
    chrome = [keep and not is_story for keep, is_story in zip(kept, story, strict=True)]
    return kept, chrome


def _own_rules(page: ParsedPage, why: str) -> HtmlText:
    extracted = page_text(page, page.in_root)
    return replace(extracted, author=_page_byline(page) or extracted.author, warning=why)


def page_story(html: str) -> HtmlText:
    """The article text of a page: reader's parse, trafilatura's verdict on it (own rules when there is none)."""
    page = parse_page(html)
    verdict = ask_trafilatura(html)
    if isinstance(verdict, str):
        return _own_rules(page, verdict)
    chosen = story_paragraphs(page, verdict)
    if chosen is None:
        return _own_rules(page, "trafilatura's story text matched none of the page's paragraphs")
    kept, chrome = chosen
    extracted = page_text(page, kept, chrome)
    return replace(
        extracted,
        author=_as_written(verdict.author, page) if verdict.author else (_page_byline(page) or extracted.author),
        site_name=extracted.site_name or verdict.site_name,
        published=verdict.published,
    )

"""HTML page → the article's text, one paragraph per line, each line mapped to its line in the HTML source.

A news page is mostly chrome: scripts, menus, share bars, footers. The extractor keeps the article and drops the
rest by structure rather than by guessing at words:

- elements that never hold article prose are skipped with everything inside them (script, style, nav, aside,
  form, footer, figure, hidden elements and ARIA landmarks for navigation); a <header> is skipped unless it
  sits inside the article (where it usually holds the headline and byline);
- when the page marks its article (<article>, else <main>), only the text inside the largest one is kept;
- block elements (p, div, h1–h6, li, blockquote, td …) become paragraphs, list items become "• " bullets, and
  inline markup is flattened; entities are decoded;
- <title>, the first <h1> and a few <meta> tags (site name, author) are returned as hints for the metadata.

Paragraphs are separated by blank lines; a blank line maps to the source line of the paragraph above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.core.load.textclean import sanitize

SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form", "button", "select",
        "textarea", "iframe", "object", "embed", "canvas", "audio", "video", "figure", "dialog", "menu", "footer",
    }
)  # fmt: skip
"""Elements whose whole content is left out."""

ROOT_TAGS = frozenset({"article", "main"})
"""Elements that mark where the article is."""

BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "caption", "address",
        "figcaption", "hr", "br", "body", "center", "details", "summary",
    }
)  # fmt: skip
"""Elements that start and end a paragraph."""

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
"""Elements that have no end tag, so they never open a nesting level."""

NAVIGATION_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"})
"""ARIA roles of page chrome."""

BULLET_PREFIX = "• "

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BULLET_START = re.compile(r"^[•‣◦▪●■\-–—*·]\s")


def looks_like_html(text: str) -> bool:
    """True when a text starts like an HTML document (doctype, <html>, <head> or <body>)."""
    return _HTML_START.match(text[:4096]) is not None


@dataclass(frozen=True)
class HtmlText:
    """The article text of a page, its line map, and what the page says about itself."""

    text: str
    """Paragraphs separated by blank lines, already sanitised."""
    source_lines: tuple[int, ...]
    """For each line of `text`, the 1-based line of the HTML source it came from."""
    title: str | None = None
    """Text of <title>, as written (often "Headline | Outlet")."""
    headline: str | None = None
    """Text of the first <h1>."""
    site_name: str | None = None
    """<meta property="og:site_name">."""
    author: str | None = None
    """<meta name="author"> (or article:author when it is a name, not a URL)."""


@dataclass
class _Paragraph:
    text: str
    line: int
    roots: tuple[int, ...]
    is_h1: bool


@dataclass
class _Root:
    tag: str
    chars: int = 0


@dataclass
class _State:
    chunks: list[str] = field(default_factory=list)
    first_line: int = 0
    bullet: bool = False
    is_h1: bool = False


def _clean_inline(raw: str) -> str:
    return " ".join(sanitize(raw).split())


class _ArticleParser(HTMLParser):
    """One pass over the page: paragraphs with their source lines and enclosing roots, plus the hints."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[_Paragraph] = []
        self.roots: list[_Root] = []
        self.meta: dict[str, str] = {}
        self.title_chunks: list[str] = []
        self.h1_chunks: list[str] = []
        self.h1_line = 0
        self._h1_done = False
        self._in_title = False
        self._in_h1 = False
        self._skip_stack: list[str] = []
        self._root_stack: list[tuple[str, int]] = []
        self._current = _State()

    # -- paragraphs -------------------------------------------------------------------------------------------

    def _flush(self) -> None:
        state = self._current
        self._current = _State()
        text = _clean_inline("".join(state.chunks))
        if not text:
            return
        if state.bullet and not _BULLET_START.match(text):
            text = BULLET_PREFIX + text
        roots = tuple(root_id for _, root_id in self._root_stack)
        for root_id in roots:
            self.roots[root_id].chars += len(text)
        self.paragraphs.append(_Paragraph(text=text, line=state.first_line, roots=roots, is_h1=state.is_h1))

    def _start_block(self, tag: str) -> None:
        self._flush()
        self._current.bullet = tag == "li"
        self._current.is_h1 = tag == "h1"

    # -- parser callbacks -------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._read_meta(dict(attrs))
            return
        if tag == "h1" and not self._h1_done:
            self._in_h1 = True  # even inside a skipped site header: the headline hint is still wanted
        if self._skip_stack:
            if tag not in VOID_TAGS:
                self._skip_stack.append(tag)
            return
        if tag not in VOID_TAGS and self._is_chrome(tag, dict(attrs)):
            self._flush()
            self._skip_stack.append(tag)
            return
        if tag == "title":
            self._in_title = True
        if tag in BLOCK_TAGS:
            self._start_block(tag)
        if tag in ROOT_TAGS:
            self.roots.append(_Root(tag=tag))
            self._root_stack.append((tag, len(self.roots) - 1))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self._h1_done = bool(_clean_inline("".join(self.h1_chunks)))
        if self._skip_stack:
            if tag in self._skip_stack:
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
            return
        if tag == "title":
            self._in_title = False
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in ROOT_TAGS and any(open_tag == tag for open_tag, _ in self._root_stack):
            while self._root_stack and self._root_stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        stripped = data.lstrip()
        line = self.getpos()[0] + data[: len(data) - len(stripped)].count("\n")
        if self._in_h1:
            if not self.h1_line and stripped:
                self.h1_line = line
            self.h1_chunks.append(data)
        if self._skip_stack:
            return
        if self._in_title:
            self.title_chunks.append(data)
            return
        if stripped and not self._current.first_line:
            self._current.first_line = line
        self._current.chunks.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    # -- helpers ----------------------------------------------------------------------------------------------

    def _is_chrome(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in SKIPPED_TAGS:
            return True
        if tag == "header" and not self._root_stack:
            return True
        if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        if (attrs.get("role") or "").lower() in NAVIGATION_ROLES:
            return True
        return bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        content = _clean_inline(attrs.get("content") or "")
        if key and content and key not in self.meta:
            self.meta[key] = content


def _chosen_root(parser: _ArticleParser) -> int | None:
    """The largest <article> by text, else the largest <main>, else None (keep the whole body)."""
    for tag in ("article", "main"):
        candidates = [(root.chars, -index) for index, root in enumerate(parser.roots) if root.tag == tag]
        candidates = [c for c in candidates if c[0] > 0]
        if candidates:
            return -max(candidates)[1]
    return None


def _author_hint(meta: dict[str, str]) -> str | None:
    for key in ("author", "article:author", "byl", "dc.creator"):
        value = meta.get(key)
        if value and "://" not in value and not value.startswith("www."):
            return value
    return None


def html_to_text(html: str) -> HtmlText:
    """Extract the article of an HTML page (see the module docstring for the rules)."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    root = _chosen_root(parser)
    kept = [p for p in parser.paragraphs if root is None or root in p.roots]
    headline = _clean_inline("".join(parser.h1_chunks)) or None
    if headline and not any(p.is_h1 or p.text == headline for p in kept):
        kept.insert(0, _Paragraph(text=headline, line=parser.h1_line or 1, roots=(), is_h1=True))
    lines: list[str] = []
    source_lines: list[int] = []
    for paragraph in kept:
        if lines:
            lines.append("")
            source_lines.append(source_lines[-1])
        lines.append(paragraph.text)
        source_lines.append(max(1, paragraph.line))
    title = _clean_inline("".join(parser.title_chunks)) or None
    return HtmlText(
        text="\n".join(lines),
        source_lines=tuple(source_lines) or (1,),
        title=title,
        headline=headline,
        site_name=parser.meta.get("og:site_name") or parser.meta.get("application-name"),
        author=_author_hint(parser.meta),
    )

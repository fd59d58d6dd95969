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
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.core.load.textclean import sanitize

SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "button", "select",
        "textarea", "iframe", "object", "embed", "canvas", "audio", "video", "figure", "dialog", "menu", "footer",
        "label",
    }
)  # fmt: skip
"""Elements whose whole content is left out."""

FORM_TAG = "form"
"""A <form> is usually a search box or a newsletter sign-up, but some sites (ASP.NET above all) wrap the whole
page in one: its text is kept only when it holds the article (an <article>/<main> or most of the page's text)."""

FORM_KEEP_SHARE = 0.5
"""A form holding at least this share of the page's text is the page wrapper, not a widget."""

TEASER_SHARE = 0.25
"""An <article> holding less than this share of the text of the <main> (or, without one, of the page) is a
teaser card, not the story: a 73-character card once won over a <main> holding the whole story."""

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

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BULLET_START = re.compile(r"^[•‣◦▪●■\-–—*·]\s")


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
    chrome_lines: frozenset[int] = frozenset()
    """0-based indices of the lines of `text` that an extractor found to be page chrome, not story: the layout
    marks them boilerplate (kept, folded and dimmed)."""
    story_lines: frozenset[int] = frozenset()
    """0-based indices of the lines an extractor found to be story: the layout's weak shape rules (short label,
    repeated title, title in the tail) do not overrule it."""
    published: str | None = None
    """Publication date (ISO "YYYY-MM-DD") from the page's metadata."""
    warning: str | None = None
    """Why the page fell back to the own rules (one line), when it did."""


@dataclass
class Paragraph:
    """One paragraph of the page as parsed: its text, first source line, and the roots and forms around it."""

    text: str
    line: int
    roots: tuple[int, ...]
    is_h1: bool
    forms: tuple[int, ...] = ()


@dataclass
class _Root:
    tag: str
    chars: int = 0
    forms: tuple[int, ...] = ()
    """The forms open where this element starts."""


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
        self.paragraphs: list[Paragraph] = []
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
        self.forms: list[_Root] = []
        self._form_stack: list[int] = []
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
        forms = tuple(self._form_stack)
        for form_id in forms:
            self.forms[form_id].chars += len(text)
        self.paragraphs.append(Paragraph(text, state.first_line, roots, state.is_h1, forms))

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
            self.roots.append(_Root(tag=tag, forms=tuple(self._form_stack)))
            self._root_stack.append((tag, len(self.roots) - 1))
        if tag == FORM_TAG:
            self._flush()
            self.forms.append(_Root(tag=tag))
            self._form_stack.append(len(self.forms) - 1)

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
        if tag == FORM_TAG and self._form_stack:
            self._flush()
            self._form_stack.pop()

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


def _widget_forms(parser: _ArticleParser) -> set[int]:
    """Forms that are widgets (search, sign-up), not the wrapper of the page (see FORM_TAG)."""
    total = sum(len(p.text) for p in parser.paragraphs)
    holding_roots = {form_id for root in parser.roots for form_id in root.forms}
    return {
        form_id
        for form_id, form in enumerate(parser.forms)
        if form_id not in holding_roots and form.chars < FORM_KEEP_SHARE * total
    }


def _chosen_root(parser: _ArticleParser, total_chars: int) -> int | None:
    """The largest <article> by text unless it is a teaser (see TEASER_SHARE), else the largest <main>, else
    None (keep the whole body)."""
    best: dict[str, tuple[int, int]] = {}
    for index, root in enumerate(parser.roots):
        if root.chars > 0 and (root.tag not in best or root.chars > best[root.tag][0]):
            best[root.tag] = (root.chars, index)
    article, main = best.get("article"), best.get("main")
    if article is not None:
        container = main[0] if main is not None else total_chars
        if article[0] >= TEASER_SHARE * container:
            return article[1]
    return main[1] if main is not None else None


def _author_hint(meta: dict[str, str]) -> str | None:
    for key in ("author", "article:author", "byl", "dc.creator"):
        value = meta.get(key)
        if value and "://" not in value and not value.startswith("www."):
            return value
    return None


@dataclass(frozen=True)
class ParsedPage:
    """Every paragraph of a page's body that can hold text, in document order, with the own extractor's choice."""

    paragraphs: tuple[Paragraph, ...]
    in_root: tuple[bool, ...]
    """For each paragraph: True when the own rules keep it (inside the chosen root, not in a widget form)."""
    has_root: bool
    """True when an <article> or <main> was chosen (False: the own rules keep the whole body)."""
    title: str | None
    headline: str | None
    headline_line: int
    site_name: str | None
    author: str | None


def parse_page(html: str) -> ParsedPage:
    """Parse a page once: its paragraphs and hints, and which paragraphs the own rules would keep."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    widgets = _widget_forms(parser)
    usable = [p for p in parser.paragraphs if not widgets.intersection(p.forms)]
    root = _chosen_root(parser, sum(len(p.text) for p in usable))
    return ParsedPage(
        paragraphs=tuple(usable),
        in_root=tuple(root is None or root in p.roots for p in usable),
        has_root=root is not None,
        title=_clean_inline("".join(parser.title_chunks)) or None,
        headline=_clean_inline("".join(parser.h1_chunks)) or None,
        headline_line=parser.h1_line or 1,
        site_name=parser.meta.get("og:site_name") or parser.meta.get("application-name"),
        author=_author_hint(parser.meta),
    )


def page_text(page: ParsedPage, kept: Sequence[bool], chrome: Sequence[bool] = ()) -> HtmlText:
    """The text of the kept paragraphs (the headline first when it is not among them), one per line with blank
    lines between; `chrome[i]` marks paragraph i as chrome for the layout (see HtmlText.chrome_lines)."""
    chosen = [(p, bool(chrome and chrome[i])) for i, p in enumerate(page.paragraphs) if kept[i]]
    if page.headline and not any(p.is_h1 or p.text == page.headline for p, _ in chosen):
        chosen.insert(0, (Paragraph(text=page.headline, line=page.headline_line, roots=(), is_h1=True), False))
    lines: list[str] = []
    source_lines: list[int] = []
    chrome_lines: list[int] = []
    story_lines: list[int] = []
    for paragraph, is_chrome in chosen:
        if lines:
            lines.append("")
            source_lines.append(source_lines[-1])
        (chrome_lines if is_chrome else story_lines).append(len(lines))
        lines.append(paragraph.text)
        source_lines.append(max(1, paragraph.line))
    return HtmlText(
        text="\n".join(lines),
        source_lines=tuple(source_lines) or (1,),
        title=page.title,
        headline=page.headline,
        site_name=page.site_name,
        author=page.author,
        chrome_lines=frozenset(chrome_lines),
        story_lines=frozenset(story_lines) if chrome else frozenset(),
    )


def html_to_text(html: str) -> HtmlText:
    """Extract the article of an HTML page by the own rules alone (see the module docstring)."""
    page = parse_page(html)
    return page_text(page, page.in_root)

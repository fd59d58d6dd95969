"""Inputs → articles: read files or folders (or take texts), clean them, find their layout, split sentences.

`load_inputs` is the engine's first step. It accepts one folder (every .txt, .md and .html file in it, sorted by
name), several files, or article texts, and labels the articles "A", "B", "C"… in input order. A file that
cannot be used is an `InputError` when the user named it, and a warning when it was merely found in a folder,
so that one bad file does not spoil a folder of good ones.

A text that starts like an HTML document ("<!DOCTYPE html>", "<html>") is read as a page, like an .html file.

`article_from_text` runs the same clean → layout → segment pipeline on a text: the store uses it to rebuild
saved articles, so the same text always yields the same article.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InputError
from reader.core.limits import check_article_sentences, check_article_text
from reader.core.load.layout import PageHints, classify
from reader.core.load.segment import build_blocks, line_starts_of, split_units
from reader.core.load.textclean import decode_bytes, looks_binary, looks_like_html, sanitize, utf16_bom
from reader.core.records import Article


@dataclass(frozen=True)
class ArticleText:
    """An article given as text, never taken for a path (the CLI's `--text` and `-`, for stdin)."""

    text: str


Input = str | os.PathLike[str] | ArticleText

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
"""File types picked up from a folder."""

HTML_SUFFIXES = frozenset({".html", ".htm"})

MAX_FILE_BYTES = 32 * 1024 * 1024
"""A larger file is not an article; refusing it keeps memory and time bounded."""


@dataclass(frozen=True)
class Loaded:
    """The articles read from the inputs, and what was skipped on the way."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = ()
    """One line per skipped file of a folder (or empty file), naming it and why."""


def label_for(index: int) -> str:
    """Spreadsheet-style labels: 0 → "A", 25 → "Z", 26 → "AA"."""
    label = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        label = chr(ord("A") + remainder) + label
    return label


def article_from_text(
    text: str,
    label: str = "A",
    path: str | None = None,
    *,
    source_lines: Sequence[int] | None = None,
    hints: PageHints | None = None,
) -> Article:
    """Clean, classify and segment one article text.

    `source_lines` maps each text line to its line on disk when that differs from i + 1 (text extracted from
    HTML); it is ignored unless it has exactly one entry per line of the cleaned text. `hints` carries what an
    HTML page said about itself (h1, title, site name, author).
    """
    clean = sanitize(text)
    line_starts = line_starts_of(clean)
    if source_lines is None or len(source_lines) != len(line_starts):
        source_lines = range(1, len(line_starts) + 1)
    layout = classify(clean, split_units(clean), hints)
    blocks, sentences = build_blocks(clean, layout.pieces)
    return Article(
        label=label,
        path=path,
        text=clean,
        sha256=hashlib.sha256(clean.encode("utf-8")).hexdigest(),
        line_starts=line_starts,
        source_lines=tuple(source_lines),
        blocks=blocks,
        sentences=sentences,
        meta=layout.meta,
    )


def article_from_html(html: str, label: str = "A", path: str | None = None) -> Article:
    """The article of an HTML page, its lines mapped to the lines of the HTML source."""
    return html_article(html, label, path)[0]


def html_article(html: str, label: str = "A", path: str | None = None) -> tuple[Article, str | None]:
    """The article of an HTML page and, when trafilatura could not judge it, why (the own rules were used)."""
    from reader.core.load.webstory import page_story  # the HTML stage, imported only for a page

    page = page_story(sanitize(html))
    hints = PageHints(
        headline=page.headline,
        title=page.title,
        site_name=page.site_name,
        author=page.author,
        published=page.published,
        chrome_lines=page.chrome_lines,
        story_lines=page.story_lines,
    )
    return article_from_text(page.text, label, path, source_lines=page.source_lines, hints=hints), page.warning


def read_bytes(path: Path) -> bytes:
    """The bytes of a file that may hold an article; InputError (one line, naming the path) otherwise."""
    try:
        if not path.is_file():
            raise InputError(f"not a regular file: {path}")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"too large to be an article ({size // (1024 * 1024)} MB): {path}")
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(f"cannot read {path}: {reason.lower()}") from None
    if looks_binary(data) and not utf16_bom(data):
        raise InputError(f"not a text file (binary data): {path}")
    return data


def read_article(path: str | os.PathLike[str], label: str = "A") -> Article:
    """Read one .txt, .md or .html file (HTML is recognised by suffix or by content)."""
    return read_article_noting(path, label)[0]


def read_article_noting(path: str | os.PathLike[str], label: str = "A") -> tuple[Article, str | None]:
    """`read_article`, and a one-line warning when a page fell back to reader's own extraction."""
    file_path = Path(path)
    if not file_path.exists():
        raise InputError(f"no such file or folder: {path}")
    decoded = decode_bytes(read_bytes(file_path))
    shown = os.path.abspath(file_path)
    if file_path.suffix.lower() in HTML_SUFFIXES or looks_like_html(decoded):
        article, why = html_article(decoded, label, shown)
        warning = f"{file_path}: {why}; used reader's own extraction" if why else None
        return _within_limits(article, shown), warning
    check_article_text(len(decoded), shown)  # the size policy (reader.core.limits), before the slow steps
    return _within_limits(article_from_text(decoded, label, shown), shown), None


def _within_limits(article: Article, where: str) -> Article:
    """The article, or InputError when its text or sentence count is over the size policy's limits."""
    check_article_text(len(article.text), where)
    check_article_sentences(len(article.sentences), where)
    return article


@dataclass(frozen=True)
class _Source:
    """One article to load: a file path or a text."""

    path: Path | None
    text: str | None
    from_folder: bool = False


def _existing_path(value: str) -> Path | None:
    if "\n" in value or not value.strip():  # Path("") is ".", the working directory: never what was meant
        return None
    try:
        path = Path(value)
        return path if path.exists() else None
    except (OSError, ValueError):  # names too long for the file system, NUL bytes …
        return None


def _folder_files(folder: Path) -> list[Path]:
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        raise InputError(f"cannot read folder {folder}: {(error.strerror or 'error').lower()}") from None
    files = [
        entry
        for entry in entries
        if entry.suffix.lower() in ARTICLE_SUFFIXES and not entry.name.startswith(".") and not entry.is_dir()
    ]
    return sorted(files, key=lambda entry: (entry.name.casefold(), entry.name))


def _sources(inputs: Sequence[Input]) -> tuple[list[_Source], list[Path]]:
    """The sources named by the inputs, and the folders among them."""
    sources: list[_Source] = []
    folders: list[Path] = []
    for item in inputs:
        if isinstance(item, ArticleText):
            sources.append(_Source(path=None, text=item.text))
            continue
        if isinstance(item, str):
            path = _existing_path(item)
            if path is None and (not item.strip() or any(char.isspace() for char in item)):
                sources.append(_Source(path=None, text=item))
                continue
        else:
            path = Path(item)
        if path is None or not path.exists():
            raise InputError(f"no such file or folder: {os.fspath(item)}")
        if path.is_dir():
            folders.append(path)
            sources.extend(_Source(path=file, text=None, from_folder=True) for file in _folder_files(path))
        else:
            sources.append(_Source(path=path, text=None))
    return sources, folders


def load_inputs(inputs: Sequence[Input]) -> Loaded:
    """Load the articles named by `inputs` (see the module docstring); InputError for unusable input."""
    if isinstance(inputs, str | os.PathLike | ArticleText):
        inputs = [inputs]
    sources, folders = _sources(inputs)
    articles: list[Article] = []
    warnings: list[str] = []
    for source in sources:
        label = label_for(len(articles))
        if source.path is None:
            text = source.text or ""
            read = article_from_html if looks_like_html(text) else article_from_text
            check_article_text(len(text), f"article {label} (text)")
            given = _within_limits(read(text, label, None), f"article {label} (text)")
            if not given.sentences:
                warnings.append(f"no text in article {label} (text)")
            articles.append(given)
            continue
        try:
            article, warning = read_article_noting(source.path, label)
        except InputError as error:
            if not source.from_folder:
                raise
            warnings.append(f"skipped {error}")
            continue
        if warning and article.sentences:  # (an empty page gets the empty-file warning below instead)
            warnings.append(warning)
        if not article.sentences:
            warnings.append(f"{'skipped' if source.from_folder else 'no text in'} empty file: {source.path}")
            if source.from_folder:
                continue
        articles.append(article)
    readable = sum(1 for article in articles if article.sentences)
    if readable < 2:  # an empty article named explicitly is kept beside two readable ones, never counted as one
        where = f" in {folders[0]}" if len(folders) == 1 and len(inputs) == 1 else ""
        empty = len(articles) - readable
        besides = f" ({empty} empty)" if empty else ""
        raise InputError(f"need at least two readable articles to compare, found {readable}{where}{besides}")
    return Loaded(articles=tuple(articles), warnings=tuple(warnings))

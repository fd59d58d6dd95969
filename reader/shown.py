"""Names, paths and user-given strings made safe to show: one rule, thin wrappers per output format.

Article text is cleaned when it is loaded, but file names, paths and the names users give are not article
text: a downloaded file may be called `\\x1b]52;c;…\\x07.txt` (OSC 52 writes the clipboard), carry a
right-to-left override that reverses what the eye reads, a newline that forges a second line of output, or
`[$accent]` that Textual's markup swallows. Every place that shows such a string goes through `shown` (or one
of the wrappers below, which call it first), so the rule lives here and nowhere else:

- C0/C1 controls, DEL, line and paragraph separators, lone surrogates and format characters (Unicode `Cf`,
  which holds every bidi control) become visible escapes (`\\x1b`, `\\n`, `\\u202e`); a byte that a file name
  held but that is not UTF-8 (Python decodes it to U+DC80–U+DCFF) is shown as that byte, `\\x9b`.
- ZWJ and ZWNJ and the emoji tag characters stay: they join emoji and scripts and cannot move the cursor.
- Everything else is kept as it is, so an ordinary name reads as typed.
"""

from __future__ import annotations

import os
import unicodedata

KEPT_FORMAT_CHARS = frozenset({"\u200c", "\u200d"} | {chr(code) for code in range(0xE0020, 0xE0080)})
"""Format characters that stay: zero-width (non-)joiners and the tag characters of flag emoji."""

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~&:")
"""ASCII punctuation that can open Markdown or HTML markup anywhere in a line: all of it is backslash-escaped."""


def _is_unsafe(char: str) -> bool:
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Zl", "Zp"):
        return True
    return category == "Cf" and char not in KEPT_FORMAT_CHARS


def _escape_char(char: str) -> str:
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(value: str | os.PathLike[str]) -> str:
    """`value` as plain text that is safe on a terminal, in a log or in any one-line field.

    Never contains a control, bidi or format character (but ZWJ/ZWNJ), a line break or a lone surrogate;
    printable text is returned unchanged (fast path: `str.isprintable` already rules all of those out).
    """
    text = os.fspath(value)
    if text.isprintable():
        return text
    return "".join(_escape_char(char) if _is_unsafe(char) else char for char in text)


def shown_markup(value: str | os.PathLike[str]) -> str:
    """`shown(value)` for a place that parses Textual markup (notifications): every `[` is escaped.

    `rich.markup.escape` only escapes tags that start with a letter, `#`, `/` or `@`, so `[$accent]` (a
    Textual variable) or `[ bold]` would still be read as markup. Textual reads a backslash as an escape only
    right before `[` (other backslashes are literal), so escaping every `[` is exact.
    """
    return shown(value).replace("[", "\\[")


def shown_html(value: str | os.PathLike[str]) -> str:
    """`shown(value)` escaped for HTML text and attribute values (quotes included)."""
    import html  # here, not at the top: with its entity table it costs ~2 ms of the first frame, which never needs it

    return html.escape(shown(value), quote=True)


def shown_markdown(value: str | os.PathLike[str]) -> str:
    """`shown(value)` for Markdown: ASCII punctuation that could open markup is backslash-escaped.

    A name never holds a line break after `shown`, so it cannot start a block (a heading, raw HTML) either.
    """
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in shown(value))


def shown_output(text: str) -> str:
    """A whole report for the terminal (text, Markdown, HTML): line breaks and tabs kept, everything else unsafe
    escaped as in `shown`. Article text is already clean; this guards names and notes read from saved files."""
    if text.isprintable():
        return text
    return "".join(_escape_char(char) if _is_unsafe(char) and char not in "\n\t" else char for char in text)


def shown_json(serialized: str) -> str:
    """Serialized JSON with every unsafe character written as a `\\uNNNN` escape: the same JSON value, but
    nothing a terminal would act on (`json.dumps(ensure_ascii=False)` leaves C1 and bidi controls raw)."""
    if serialized.isprintable():
        return serialized
    out: list[str] = []
    for char in serialized:
        if char not in "\n\t" and _is_unsafe(char):
            code = ord(char)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


__all__ = [
    "KEPT_FORMAT_CHARS",
    "shown",
    "shown_html",
    "shown_json",
    "shown_markdown",
    "shown_markup",
    "shown_output",
]

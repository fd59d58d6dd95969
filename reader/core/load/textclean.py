"""Bytes to clean text: decode without ever crashing, then sanitise for a terminal.

Two promises the rest of the pipeline builds on:

- `sanitize` never adds or removes a line: every "\\n" of its input (after CRLF/CR are folded into "\\n")
  survives and no new one appears, so text line i is still line i + 1 of the file on disk.
- `sanitize` is idempotent and leaves no control character except "\\n", no escape sequence (CSI, OSC, DCS…)
  and no lone surrogate, so article text can be written to a terminal or encoded as UTF-8 safely.
"""

from __future__ import annotations

import codecs
import re


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte cp1252 leaves undefined (0x81, 0x8D …) decodes as its latin-1 character."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("reader-latin1", _latin1_for_undefined)

LEGACY_ENCODING = "cp1252"
"""The fallback after UTF-8: it covers the curly quotes of Windows files; the five bytes it leaves undefined
decode as latin-1, so decoding never fails."""

BINARY_SAMPLE = 8192
"""How many leading bytes are inspected to tell text from binary."""

BINARY_CONTROL_SHARE = 0.10
"""More control bytes than this share of the sample means the file is not text."""

# Escape sequences, bounded so that they never swallow a newline (which would shift the line map):
# CSI (ESC [ … final byte), OSC/DCS/SOS/PM/APC strings (ESC ] … BEL or ST) and two-byte ESC sequences. The
# single-character C1 introducers (U+009B, U+009D …) are only dropped one by one with the other controls: in
# legacy text they are stray bytes, and parsing a "sequence" after them would eat real words.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                # CSI: parameters, intermediates, final byte
    | \x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?   # OSC, DCS, SOS, PM, APC up to BEL or ST
    | \x1b[ -/]*[0-~]?                      # other ESC sequences (charset selection, keypad modes …)
    """,
    re.VERBOSE,
)

# Spaces that render like a space but compare unequal to one: NBSP, the en/em/thin spaces, narrow NBSP,
# ideographic space, tabs and the vertical separators that are not line ends on disk.
_ODD_SPACES = re.compile("[\t\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")

# Characters with no visible form that only confuse matching or terminals: remaining C0/C1 controls, DEL,
# zero-width space/joiners used as word glue, soft hyphen, BOM, word joiner and the bidi overrides that can make
# text display differently from what it says.
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF: the only line end the rest of the code knows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sanitize(text: str) -> str:
    """Clean text for matching and display without changing its line structure (see the module docstring)."""
    text = normalize_newlines(text)
    if text.isascii() and text.replace("\n", "").isprintable():
        return text  # the common case: printable ASCII has nothing to clean
    text = _LONE_SURROGATE.sub("\ufffd", text)
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return _INVISIBLE.sub("", text)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read: NUL bytes or many control bytes.

    UTF-16 text (with its BOM) contains NULs but is text, so callers check `utf16_bom` first.
    """
    sample = data[:BINARY_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls / len(sample) > BINARY_CONTROL_SHARE


def utf16_bom(data: bytes) -> str | None:
    """The UTF-16 codec named by the data's byte order mark, if it has one."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252 (latin-1 for its gaps).

    Never raises: every byte maps to a character. The result is not yet sanitised.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    utf16 = utf16_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(LEGACY_ENCODING, errors="reader-latin1")


def clean_bytes(data: bytes) -> str:
    """Decode then sanitise: the text of a plain-text file as the rest of the pipeline sees it."""
    return sanitize(decode_bytes(data))


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when a text starts like an HTML document (doctype, <html>, <head> or <body>).

    Here rather than in `reader.core.load.htmltext`, so that loading plain text never imports the HTML stage
    (its parser, trafilatura's wrapper and their patterns: ~9 ms of the launch service's start, before it
    can hand the articles over)."""
    return _HTML_START.match(text[:4096]) is not None

"""`reader.shown`: the one rule that makes names, paths and user-given strings safe to show."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from reader.shown import shown, shown_html, shown_markdown, shown_markup

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07"


def test_ordinary_names_are_unchanged() -> None:
    for name in ("Iran talks", "notes café 2", "/tmp/a b/c.txt", "技术.txt", "👩‍💻 report", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"):
        assert shown(name) == name


def test_escape_sequences_become_visible_text() -> None:
    assert shown(f"a{OSC_TITLE}b.txt") == "a\\x1b]0;pwned\\x07b.txt"
    assert shown("x\x9b31mred") == "x\\x9b31mred", "C1 CSI is a control too"
    assert shown("line\nforged: ok\r\t") == "line\\nforged: ok\\r\\t"
    assert shown("\x7f") == "\\x7f"


def test_bidi_and_format_characters_are_escaped() -> None:
    assert shown("invoice\u202etxt.exe") == "invoice\\u202etxt.exe"
    for code in (0x061C, 0x200E, 0x200F, 0x2066, 0x2069, 0x2028, 0x2029, 0xFEFF, 0x200B):
        assert shown(f"a{chr(code)}b") == f"a\\u{code:04x}b"


def test_undecodable_file_name_bytes_show_as_the_byte() -> None:
    assert shown(b"a\x9bb\xff".decode("utf-8", "surrogateescape")) == "a\\x9bb\\xff"
    assert shown("\ud800") == "\\ud800", "a lone surrogate that is not a file-name byte"


@given(st.text())
def test_nothing_unsafe_survives(value: str) -> None:
    out = shown(value)
    assert "\x1b" not in out and "\n" not in out
    for char in out:
        category = unicodedata.category(char)
        assert category not in ("Cc", "Cs", "Zl", "Zp")
        assert category != "Cf" or char in "\u200c\u200d" or 0xE0020 <= ord(char) < 0xE0080
    out.encode("utf-8")  # never raises: no lone surrogate is left


@given(st.text(alphabet=st.sampled_from("[]\\$/#@=ab \x1b"), max_size=24))
def test_markup_wrapper_shows_exactly_the_safe_text(value: str) -> None:
    """Textual markup (`[$accent]` included, which rich.markup.escape misses) never styles or hides anything."""
    parsed = Content.from_markup(shown_markup(value) + " [b]end[/b]")
    assert parsed.plain == shown(value) + " end"


def test_textual_variables_are_not_swallowed() -> None:
    assert Content.from_markup(shown_markup("[$accent]secret[/]")).plain == "[$accent]secret[/]"


def test_html_and_markdown_wrappers() -> None:
    hostile = 'x\n\n<img src=x onerror="alert(1)">'
    assert shown_html(hostile) == "x\\n\\n&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    md = shown_markdown(hostile)
    assert "\n" not in md and "<" not in md.replace("\\<", "")
    assert shown_markdown("a_b*c`d") == "a\\_b\\*c\\`d"

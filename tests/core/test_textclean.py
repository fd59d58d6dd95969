"""Decoding never crashes and sanitising keeps the line structure while removing what a terminal would act on."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from reader.core.load.textclean import clean_bytes, decode_bytes, looks_binary, normalize_newlines, sanitize, utf16_bom


def test_utf8_is_decoded_as_utf8() -> None:
    assert decode_bytes("Iran’s “obliterated” café".encode()) == "Iran’s “obliterated” café"


def test_utf8_bom_is_removed() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Headline\nText") == "Headline\nText"


def test_cp1252_curly_quotes_are_decoded() -> None:
    data = "Trump said \u201cyes\u201d \u2014 it\u2019s done".encode("cp1252")
    assert decode_bytes(data) == "Trump said \u201cyes\u201d \u2014 it\u2019s done"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    assert decode_bytes(b"caf\xe9 \x81 x") == "caf\xe9 \x81 x"
    assert sanitize(decode_bytes(b"caf\xe9 \x81 x")) == "caf\xe9  x"


def test_utf16_with_bom_is_text_not_binary() -> None:
    data = "Headline\nBody text.".encode("utf-16")
    assert utf16_bom(data) == "utf-16"
    assert decode_bytes(data) == "Headline\nBody text."


@given(st.binary(max_size=300))
def test_decoding_any_bytes_never_raises(data: bytes) -> None:
    assert isinstance(clean_bytes(data), str)


def test_nul_bytes_mean_binary() -> None:
    assert looks_binary(b"PK\x03\x04\x00\x00 zip")
    assert not looks_binary(b"Plain text.\r\nSecond line.\n")
    assert not looks_binary(b"")


def test_many_control_bytes_mean_binary() -> None:
    assert looks_binary(bytes(range(1, 32)) * 10)
    assert not looks_binary(b"colour: \x1b[31mred\x1b[0m and a form feed \x0c here")


def test_newlines_are_normalised_without_changing_the_line_count() -> None:
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    assert sanitize("one\r\ntwo\r\n\r\nthree") == "one\ntwo\n\nthree"


def test_odd_spaces_become_spaces_and_invisible_characters_go() -> None:
    assert sanitize("a\u00a0b\u2009c\td") == "a b c d"
    assert sanitize("soft\u00adhyphen zero\u200bwidth \ufeffbom \u202eoverride") == "softhyphen zerowidth bom override"


def test_terminal_escape_sequences_are_removed() -> None:
    assert sanitize("\x1b[1;31mRed\x1b[0m text") == "Red text"
    assert sanitize("\x1b]0;window title\x07Body") == "Body"
    assert sanitize("\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\") == "link"
    assert sanitize("bell\x07 and backspace\x08 and \x1b(B charset") == "bell and backspace and  charset"


def test_an_unterminated_escape_never_swallows_a_newline() -> None:
    assert sanitize("\x1b]0;no terminator\nnext line") == "\nnext line"


def test_lone_surrogates_are_replaced_so_text_encodes() -> None:
    assert sanitize("bad \ud800 char").encode("utf-8") == "bad \ufffd char".encode()


CONTROL = {chr(c) for c in range(32) if c != 10} | {chr(c) for c in range(0x7F, 0xA0)}


@given(st.text(max_size=200))
def test_sanitize_is_idempotent_and_leaves_no_control_characters(text: str) -> None:
    once = sanitize(text)
    assert sanitize(once) == once
    assert not CONTROL & set(once)
    once.encode("utf-8")


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\r", "\x1b", "[", "]", "\x07", "\t", "\x9b"])))
def test_sanitize_keeps_the_number_of_lines(text: str) -> None:
    assert sanitize(text).count("\n") == normalize_newlines(text).count("\n")

"""Loading end to end: the seeds, files and folders, bad input, and the invariants of every article."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import InputError
from reader.core.load.inputs import article_from_html, article_from_text, label_for, load_inputs, read_article
from reader.core.records import Article, BlockKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_A = SEEDS / "000_e50166f8e9b2582e.txt"
SEED_B = SEEDS / "001_f919f7a95246c070.txt"


def kinds_of(article: Article, text: str) -> list[BlockKind]:
    return [s.kind for s in article.sentences if s.text == text]


def check_invariants(article: Article) -> None:
    text = article.text
    assert article.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert article.line_starts[0] == 0 and len(article.line_starts) == text.count("\n") + 1
    assert len(article.source_lines) == len(article.line_starts)
    previous_end = 0
    for index, sentence in enumerate(article.sentences):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        block = article.blocks[sentence.block]
        assert block.start <= sentence.start and sentence.end <= block.end
        assert sentence.kind == block.kind
        previous_end = sentence.end
    for offset in range(len(text) + 1):
        assert article.line_of(offset) >= 1


# -- the seeds ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_a() -> Article:
    return read_article(SEED_A, "A")


@pytest.fixture(scope="module")
def seed_b() -> Article:
    return read_article(SEED_B, "B")


def test_seed_a_headline_and_slash_chain(seed_a: Article) -> None:
    headline = "Netanyahu Discusses Second Strike on Iran with Trump"
    assert seed_a.meta.headline == headline
    assert (seed_a.meta.outlet, seed_a.meta.dateline, seed_a.meta.byline) == ("Newslooks", "WASHINGTON", "J. Mansour")
    first = seed_a.sentences[[s.kind for s in seed_a.sentences].index(BlockKind.HEADLINE)]
    assert first.text == headline and seed_a.line_of(first.start) == 3
    byline = next(s for s in seed_a.sentences if s.kind is BlockKind.BYLINE)
    assert byline.text.endswith("J. Mansour/ Morning Edition/")
    after = seed_a.sentences[byline.index + 1]
    assert after.kind is BlockKind.PARAGRAPH and after.text.startswith(
        "Israeli Prime Minister Benjamin Netanyahu raised"
    )
    assert seed_a.line_of(after.start) == 5


def test_seed_a_boilerplate(seed_a: Article) -> None:
    headline = "Netanyahu Discusses Second Strike on Iran with Trump"
    assert kinds_of(seed_a, headline) == [BlockKind.HEADLINE, BlockKind.BOILERPLATE, BlockKind.BOILERPLATE]
    for line in [
        "Top StoryUS",
        "Deep Look",
        "More on US News",
        "Previous Article",
        "Next Article",
        "How useful was this article?",
        "Click on a star to rate it!",
        "Average rating 0 / 5. Vote count: 0",
        "No votes so far! Be the first to rate this article.",
        "Latest News",
        "Menu",
        "2026 Begins with Mourning in Sydney, Reflection in Asia",
        "Tatiana Schlossberg, JFK Granddaughter, Dies at 35 After Cancer",
    ]:
        assert kinds_of(seed_a, line) == [BlockKind.BOILERPLATE], line


def test_seed_a_bullets(seed_a: Article) -> None:
    bullets = [s for s in seed_a.sentences if s.kind is BlockKind.BULLET]
    assert len(bullets) == 10
    assert bullets[0].text.startswith("Netanyahu proposed the possibility")
    assert all(not s.text.startswith(("•", " ")) for s in bullets)
    assert [seed_a.line_of(s.start) for s in bullets] == list(range(11, 21))


def test_seed_a_body_sentences(seed_a: Article) -> None:
    texts = [s.text for s in seed_a.sentences if s.kind is BlockKind.PARAGRAPH]
    assert (
        "Still, Trump added that he would prefer to resolve the situation through a new diplomatic agreement."
    ) in texts
    assert any(t.startswith("One U.S. official explained that Trump would likely back another round") for t in texts)
    assert {"Monday", "June 2025", "January 23"} <= set(seed_a.meta.dates)


def test_seed_b_headline_byline_and_us_abbreviation(seed_b: Article) -> None:
    assert seed_b.meta.headline == "Trump, Netanyahu discuss possible strikes on Iran and Gaza plan"
    assert seed_b.sentences[0].kind is BlockKind.HEADLINE
    assert seed_b.meta.byline == "Vugar Khalilov"
    assert kinds_of(seed_b, "By Vugar Khalilov") == [BlockKind.BYLINE]
    opening = seed_b.sentences[1]
    assert opening.text.startswith("Israeli Prime Minister Benjamin Netanyahu discussed")
    assert "U.S. President Donald Trump on December 29" in opening.text
    assert opening.text.endswith("familiar with the talks.")
    assert "December 29" in seed_b.meta.dates
    assert not [s for s in seed_b.sentences if s.kind is BlockKind.BOILERPLATE]


def test_seed_invariants(seed_a: Article, seed_b: Article) -> None:
    check_invariants(seed_a)
    check_invariants(seed_b)


def test_rebuilding_from_the_cleaned_text_gives_the_same_article(seed_a: Article) -> None:
    again = article_from_text(seed_a.text, "A", seed_a.path)
    assert again == seed_a


# -- inputs -------------------------------------------------------------------------------------------------------


def test_load_seed_folder() -> None:
    loaded = load_inputs([SEEDS])
    assert [a.label for a in loaded.articles] == ["A", "B"]
    assert [Path(a.path or "").name for a in loaded.articles] == [SEED_A.name, SEED_B.name]
    assert loaded.warnings == ()


def test_load_files_and_texts_in_input_order() -> None:
    loaded = load_inputs([str(SEED_B), "A text given directly. It has two sentences.", SEED_A])
    assert [a.label for a in loaded.articles] == ["A", "B", "C"]
    assert loaded.articles[0].path and loaded.articles[0].path.endswith(SEED_B.name)
    assert loaded.articles[1].path is None
    assert [s.text for s in loaded.articles[1].sentences] == ["A text given directly.", "It has two sentences."]


def test_an_empty_text_beside_two_readable_ones_loads_with_a_warning() -> None:
    loaded = load_inputs(["", "Only one line", "Another article. Two sentences."])
    assert loaded.articles[0].sentences == () and loaded.articles[0].text == ""
    assert [s.text for s in loaded.articles[1].sentences] == ["Only one line"]
    assert loaded.warnings == ("no text in article A (text)",)


@pytest.mark.parametrize(
    ("texts", "found"), [(["", "Only one line"], "found 1 (1 empty)"), (["   ", ""], "found 0 (2 empty)")]
)
def test_empty_articles_do_not_count_towards_the_two(texts: list[str], found: str) -> None:
    """Two empty files gave an empty comparison and exit 0: nothing to compare is an input error."""
    with pytest.raises(InputError, match=rf"^need at least two readable articles to compare, {re.escape(found)}$"):
        load_inputs(texts)


def test_empty_files_named_explicitly_do_not_count_towards_the_two(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\n")
    with pytest.raises(InputError, match=r"found 0 \(2 empty\)$"):
        load_inputs([tmp_path / "empty.txt", tmp_path / "blank.md"])
    with pytest.raises(InputError, match=r"found 1 \(1 empty\)$"):
        load_inputs([tmp_path / "empty.txt", SEED_A])


@pytest.mark.parametrize("missing", ["no-such-file.txt", Path("no/such/folder")])
def test_missing_path_is_an_input_error(missing: str | Path) -> None:
    with pytest.raises(InputError, match=r"^no such file or folder: no"):
        load_inputs([SEED_A, missing])


def test_fewer_than_two_articles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least two"):
        load_inputs([SEED_A])
    (tmp_path / "one.txt").write_text("Just one article here.")
    with pytest.raises(InputError, match=f"found 1 in {tmp_path}"):
        load_inputs([tmp_path])


def test_folder_skips_binary_and_empty_files_with_warnings(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article. It is fine.")
    (tmp_path / "a.md").write_text("# First article\n\nIt is fine too.")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "d.html").write_text("   \n\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("Hidden file text.")
    (tmp_path / "sub").mkdir()
    loaded = load_inputs([tmp_path])
    assert [Path(a.path or "").name for a in loaded.articles] == ["a.md", "b.txt"]
    assert len(loaded.warnings) == 2
    assert "binary" in loaded.warnings[0] and "c.txt" in loaded.warnings[0]
    assert "empty" in loaded.warnings[1] and "d.html" in loaded.warnings[1]
    assert loaded.articles[0].meta.headline == "First article"


def test_binary_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(InputError, match="binary") as error:
        load_inputs([SEED_A, binary])
    assert str(binary) in str(error.value) and "\n" not in str(error.value)


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        read_article(folder)


def test_labels() -> None:
    assert [label_for(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


# -- encodings and odd bytes --------------------------------------------------------------------------------------


def test_crlf_bom_and_cp1252_files(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(codecs.BOM_UTF8 + b"Flood Waters Rise\r\n\r\nRivers rose. Towns flooded.\r\n")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\u00e9 Owners Protest\n\nThey said \u201cno.\u201d Then they left.\n".encode("cp1252"))
    first, second = load_inputs([crlf, legacy]).articles
    assert first.text == "Flood Waters Rise\n\nRivers rose. Towns flooded.\n"
    assert [s.text for s in first.sentences] == ["Flood Waters Rise", "Rivers rose.", "Towns flooded."]
    assert [first.line_of(s.start) for s in first.sentences] == [1, 3, 3]
    assert second.meta.headline == "Café Owners Protest"
    assert [s.text for s in second.sentences][1:] == ["They said \u201cno.\u201d", "Then they left."]


def test_escape_sequences_are_removed_without_shifting_lines(tmp_path: Path) -> None:
    path = tmp_path / "esc.txt"
    path.write_bytes(b"\x1b[1mBold Title Here\x1b[0m\n\x1b]0;title\x07\nBody text here.\x07\n")
    article = read_article(path)
    assert article.text == "Bold Title Here\n\nBody text here.\n"
    body = article.sentences[-1]
    assert body.text == "Body text here." and article.line_of(body.start) == 3


def test_html_file_maps_sentences_to_html_lines(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Bridge Reopens | Coastwire</title></head>\n<body>\n<nav>Home World</nav>\n"
        "<article>\n<h1>Bridge Reopens</h1>\n<p>The bridge reopened on Monday.\nTraffic resumed.</p>\n"
        "</article>\n<footer>Copyright</footer>\n</body></html>\n"
    )
    article = read_article(page)
    assert article.meta.headline == "Bridge Reopens"
    assert [(s.kind, s.text, article.line_of(s.start)) for s in article.sentences] == [
        (BlockKind.HEADLINE, "Bridge Reopens", 5),
        (BlockKind.PARAGRAPH, "The bridge reopened on Monday.", 6),
        (BlockKind.PARAGRAPH, "Traffic resumed.", 6),
    ]
    check_invariants(article)


def test_html_text_input_is_read_as_a_page() -> None:
    page = "<!DOCTYPE html><html><body><nav>Menu</nav><p>Page text. Two.</p></body></html>"
    loaded = load_inputs([page, "Plain text, not a page."])
    assert [s.text for s in loaded.articles[0].sentences] == ["Page text.", "Two."]


def test_html_given_as_text_to_article_from_html() -> None:
    article = article_from_html("<p>One.</p><ul><li>Point</li></ul>")
    assert [(s.kind, s.text) for s in article.sentences] == [
        (BlockKind.PARAGRAPH, "One."),
        (BlockKind.BULLET, "Point"),
    ]


# -- properties ---------------------------------------------------------------------------------------------------

TEXTS = st.lists(
    st.sampled_from(
        [*"ab XY.!?\n\t\r“”\"'-—…•*/#", "\x1b[31m", "\u00a0", "U.S. ", "By Ann Lee\n", "Menu\n", "J. ", "\n\n"]
    ),
    max_size=150,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_every_article_keeps_its_invariants(raw: str) -> None:
    article = article_from_text(raw)
    check_invariants(article)
    assert article_from_text(article.text) == article
    for offset in range(len(article.text) + 1):
        assert article.line_of(offset) == article.text.count("\n", 0, offset) + 1


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_loads(raw: str) -> None:
    check_invariants(article_from_text(raw))

"""Web pages written for these tests: trafilatura's verdict on reader's parse, the structural losses, the chrome,
the metadata, and bad pages that must fall back safely (one-line warning, never a traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.errors import InputError
from reader.core.load import webstory
from reader.core.load.htmltext import html_to_text
from reader.core.load.inputs import article_from_html, html_article, load_inputs
from reader.core.records import Article, BlockKind

ROOT = Path(__file__).resolve().parents[2]

STORY = [
    "The harbour bridge reopened on Monday after six months of repairs, the city council said in a statement.",
    "Engineers replaced the deck and strengthened the towers, work that cost forty million kroner in all.",
    "Commuters who had used the ferry during the closure said the shorter route would save them an hour a day.",
    "The mayor thanked residents for their patience and said the council would publish the final accounts soon.",
]


def paragraphs(lines: list[str] = STORY) -> str:
    return "\n".join(f"<p>{line}</p>" for line in lines)


def page(body: str, head: str = "<title>Harbour Bridge Reopens | Coastwire</title>") -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}</head>\n<body>\n{body}\n</body></html>\n"


def story_text(article: Article) -> list[str]:
    return [s.text for s in article.sentences if s.kind not in (BlockKind.BOILERPLATE, BlockKind.BYLINE)]


def kind_of(article: Article, text: str) -> BlockKind:
    return next(s.kind for s in article.sentences if s.text == text)


# -- the two structural losses ------------------------------------------------------------------------------------

TEASER_PAGE = page(
    "<main>\n<h1>Harbour Bridge Reopens</h1>\n"
    + paragraphs()
    + '\n<article class="card"><p>Ferry firm cuts jobs as bridge returns.</p></article>\n</main>'
)


def test_a_teaser_article_does_not_beat_main() -> None:
    assert STORY[0] in html_to_text(TEASER_PAGE).text  # the own rules alone
    article = article_from_html(TEASER_PAGE)
    assert set(STORY) <= set(story_text(article))


FORM_PAGE = page(
    '<form id="aspnetForm" action="/story.aspx" method="post">\n<div class="page">\n'
    "<h1>Harbour Bridge Reopens</h1>\n" + paragraphs() + "\n</div>\n</form>"
)


def test_a_page_wrapped_in_a_form_is_not_empty() -> None:
    assert STORY[0] in html_to_text(FORM_PAGE).text
    assert set(STORY) <= set(story_text(article_from_html(FORM_PAGE)))


def test_a_sign_up_form_is_still_left_out() -> None:
    body = (
        "<article><h1>Harbour Bridge Reopens</h1>"
        + paragraphs()
        + "<form><p>Get our morning briefing</p><input name=email><button>Go</button></form></article>"
    )
    assert "morning briefing" not in html_to_text(page(body)).text


# -- chrome kept, folded as boilerplate ----------------------------------------------------------------------------

CHROME_PAGE = page(
    "<article>\n<h1>Harbour Bridge Reopens</h1>\n"
    "<div class='byline'>By Priya Okafor@pokafor Nov 19, 2019, 7:53pm EST</div>\n"
    "<div class='share'><span>Facebook</span> <span>Twitter</span> <span>All sharing options</span></div>\n"
    "<p>Filed under:</p>\n<p>New, 15 comments</p>\n"
    + paragraphs(STORY[:2])
    + "\n<div class='gallery'><p>Image 1 of 5</p></div>\n"
    + paragraphs(STORY[2:])
    + "\n<div class='newsletter'><p>Sign up for the Coastwire newsletter to get the week's best stories.</p></div>"
    "\n</article>"
)


def test_share_bar_counters_and_labels_are_boilerplate_but_kept() -> None:
    article = article_from_html(CHROME_PAGE)
    assert story_text(article) == ["Harbour Bridge Reopens", *STORY]
    for chrome in ("Filed under:", "New, 15 comments", "Image 1 of 5"):
        assert kind_of(article, chrome) is BlockKind.BOILERPLATE
    share = next(s for s in article.sentences if "Facebook" in s.text)
    assert share.kind is BlockKind.BOILERPLATE and "sharing options" in article.text


def test_byline_with_a_handle_and_a_time() -> None:
    article = article_from_html(CHROME_PAGE)
    byline = next(s for s in article.sentences if s.text.startswith("By "))
    assert byline.kind is BlockKind.BYLINE
    assert article.meta.author == "Priya Okafor"
    assert article.meta.published == "2019-11-19"
    assert article.meta.outlet == "Coastwire"


def test_metadata_from_the_page_head() -> None:
    head = (
        "<title>Harbour Bridge Reopens | Coastwire</title>"
        '<meta property="og:site_name" content="Coastwire">'
        '<meta name="author" content="Priya Okafor">'
        '<meta property="article:published_time" content="2024-03-05T08:00:00+00:00">'
    )
    article = article_from_html(page("<article><h1>Harbour Bridge Reopens</h1>" + paragraphs() + "</article>", head))
    meta = article.meta
    assert (meta.headline, meta.author, meta.outlet, meta.published) == (
        "Harbour Bridge Reopens",
        "Priya Okafor",
        "Coastwire",
        "2024-03-05",
    )


def test_related_promos_inside_the_story_are_chrome() -> None:
    body = (
        "<article><h1>Harbour Bridge Reopens</h1>"
        + paragraphs(STORY[:2])
        + "<p>Read more: Ferry firm cuts jobs as the bridge returns</p>"
        + paragraphs(STORY[2:])
        + "</article>"
    )
    article = article_from_html(page(body))
    assert kind_of(article, "Read more: Ferry firm cuts jobs as the bridge returns") is BlockKind.BOILERPLATE
    assert story_text(article)[1:] == STORY


# -- how trafilatura's text is mapped onto our paragraphs ---------------------------------------------------------


def test_short_paragraphs_count_as_covered_only_as_whole_lines() -> None:
    keys = webstory._Keys("The council will share the costs with the region.\nShare\nA B")
    assert keys.covers("Share")
    assert not keys.covers("the costs")
    assert keys.covers("The council will share the costs with the region.")


def test_a_trimmed_long_paragraph_is_still_covered_by_its_shingles() -> None:
    keys = webstory._Keys("Engineers replaced the deck and strengthened the towers at a cost of forty million.")
    assert keys.covers("Engineers replaced the deck and strengthened the towers (photo) at a cost of forty million.")
    assert not keys.covers("Ferry operators said they would cut jobs once the bridge reopened next week.")


# -- bad pages fall back safely ------------------------------------------------------------------------------------


def test_trafilatura_failing_falls_back_to_the_own_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    path = tmp_path / "story.html"
    path.write_text(TEASER_PAGE, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Another article. It is short.", encoding="utf-8")
    loaded = load_inputs([path, tmp_path / "other.txt"])
    assert set(STORY) <= set(story_text(loaded.articles[0]))
    assert loaded.warnings == (f"{path}: trafilatura failed (RecursionError); used reader's own extraction",)


def test_a_page_with_no_story_has_no_story_text() -> None:
    body = "<nav><a href='/'>Home</a></nav><div>Menu</div><footer>Copyright Coastwire</footer>"
    article, _ = html_article(page(body))
    assert [(s.kind, s.text) for s in article.sentences] == [(BlockKind.BOILERPLATE, "Menu")]
    empty, warning = html_article(page("<div><img src='x.png'></div>"))
    assert warning == "trafilatura found no story text"
    assert empty.sentences == ()


def test_a_binary_file_named_html_is_refused_in_one_line(tmp_path: Path) -> None:
    blob = tmp_path / "photo.html"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    good = tmp_path / "good.txt"
    good.write_text("The minister said the talks would go on.\n", encoding="utf-8")
    with pytest.raises(InputError, match="binary"):
        load_inputs([blob, good])
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(blob), str(good)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_20_mb_page_loads_with_the_own_rules_and_a_warning() -> None:
    blob = "<script>var state = '" + "A" * 20_000_000 + "';</script>"
    html = page("<article><h1>Harbour Bridge Reopens</h1>" + paragraphs() + "</article>" + blob)
    article, warning = html_article(html)
    assert warning == "page too large for trafilatura (20 MB)"
    assert story_text(article) == ["Harbour Bridge Reopens", *STORY]


def test_loading_text_files_never_imports_trafilatura() -> None:
    code = (
        "import sys\nfrom reader.core.load.inputs import load_inputs\n"
        "load_inputs(['seeds'])\nprint('trafilatura' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_the_same_page_gives_the_same_article() -> None:
    assert article_from_html(CHROME_PAGE) == article_from_html(CHROME_PAGE)


MARKUP = st.lists(
    st.sampled_from(
        [*"ab <>/\n&;#", "<p>", "</p>", "<li>", "<article>", "</article>", "<main>", "<form>", "</form>", "<h1>",
         "<script>", "<br>", "Share ", "By Ann Lee ", "Published March 25, 2014 ", "The council met on Monday. "]
    ),
    max_size=80,
).map("".join)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(MARKUP)
def test_any_page_keeps_the_line_map_and_marks_only_its_own_lines(markup: str) -> None:
    extracted = webstory.page_story(markup)
    line_count = len(extracted.text.split("\n"))
    assert len(extracted.source_lines) == line_count
    assert extracted.chrome_lines.isdisjoint(extracted.story_lines)
    assert all(0 <= line < line_count for line in extracted.chrome_lines | extracted.story_lines)
    assert all(1 <= n <= markup.count("\n") + 1 for n in extracted.source_lines)
    assert webstory.page_story(markup) == extracted


def test_menus_of_a_page_without_article_or_main_stay_out_of_the_story() -> None:
    menu = "".join(f"<div class='menu'><a href='/{n}'>{n} News</a></div>" for n in ("World", "Sport", "Money"))
    links = "".join(f"<div><a href='/s{n}'>Other story number {n} about the council</a></div>" for n in range(6))
    body = f"{menu}<div class='story'><h1>Harbour Bridge Reopens</h1>{paragraphs()}</div><div>{links}</div>"
    article = article_from_html(page(body))
    assert story_text(article) == ["Harbour Bridge Reopens", *STORY]
    assert "Sport News" not in article.text

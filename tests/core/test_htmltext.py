"""HTML pages written for these tests: the article's text comes out, the page's chrome does not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.load.htmltext import html_to_text
from reader.core.load.textclean import looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<title>Harbour Bridge Reopens | Coastwire</title>
<meta property="og:site_name" content="Coastwire">
<meta name="author" content="Priya Okafor">
<script>var teaser = "<p>Not article text</p>";</script>
<style>p { color: red; }</style>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><div>Subscribe now</div></header>
<div class="promo" hidden>Win a prize</div>
<article>
  <header><h1>Harbour Bridge Reopens</h1><p class="byline">By Priya Okafor</p></header>
  <p>The bridge reopened on Monday after
     six months of repairs, the city said.</p>
  <ul>
    <li>Traffic resumed at 6 a.m.</li>
    <li>Tolls stay at &pound;2 &amp; no more.</li>
  </ul>
  <p>Officials said the work cost &#8364;40&nbsp;million &mdash; less than planned.</p>
  <figure><img src="x.jpg"><figcaption>Photo credit line</figcaption></figure>
  <footer>Share this article</footer>
</article>
<aside><article><p>Another story teaser.</p></article></aside>
<footer><p>Copyright Coastwire</p></footer>
</body>
</html>
"""


def lines_with_sources(page: str) -> list[tuple[int, str]]:
    extracted = html_to_text(page)
    lines = extracted.text.split("\n")
    assert len(lines) == len(extracted.source_lines)
    return [(n, line) for n, line in zip(extracted.source_lines, lines, strict=True) if line]


def test_article_text_without_page_chrome() -> None:
    assert [line for _, line in lines_with_sources(PAGE)] == [
        "Harbour Bridge Reopens",
        "By Priya Okafor",
        "The bridge reopened on Monday after six months of repairs, the city said.",
        "• Traffic resumed at 6 a.m.",
        "• Tolls stay at £2 & no more.",
        "Officials said the work cost €40 million — less than planned.",
    ]


def test_each_line_maps_to_its_html_source_line() -> None:
    sources = dict((line, n) for n, line in lines_with_sources(PAGE))
    page_lines = PAGE.split("\n")
    assert "<h1>Harbour Bridge Reopens" in page_lines[sources["Harbour Bridge Reopens"] - 1]
    assert "The bridge reopened" in page_lines[sources[next(k for k in sources if k.startswith("The bridge"))] - 1]
    assert "Officials said" in page_lines[sources[next(k for k in sources if k.startswith("Officials"))] - 1]


def test_hints_from_head_and_h1() -> None:
    extracted = html_to_text(PAGE)
    assert extracted.title == "Harbour Bridge Reopens | Coastwire"
    assert extracted.headline == "Harbour Bridge Reopens"
    assert extracted.site_name == "Coastwire"
    assert extracted.author == "Priya Okafor"


def test_main_is_used_when_there_is_no_article() -> None:
    page = "<body><div>Site menu</div><main><p>Story text here.</p></main><div>Footer text</div></body>"
    assert html_to_text(page).text == "Story text here."


def test_whole_body_when_nothing_marks_the_article() -> None:
    page = "<body><nav>Home</nav><h2>Title</h2><p>One.</p><div>Two<br>Three</div></body>"
    assert html_to_text(page).text.split("\n\n") == ["Title", "One.", "Two", "Three"]


def test_the_largest_article_wins() -> None:
    page = (
        "<article><p>Short teaser.</p></article>"
        "<article><p>The long main story text, with several words.</p><p>More of it.</p></article>"
    )
    assert html_to_text(page).text.split("\n\n") == ["The long main story text, with several words.", "More of it."]


def test_h1_outside_the_article_is_kept_as_the_first_line() -> None:
    page = "<header><h1>Outside Headline</h1></header><article><p>Body text.</p></article>"
    extracted = html_to_text(page)
    assert extracted.text.split("\n\n") == ["Outside Headline", "Body text."]
    assert extracted.headline == "Outside Headline"


def test_hidden_and_aria_navigation_elements_are_skipped() -> None:
    page = (
        '<div role="navigation"><p>Menu</p></div><div aria-hidden="true">x</div>'
        '<div style="display: none">y</div><p>Kept.</p>'
    )
    assert html_to_text(page).text == "Kept."


def test_unclosed_and_stray_tags_do_not_lose_text() -> None:
    page = "<p>First<p>Second</span></div><div><p>Third"
    assert html_to_text(page).text.split("\n\n") == ["First", "Second", "Third"]


def test_entities_and_control_characters_are_cleaned() -> None:
    assert html_to_text("<p>caf&eacute; &#27;[31mred &lt;b&gt;</p>").text == "café [31mred <b>"


def test_empty_page() -> None:
    extracted = html_to_text("")
    assert extracted.text == ""
    assert extracted.source_lines == (1,)


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("  <!-- saved page -->\n<html lang='en'>")
    assert not looks_like_html("Plain text that mentions <html> later.")


MARKUP = st.lists(st.sampled_from([*"ab <>/\n&;#p", "<p>", "</p>", "<li>", "<script>", "<br>", "<h1>"])).map("".join)


@given(MARKUP)
def test_any_markup_gives_one_source_line_per_text_line(page: str) -> None:
    extracted = html_to_text(page)
    assert len(extracted.text.split("\n")) == len(extracted.source_lines)
    assert all(1 <= n <= page.count("\n") + 1 for n in extracted.source_lines)

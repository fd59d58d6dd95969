"""Block kinds and metadata of whole texts written for these tests (the seeds are in test_loading)."""

from __future__ import annotations

from reader.core.load.inputs import article_from_text
from reader.core.load.layout import PageHints, classify
from reader.core.load.segment import split_units
from reader.core.records import Article

PAGE = """World NewsEurope

Harbour Bridge Reopens After Six Months

Harbour Bridge Reopens After Six Months/ Coastwire/ OSLO/ P. Okafor/ Weekend Edition/ The bridge reopened on \
Saturday. Mr. Lund, the mayor, cut the ribbon at 9 a.m. and thanked the U.S. engineers.

Harbour Bridge Reopens After Six Months

Key Facts

  • Repairs took six months.
  • The cost was 40 million kroner.

Harbour Bridge Reopens After Six Months

Traffic on the bridge was light in the morning but grew steadily, officials said on Sunday.

Commuters Return

Many commuters said they had missed the shorter route during the repairs.

Related Articles
Ferry Operators Count Their Losses
New Tunnel Plans Unveiled

Was this article helpful?
Share on Facebook
"""


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in article.sentences]


def test_a_page_written_for_the_rules() -> None:
    article = article_from_text(PAGE)
    assert kinds(article) == [
        ("boilerplate", "World NewsEurope"),
        ("headline", "Harbour Bridge Reopens After Six Months"),
        ("byline", "Harbour Bridge Reopens After Six Months/ Coastwire/ OSLO/ P. Okafor/ Weekend Edition/"),
        ("paragraph", "The bridge reopened on Saturday."),
        ("paragraph", "Mr. Lund, the mayor, cut the ribbon at 9 a.m. and thanked the U.S. engineers."),
        ("boilerplate", "Harbour Bridge Reopens After Six Months"),
        ("headline", "Key Facts"),
        ("bullet", "Repairs took six months."),
        ("bullet", "The cost was 40 million kroner."),
        ("boilerplate", "Harbour Bridge Reopens After Six Months"),
        ("paragraph", "Traffic on the bridge was light in the morning but grew steadily, officials said on Sunday."),
        ("headline", "Commuters Return"),
        ("paragraph", "Many commuters said they had missed the shorter route during the repairs."),
        ("boilerplate", "Related Articles"),
        ("boilerplate", "Ferry Operators Count Their Losses"),
        ("boilerplate", "New Tunnel Plans Unveiled"),
        ("boilerplate", "Was this article helpful?"),
        ("boilerplate", "Share on Facebook"),
    ]
    meta = article.meta
    assert meta.headline == "Harbour Bridge Reopens After Six Months"
    assert (meta.outlet, meta.dateline, meta.byline) == ("Coastwire", "OSLO", "P. Okafor")
    assert meta.dates == ("Saturday", "Sunday")


def test_byline_at_the_end_and_plain_first_line_headline() -> None:
    text = "Ferry strike ends after two days\nThe ferry strike ended on Tuesday.\nBy Ingrid Moe\n"
    article = article_from_text(text)
    assert kinds(article) == [
        ("headline", "Ferry strike ends after two days"),
        ("paragraph", "The ferry strike ended on Tuesday."),
        ("byline", "By Ingrid Moe"),
    ]
    assert article.meta.byline == "Ingrid Moe"


def test_plain_lists_after_a_colon_are_bullets() -> None:
    text = "The plan has three goals:\n\nCut costs\nHire nurses\nOpen two clinics.\n\nIt starts in May 2026."
    assert [kind for kind, _ in kinds(article_from_text(text))] == [
        "paragraph",
        "bullet",
        "bullet",
        "bullet",
        "paragraph",
    ]


def test_wire_dateline_after_a_standfirst() -> None:
    text = "Dockers Walk Out\n\nA short standfirst here.\n\nBERGEN (Reuters) — Dockers walked out on Monday."
    meta = article_from_text(text).meta
    assert (meta.dateline, meta.outlet) == ("BERGEN", "Reuters")


def test_page_hints_fill_what_the_text_does_not_say() -> None:
    text = "Dockers Walk Out\n\nDockers walked out on Monday."
    layout = classify(text, split_units(text), PageHints(title="Dockers Walk Out | Harbour Times", author="Ann Lee"))
    assert layout.meta.headline == "Dockers Walk Out"
    assert layout.meta.byline == "Ann Lee"
    no_text = classify("", [], PageHints(headline="Only In The Page Head", site_name="Harbour Times"))
    assert (no_text.meta.headline, no_text.meta.outlet) == ("Only In The Page Head", "Harbour Times")


def test_headline_is_never_glued_to_the_next_sentence() -> None:
    article = article_from_text("Storm Hits the Coast\nHeavy rain fell. Rivers rose.")
    assert [s.text for s in article.sentences] == ["Storm Hits the Coast", "Heavy rain fell.", "Rivers rose."]

"""Author, outlet and publication date of the articles reach the pane header and every export."""

from __future__ import annotations

import json
from dataclasses import replace

from reader.core.records import ArticleMeta, Comparison
from reader.export.html import render_html
from reader.export.json_export import render_json
from reader.export.markdown import render_markdown
from reader.widgets.headers import header_text
from tests.store.build import hand_comparison


def with_web_metadata() -> Comparison:
    comparison = hand_comparison()
    first, second = comparison.articles
    meta = ArticleMeta(headline="Left headline", outlet="Coastwire", author="Priya Okafor", published="2019-11-19")
    return replace(comparison, articles=(replace(first, meta=meta), second))


def test_pane_header_shows_outlet_author_and_date() -> None:
    header = header_text(with_web_metadata().articles[0]).plain
    assert header.splitlines()[1].strip() == "Coastwire · Priya Okafor · 2019-11-19"


def test_exports_carry_outlet_author_and_date() -> None:
    comparison = with_web_metadata()
    assert "Coastwire · Priya Okafor · 2019-11-19" in render_markdown(comparison)
    assert "Coastwire · Priya Okafor · 2019-11-19" in render_html(comparison)
    meta = json.loads(render_json(comparison))["comparison"]["articles"][0]["meta"]
    assert (meta["outlet"], meta["author"], meta["published"]) == ("Coastwire", "Priya Okafor", "2019-11-19")

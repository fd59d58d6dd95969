"""Places named by a dateline: the capitalised place that opens a wire story or a paragraph.

News agencies open a story with where it was filed: "BUCHAREST 1996-08-30", "HERZLIYA, Israel 1996-08-31",
"WASHINGTON (Reuters) - …", "BEIRUT, Lebanon — …". The place is written in capitals, optionally followed by a
country or state, then by a date, the agency in brackets or a dash before the prose. The small model reads
all-caps words poorly (it tags "BUCHAREST" an organisation or nothing), while the shape alone says "place" in any
news text. A kicker before a dash ("EXCLUSIVE - …", "SOCCER - ROMANIA BEAT …") is no dateline: the words after
a dash must start ordinary prose, and a few kicker words are never places.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.core.analysis.candidate import SKIPPED_KINDS, Candidate
from reader.core.analysis.names import name_key, place_alias, word_set
from reader.core.records import ActorKind, Article

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_REGION_WORD = r"[A-Z][A-Za-z'’.\-]*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"\d{{4}}-\d\d-\d\d\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|{_MONTH}[ \t]+\d{{1,2}}\b"
DATELINE = re.compile(
    rf"[ \t\"“]*(?P<place>{_CAPS_WORD}(?:[ \t]{_CAPS_WORD}){{0,3}})"
    rf"(?:[ \t]?,[ \t]?(?P<region>{_REGION_WORD}(?:[ \t]{_REGION_WORD}){{0,2}}))?"
    rf"(?=[ \t]+(?:{_DATE}|\([A-Z][^()\n]{{1,30}}\))"
    r"|[ \t]*[—–][ \t]|[ \t]+-{1,2}[ \t]+(?=[A-Z][a-z]))"
)
"""A dateline at the start of a block: the place in capitals, an optional region, then a date, an agency in
brackets, or a dash before prose."""
KICKERS = word_set(
    """
    UPDATE EXCLUSIVE ANALYSIS BREAKING FACTBOX WRAPUP REFILE CORRECTED CORRECTION INTERVIEW COLUMN OPINION
    EDITORIAL COMMENTARY REVIEW PREVIEW RESULTS RESULT SCHEDULE STANDINGS NEWS ALERT FLASH URGENT PHOTOS VIDEO
    WATCH LIVE TEXT FULL
    """
)
"""Capitalised words that open a story as a label, never as its place."""


def dateline_places(articles: Sequence[Article]) -> list[Candidate]:
    """The place (and its region) of every block that opens with a dateline, voting PLACE; a well-known
    organisation written so ("UNITED NATIONS") keeps the kind its other mentions give it."""
    found = []
    for index, article in enumerate(articles):
        starts = [s.start for s in article.sentences]
        for block in article.blocks:
            match = DATELINE.match(article.text, block.start, block.end)
            if match is None or any(word in KICKERS for word in match.group("place").split()):
                continue
            for group in ("place", "region"):
                start, end = match.span(group)
                if start < 0:
                    continue
                text = article.text[start:end].rstrip(".") if group == "place" else article.text[start:end]
                end = start + len(text)
                position = bisect.bisect_right(starts, start) - 1
                sentence = article.sentences[position] if position >= 0 else None
                if sentence is None or sentence.kind in SKIPPED_KINDS or sum(ch.isalpha() for ch in text) < 2:
                    continue
                vote = None if place_alias(name_key(text)) else ActorKind.PLACE
                found.append(Candidate(index, sentence.index, start, end, text, vote, text))
    return found


def dateline_ends(article: Article) -> dict[int, int]:
    """Block index to the offset where the dateline opening the block ends (after its region)."""
    ends = {}
    for block in article.blocks:
        match = DATELINE.match(article.text, block.start, block.end)
        if match is not None and not any(word in KICKERS for word in match.group("place").split()):
            ends[block.index] = match.end()
    return ends

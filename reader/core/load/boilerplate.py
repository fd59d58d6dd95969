"""Site chrome inside article text: found by the shape of lines and the vocabulary of web pages.

Text copied from a news page carries its menus, section labels, links to other stories and rating widgets.
They must not be matched between articles (every outlet has a "Latest News"), yet they are kept in the data and
shown dimmed, so the rules only mark lines. A unit (line or paragraph) is boilerplate when:

1. it has no letter or digit (rules, separators, a lone glyph);
2. it is a navigation label: a short title-like line whose words (after splitting glued menu words such as
   "StoryUS") are all navigation or section vocabulary ("More on US News", "Previous Article", "Menu");
3. it is an engagement widget: rating, voting, sharing, subscribing, cookie and copyright lines, or one of the
   web-chrome shapes of `reader.core.load.chrome` (share bars, counters, "Published …" lines, page labels,
   caption credits, breadcrumbs, promos, newsletter boxes);
4. it is a one-word label ("Sections") that is neither the headline nor a byline and does not introduce prose
   or a list (then it is a subheading: "Background" above a paragraph is the story's own);
5. it is a title-like line that occurs more than once (a headline repeated as a section divider), except for
   the occurrence chosen as the headline and a copy right after it (the title given twice at the top);
6. it is a teaser: a title-like line listed under a label that introduces other stories ("Previous Article",
   "Related", "More on …");
7. it is one of at least two title-like lines after the last prose paragraph (the page's tail: a list of links),
   unless it is a byline; a single last line without a full stop is not chrome by that alone.

Rules 1-3 are strong (a line of that shape is chrome wherever it stands); rules 4-7 only read a line's shape
and place, so they yield to an extractor that found the line to be story (`trusted`).

The caller passes the units it has already identified as headline or byline; those are never boilerplate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from reader.core.load.chrome import is_web_chrome
from reader.core.load.lineshape import (
    ends_sentence,
    has_letters,
    is_title_like,
    normalise,
    rough_word_count,
    unglue,
    vocabulary,
    words_of,
)

FUNCTION_WORDS = vocabulary("the a an of on in at to for from with and or by your you our this all")
"""Small words allowed inside a navigation label, but not enough to make one."""

NAVIGATION_WORDS = vocabulary(
    """
    home menu news latest top story stories more previous prev next article articles post posts related
    read also see share subscribe subscription sign login logout log up out register account newsletter
    newsletters advertisement advertisements ad ads advertising sponsored promoted partner content
    trending popular most viewed read shared comments comment follow tags tag topics topic categories
    category section sections search skip main back print email contact about privacy policy terms
    cookie cookies settings copyright rights reserved recommended editor's editors picks pick watch
    video videos photo photos gallery live updates update breaking world us u.s uk politics business
    economy markets money tech technology science health sport sports entertainment culture opinion
    lifestyle travel local national international region regions europe asia africa americas middle east
    deep dive depth look looks closer quick analysis explainer feature features featured highlights
    summary key points takeaways continue reading full coverage page site edition
    """
)
"""Words of menus, section labels and link lists: a short line made only of them is navigation."""

LIST_OPENERS = vocabulary("previous prev next related more latest trending popular recommended also read see")
"""Navigation words that introduce a list of other stories (whose titles follow as teasers)."""

NAVIGATION_MAX_WORDS = 6
SHORT_LABEL_MAX_WORDS = 1
TAIL_LIST_MIN_TITLES = 2
"""Title-like lines after the last prose paragraph are a list of links only when there are at least two: a
single last line without a full stop is the story's own (issue 8: a closing quote, a last short sentence)."""
_BREADCRUMB = re.compile(r"[›»>|/•·:]+")

_ENGAGEMENT = re.compile(
    r"""
    \bhow\s+(?:useful|helpful|interesting)\s+(?:was|is|did)\b
    | \b(?:was|is|did)\s+(?:this|the)\s+(?:article|story|post|page)\s+(?:useful|helpful|interesting)
    | \bclick\s+(?:on\s+)?(?:a|the)\s+stars?\b
    | \brate\s+(?:it\b|this\s+(?:article|story|post|page)\b) | \bratings?\s*:?\s*\d | \baverage\s+rating\b
    | \bvote\s+count\b | \bno\s+votes\b | \b\d+\s+votes?\b
    | \bbe\s+the\s+first\s+to\s+(?:rate|comment|review|share|vote)\b
    | \b(?:leave|post|add|view|show|load)\s+(?:a\s+|the\s+)?(?:\d+\s+)?(?:comments?|replies|reply)\b
    | ^\s*share\s+(?:this|on|via|article|story)\b | \bshare\s+(?:on|via)\s+(?:facebook|twitter|x|whatsapp|email)\b
    | \bfollow\s+us\b | \bsign\s+up\s+(?:for|to)\b | \bsubscribe\s+(?:to|for|now|today)\b
    | \b(?:get|receive)\s+(?:our|the)\s+(?:\w+\s+)?newsletter\b
    | \ball\s+rights\s+reserved\b | ^\s*(?:©|\(c\)|copyright\b)
    | \b(?:we|this\s+site)\s+uses?\s+cookies\b | \baccept\s+(?:all\s+)?cookies\b
    | \bclick\s+here\b | \bread\s+(?:more|next|the\s+full)\b | \bcontinue\s+reading\b
    | \bskip\s+to\s+(?:main\s+)?content\b | \bback\s+to\s+top\b
    | \bthanks?\s+(?:you\s+)?for\s+(?:reading|rating|your\s+feedback)\b
    | \bwe\s+are\s+sorry\s+that\s+this\s+(?:post|article)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
ENGAGEMENT_TRIGGERS = vocabulary(
    """
    useful helpful interesting star stars rate rating ratings vote votes first comment comments replies reply
    share follow sign subscribe newsletter reserved copyright cookies click read continue skip back thanks
    thank sorry
    """
)
"""Every widget pattern contains one of these words (or "©"): lines without any skip the big pattern."""
ENGAGEMENT_MAX_WORDS = 16
"""Widget lines are short; a long paragraph that mentions "subscribe" is prose."""


def label_words(text: str) -> list[str]:
    """The case-folded words of a line read as a menu label (glue split, breadcrumb separators dropped)."""
    return [word.casefold().rstrip(".") for word in words_of(_BREADCRUMB.sub(" ", unglue(text)))]


def is_navigation_label(text: str) -> bool:
    """A short title-like line made only of navigation and section words (see rule 2)."""
    stripped = text.strip().rstrip(":").strip()
    if not is_title_like(stripped, NAVIGATION_MAX_WORDS + 2):
        return False
    words = label_words(stripped)
    if not words or len(words) > NAVIGATION_MAX_WORDS:
        return False
    vocabulary = NAVIGATION_WORDS | FUNCTION_WORDS
    return all(word in vocabulary for word in words) and any(word not in FUNCTION_WORDS for word in words)


def opens_story_list(text: str) -> bool:
    """A navigation label after which the titles of other stories are listed ("Previous Article")."""
    return is_navigation_label(text) and any(word in LIST_OPENERS for word in label_words(text))


def is_engagement_widget(text: str) -> bool:
    """A rating, voting, sharing, subscription, cookie or copyright line (see rule 3)."""
    if rough_word_count(text) > 2 * ENGAGEMENT_MAX_WORDS:
        return False
    words = words_of(text)
    if len(words) > ENGAGEMENT_MAX_WORDS:
        return False
    if "©" not in text and "(c)" not in text.casefold() and ENGAGEMENT_TRIGGERS.isdisjoint(w.casefold() for w in words):
        return False
    return _ENGAGEMENT.search(text) is not None


def is_short_label(text: str) -> bool:
    """A title-like line of one word (see rule 4): two words may already say something ("Talks Resume")."""
    return is_title_like(text) and len(words_of(text)) <= SHORT_LABEL_MAX_WORDS


def is_prose(text: str) -> bool:
    """A line that reads like running text: it ends like a sentence and has a handful of words."""
    return ends_sentence(text) and rough_word_count(text) >= 6 and not is_engagement_widget(text)


def mark_boilerplate(
    texts: Sequence[str],
    bullets: Collection[int] = (),
    headline: int | None = None,
    protected: Collection[int] = (),
    trusted: Collection[int] = (),
) -> set[int]:
    """Indices of the units in `texts` that are boilerplate, by the rules of the module docstring.

    `bullets` are the indices of bullet units (never short labels, repeats or tail lines: a list of short
    points is content); `headline` is the index of the headline unit; `protected` are units already known to be
    headline or byline; `trusted` are units an extractor found to be story, to which only the strong rules
    (1-3: no letters, navigation label, engagement widget) apply.
    """
    keep = set(protected)
    if headline is not None:
        keep.add(headline)
    marked: set[int] = set()
    repeats = Counter(
        normalise(text) for index, text in enumerate(texts) if index not in bullets and is_title_like(text)
    )
    headline_key = normalise(texts[headline]) if headline is not None else None
    last_prose = max((i for i, text in enumerate(texts) if i not in keep and is_prose(text)), default=-1)
    tail_titles = sum(
        1
        for index, text in enumerate(texts)
        if index > last_prose > -1 and index not in keep and index not in bullets and is_title_like(text)
    )
    in_story_list = False

    def _introduces_content(index: int) -> bool:
        """The unit after `index` is prose or a bullet: `index` is a subheading, whatever its length."""
        following = index + 1
        return following < len(texts) and (following in bullets or is_prose(texts[following]))

    def _is_stray_title(text: str, index: int) -> bool:
        """Rules 4, 5 and 7: a short label, a repeated title, or a title in the page's tail."""
        key = normalise(text)
        if headline is not None and index == headline + 1 and key == headline_key:
            return False  # the title given twice at the top (page title, then the story's own): not a divider
        if repeats[key] > 1 or key == headline_key:
            return True
        if is_short_label(text) and not _introduces_content(index):
            return True
        return index > last_prose > -1 and tail_titles >= TAIL_LIST_MIN_TITLES

    for index, text in enumerate(texts):
        if index in keep:
            in_story_list = False
            continue
        is_bullet = index in bullets
        title_like = is_title_like(text)
        if not has_letters(text) or is_engagement_widget(text) or is_web_chrome(text):
            marked.add(index)
        elif is_navigation_label(text):
            marked.add(index)
            in_story_list = opens_story_list(text) and (headline is None or index > headline)
        elif index in trusted:
            in_story_list = False
        elif title_like and (in_story_list or (not is_bullet and _is_stray_title(text, index))):
            marked.add(index)
        else:
            in_story_list = False
    return marked

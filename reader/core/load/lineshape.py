"""The shape of one line of text: word count, title-likeness, normalised form.

Headline, byline and boilerplate rules all start from the same observations about a line (is it short? does it
end like a sentence? is it a repeat of another line?), so they live here once.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*\.?")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z]{2,}\b)|(?<=[a-z]{2})(?=[A-Z][a-z])")
_NORMALISE = re.compile(r"[^\w]+")
_OPEN_END = re.compile(r"[,;:(\[{–—-]$")
_DANGLING_END = re.compile(r"\b(?:the|a|an|and|or|of|to|with|that|which|whose)$", re.IGNORECASE)
_TERMINAL_END = re.compile(r"[.!?…:;][\"”’')\]]*$")

TITLE_MAX_WORDS = 25
"""Longer lines read as prose even without a final full stop."""


def vocabulary(words: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string (easier to read and review than a list literal)."""
    return frozenset(words.split())


def ends_sentence(text: str) -> bool:
    """True when the text's last visible character closes a sentence (punctuation, maybe inside quotes)."""
    return _TERMINAL_END.search(text.rstrip()) is not None


def words_of(text: str) -> list[str]:
    """The words of a line (letters and digits, with inner apostrophes, dots and hyphens)."""
    return _WORD.findall(text)


def unglue(text: str) -> str:
    """Split words that page scraping glued together ("StoryUS" → "Story US", "NewsWorld" → "News World").

    Only a lower-case letter followed by a capitalised word or acronym counts as glue, so "McDonald" and
    "iPhone" are left alone (the first needs two lower-case letters before a capital word, the second has none).
    """
    return _GLUE.sub(" ", text)


def normalise(text: str) -> str:
    """Case-folded words joined by single spaces: the key under which two lines count as the same line."""
    return " ".join(_NORMALISE.sub(" ", text.casefold()).split())


def rough_word_count(text: str) -> int:
    """Whitespace-separated tokens: a fast stand-in for `len(words_of(text))` where precision is not needed."""
    return len(text.split())


def has_letters(text: str) -> bool:
    """True when the text holds at least one letter or digit."""
    return any(char.isalnum() for char in text)


def is_title_like(text: str, max_words: int = TITLE_MAX_WORDS) -> bool:
    """A line that reads like a title or label: short, with letters, not ending like a sentence or a clause.

    A line ending in an article, conjunction or "of"/"to" is a piece of a broken sentence, not a title.
    Question marks count as sentence ends too: widgets ask questions ("How useful was this article?") far more
    often than headlines do in running text.
    """
    stripped = text.strip()
    if not stripped or stripped.count(" ") >= max_words * 2 or "\n" in stripped or not has_letters(stripped):
        return False  # (the space count is a cheap upper bound that spares long paragraphs the word regex)
    if ends_sentence(stripped) or _OPEN_END.search(stripped) or _DANGLING_END.search(stripped):
        return False
    return 0 < len(words_of(stripped)) <= max_words

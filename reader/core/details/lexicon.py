"""The words typed details are read with: numbers, dates, hedges, reporting verbs, offices and count nouns.

General English news vocabulary, not fitted to any article: a word is here because news prose uses it to state
a number, a date or an office. The cardinal and ordinal tables stop at the words news writes out ("twelve",
"ninety", "a dozen"); larger numbers come in digits.
"""

from __future__ import annotations

from reader.core.align.wordlists import MONTHS, words

__all__ = ["MONTHS", "words"]  # the detail modules read both from here, with the rest of their vocabulary


CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12,
}  # fmt: skip
"""Scale words and the letters that abbreviate them after an amount of money ("$3.6B", "£2bn")."""
CURRENCIES: dict[str, str] = {"$": "dollar", "€": "euro", "£": "pound"}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound", "pounds": "pound",
}  # fmt: skip

AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of", "greater than")
AT_MOST = ("nearly", "almost", "fewer than", "less than", "under", "up to", "close to", "just under", "no more than")
ABOUT = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "nearly about")
"""Hedges before a number, longest first when matched: a bound or an approximation, never an exact value."""

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
RELATIVE_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
"""Days named relative to the publication date: resolvable only when the article's date is known."""
VAGUE_PERIODS = words("week weekend month year")
"""After "this", "last", "next" or "earlier this": a period that holds a day without naming it."""
PARTS_OF_DAY = words("morning afternoon evening night")

REPORTING_VERBS = words(
    """said says say told tells tell announced announces stated states added adds wrote writes claimed claims
    claim argued argues insisted insists conceded concedes admitted admits acknowledged acknowledges noted notes
    warned warns tweeted tweets declared declares denied denies confirmed confirms reported reports explained
    asserted alleged alleges suggested suggests contended contends contend maintained maintains predicted
    responded replied urged urges"""
)
"""Verbs that report speech: a date next to one dates the statement, not the event it reports."""

OFFICES = words(
    """president vice senator representative congressman congresswoman governor mayor secretary attorney
    general judge justice speaker leader chairman chairwoman chair director chief minister ambassador
    commissioner spokesman spokeswoman spokesperson sheriff prosecutor treasurer adviser advisor counsel"""
)
"""Words that head an office or a title given to a person."""
OFFICE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "pres": "president", "sec": "secretary", "atty": "attorney", "dist": "district", "asst": "assistant",
    "congressman": "representative", "congresswoman": "representative", "chairwoman": "chairman",
    "chair": "chairman", "spokeswoman": "spokesman", "spokesperson": "spokesman",
}  # fmt: skip
RANK_MODIFIERS = words("assistant deputy vice associate acting former interim lieutenant")
"""Words that change which office a title names: a deputy district attorney is not the district attorney."""

COUNT_SYNONYMS: tuple[frozenset[str], ...] = (
    words("bill measur legisl resolut"),
    words("troop soldier servicememb forc"),
    words("peopl person individu"),
    words("death dead kill fatal"),
    words("injur hurt wound injuri"),
    words("vote ballot"),
    words("job posit"),
)
"""Stems of count nouns that count the same thing ("15 bills" / "16 measures")."""
PARTICIPLE_HEADS = words("killed injured hurt wounded dead arrested detained missing displaced evacuated")
"""After a generic count ("12 people", "three others"), the word that says what was counted."""
GENERIC_COUNTS = words("people persons others individuals")

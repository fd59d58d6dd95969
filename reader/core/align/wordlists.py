"""Word lists the normaliser folds with: stop words, number words, spellings, irregular forms, aliases.

They are small and general on purpose: the aligner must run before (and without) the spaCy model, so it cannot
ask a lemmatiser; these tables cover what a stemmer cannot (irregular verbs, British/American spellings) and
nothing that only the seed articles contain.
"""

from __future__ import annotations

import re
from functools import lru_cache


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as text (easier to read and edit than a list)."""
    return frozenset(text.split())


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
"""Month names and their abbreviations, by number: the aligner keeps them out of names, the detail reader dates
with them."""


STOP_WORDS: frozenset[str] = words(
    """
    a about above after again against all also although am among amongst an and another any are around as at
    be became because become been before being below between both but by can could did do does doing done down
    during each either else ever every few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less let like may me might mine more most
    much must my myself neither no nor not now of off often on once only onto or other others otherwise our ours
    ourselves out over own per perhaps quite rather same shall she should since so some such than that the their
    theirs them themselves then there these they this those though through thus to too toward towards under
    unless until up upon us very via was we were what whatever when whenever where whereas whether which while
    whilst who whom whose why will with within without would yet you your yours yourself yourselves
    s t d ll m re ve n't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't cannot couldn't
    shouldn't hasn't haven't hadn't it's that's there's he's she's they're we're i'm you're
    mr mrs ms say says said saying
    according familiar briefed
    """
)
"""Function words, the reporting verbs that news puts in nearly every sentence ("said", "says"), and the words of
the attribution formula ("according to …", "sources familiar with the matter", "others briefed on it"): they carry
no topic, so they neither make candidates nor count in overlap."""

CARDINALS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
"""Ordinals share the cardinal's key: "the second phase" and "phase two" name the same step."""

NUMBER_WORDS: dict[str, int] = {**CARDINALS, **ORDINALS, "dozen": 12}

BRITISH_STEMS: dict[str, str] = {
    "programme": "program", "sceptic": "skeptic", "defence": "defense", "offence": "offense",
    "licence": "license", "pretence": "pretense", "centre": "center", "theatre": "theater", "metre": "meter",
    "litre": "liter", "fibre": "fiber", "calibre": "caliber", "sombre": "somber", "spectre": "specter",
    "meagre": "meager", "manoeuvr": "maneuver", "catalogue": "catalog", "dialogue": "dialog",
    "analogue": "analog", "grey": "gray", "tyre": "tire", "aluminium": "aluminum", "jewellery": "jewelry",
    "plough": "plow", "cheque": "check", "kerb": "curb", "moustache": "mustache", "mould": "mold",
    "smoulder": "smolder", "storey": "story", "draught": "draft", "enrol": "enroll", "fulfil": "fulfill",
    "instalment": "installment", "skilful": "skillful", "wilful": "willful", "judgement": "judgment",
    "ageing": "aging", "paediatric": "pediatric", "anaemi": "anemi", "haemorrhag": "hemorrhag",
    "oestrogen": "estrogen", "foetus": "fetus", "encyclopaedia": "encyclopedia", "orthopaedic": "orthopedic",
    "diarrhoea": "diarrhea", "practis": "practic", "pyjama": "pajama", "sulphur": "sulfur",
    "axe": "ax", "artefact": "artifact", "cosy": "cozy", "mum": "mom", "whisky": "whiskey",
}  # fmt: skip
"""British spelling → American, applied to the start of a word so "programmes" and "scepticism" fold too."""

_BRITISH_START = re.compile("|".join(sorted(BRITISH_STEMS, key=len, reverse=True)))
_OUR_EXCEPTIONS = words(
    "flour scour devour detour contour amour velour troubadour paramour glamour dour sour pour tour"
)
_OUR = re.compile(r"^(?P<base>.{2,}?)our(?P<suffix>s|ed|ing|able|ably|ite|ites|ful|less|er|ers)?$")
_ISE = re.compile(r"^(?P<base>.{3,}?)is(?P<suffix>e|es|ed|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"^(?P<base>.{2,}?)ys(?P<suffix>e|es|ed|ing|er|ers)$")
_DOUBLE_L = re.compile(
    r"^(?P<base>travel|cancel|label|model|fuel|signal|counsel|level|channel|quarrel|dial|jewel|marvel|tunnel"
    r"|rival|shovel|duel|grovel|unravel|pedal|pencil|total|equal)l(?P<suffix>ed|ing|er|ers)$"
)


@lru_cache(maxsize=65536)
def american_spelling(word: str) -> str:
    """Fold a lowercase British spelling to the American one (honour → honor, organise → organize).

    The folds only need to be consistent, not dictionary-exact: both articles go through the same function, so
    "promise" → "promize" is harmless; what matters is that two spellings of one word end up equal.
    """
    match = _BRITISH_START.match(word)
    if match:
        return BRITISH_STEMS[match.group()] + word[match.end() :]
    match = _OUR.match(word)
    if match and match["base"] + "our" not in _OUR_EXCEPTIONS:
        return match["base"] + "or" + (match["suffix"] or "")
    match = _DOUBLE_L.match(word)
    if match:
        return match["base"] + match["suffix"]
    match = _ISE.match(word)
    if match:
        return match["base"] + "iz" + match["suffix"]
    match = _YSE.match(word)
    if match:
        return match["base"] + "yz" + match["suffix"]
    if word.endswith("wards") and len(word) > 6:
        return word[:-1]
    return word


IRREGULAR_FORMS: dict[str, str] = {
    "said": "say", "says": "say", "told": "tell", "went": "go", "gone": "go", "took": "take", "taken": "take",
    "held": "hold", "met": "meet", "made": "make", "gave": "give", "given": "give", "came": "come",
    "began": "begin", "begun": "begin", "struck": "strike", "stricken": "strike", "fought": "fight",
    "sought": "seek", "brought": "bring", "thought": "think", "bought": "buy", "led": "lead", "won": "win",
    "ran": "run", "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "chose": "choose",
    "chosen": "choose", "knew": "know", "known": "know", "grew": "grow", "grown": "grow", "saw": "see",
    "seen": "see", "found": "find", "felt": "feel", "kept": "keep", "lost": "lose", "paid": "pay",
    "sent": "send", "spent": "spend", "built": "build", "stood": "stand", "understood": "understand",
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "drove": "drive", "driven": "drive",
    "broke": "break", "broken": "break", "froze": "freeze", "frozen": "freeze", "stole": "steal",
    "stolen": "steal", "flew": "fly", "flown": "fly", "hid": "hide", "hidden": "hide", "shot": "shoot",
    "bore": "bear", "borne": "bear", "born": "bear", "wore": "wear", "worn": "wear", "threw": "throw",
    "thrown": "throw", "drew": "draw", "drawn": "draw", "forgot": "forget", "forgotten": "forget",
    "forbade": "forbid", "forbidden": "forbid", "sold": "sell", "taught": "teach", "caught": "catch",
    "meant": "mean", "heard": "hear", "sat": "sit", "slept": "sleep", "swore": "swear", "sworn": "swear",
    "withdrew": "withdraw", "withdrawn": "withdraw", "undertook": "undertake", "undertaken": "undertake",
    "overtook": "overtake", "arose": "arise", "arisen": "arise", "ate": "eat", "eaten": "eat",
    "bled": "bleed", "fled": "flee", "fed": "feed", "dealt": "deal", "dug": "dig", "hung": "hang",
    "lit": "light", "mistook": "mistake", "shook": "shake", "shaken": "shake", "sank": "sink", "sunk": "sink",
    "sprang": "spring", "sprung": "spring", "stuck": "stick", "stung": "sting", "swept": "sweep",
    "swung": "swing", "woke": "wake", "woken": "wake", "wept": "weep", "wound": "wind",
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "criteria": "criterion",
    "phenomena": "phenomenon", "better": "good", "best": "good", "worse": "bad", "worst": "bad",
    "greater": "great", "greatest": "great", "larger": "large", "largest": "large", "bigger": "big",
    "biggest": "big", "higher": "high", "highest": "high", "lower": "low", "lowest": "low",
    "earlier": "early", "earliest": "early", "later": "late", "latest": "late", "further": "far",
    "farther": "far", "older": "old", "oldest": "old", "newer": "new", "newest": "new",
}  # fmt: skip
"""Forms the Snowball stemmer leaves apart from their base (said/say, men/man, greater/great)."""

PHRASE_ALIASES: dict[tuple[str, str], str] = {
    ("united", "states"): "usa",
    ("united", "kingdom"): "uk",
    ("united", "nations"): "un",
    ("european", "union"): "eu",
    ("per", "cent"): "percent",
    ("white", "house"): "whitehouse",
}
"""Two-word names that one outlet writes out and another abbreviates; the pair becomes one key."""

ABBREVIATION_ALIASES: dict[str, str] = {
    "u.s.": "usa", "u.s.a.": "usa", "us": "usa", "usa": "usa", "u.k.": "uk", "uk": "uk", "britain": "uk",
    "u.n.": "un", "un": "un", "e.u.": "eu", "eu": "eu", "%": "percent",
}  # fmt: skip
"""Abbreviations (written in capitals or with dots) and their long forms' key."""

JOINING_PREFIXES: frozenset[str] = words(
    "pre re co non anti post mid multi semi sub inter over under counter cross ex self"
)
"""A hyphenated prefix joins its word ("pre-empt" = "preempt"); other hyphenated words split into parts."""


SYNONYM_GROUPS: tuple[str, ...] = (
    "withdraw pull",
    "express voic",
    "warn caution",
    "reject refus rebuf spurn",
    "critic slam blast condemn denounc",
    "anger upset outrag furi furious",
    "kill slay",
    "die dead death",
    "arrest detain",
    "resign quit",
    "announc unveil",
    "attack assault",
    "increas rise climb",
    "decreas drop fall",
    "approv endors",
    "begin start launch",
    "buy purchas",
    "help assist",
    "skeptic doubt",
)
"""Stems that news reports use for one another ("pulled out" / "withdrew", "voiced" / "expressed concern",
"slammed" / "criticized"): each group shares the key of its first stem. Small and general on purpose (common
verbs of news paraphrase, none from any particular story); bench/crossoutlet.py says what it adds."""

SYNONYM_STEMS: dict[str, str] = {stem: group.split()[0] for group in SYNONYM_GROUPS for stem in group.split()}

"""The names and places that one side of a matched pair gives and the other does not.

Numbers and dates are read here only so that they are not taken for names; their typed comparison (agree,
different precision, conflict) is `reader.core.details`, which the pipeline runs over the whole comparison.

These are what a reader checks first when two outlets tell the same passage ("on Monday" against "on December
29", "two officials" against "three"), so they are found by rule, without the model: dates from weekday and
month names, day numbers and years; numbers from digits and number words (with "million", "percent"); names from
runs of capitalised words that do not open the sentence (or that appear capitalised elsewhere), titles such as
"President" left out. A name is a place when a locative preposition ("in", "at", "near") precedes it or it ends
like one ("Gaza Strip", "Pakistan").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.align.normalise import NormalisedSentence
from reader.core.align.wordiff import PlacedToken, span_of
from reader.core.align.wordlists import MONTHS, STOP_WORDS, words
from reader.core.records import DetailDiff, DetailKind, DetailStatus

WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
RELATIVE_DAYS = words("yesterday today tomorrow tonight")
FULL_MONTHS = frozenset(word for word in MONTHS if len(word) > 3 or word == "may")
"""A full month name is a date on its own (unless it opens the sentence: "May I…"); an abbreviation ("Mar",
"Dec") only next to a day number or a year, since it is also a word or part of a name ("Mar-a-Lago")."""
TITLES = words(
    """president prime minister foreign secretary senator sen rep representative gov governor general gen mr mrs
    ms dr king queen prince princess chancellor ambassador envoy chief director judge justice speaker leader pope
    sheikh ayatollah premier vice deputy mayor commissioner spokesman spokeswoman spokesperson sir lord lady
    colonel col captain capt lieutenant lt sergeant sgt admiral adm minister's president's"""
)
PLACE_PREPOSITIONS = words("in at near from across outside inside into throughout towards toward")
PLACE_WORDS = words(
    """street avenue road square island islands river sea gulf bay valley county province state republic kingdom
    strip bank coast mountains lake city region district peninsula ocean heights"""
)
PLACE_SUFFIXES = ("stan", "land", "burg", "ville", "shire")
PLACE_KEYS = frozenset({"usa", "uk", "eu"})
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "percent", "%"})
NAME_CONNECTORS = frozenset({"of", "the", "de", "al", "bin", "van", "von", "da", "del", "la", "du"})
"""Small words inside a name ("Board of Peace"); "a" too, but only between hyphens ("Mar-a-Lago")."""


@dataclass(frozen=True, slots=True)
class Detail:
    kind: DetailKind
    value: frozenset[str]
    tokens: tuple[PlacedToken, ...]


def _title_case(sentence: NormalisedSentence) -> bool:
    """A headline in title case ("Leaders Discuss Second Strike"): its capitals prove nothing about names."""
    words = [t for t in sentence.tokens if not t.number and t.word not in STOP_WORDS]
    return len(words) >= 3 and all(t.capitalised for t in words)


def known_names(sentences: Iterable[NormalisedSentence]) -> frozenset[str]:
    """Keys written capitalised inside a sentence somewhere: such a word opening a sentence is still a name."""
    names: set[str] = set()
    for sentence in sentences:
        if _title_case(sentence):
            continue
        tokens = sentence.tokens
        gaps = [sentence.text[left.end : right.start] for left, right in itertools.pairwise(tokens)]
        opener = dateline_words([t.surface for t in tokens[: DATELINE_WORDS + 1]], gaps)
        names.update(t.key for position, t in enumerate(tokens) if position > opener and t.capitalised and t.key)
    return frozenset(names - TITLES)


def _month(token: PlacedToken) -> int | None:
    word = token.token.word.rstrip(".")
    return MONTHS.get(word) if token.token.capitalised else None


def _small_number(token: PlacedToken, limit: int) -> int | None:
    word = token.token.word
    return int(word) if word.isdigit() and 1 <= int(word) <= limit else None


def _year(token: PlacedToken) -> int | None:
    word = token.token.word
    return int(word) if word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100 else None


def _adjacent(tokens: Sequence[PlacedToken], k: int, step: int) -> PlacedToken | None:
    other = k + step
    if 0 <= other < len(tokens) and tokens[other].sentence == tokens[k].sentence:
        return tokens[other]
    return None


def _words_before(tokens: Sequence[PlacedToken], k: int) -> bool:
    """Whether a word comes before token k in its sentence (punctuation and quotation marks aside)."""
    return any(
        other.sentence == tokens[k].sentence and any(char.isalnum() for char in other.token.word)
        for other in tokens[max(0, k - tokens[k].position) : k]
    )


def _dates(tokens: Sequence[PlacedToken], used: set[int]) -> list[tuple[int, Detail]]:
    found: list[tuple[int, Detail]] = []
    for k, token in enumerate(tokens):
        word = token.token.word
        if word in RELATIVE_DAYS and token.token.capitalised and _words_before(tokens, k):
            continue  # capitalised inside a sentence: a title (NBC's “Today” show), not the day
        if word in WEEKDAYS or word in RELATIVE_DAYS:
            used.add(k)
            found.append((k, Detail(DetailKind.DATE, frozenset({word}), (token,))))
            continue
        month = _month(token)
        if month is None:
            continue
        parts, members = {f"month:{month}"}, [k]
        before, after = _adjacent(tokens, k, -1), _adjacent(tokens, k, 1)
        if after is not None and _small_number(after, 31) is not None:
            parts.add(f"day:{after.token.word}")
            members.append(k + 1)
        elif before is not None and _small_number(before, 31) is not None and k - 1 not in used:
            parts.add(f"day:{before.token.word}")
            members.insert(0, k - 1)
        last = _adjacent(tokens, members[-1], 1)
        if last is not None and _year(last) is not None:
            parts.add(f"year:{last.token.word}")
            members.append(members[-1] + 1)
        if len(members) == 1 and (word not in FULL_MONTHS or token.position == 0):
            continue
        used.update(members)
        found.append((k, Detail(DetailKind.DATE, frozenset(parts), tuple(tokens[m] for m in members))))
    for k, token in enumerate(tokens):
        if k not in used and _year(token) is not None:
            used.add(k)
            found.append((k, Detail(DetailKind.DATE, frozenset({f"year:{token.token.word}"}), (token,))))
    return found


def _numbers(tokens: Sequence[PlacedToken], used: set[int]) -> list[tuple[int, Detail]]:
    found: list[tuple[int, Detail]] = []
    for k, token in enumerate(tokens):
        if k in used or not token.token.number:
            continue
        after = _adjacent(tokens, k, 1)
        pronoun = token.token.word == "1" and not token.token.surface[:1].isdigit()
        if pronoun and (after is None or after.token.word in STOP_WORDS):
            continue  # "one of them", "no one": a pronoun, not a count
        members = [k]
        if after is not None and after.token.word in SCALE_WORDS:
            members.append(k + 1)
        used.update(members)
        value = " ".join(tokens[m].token.word for m in members)
        found.append((k, Detail(DetailKind.NUMBER, frozenset({value}), tuple(tokens[m] for m in members))))
    return found


def _name_token(token: PlacedToken, names: frozenset[str], title_case: set[int]) -> bool:
    t = token.token
    if not t.capitalised or t.number or t.key is None or t.word in TITLES or t.word in FULL_MONTHS:
        return False
    if t.word in WEEKDAYS or t.word in STOP_WORDS:
        return False
    return (token.position > 0 and token.sentence not in title_case) or t.key in names


DATELINE_DASHES = (" - ", " -- ", " — ", " – ")
DATELINE_WORDS = 4
"""A dateline is at most this many words before its dash ("LONDON (Reuters) -", "WASHINGTON, D.C. --")."""


def dateline_words(surfaces: Sequence[str], gaps: Sequence[str]) -> int:
    """How many words open the sentence as a dateline ("WASHINGTON -- Real estate tycoon …": 1), else 0.

    `gaps[i]` is the text between word i and word i + 1. The word after the dash is capitalised as any sentence
    opener is, so no evidence of a name ("Real", "Prices")."""
    if not surfaces or not (surfaces[0].isupper() and len(surfaces[0]) > 1):
        return 0
    for index, gap in enumerate(gaps[:DATELINE_WORDS]):
        if any(dash in gap + " " for dash in DATELINE_DASHES):
            return index + 1
    return 0


def _opens_after_dateline(tokens: Sequence[PlacedToken], k: int, text: str) -> bool:
    """Whether token k is the first word after its sentence's dateline."""
    first = k - tokens[k].position
    if first >= k or k - first > DATELINE_WORDS:
        return False
    words = tokens[first : k + 1]
    gaps = [text[left.end : right.start] for left, right in itertools.pairwise(words)]
    return dateline_words([t.token.surface for t in words], gaps) == k - first


def _joined(text: str, left: PlacedToken, right: PlacedToken, hyphen_only: bool = False) -> bool:
    """Whether only a space or a hyphen separates two tokens (a comma or a full stop ends a name)."""
    gap = text[left.end : right.start]
    return gap == "-" if hyphen_only else gap in (" ", "-")


def _names(
    tokens: Sequence[PlacedToken], text: str, used: set[int], names: frozenset[str], title_case: set[int]
) -> list[tuple[int, Detail]]:
    found: list[tuple[int, Detail]] = []
    k = 0
    while k < len(tokens):
        if (
            k in used
            or not _name_token(tokens[k], names, title_case)
            or (tokens[k].token.key not in names and _opens_after_dateline(tokens, k, text))
        ):
            k += 1
            continue
        members = [k]
        nxt = k + 1
        while (
            nxt < len(tokens)
            and nxt not in used
            and tokens[nxt].sentence == tokens[k].sentence
            and _joined(text, tokens[nxt - 1], tokens[nxt])
        ):
            if _name_token(tokens[nxt], names, title_case):
                members.append(nxt)
                nxt += 1
                continue
            word = tokens[nxt].token.word
            connects = (
                nxt + 1 < len(tokens)
                and _name_token(tokens[nxt + 1], names, title_case)
                and (word in NAME_CONNECTORS or word == "a")
                and _joined(text, tokens[nxt], tokens[nxt + 1], hyphen_only=word == "a")
                and (word != "a" or _joined(text, tokens[nxt - 1], tokens[nxt], hyphen_only=True))
            )
            if not connects:
                break
            nxt += 1
        run = tuple(tokens[members[0] : members[-1] + 1])
        before = _adjacent(tokens, k, -1)
        last = run[-1].token.word
        by_preposition = before is not None and before.token.word in PLACE_PREPOSITIONS
        is_place = (
            (by_preposition and run[0].sentence not in title_case)  # "Gains in GOP", "Looking Into Obama"
            or last in PLACE_WORDS
            or last.endswith(PLACE_SUFFIXES)
            or any(t.token.key in PLACE_KEYS for t in run)
        )
        keys = frozenset(t.token.key for t in run if t.token.key and t.token.word not in NAME_CONNECTORS)
        found.append((k, Detail(DetailKind.PLACE if is_place else DetailKind.NAME, keys, run)))
        used.update(range(members[0], members[-1] + 1))
        k = members[-1] + 1
    return found


def extract_details(tokens: Sequence[PlacedToken], text: str, names: frozenset[str]) -> list[Detail]:
    """Dates, numbers, names and places of one side of a match, in text order."""
    title_case: set[int] = set()
    for sentence in sorted({t.sentence for t in tokens}):
        words = [t for t in tokens if t.sentence == sentence]
        sentence_view = NormalisedSentence("", tuple(t.token for t in words), (), (), frozenset())
        if _title_case(sentence_view):
            title_case.add(sentence)
    used: set[int] = set()
    found = _dates(tokens, used) + _numbers(tokens, used) + _names(tokens, text, used, names, title_case)
    return [detail for _, detail in sorted(found, key=lambda item: item[0])]


def _roots(word: str) -> set[str]:
    """A name and the country it may be the adjective of: "israeli" → israel, "iranian" → iran."""
    word = word.removesuffix("'s").rstrip("'")
    roots = {word}
    if word.endswith("ian") and len(word) > 5:
        roots.add(word[:-3])
    if word.endswith(("i", "n")) and len(word) > 4:
        roots.add(word[:-1])
    return roots


def _present(detail: Detail, others: Sequence[Detail], other_keys: frozenset[str], other_roots: frozenset[str]) -> bool:
    if detail.kind in (DetailKind.NAME, DetailKind.PLACE):
        if not detail.value.isdisjoint(other_keys):
            return True
        return any(not _roots(t.token.word).isdisjoint(other_roots) for t in detail.tokens)
    same_kind = [o.value for o in others if o.kind is detail.kind]
    if detail.kind is DetailKind.DATE:
        return any(detail.value <= value or value <= detail.value for value in same_kind)
    return detail.value in same_kind


def detail_diffs(
    a: Sequence[PlacedToken], b: Sequence[PlacedToken], a_text: str, b_text: str, names: frozenset[str]
) -> tuple[DetailDiff, ...]:
    """Names and places on one side only (A_ONLY/B_ONLY).

    Names and places are only ever reported as one-sided:
    without a parse, a name missing on each side is as often two different facts ("Netanyahu" here, "Palestinian"
    there) as a substitution, and a false `!` would cost the mark its meaning.
    """
    a_details, b_details = extract_details(a, a_text, names), extract_details(b, b_text, names)
    a_keys = frozenset(t.token.key for t in a if t.token.key)
    b_keys = frozenset(t.token.key for t in b if t.token.key)
    a_roots = frozenset(root for t in a if t.token.capitalised for root in _roots(t.token.word))
    b_roots = frozenset(root for t in b if t.token.capitalised for root in _roots(t.token.word))
    a_missing = _first_of_each([d for d in a_details if not _present(d, b_details, b_keys, b_roots)])
    b_missing = _first_of_each([d for d in b_details if not _present(d, a_details, a_keys, a_roots)])
    diffs: list[DetailDiff] = []
    for kind, grain in _FAMILIES:
        left = [d for d in a_missing if d.kind is kind and _grain(d) == grain]
        right = [d for d in b_missing if d.kind is kind and _grain(d) == grain]
        paired = min(len(left), len(right))
        if kind in (DetailKind.NAME, DetailKind.PLACE):
            paired = 0
        for x, y in zip(left[:paired], right[:paired], strict=True):
            diffs.append(DetailDiff(kind, DetailStatus.CONFLICT, span_of(x.tokens, a_text), span_of(y.tokens, b_text)))
        diffs.extend(DetailDiff(kind, DetailStatus.A_ONLY, span_of(x.tokens, a_text), None) for x in left[paired:])
        diffs.extend(DetailDiff(kind, DetailStatus.B_ONLY, None, span_of(y.tokens, b_text)) for y in right[paired:])
    return tuple(sorted(diffs, key=_diff_order))


def _first_of_each(details: Sequence[Detail]) -> list[Detail]:
    """One entry per value: "U.S." said twice on one side is one missing detail, not two lines to read."""
    seen: set[tuple[DetailKind, frozenset[str]]] = set()
    kept = []
    for detail in details:
        if (detail.kind, detail.value) not in seen:
            seen.add((detail.kind, detail.value))
            kept.append(detail)
    return kept


_FAMILIES = (
    (DetailKind.NAME, ""),
    (DetailKind.PLACE, ""),
)


def _grain(detail: Detail) -> str:
    """What a date pins down: a day ("Monday", "December 29") conflicts with a day, a year with a year."""
    if detail.kind is not DetailKind.DATE:
        return ""
    fields = {part.split(":", 1)[0] for part in detail.value}
    if "day" in fields or not any(":" in part for part in detail.value):
        return "day"
    return "month" if "month" in fields else "year"


def _diff_order(diff: DetailDiff) -> tuple[int, int, str]:
    a_start = diff.a.start if diff.a is not None else -1
    b_start = diff.b.start if diff.b is not None else -1
    return (min(x for x in (a_start, b_start) if x >= 0), max(a_start, b_start), diff.kind.value)

"""Speakers: the written speaker phrase of a claim resolved to an actor, or keyed so articles can compare it.

The speaker is resolved when the head word of the speaker phrase lies inside an actor's mention ("Iranian
President Masoud Pezeshkian" → Masoud Pezeshkian; "U.S. officials" stays as written), or, for "he"/"she",
to the person named last before it in the same article ("it" to the last organisation), or when the phrase is
an actor's name or alias written in full.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.lexicon import STATEMENT_NOUNS
from reader.core.analysis.names import fold, is_capitalised, is_title_word, name_key, word_set
from reader.core.analysis.parsed import Token
from reader.core.records import Actor, ActorKind


@dataclass(frozen=True)
class Resolved:
    label: str
    actor: str | None
    key: str


PRONOUN_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "he": (ActorKind.PERSON,),
    "she": (ActorKind.PERSON,),
    "it": (ActorKind.ORGANISATION,),
    "his": (ActorKind.PERSON,),
    "her": (ActorKind.PERSON,),
    "its": (ActorKind.ORGANISATION,),
}
DROPPED_SPEAKER_DEPS = frozenset({"det", "nummod", "predet", "quantmod", "case"})
KEY_CUT_DEPS = frozenset({"conj", "cc", "prep", "acl", "relcl", "appos", "punct"})
QUANTIFIERS = frozenset({"some", "several", "many", "few", "other", "others", "both", "all", "most", "various"})
OWNED_SOURCES = STATEMENT_NOUNS | word_set("website account tweet post letter ad video blog op-ed")
"""A source that speaks for its owner: "Mr. Perry's statement said …" is Perry's claim."""
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
"""Speakers that are the quoted person themself: resolved to whoever is quoted around them."""


class MentionIndex:
    """The actor mentions of one article, sorted, for lookups by offset."""

    def __init__(self, article: int, actors: Sequence[Actor]) -> None:
        rows = sorted(
            (m.start, m.end, actor.id, actor.name, actor.kind)
            for actor in actors
            for m in actor.mentions
            if m.article == article
        )
        self.rows = rows
        self.starts = [row[0] for row in rows]
        self.names: dict[str, tuple[str, str]] = {}
        self.titles: dict[str, set[tuple[str, str]]] = {}
        """A title as written before a person's name ("defense secretary", and its head "secretary") to the
        people it was written for."""
        self.first_seen: dict[str, int] = {}
        for start, _end, actor_id, _name, _kind in rows:
            self.first_seen.setdefault(actor_id, start)
        for actor in actors:
            for alias in (actor.name, *actor.aliases):
                key = name_key(alias)
                previous = self.names.get(key)
                self.names[key] = ("", "") if previous and previous[0] != actor.id else (actor.id, actor.name)
                if actor.kind is ActorKind.PERSON:
                    for title in _titles_of(alias):
                        self.titles.setdefault(title, set()).add((actor.id, actor.name))

    def at(self, offset: int) -> tuple[str, str] | None:
        """(actor id, name) of the mention holding `offset`."""
        position = bisect.bisect_right(self.starts, offset) - 1
        if position >= 0 and self.rows[position][0] <= offset < self.rows[position][1]:
            return self.rows[position][2], self.rows[position][3]
        return None

    def by_name(self, key: str) -> tuple[str, str] | None:
        """(actor id, name) of the one actor whose name or alias has this key, when exactly one has."""
        found = self.names.get(key)
        return found if found and found[0] else None

    def by_title(self, key: str, offset: int) -> tuple[str, str] | None:
        """The one person named with this title whom the article names before `offset` ("the defense
        secretary" after "Defense Secretary Jim Mattis")."""
        named = [found for found in self.titles.get(key, ()) if self.first_seen.get(found[0], offset) < offset]
        return named[0] if len(named) == 1 else None

    def last_span_before(
        self, offset: int, kinds: tuple[ActorKind, ...], since: int = 0
    ) -> tuple[int, int, str, str] | None:
        """(start, end, actor id, name) of the nearest mention of one of `kinds` that ends before `offset` (and
        starts at or after `since`)."""
        position = bisect.bisect_left(self.starts, offset) - 1
        while position >= 0 and self.rows[position][0] >= since:
            start, end, actor_id, name, kind = self.rows[position]
            if kind in kinds and end <= offset:
                return start, end, actor_id, name
            position -= 1
        return None

    def last_before(self, offset: int, kinds: tuple[ActorKind, ...], since: int = 0) -> tuple[str, str] | None:
        """(actor id, name) of the nearest mention of one of `kinds` that ends before `offset` (and starts at or
        after `since`)."""
        found = self.last_span_before(offset, kinds, since)
        return (found[2], found[3]) if found else None


def _titles_of(alias: str) -> list[str]:
    """The title words written before the name in an alias ("U.S. Defense Secretary Jim Mattis" → "defense
    secretary" and "secretary"); none when the alias has no title."""
    words = name_key(alias).split()
    if words and not is_title_word(words[0]):
        words = words[1:]  # one place or nationality word before the title ("U.S.", "Iranian")
    title: list[str] = []
    for word in words[:-1]:
        if not is_title_word(word):
            break
        title.append(word)
    if not title:
        return []
    title = [TITLE_SPELLED_OUT.get(word.replace(".", ""), word.replace(".", "")) for word in title]
    return sorted({" ".join(title), title[-1]})


TITLE_SPELLED_OUT = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "maj": "major",
    "sgt": "sergeant",
    "adm": "admiral",
    "capt": "captain",
    "prof": "professor",
    "pres": "president",
    "sec": "secretary",
}
"""Abbreviated titles before a name ("Gov. Paul LePage") and the word a later mention uses ("the governor")."""
OFFICE_TITLES = frozenset(TITLE_SPELLED_OUT.values())
"""Offices one person holds in a story's setting: "the Republican governor" is the governor named before, with
whatever adjective; "the Republican leader" may be any of several leaders, so it needs its full title."""


def resolve(
    tokens: Sequence[Token], first: int, stop: int, head: int, written: str, mentions: MentionIndex
) -> Resolved:
    head_token = tokens[head]
    found = mentions.at(head_token.start)
    if found is None and stop - first == 1 and head_token.text.casefold() in PRONOUN_KINDS:
        found = mentions.last_before(head_token.start, PRONOUN_KINDS[head_token.text.casefold()])
    if found is None and all(is_capitalised(t.text) for t in tokens[first:stop]):
        found = mentions.by_name(name_key(written)) or mentions.by_name(name_key(written, drop_titles=True))
    if found is None and head_token.lemma.casefold() in OWNED_SOURCES:
        owner = next((t for t in tokens[first:head] if t.dep == "poss" and t.head == head), None)
        found = mentions.at(owner.start) if owner is not None else None  # "Mr. Perry's statement"
    if found is None and tokens[first].text.casefold() == "the" and head_token.pos in ("NOUN", "PROPN"):
        found = mentions.by_title(speaker_key(tokens, first, stop, head), head_token.start)
        if found is None and fold(head_token.text) in OFFICE_TITLES:
            found = mentions.by_title(fold(head_token.text), head_token.start)  # "the Republican governor"
    if found is not None:
        return Resolved(found[1], found[0], found[0])
    label = written
    opener = tokens[first]
    named = any(is_capitalised(t.text) for t in tokens[first + 1 : stop] if t.text.isalpha())
    common = opener.pos in ("DET", "NUM", "PRON") or (opener.pos == "NOUN" and not named)
    if common and opener.text != "I" and not opener.text.isupper():
        label = written[:1].lower() + written[1:]  # "Officials said" → "officials"; "Democracy for America" stays
    return Resolved(label, None, speaker_key(tokens, first, stop, head))


def resolve_name(start: int, end: int, written: str, mentions: MentionIndex) -> Resolved:
    """A speaker written as a bare name (a signature, a transcript's "PENCE:"): the actor whose mention holds
    it, or whose name or alias it is; else the name as written."""
    found = mentions.at(end - 1) or mentions.by_name(name_key(written))
    if found is not None:
        return Resolved(found[1], found[0], found[0])
    return Resolved(written, None, name_key(written))


def speaker_key(tokens: Sequence[Token], first: int, stop: int, head: int) -> str:
    """The speaker's head noun with the names and words that qualify it, folded and singular; determiners,
    numbers, quantifiers, common adjectives and what follows the head (conjuncts, clauses, prepositional
    phrases) left out: what two articles share when they cite the same kind of source ("one U.S. official and
    two others" and "the U.S. official" both give "us official")."""
    kept = {head}
    stack = [head]
    while stack:
        current = stack.pop()
        for index in range(first, stop):
            token = tokens[index]
            if index == current or token.head != current or index in kept:
                continue
            if current == head and index > head and token.dep in KEY_CUT_DEPS:
                continue
            if _key_skips(token):
                continue
            kept.add(index)
            stack.append(index)
    words = []
    for index in sorted(kept):
        token = tokens[index]
        word = fold(token.lemma) if token.pos == "NOUN" else fold(token.text)
        words.append(word.replace(".", ""))
    return " ".join(word for word in words if word)


def _key_skips(token: Token) -> bool:
    if token.dep in DROPPED_SPEAKER_DEPS or token.pos in ("DET", "NUM", "PUNCT"):
        return True
    if fold(token.text) in QUANTIFIERS:
        return True
    return token.dep in ("amod", "acl", "relcl", "prep") and token.text[:1].islower()

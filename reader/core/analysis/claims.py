"""Claims: attributions turned into records with offsets, kinds and speakers resolved to actors.

The speaker is resolved when the head word of the speaker phrase lies inside an actor's mention ("Iranian
President Masoud Pezeshkian" → Masoud Pezeshkian; "U.S. officials" stays as written), or, for "he"/"she",
to the person named last before it in the same article ("it" to the last organisation). Content that mostly
lies inside quotation marks is a direct quote and is widened to the whole quotation, which may run over
several sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.analysis.cues import Attribution, find_attributions
from reader.core.analysis.mentions import SKIPPED_KINDS
from reader.core.analysis.names import fold, is_capitalised, name_key
from reader.core.analysis.parsed import ParsedArticle, ParsedSentence, Token
from reader.core.analysis.quotes import DIRECT_SHARE, quote_spans, quoted_share, widen_to_quote
from reader.core.records import Actor, ActorKind, Article, Claim, ClaimKind, Sentence, TextSpan
from reader.core.spans import overlapping

PRONOUN_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "he": (ActorKind.PERSON,),
    "she": (ActorKind.PERSON,),
    "it": (ActorKind.ORGANISATION,),
}
DROPPED_SPEAKER_DEPS = frozenset({"det", "nummod", "predet", "quantmod", "case"})
KEY_CUT_DEPS = frozenset({"conj", "cc", "prep", "acl", "relcl", "appos", "punct"})
QUANTIFIERS = frozenset({"some", "several", "many", "few", "other", "others", "both", "all", "most", "various"})
_EDGE = " \t\n,;:—–-"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Resolved:
    label: str
    actor: str | None
    key: str


def extract_claims(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], actors: Sequence[Actor]
) -> tuple[Claim, ...]:
    """Every claim of every article, ordered by article and cue position."""
    claims: list[Claim] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        claims.extend(_article_claims(index, article, parse, actors))
    return tuple(claims)


def _article_claims(index: int, article: Article, parse: ParsedArticle, actors: Sequence[Actor]) -> list[Claim]:
    mentions = _MentionIndex(index, actors)
    quotes = quote_spans(article)
    claims: list[Claim] = []
    for sentence in parse.sentences:
        if article.sentences[sentence.index].kind in SKIPPED_KINDS:
            continue
        for found in find_attributions(sentence):
            claim = _claim(index, article, sentence, found, mentions, quotes)
            if claim is not None:
                claims.append(claim)
    claims.sort(key=lambda c: (c.cue.start, c.cue.end))
    return claims


def _claim(
    index: int,
    article: Article,
    sentence: ParsedSentence,
    found: Attribution,
    mentions: _MentionIndex,
    quotes: Sequence[tuple[int, int]],
) -> Claim | None:
    tokens = sentence.tokens
    content = _trimmed(article.text, tokens[found.content[0]].start, tokens[found.content[-1]].end)
    if content is None:
        return None
    start, end = widen_to_quote(quotes, content[0], content[1], article.text)
    share = quoted_share(quotes, start, end, article.text)
    if found.according_to:
        kind = ClaimKind.ACCORDING_TO
    else:
        kind = ClaimKind.DIRECT if share >= DIRECT_SHARE else ClaimKind.INDIRECT
    cue_start, cue_end = tokens[found.cue[0]].start, tokens[found.cue[-1]].end
    speaker_span: TextSpan | None = None
    resolved = _Resolved("unknown", None, "")
    if found.speaker is not None and found.speaker_head is not None:
        first, stop = found.speaker
        s_start, s_end = tokens[first].start, tokens[stop - 1].end
        speaker_span = TextSpan(s_start, s_end, article.text[s_start:s_end])
        resolved = _resolve(tokens, first, stop, found.speaker_head, speaker_span.text, mentions)
    covered = sorted(
        {sentence.index}
        | {
            s.index
            for s in overlapping(article.sentences, start, end, _start_of, _end_of)
            if s.kind not in SKIPPED_KINDS
        }
    )
    return Claim(
        id=f"claim-{index}-{cue_start}",
        article=index,
        sentence=sentence.index,
        kind=kind,
        speaker=speaker_span,
        speaker_label=resolved.label,
        speaker_actor=resolved.actor,
        cue=TextSpan(cue_start, cue_end, article.text[cue_start:cue_end]),
        content=TextSpan(start, end, article.text[start:end]),
        line=article.line_of(cue_start),
        cue_lemma=found.cue_lemma,
        speaker_key=resolved.key,
        sentences=tuple(covered),
    )


def _start_of(sentence: Sentence) -> int:
    return sentence.start


def _end_of(sentence: Sentence) -> int:
    return sentence.end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end > start else None


class _MentionIndex:
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
        for actor in actors:
            for alias in (actor.name, *actor.aliases):
                key = name_key(alias)
                previous = self.names.get(key)
                self.names[key] = ("", "") if previous and previous[0] != actor.id else (actor.id, actor.name)

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

    def last_before(self, offset: int, kinds: tuple[ActorKind, ...]) -> tuple[str, str] | None:
        """(actor id, name) of the nearest mention of one of `kinds` that ends before `offset`."""
        position = bisect.bisect_left(self.starts, offset) - 1
        while position >= 0:
            _start, end, actor_id, name, kind = self.rows[position]
            if kind in kinds and end <= offset:
                return actor_id, name
            position -= 1
        return None


def _resolve(
    tokens: Sequence[Token], first: int, stop: int, head: int, written: str, mentions: _MentionIndex
) -> _Resolved:
    head_token = tokens[head]
    found = mentions.at(head_token.start)
    if found is None and stop - first == 1 and head_token.text.casefold() in PRONOUN_KINDS:
        found = mentions.last_before(head_token.start, PRONOUN_KINDS[head_token.text.casefold()])
    if found is None and all(is_capitalised(t.text) for t in tokens[first:stop]):
        found = mentions.by_name(name_key(written))
    if found is not None:
        return _Resolved(found[1], found[0], found[0])
    label = written
    opener = tokens[first]
    if opener.pos in ("DET", "NUM", "NOUN", "PRON") and opener.text != "I" and not opener.text.isupper():
        label = written[:1].lower() + written[1:]
    return _Resolved(label, None, speaker_key(tokens, first, stop, head))


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


def content_words(claim: Claim) -> int:
    """Words in the content of a claim (for the who-is-quoted table)."""
    return len(_WORD.findall(claim.content.text))

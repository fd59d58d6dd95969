"""Claims: attributions turned into records with offsets, kinds and speakers resolved to actors.

Speakers are resolved to actors by `speakers`. Content that mostly
lies inside quotation marks is a direct quote and is widened to the whole quotation, which may run over
several sentences.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core.analysis.candidate import SKIPPED_KINDS
from reader.core.analysis.cues import Attribution, find_attributions
from reader.core.analysis.datelines import dateline_ends
from reader.core.analysis.lexicon import TOPIC_CUES, stance_only
from reader.core.analysis.names import fold, headline_cased
from reader.core.analysis.parsed import ParsedArticle, ParsedSentence
from reader.core.analysis.patterns import Marked, colon_heads, signed_quotes
from reader.core.analysis.quotes import (
    DIRECT_SHARE,
    adjacent_quote,
    next_quote,
    quote_spans,
    quoted_share,
    widen_to_quote,
)
from reader.core.analysis.speaker_continuity import continuing_speakers, spoken_by
from reader.core.analysis.speakers import FIRST_PERSON, MentionIndex, Resolved, resolve, resolve_name
from reader.core.records import Actor, ActorKind, Article, BlockKind, Claim, ClaimKind, TextSpan

_EDGE = " \t\n,;:—–-"
_WORD = re.compile(r"\w+")


def extract_claims(
    articles: Sequence[Article], parsed: Sequence[ParsedArticle], actors: Sequence[Actor]
) -> tuple[Claim, ...]:
    """Every claim of every article, ordered by article and cue position."""
    claims: list[Claim] = []
    for index, (article, parse) in enumerate(zip(articles, parsed, strict=True)):
        claims.extend(_article_claims(index, article, parse, actors))
    return tuple(claims)


@dataclass(frozen=True)
class _Context:
    """What every claim of one article is resolved against."""

    index: int
    article: Article
    mentions: MentionIndex
    quotes: Sequence[tuple[int, int]]
    starts: Sequence[int]
    """Sentence start offsets, for bisection."""
    datelines: Mapping[int, int]
    """Block index to the end of the dateline that opens it ("AUGUSTA, Me."), for blocks that have one."""


def _article_claims(index: int, article: Article, parse: ParsedArticle, actors: Sequence[Actor]) -> list[Claim]:
    context = _Context(
        index,
        article,
        MentionIndex(index, actors),
        quote_spans(article),
        [s.start for s in article.sentences],
        dateline_ends(article),
    )
    claims: list[Claim] = []
    for sentence in parse.sentences:
        if article.sentences[sentence.index].kind in SKIPPED_KINDS:
            continue
        headline = article.sentences[sentence.index].kind is BlockKind.HEADLINE or headline_cased(sentence.tokens)
        for found in find_attributions(sentence):
            if headline and found.cue_lemma.split(" ", 1)[0] in TOPIC_CUES:
                continue  # "Netanyahu Discusses Second Strike on Iran": the headline names an event, no statement
            claim = _claim(context, sentence, found)
            if claim is not None and not inside_quote(context.quotes, claim.cue.start):
                claims.append(claim)
    claims = _without_restated_stances(claims)
    marked = signed_quotes(article, context.quotes) + colon_heads(
        article, lambda start, end: context.mentions.at(end - 1) is not None
    )
    for attribution in marked:
        claim = _marked_claim(context, attribution)
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: (c.cue.start, c.cue.end))
    claims = _first_person_speakers(_continued_quotes(context, claims))
    claims = continuing_speakers(
        _reported_pronouns(claims), context.mentions, context.starts, lambda at: inside_quote(context.quotes, at)
    )
    return _authors_words(article, claims)


def inside_quote(quotes: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether an offset lies between quotation marks. A reporting verb there is part of someone's quoted words
    ("“I told them no,” Warren said", "“I want to ask you …”"): the quotation is already that person's claim, and
    attribution corpora do not count the verb (PolNeAR dev: 12 of 148 such cues are attributions)."""
    position = bisect.bisect_right(quotes, (offset, sys.maxsize)) - 1
    return position >= 0 and quotes[position][0] <= offset < quotes[position][1]


def _without_restated_stances(claims: list[Claim]) -> list[Claim]:
    """Claims without the belief, intention or finding a speaker's own claim reports of them ("Stein said she
    plans to join …", "Trump said he finally believes …"): the outer claim already says it, and attribution
    corpora count only the outer one (PolNeAR dev: 2 of 25 such cues are attributions). A stance of someone else
    stays ("the report reveals that Israeli intelligence believes …"), and so do nested speech acts ("Figueroa
    said Clinton had told police …")."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence, []).append(claim)
    return [
        claim
        for claim in claims
        if not (
            stance_only(claim.cue_lemma)
            and any(
                other is not claim
                and other.content.start <= claim.cue.start < other.content.end
                and _same_speaker(claim, other)
                for other in by_sentence[claim.sentence]
            )
        )
    ]


def _same_speaker(inner: Claim, outer: Claim) -> bool:
    """Whether the inner claim's speaker is the outer one's: the same actor or key, or a personal pronoun (in
    reported speech "she" or "he" is most often the one who speaks)."""
    written = inner.speaker.text.casefold() if inner.speaker else ""
    return written in RESTATING_PRONOUNS or (inner.speaker_key != "" and inner.speaker_key == outer.speaker_key)


SOURCE_KINDS = (ActorKind.PERSON, ActorKind.ORGANISATION, ActorKind.GROUP)
RESTATING_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})


def _continued_quotes(context: _Context, claims: list[Claim]) -> list[Claim]:
    """A claim goes on in the quotation that opens the next sentence when that one has no cue of its own: a
    direct quote ("“I am proud of you,” he said. “We will win.”") or the words of a person just reported
    ("Miller said the bridge was safe. “We tested it twice.”"): the content runs to the quotation's end."""
    text, quotes = context.article.text, context.quotes
    contents = sorted((claim.content.start, claim.content.end) for claim in claims)
    result = []
    for claim in claims:
        end = claim.content.end
        while claim.kind is ClaimKind.DIRECT or (claim.kind is ClaimKind.INDIRECT and claim.speaker_actor):
            tail = max(end, claim.cue.end, claim.speaker.end if claim.speaker else 0)
            following = next_quote(quotes, tail)
            if following is None:
                break
            gap = text[tail : following[0]]
            if gap.strip(_BETWEEN_QUOTES) or not any(mark in gap for mark in _CLAUSE_ENDS):
                break  # (a quotation right after the words, with no stop or comma, is part of them: told “Today.”)
            if any(low < following[1] and following[0] < high for low, high in _near(contents, following)):
                break  # the next quotation is the content of a cue of its own
            end = following[1]
        if end != claim.content.end:
            start = claim.content.start
            covered = sorted({claim.sentence} | set(_sentences_within(context.article, context.starts, start, end)))
            claim = dataclasses.replace(claim, content=TextSpan(start, end, text[start:end]), sentences=tuple(covered))
        result.append(claim)
    return result


def _near(spans: Sequence[tuple[int, int]], target: tuple[int, int]) -> Sequence[tuple[int, int]]:
    """The spans starting before the target ends, from the last few before its start (contents are short)."""
    position = bisect.bisect_left(spans, (target[1], target[1]))
    return spans[max(0, position - NEAR_SPANS) : position]


NEAR_SPANS = 8
"""Claims whose content may overlap a quotation: the few starting just before it (nested claims included)."""
_BETWEEN_QUOTES = ' \t\n.,;:!?”»"“«„'
_CLAUSE_ENDS = ".,;:!?\n—"
"""One of these stands between a claim and a quotation that goes on with it ("…,” he said. “…”; he said, “…”)."""


def _first_person_speakers(claims: list[Claim]) -> list[Claim]:
    """ "I"/"we" as the speaker of a cue inside someone's quotation is that someone ("“I told them no,” Warren
    said" gives Warren for "told")."""
    resolved = []
    for claim in claims:
        written = claim.speaker.text.casefold() if claim.speaker else ""
        if written in FIRST_PERSON and claim.speaker_actor is None:
            outer = next(
                (
                    other
                    for other in claims
                    if other is not claim
                    and other.content.start <= claim.cue.start < other.content.end
                    and other.speaker_label.casefold() not in FIRST_PERSON
                ),
                None,
            )
            if outer is not None:
                claim = spoken_by(claim, outer)
        resolved.append(claim)
    return resolved


def _reported_pronouns(claims: list[Claim]) -> list[Claim]:
    """ "he"/"she"/"they" as the speaker of a claim inside another claim of the same sentence is that claim's
    speaker ("LePage said he would …", "the Republican allies announced they would oppose …"): reported speech
    refers back to its speaker, not to whoever was named last. "he"/"she" take only a person."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence, []).append(claim)
    resolved = []
    for claim in claims:
        written = claim.speaker.text.casefold() if claim.speaker else ""
        if written in REPORTED_PRONOUNS:
            outer = next(
                (
                    other
                    for other in by_sentence[claim.sentence]
                    if other is not claim
                    and other.content.start <= claim.cue.start < other.content.end
                    and other.speaker is not None
                    and other.speaker.text.casefold() not in RESTATING_PRONOUNS
                ),
                None,
            )
            person = outer is not None and (outer.speaker_actor or "").startswith(f"{ActorKind.PERSON.value}-")
            if outer is not None and (person or written == "they"):
                claim = spoken_by(claim, outer)
        resolved.append(claim)
    return resolved


REPORTED_PRONOUNS = frozenset({"he", "she", "they"})


def _authors_words(article: Article, claims: list[Claim]) -> list[Claim]:
    """ "I"/"we" left as the speaker of a cue outside every quotation is the writer ("I spoke to tax experts this
    week", in a column): the byline's author when the article names one, else "the author"."""
    author = article.meta.author
    label = f"{author} (author)" if author else "the author"
    resolved = []
    for claim in claims:
        written = claim.speaker.text.casefold() if claim.speaker else ""
        if written in FIRST_PERSON and claim.speaker_actor is None and claim.speaker_label.casefold() in FIRST_PERSON:
            claim = dataclasses.replace(claim, speaker_label=label, speaker_key=f"author:{fold(author or '')}")
        resolved.append(claim)
    return resolved


def _claim(context: _Context, sentence: ParsedSentence, found: Attribution) -> Claim | None:
    article = context.article
    tokens = sentence.tokens
    cue = (tokens[found.cue[0]].start, tokens[found.cue[-1]].end)
    speaker: tuple[int, int] | None = None
    if found.speaker is not None:
        speaker = (tokens[found.speaker[0]].start, tokens[found.speaker[1] - 1].end)
    if found.content:
        content = _trimmed(article.text, tokens[found.content[0]].start, tokens[found.content[-1]].end)
    else:
        clause = [*cue, *(speaker or cue)]
        content = adjacent_quote(context.quotes, article.text, min(clause), max(clause))
    if content is None:
        return None
    resolved = Resolved("unknown", None, "")
    dateline_end = context.datelines.get(article.sentences[sentence.index].block, -1)
    if speaker is not None and speaker[0] < dateline_end:
        # "AUGUSTA, Me. — Gov. Paul R. LePage declared …": the parser may take the dateline for the subject
        named = context.mentions.last_span_before(cue[0], SOURCE_KINDS, since=dateline_end)
        if named is not None:
            speaker, resolved = (named[0], named[1]), Resolved(named[3], named[2], named[2])
        else:
            speaker = None
    elif found.speaker is not None and found.speaker_head is not None and speaker is not None:
        first, stop = found.speaker
        written = article.text[speaker[0] : speaker[1]]
        resolved = resolve(tokens, first, stop, found.speaker_head, written, context.mentions)
    return _build(context, sentence.index, cue, found.cue_lemma, speaker, resolved, content, found.according_to)


def _marked_claim(context: _Context, marked: Marked) -> Claim | None:
    """A claim from a punctuation attribution, on a story sentence."""
    sentences = _sentences_within(context.article, context.starts, marked.cue[0], marked.cue[1])
    content = _trimmed(context.article.text, *marked.content)
    if not sentences or content is None:
        return None
    written = context.article.text[marked.speaker[0] : marked.speaker[1]]
    resolved = resolve_name(marked.speaker[0], marked.speaker[1], written, context.mentions)
    return _build(context, sentences[0], marked.cue, marked.cue_lemma, marked.speaker, resolved, content, False)


def _build(
    context: _Context,
    sentence: int,
    cue: tuple[int, int],
    cue_lemma: str,
    speaker: tuple[int, int] | None,
    resolved: Resolved,
    content: tuple[int, int],
    according_to: bool,
) -> Claim:
    index, article, quotes = context.index, context.article, context.quotes
    start, end = widen_to_quote(quotes, content[0], content[1], article.text)
    share = quoted_share(quotes, start, end, article.text)
    direct = ClaimKind.DIRECT if share >= DIRECT_SHARE else ClaimKind.INDIRECT
    kind = ClaimKind.ACCORDING_TO if according_to else direct
    speaker_span = TextSpan(speaker[0], speaker[1], article.text[speaker[0] : speaker[1]]) if speaker else None
    covered = sorted({sentence} | set(_sentences_within(article, context.starts, start, end)))
    return Claim(
        id=f"claim-{index}-{cue[0]}",
        article=index,
        sentence=sentence,
        kind=kind,
        speaker=speaker_span,
        speaker_label=resolved.label,
        speaker_actor=resolved.actor,
        cue=TextSpan(cue[0], cue[1], article.text[cue[0] : cue[1]]),
        content=TextSpan(start, end, article.text[start:end]),
        line=article.line_of(cue[0]),
        cue_lemma=cue_lemma,
        speaker_key=resolved.key,
        sentences=tuple(covered),
    )


def _sentences_within(article: Article, starts: Sequence[int], start: int, end: int) -> list[int]:
    """Indices of the story sentences overlapping [start, end), found by bisection over sentence `starts`."""
    sentences = article.sentences
    position = max(bisect.bisect_right(starts, start) - 1, 0)
    found = []
    while position < len(sentences) and sentences[position].start < end:
        sentence = sentences[position]
        if sentence.end > start and sentence.kind not in SKIPPED_KINDS:
            found.append(sentence.index)
        position += 1
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end > start else None


def content_words(claim: Claim) -> int:
    """Words in the content of a claim (for the who-is-quoted table)."""
    return len(_WORD.findall(claim.content.text))

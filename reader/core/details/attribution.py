"""Attribution drift between linked passages, without the model: one article states as fact what the other
attributes ("according to officials", "X said"), credits another source, or uses a reporting verb of another
force (said / claimed / conceded).

A cue is "according to SOURCE" or a reporting verb with its source: the words just before it ("White House
officials said") or, inverted, just after it ("…, said Mr. Bauer"). Sources are compared by their content
stems ("the report" and "Bauer's report" share "report"); verbs by their force class (neutral, doubting,
conceding, insisting), since "said" against "told" is no drift but "said" against "conceded" is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.align.wordlists import STOP_WORDS
from reader.core.details.fact import stem
from reader.core.details.lexicon import MONTHS, REPORTING_VERBS, WEEKDAYS, words
from reader.core.details.scan import Tok, tokens_of
from reader.core.records import Article, AttributionDrift, DriftKind, PairAlignment, TextSpan

VERB_FORCE: dict[str, str] = {
    **{verb: "doubting" for verb in words("claimed claims claim alleged alleges contended contends contend")},
    **{verb: "conceding" for verb in words("conceded concedes admitted admits acknowledged acknowledges")},
    **{verb: "insisting" for verb in words("insisted insists maintained maintains asserted argued argues")},
    **{verb: "denying" for verb in words("denied denies")},
}
"""Reporting verbs whose force differs from a neutral "said": the reader's trust in the statement changes."""
PRONOUNS = words("he she they it we i you who")
"""A pronoun before the verb: the source is whoever it stands for, unknown here (never "different")."""
HONORIFICS = words("mr mrs ms dr")
DETERMINERS = words("the a an his her their its this that these those some several two three")
SOURCE_STOP = STOP_WORDS | words("mr mrs ms dr rep sen gov also later earlier first then on in")
MAX_SOURCE_WORDS = 6


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution in a sentence: its words, its source's stems and its verb's force."""

    start: int
    end: int
    source: frozenset[str]
    force: str
    named: frozenset[str] = frozenset()
    """The source's capitalised words, stemmed ("Bauer", "White House"): a source the reader can tell apart."""


def _source_stems(tokens: Sequence[Tok], named: bool = False) -> frozenset[str]:
    return frozenset(
        stem(t.lower.removesuffix("'s"))
        for t in tokens
        if t.type == "word"
        and t.lower not in SOURCE_STOP
        and t.lower not in WEEKDAYS
        and t.lower not in MONTHS
        and (t.capitalised or not named)
    )


def _in_quotation(tokens: Sequence[Tok], k: int) -> bool:
    """Whether token k sits inside quotation marks of its sentence (a verb quoted is not the article's cue)."""
    opened = False
    for tok in tokens[:k]:
        if tok.text in ("“", "”", '"'):
            opened = not opened if tok.text == '"' else tok.text == "“"
    return opened


@lru_cache(maxsize=16384)
def sentence_cues(text: str) -> tuple[Cue, ...]:
    """The attribution cues of one sentence (offsets in the sentence); cached, as the tokens are: each article's
    sentences are read by every pair it is in."""
    tokens = tokens_of(text)
    cues: list[Cue] = []
    for k, tok in enumerate(tokens):
        if tok.lower == "according" and k + 1 < len(tokens) and tokens[k + 1].lower == "to":
            source = []
            for j in range(k + 2, min(len(tokens), k + 2 + MAX_SOURCE_WORDS)):
                if tokens[j].type == "punct":
                    break
                source.append(tokens[j])
            end = source[-1].end if source else tokens[k + 1].end
            cues.append(Cue(tok.start, end, _source_stems(source), "neutral", _source_stems(source, named=True)))
            continue
        if tok.lower not in REPORTING_VERBS or tok.type != "word" or _in_quotation(tokens, k):
            continue
        before: list[Tok] = []
        for j in range(k - 1, max(-1, k - 1 - MAX_SOURCE_WORDS), -1):
            lower = tokens[j].lower
            if tokens[j].type == "punct" or (lower in STOP_WORDS and lower not in DETERMINERS | HONORIFICS):
                break  # "a congressman who said": the source is the noun phrase next to the verb
            before.insert(0, tokens[j])
        after: list[Tok] = []
        pronoun = k > 0 and tokens[k - 1].lower in PRONOUNS
        if not _source_stems(before) and not pronoun:
            for j in range(k + 1, min(len(tokens), k + 1 + MAX_SOURCE_WORDS)):
                if tokens[j].type == "punct":
                    break
                after.append(tokens[j])
        source = before if _source_stems(before) else after
        start = source[0].start if source and source is before else tok.start
        end = source[-1].end if source and source is after else tok.end
        force = VERB_FORCE.get(tok.lower, "neutral")
        cues.append(Cue(start, end, _source_stems(source), force, _source_stems(source, named=True)))
    return tuple(cues)


def _cues(article: Article, indices: Sequence[int]) -> list[tuple[int, Cue]]:
    return [(i, cue) for i in indices for cue in sentence_cues(article.sentences[i].text)]


QUOTE_CHARS = frozenset('“”"')


def _quotes(article: Article, indices: Sequence[int]) -> bool:
    """A passage holding a quotation is attributed, whoever it names (a quotation is someone's words)."""
    return any(QUOTE_CHARS & set(article.sentences[i].text) for i in indices)


def _span(article: Article, sentence: int, cue: Cue) -> TextSpan:
    base = article.sentences[sentence].start
    return TextSpan(base + cue.start, base + cue.end, article.text[base + cue.start : base + cue.end])


def pair_drifts(left: Article, right: Article, pair: PairAlignment) -> list[AttributionDrift]:
    """The drift of each match of one pair that has any, in the pair's match order."""
    found = []
    for match in pair.matches:
        xs, ys = _cues(left, match.a), _cues(right, match.b)
        if not xs and not ys:
            continue
        a_cue = _span(left, *xs[0]) if xs else None
        b_cue = _span(right, *ys[0]) if ys else None
        if not xs or not ys:
            if _quotes(left, match.a) if not xs else _quotes(right, match.b):
                continue  # the side without a cue quotes someone: it attributes too
            kind = DriftKind.FACT_VS_ATTRIBUTED
            fact, attributed, cue = (left.label, right.label, b_cue) if not xs else (right.label, left.label, a_cue)
            assert cue is not None
            note = f"{fact} states it as fact; {attributed}: “{cue.text}”"
        else:
            shared = any(not x.source.isdisjoint(y.source) for _, x in xs for _, y in ys)
            named = all(x.named for _, x in xs) and all(y.named for _, y in ys)
            if not shared and named:
                kind = DriftKind.SOURCE_DIFFERS
            elif shared and {x.force for _, x in xs} != {y.force for _, y in ys}:
                kind = DriftKind.VERB_DIFFERS
            else:
                continue
            assert a_cue is not None and b_cue is not None
            note = f"{left.label}: “{a_cue.text}”; {right.label}: “{b_cue.text}”"
        found.append(AttributionDrift(pair.a, pair.b, match.a, match.b, kind, a_cue, b_cue, note))
    return found


def find_drifts(articles: Sequence[Article], pairs: Sequence[PairAlignment]) -> tuple[AttributionDrift, ...]:
    """Attribution drift of every pair's linked passages, ordered by articles and sentences."""
    found = [drift for pair in pairs for drift in pair_drifts(articles[pair.a], articles[pair.b], pair)]
    return tuple(sorted(found, key=lambda d: (d.a_article, d.b_article, d.a_sentences, d.b_sentences)))

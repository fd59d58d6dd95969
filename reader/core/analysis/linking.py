"""Claims linked across articles through the sentence alignment, and what differs between linked tellings.

Two claims of different articles are candidates when one of the aligned matches holds a sentence of each. When
an aligned passage carries several claims on a side (a reported statement inside "…, Axios reports"), pairs are
chosen one to one, best first: same speaker, same cue, then the most content words in common.

The work is linear in the aligned matches: claims are indexed by sentence, and each claim's content words are
computed once per article pair (`_ContentWords`), not once for every candidate pair it is in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from reader.core.align.normalise import key_of
from reader.core.analysis.names import fold
from reader.core.records import Claim, ClaimFlag, ClaimKind, ClaimLink, Comparison, PairAlignment

_WORD = re.compile(r"\w+")
MIN_SHARED = 2
MIN_OVERLAP = 0.25


def link_claims(comparison: Comparison, claims: Sequence[Claim]) -> tuple[ClaimLink, ...]:
    """Links for every pair of articles, ordered by the claims they join."""
    by_article: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    links: list[ClaimLink] = []
    for left, right in combinations(range(len(comparison.articles)), 2):
        if not by_article[left] or not by_article[right]:
            continue
        try:
            pair = comparison.alignment(left, right)
        except KeyError:
            continue
        links.extend(link_pair(pair, by_article[left], by_article[right]))
    links.sort(key=lambda link: (link.a, link.b))
    return tuple(links)


def link_pair(pair: PairAlignment, left: Sequence[Claim], right: Sequence[Claim]) -> list[ClaimLink]:
    """Links between the claims of the two sides of one alignment (`left` in pair.a, `right` in pair.b)."""
    candidates: dict[tuple[str, str], tuple[Claim, Claim]] = {}
    left_at, right_at = _by_sentence(left), _by_sentence(right)  # a scan of every claim per match was quadratic
    for match in pair.matches:
        lefts = {claim.id: claim for i in match.a for claim in left_at.get(i, ())}
        rights = {claim.id: claim for j in match.b for claim in right_at.get(j, ())}
        for claim_a in lefts.values():
            for claim_b in rights.values():
                candidates[(claim_a.id, claim_b.id)] = (claim_a, claim_b)
    words = _ContentWords()
    plausible = [ab for ab in candidates.values() if _same_statement(ab[0], ab[1], words)]
    ranked = sorted(plausible, key=lambda ab: (-_affinity(ab[0], ab[1], words), ab[0].id, ab[1].id))
    used: set[str] = set()
    links: list[ClaimLink] = []
    for claim_a, claim_b in ranked:
        if claim_a.id in used or claim_b.id in used:
            continue
        used.update((claim_a.id, claim_b.id))
        links.append(ClaimLink(a=claim_a.id, b=claim_b.id, flags=flags_between(claim_a, claim_b)))
    return links


def _sentences_of(claim: Claim) -> tuple[int, ...]:
    return claim.sentences or (claim.sentence,)


def _by_sentence(claims: Sequence[Claim]) -> dict[int, list[Claim]]:
    """Sentence index → the claims covering that sentence."""
    index: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        for sentence in _sentences_of(claim):
            index[sentence].append(claim)
    return index


class _ContentWords:
    """Each claim's content words, computed on first use. bench/scale.py at 2,500 / 5,000 / 10,000 sentences a
    side: recomputing them for every candidate pair (twice: plausibility, then affinity) made 26,000 / 80,000 /
    222,000 calls, 95 % of the claim linking's time, for 3,800 / 7,500 / 15,100 claims."""

    def __init__(self) -> None:
        self._found: dict[str, frozenset[str]] = {}

    def __call__(self, claim: Claim) -> frozenset[str]:
        found = self._found.get(claim.id)
        if found is None:
            found = self._found[claim.id] = frozenset(_content_words(claim))
        return found


def _same_statement(a: Claim, b: Claim, words: _ContentWords) -> bool:
    """Co-aligned claims are one statement when the same speaker makes them, or when their contents share at
    least MIN_SHARED content words making at least MIN_OVERLAP of the shorter one ("Axios reports …" is not "Netanyahu
    emphasized …" just because both sit in one aligned passage)."""
    if a.speaker_key and a.speaker_key == b.speaker_key:
        return True
    words_a, words_b = words(a), words(b)
    shared = len(words_a & words_b)
    return shared >= MIN_SHARED and shared / max(1, min(len(words_a), len(words_b))) >= MIN_OVERLAP


def _affinity(a: Claim, b: Claim, words: _ContentWords) -> float:
    """How likely two co-aligned claims are the same statement: content overlap, plus speaker and cue agreement."""
    words_a, words_b = words(a), words(b)
    overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    return overlap + 0.5 * (a.speaker_key == b.speaker_key) + 0.25 * (a.cue_lemma == b.cue_lemma)


def _content_words(claim: Claim) -> set[str]:
    """Content keys of the aligner (stop words out, spelling and inflection normalised: "skepticism" meets
    "scepticism"), so claims and sentences are compared by the same measure."""
    keys = (key_of(fold(word)) for word in _WORD.findall(claim.content.text.replace("’", "'")))
    return {key for key in keys if key}


VERB_FORCE: dict[str, str] = {
    **dict.fromkeys(("claim", "allege", "contend", "purport"), "doubting"),
    **dict.fromkeys(("concede", "admit", "acknowledge", "confess"), "conceding"),
    **dict.fromkeys(("insist", "maintain", "assert", "argue"), "insisting"),
    **dict.fromkeys(("deny", "dispute", "reject"), "denying"),
}
"""The force of a reporting verb (by its base form); any other verb ("say", "tell", "add", "note") is neutral.
"said" against "told" is wording; "said" against "claimed" or "conceded" changes how far the reader is asked
to trust the statement."""


def verb_force(cue_lemma: str) -> str:
    """ "doubting", "conceding", "insisting", "denying" or "neutral" for a cue's base form."""
    return VERB_FORCE.get(cue_lemma.split(" ", 1)[0], "neutral")


def flags_between(a: Claim, b: Claim) -> tuple[ClaimFlag, ...]:
    """What differs between two tellings of one claim, in a fixed order."""
    flags = []
    if a.speaker_key != b.speaker_key:
        flags.append(ClaimFlag.SOURCE_DIFFERS)
    if a.cue_lemma != b.cue_lemma:
        flags.append(ClaimFlag.CUE_DIFFERS)
    if (a.kind is ClaimKind.DIRECT) != (b.kind is ClaimKind.DIRECT):
        flags.append(ClaimFlag.QUOTE_VS_PARAPHRASE)
    if verb_force(a.cue_lemma) != verb_force(b.cue_lemma):
        flags.append(ClaimFlag.VERB_FORCE_DIFFERS)
    return tuple(flags)


def counterparts(comparison: Comparison, claim_id: str) -> tuple[str, ...]:
    """Ids of the claims of other articles linked to this one."""
    found = [link.b for link in comparison.claim_links if link.a == claim_id]
    found += [link.a for link in comparison.claim_links if link.b == claim_id]
    return tuple(sorted(found))


def carried_by(comparison: Comparison, claim_id: str) -> int:
    """How many articles carry this claim (its own plus those holding a linked counterpart)."""
    by_id = {claim.id: claim for claim in comparison.claims}
    articles = {by_id[claim_id].article} if claim_id in by_id else set()
    articles.update(by_id[other].article for other in counterparts(comparison, claim_id) if other in by_id)
    return len(articles)


def single_source_claims(comparison: Comparison) -> tuple[str, ...]:
    """Ids of the claims no other article carries (empty when there is only one article)."""
    if len(comparison.articles) < 2:
        return ()
    linked = {link.a for link in comparison.claim_links} | {link.b for link in comparison.claim_links}
    return tuple(claim.id for claim in comparison.claims if claim.id not in linked)

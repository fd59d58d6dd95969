"""Claim links across articles, on hand-built claims and alignments (no model, no aligner needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pytest import MonkeyPatch

from reader.core.analysis.linking import (
    carried_by,
    counterparts,
    flags_between,
    link_claims,
    link_pair,
    single_source_claims,
)
from reader.core.analysis.quoted import who_is_quoted
from reader.core.records import (
    Claim,
    ClaimFlag,
    ClaimKind,
    Comparison,
    Match,
    PairAlignment,
    SentenceClass,
    TextSpan,
)
from tests.factories import article_of


def claim(
    claim_id: str,
    article: int,
    sentence: int,
    content: str,
    *,
    speaker: str = "officials",
    cue: str = "say",
    kind: ClaimKind = ClaimKind.INDIRECT,
    actor: str | None = None,
) -> Claim:
    return Claim(
        id=claim_id,
        article=article,
        sentence=sentence,
        kind=kind,
        speaker=TextSpan(0, len(speaker), speaker),
        speaker_label=speaker,
        speaker_actor=actor,
        cue=TextSpan(0, 4, cue),
        content=TextSpan(0, len(content), content),
        line=sentence + 1,
        cue_lemma=cue,
        speaker_key=actor or speaker.lower(),
        sentences=(sentence,),
    )


def pair_of(matches: list[tuple[tuple[int, ...], tuple[int, ...]]], size_a: int = 5, size_b: int = 5) -> PairAlignment:
    records = tuple(Match(a=a, b=b, score=0.8, kind=SentenceClass.PARAPHRASE, moved=False) for a, b in matches)
    return PairAlignment(
        a=0,
        b=1,
        matches=records,
        classes_a=tuple(SentenceClass.UNIQUE for _ in range(size_a)),
        classes_b=tuple(SentenceClass.UNIQUE for _ in range(size_b)),
    )


def comparison_of(pair: PairAlignment, claims: tuple[Claim, ...]) -> Comparison:
    articles = (article_of(["s"] * 5, label="A"), article_of(["s"] * 5, label="B"))
    base = Comparison(articles=articles, alignments=(pair,), coverage=((0,) * 5, (0,) * 5), claims=claims)
    return Comparison(
        articles=base.articles,
        alignments=base.alignments,
        coverage=base.coverage,
        claims=claims,
        claim_links=link_claims(base, claims),
    )


def test_claims_in_aligned_sentences_are_linked_with_their_differences() -> None:
    risk_a = claim("a1", 0, 2, "the most immediate risk stems from miscalculation", speaker="Analysts")
    risk_b = claim("b1", 1, 3, "the greatest risk lies in miscalculation", speaker="Some officials", cue="believe")
    links = link_pair(pair_of([((2,), (3,))]), [risk_a], [risk_b])
    assert [(link.a, link.b) for link in links] == [("a1", "b1")]
    assert links[0].flags == (ClaimFlag.SOURCE_DIFFERS, ClaimFlag.CUE_DIFFERS)


def test_claims_in_unaligned_sentences_stay_apart() -> None:
    links = link_pair(pair_of([((1,), (1,))]), [claim("a1", 0, 2, "x y")], [claim("b1", 1, 3, "x y")])
    assert links == []


def test_a_two_sentence_match_links_a_claim_in_either_sentence() -> None:
    links = link_pair(pair_of([((1, 2), (4,))]), [claim("a1", 0, 2, "words here")], [claim("b1", 1, 4, "words")])
    assert [(link.a, link.b) for link in links] == [("a1", "b1")]


def test_links_are_one_to_one_and_prefer_the_same_statement() -> None:
    warned = claim("b1", 1, 0, "additional strikes may be required if Tehran rebuilds", speaker="Israeli officials")
    reports = claim("b2", 1, 0, "Israeli officials have warned that more strikes may come", speaker="Axios")
    original = claim("a1", 0, 0, "additional strikes may be required if Tehran rebuilds", speaker="Israeli officials")
    links = link_pair(pair_of([((0,), (0,))]), [original], [warned, reports])
    assert [(link.a, link.b, link.flags) for link in links] == [("a1", "b1", ())]


def test_quote_against_paraphrase_is_flagged() -> None:
    direct = claim("a", 0, 0, "we will respond", kind=ClaimKind.DIRECT)
    indirect = claim("b", 1, 0, "they would respond")
    assert flags_between(direct, indirect) == (ClaimFlag.QUOTE_VS_PARAPHRASE,)
    according = claim("c", 1, 0, "they would respond", kind=ClaimKind.ACCORDING_TO)
    assert flags_between(indirect, according) == ()


def test_counterparts_carried_by_and_single_source() -> None:
    claims = (
        claim("a1", 0, 1, "the talks failed"),
        claim("a2", 0, 3, "nothing else"),
        claim("b1", 1, 1, "the talks failed"),
        claim("b2", 1, 4, "Axios reports"),
    )
    comparison = comparison_of(pair_of([((1,), (1,))]), claims)
    assert counterparts(comparison, "a1") == ("b1",)
    assert counterparts(comparison, "b1") == ("a1",)
    assert carried_by(comparison, "a1") == 2
    assert carried_by(comparison, "b2") == 1
    assert single_source_claims(comparison) == ("a2", "b2")


def test_who_is_quoted_counts_claims_and_words_per_article() -> None:
    claims = (
        claim("a1", 0, 0, "one two three", speaker="Trump", actor="person-donald-trump"),
        claim("a2", 0, 1, "four five", speaker="Trump", actor="person-donald-trump"),
        claim("b1", 1, 0, "six", speaker="Trump", actor="person-donald-trump"),
        claim("b2", 1, 1, "seven eight", speaker="analysts"),
    )
    rows = who_is_quoted(claims, 2)
    assert [(row.speaker, row.actor, row.claims, row.words) for row in rows] == [
        ("Trump", "person-donald-trump", (2, 1), (5, 1)),
        ("analysts", None, (0, 1), (0, 2)),
    ]


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=6), st.randoms(use_true_random=False))
def test_links_never_reuse_a_claim_and_ignore_input_order(matches: list[tuple[int, int]], rng: object) -> None:
    left = [claim(f"a{i}", 0, i, f"content {i} shared") for i in range(5)]
    right = [claim(f"b{i}", 1, i, f"content {i} shared") for i in range(5)]
    pair = pair_of([((a,), (b,)) for a, b in sorted(set(matches))])
    links = link_pair(pair, left, right)
    used_a = [link.a for link in links]
    used_b = [link.b for link in links]
    assert len(used_a) == len(set(used_a)) and len(used_b) == len(set(used_b))
    shuffled_left, shuffled_right = left[:], right[:]
    rng.shuffle(shuffled_left)  # type: ignore[attr-defined]
    rng.shuffle(shuffled_right)  # type: ignore[attr-defined]
    assert sorted(link_pair(pair, shuffled_left, shuffled_right), key=str) == sorted(links, key=str)


def test_a_reporting_verb_of_another_force_is_flagged_apart_from_its_wording() -> None:
    said = claim("a", 0, 0, "the plan failed")
    told = claim("b", 1, 0, "the plan failed", cue="tell")
    conceded = claim("c", 1, 0, "the plan failed", cue="concede")
    claimed = claim("d", 1, 0, "the plan failed", cue="claim")
    assert flags_between(said, told) == (ClaimFlag.CUE_DIFFERS,)
    assert flags_between(said, conceded) == (ClaimFlag.CUE_DIFFERS, ClaimFlag.VERB_FORCE_DIFFERS)
    assert flags_between(conceded, claimed) == (ClaimFlag.CUE_DIFFERS, ClaimFlag.VERB_FORCE_DIFFERS)


def test_each_claims_content_words_are_read_once_however_many_matches_hold_it(monkeypatch: MonkeyPatch) -> None:
    import reader.core.analysis.linking as linking

    reads: list[str] = []
    original = linking._content_words

    def counted(claim: Claim) -> set[str]:
        reads.append(claim.id)
        return original(claim)

    monkeypatch.setattr(linking, "_content_words", counted)
    # Every sentence of A aligned to every sentence of B (repeated passages): 16 candidate pairs of 8 claims.
    left = [claim(f"a{k}", 0, k, f"storm closed the harbour number {k}", speaker=f"s{k}") for k in range(4)]
    right = [claim(f"b{k}", 1, k, f"storm closed the harbour number {k}", speaker=f"t{k}") for k in range(4)]
    pair = pair_of([((i,), (j,)) for i in range(4) for j in range(4)])
    links = link_pair(pair, left, right)
    assert len(links) == 4
    assert sorted(reads) == sorted(c.id for c in (*left, *right))

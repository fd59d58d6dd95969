"""The two seed articles, end to end through `compare`: what issue 3 says they must show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.analysis import carried_by, counterparts, single_source_claims
from reader.core.pipeline import compare
from reader.core.records import Actor, ActorKind, Claim, ClaimFlag, Comparison
from reader.core.serialize import dumps, loads

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Comparison]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("seed-cache")))
        yield compare(sorted(str(p) for p in SEEDS.glob("*.txt")))


def actor(comparison: Comparison, name: str) -> Actor:
    (found,) = [a for a in comparison.actors if a.name == name]
    return found


def claims_where(comparison: Comparison, article: int, cue: str, speaker: str = "") -> list[Claim]:
    return [
        c
        for c in comparison.claims
        if c.article == article and c.cue_lemma == cue and speaker.casefold() in c.speaker_label.casefold()
    ]


def linked(comparison: Comparison, a: Claim, b: Claim) -> tuple[ClaimFlag, ...] | None:
    for link in comparison.claim_links:
        if (link.a, link.b) == (a.id, b.id):
            return link.flags
    return None


@pytest.mark.parametrize(
    ("name", "also"),
    [
        ("Donald Trump", {"Trump", "U.S. President Donald Trump"}),
        ("Benjamin Netanyahu", {"Netanyahu", "Israeli Prime Minister Benjamin Netanyahu"}),
        ("Masoud Pezeshkian", {"President Masoud Pezeshkian", "Iranian President Masoud Pezeshkian"}),
        ("Abbas Araghchi", {"Araghchi", "Iranian Foreign Minister Abbas Araghchi"}),
        ("Steve Witkoff", {"U.S. envoy Steve Witkoff"}),
    ],
)
def test_one_actor_per_person_across_both_articles(comparison: Comparison, name: str, also: set[str]) -> None:
    found = actor(comparison, name)
    assert found.kind is ActorKind.PERSON
    assert all(count > 0 for count in found.counts)
    assert also <= set(found.aliases)
    assert not [a for a in comparison.actors if a.name in also and a.name != name]


def test_places_and_organisations_present(comparison: Comparison) -> None:
    names = {a.name: a for a in comparison.actors}
    for place in ("Iran", "Israel", "United States", "Lebanon", "Gaza", "Tehran"):
        assert names[place].kind is ActorKind.PLACE
    for group in ("Hezbollah", "Hamas"):
        assert names[group].kind is ActorKind.ORGANISATION
    assert {"U.S."} <= set(names["United States"].aliases)
    assert all(count >= 10 for count in names["United States"].counts)


def test_no_boilerplate_fragment_or_headline_artefact(comparison: Comparison) -> None:
    texts = {m.text for a in comparison.actors for m in a.mentions} | {a.name for a in comparison.actors}
    for bad in ("Latest News", "US News", "Mar", "Quick Looks", "Netanyahu Discusses", "Newslooks", "Sydney"):
        assert bad not in texts
    assert not [t for t in texts if "\n" in t or t.endswith(("’s", "'s", "/", ",", " ."))]
    for a in comparison.actors:
        for m in a.mentions:
            assert comparison.articles[m.article].text[m.start : m.end] == m.text


def test_trump_netanyahu_compound_credits_both(comparison: Comparison) -> None:
    text = comparison.articles[0].text
    compound = text.index("Trump-Netanyahu")
    for name in ("Donald Trump", "Benjamin Netanyahu"):
        assert any(m.article == 0 and compound <= m.start < compound + 15 for m in actor(comparison, name).mentions)


def test_pezeshkian_warned_in_both_and_linked(comparison: Comparison) -> None:
    (a,) = claims_where(comparison, 0, "warn", "Pezeshkian")
    (b,) = claims_where(comparison, 1, "warn", "Pezeshkian")
    assert linked(comparison, a, b) == ()


def test_araghchi_called_for_against_urged(comparison: Comparison) -> None:
    (a,) = claims_where(comparison, 0, "call for", "Araghchi")
    (b,) = claims_where(comparison, 1, "urge", "Araghchi")
    assert a.cue.text == "called for"
    assert linked(comparison, a, b) == (ClaimFlag.CUE_DIFFERS,)


def test_prime_ministers_office_declined_to_comment_in_both(comparison: Comparison) -> None:
    for article in (0, 1):
        (claim,) = claims_where(comparison, article, "decline to comment", "Prime Minister")
        assert claim.speaker_actor is None


def test_trump_on_acting_again_in_both(comparison: Comparison) -> None:
    trump = actor(comparison, "Donald Trump").id
    statements = [c for c in comparison.claims if c.speaker_actor == trump and "again" in c.content.text]
    assert {c.article for c in statements} == {0, 1}
    b_side = [c for c in statements if c.article == 1]
    assert any(counterparts(comparison, c.id) for c in b_side)


def test_axios_reports_the_claim_a_credits_to_netanyahu(comparison: Comparison) -> None:
    """B's "Israeli officials … warned that additional strikes may be required …, Axios reports" is the claim A
    sums up as "Netanyahu believes Iran's … rebuild efforts require further preemptive action": the link model
    links the two sentences, so the claims are linked, with the source and the cue differing."""
    (claim,) = [c for c in comparison.claims if c.speaker_label == "Axios"]
    assert (claim.article, claim.cue_lemma) == (1, "report")
    assert claim.id not in single_source_claims(comparison)
    assert carried_by(comparison, claim.id) == 2
    (link,) = [link for link in comparison.claim_links if claim.id in (link.a, link.b)]
    assert ClaimFlag.SOURCE_DIFFERS in link.flags


def test_miscalculation_claim_linked_with_a_different_source(comparison: Comparison) -> None:
    (a,) = [c for c in comparison.claims if c.article == 0 and "miscalculation" in c.content.text]
    (b,) = [c for c in comparison.claims if c.article == 1 and "miscalculation" in c.content.text]
    assert (a.speaker_label, b.speaker_label) == ("analysts", "some U.S. and Israeli officials")
    flags = linked(comparison, a, b)
    assert flags is not None and ClaimFlag.SOURCE_DIFFERS in flags


def test_who_is_quoted_and_json_round_trip(comparison: Comparison) -> None:
    rows = {row.speaker: row for row in comparison.quoted}
    assert rows["Donald Trump"].claims[0] > 0 and rows["Donald Trump"].claims[1] > 0
    assert rows["Axios"].claims == (0, 1)
    assert sum(sum(row.claims) for row in comparison.quoted) == len(comparison.claims)
    assert comparison.analysed
    assert loads(Comparison, dumps(comparison)) == comparison


def test_analysis_is_deterministic(comparison: Comparison) -> None:
    from reader.core.analysis import analyse_comparison

    assert analyse_comparison(comparison) == comparison

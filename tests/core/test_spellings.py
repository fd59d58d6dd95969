"""One person under outlets' different romanisations of a name, and different people kept apart."""

from __future__ import annotations

from reader.core.analysis.actors import cluster_candidates
from reader.core.analysis.mentions import extract_candidates
from reader.core.analysis.people import person_groups, spelling_skeleton, spelling_variants
from reader.core.records import ActorKind
from tests.core.test_actors import parse_of
from tests.factories import article_of


def test_transliterations_of_one_name_share_a_skeleton() -> None:
    spellings = ["Gaddafi", "Qaddafi", "Kadhafi", "Qadhafi", "Gadhafi", "al-Qaddafi", "Khadafy"]
    assert {spelling_skeleton(word) for word in spellings} == {"kdf"}
    assert spelling_skeleton("Muammar") == spelling_skeleton("Moammar") == "mr"
    assert spelling_variants("qaddafi", "al-gadhafi")
    assert not spelling_variants("chen", "chan")  # too short to tell a spelling from another name
    assert not spelling_variants("gaddafi", "giuliani")


def test_full_names_spelled_apart_are_one_person_only_with_one_given_name() -> None:
    keys = ["muammar al-qaddafi", "moammar gadhafi", "muammar qadhafi", "ali hassan", "omar hasan"]
    groups = person_groups(keys, {"muammar al-qaddafi": 3})
    assert {key: groups[key] for key in keys} == {
        "muammar al-qaddafi": "muammar al-qaddafi",
        "moammar gadhafi": "muammar al-qaddafi",
        "muammar qadhafi": "muammar al-qaddafi",
        "ali hassan": "ali hassan",  # two different given names: two people, however alike the surnames
        "omar hasan": "omar hasan",
    }


def test_outlets_spellings_and_a_bracketed_name_make_one_actor() -> None:
    """Fox writes "(Libyan strongman Muammar) al-Qaddafi", HuffPost "Moammar Gadhafi", a third "Qadhafi"
    alone: one person; "Hasan Rouhani" shares no given name and no surname skeleton with him and stays apart."""
    articles = [
        article_of(["It looks like (Libyan strongman Muammar) al-Qaddafi is going to win."], label="A"),
        article_of(["Moammar Gadhafi spoke to Hasan Rouhani."], label="B"),
        article_of(["Qadhafi did not answer."], label="C"),
    ]
    parses = [
        parse_of(articles[0], [[("Muammar", "PERSON"), ("al-Qaddafi", "PERSON")]]),
        parse_of(articles[1], [[("Moammar Gadhafi", "PERSON"), ("Hasan Rouhani", "PERSON")]]),
        parse_of(articles[2], [[("Qadhafi", "PERSON")]]),
    ]
    actors = cluster_candidates(articles, extract_candidates(articles, parses))
    assert sorted((a.name, a.kind, a.counts) for a in actors) == [
        ("Hasan Rouhani", ActorKind.PERSON, (0, 1, 0)),
        ("Muammar al-Qaddafi", ActorKind.PERSON, (1, 1, 1)),  # the cut name in A counts once
    ]

"""Actors: name rules, mention cleaning and clustering on hand-built parses, then the real model on own texts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import analyse_article
from reader.core.analysis.actors import build_actors, cluster_candidates
from reader.core.analysis.candidate import Candidate
from reader.core.analysis.mentions import extract_candidates
from reader.core.analysis.names import (
    headline_cased,
    name_key,
    place_alias,
    split_hyphenated,
    strip_title_words,
)
from reader.core.analysis.parsed import Entity, ParsedArticle, ParsedSentence, Token
from reader.core.records import ActorKind, Article
from tests.factories import article_of


def tokens_of(text: str, base: int = 0) -> tuple[Token, ...]:
    """Crude tokens (words, possessive 's, punctuation) with offsets; capitalised words are proper nouns."""
    found = []
    for match in re.finditer(r"[’']s\b|[\w.]+(?<!\.)|[^\w\s]", text):
        word = match.group()
        pos = "PROPN" if word[:1].isupper() else ("PUNCT" if not word[:1].isalnum() else "NOUN")
        found.append(Token(base + match.start(), base + match.end(), word, word, pos, "NNP", "dep", 0))
    return tuple(found)


def parse_of(article: Article, entities: Sequence[Sequence[tuple[str, str]]]) -> ParsedArticle:
    """A hand-made parse: entities given per sentence as (surface text, label); the first occurrence is used."""
    sentences = []
    for sentence, wanted in zip(article.sentences, entities, strict=True):
        tokens = tokens_of(sentence.text, sentence.start)
        records = []
        for surface, label in wanted:
            words = tokens_of(surface)
            texts = [t.text for t in tokens]
            for first in range(len(tokens)):
                if texts[first : first + len(words)] == [w.text for w in words]:
                    records.append(Entity(first, first + len(words), label))
                    break
            else:
                raise AssertionError(f"{surface!r} not in {sentence.text!r}")
        sentences.append(ParsedSentence(sentence.index, tokens, tuple(records)))
    return ParsedArticle(key="test", sentences=tuple(sentences))


def test_name_keys_titles_and_place_aliases() -> None:
    assert name_key("the United States") == name_key("United States") == "united states"
    assert place_alias(name_key("U.S.")) == place_alias(name_key("US")) == "United States"
    assert name_key("Iran’s") == "iran"
    assert strip_title_words(["prime", "minister", "netanyahu"]) == ["netanyahu"]
    assert strip_title_words(["president"]) == ["president"]
    assert split_hyphenated("Trump-Netanyahu") == [(0, "Trump"), (6, "Netanyahu")]


def test_headline_case_is_told_from_prose() -> None:
    assert headline_cased(tokens_of("Netanyahu Discusses Second Strike on Iran with Trump"))
    assert not headline_cased(tokens_of("Trump, Netanyahu discuss possible strikes on Iran and Gaza plan"))
    assert not headline_cased(tokens_of("Israeli Prime Minister Benjamin Netanyahu raised the idea of a strike."))


def test_cleaning_fragments_compounds_and_headline_words() -> None:
    article = article_of(
        [
            "Senator Maria Lopez Says Budget Deal Near",
            "Maria Lopez met Tom Reed at Mar-a-Lago.",
            "The Lopez-Reed plan’s cost worried Ohio’s governor.",
            "Quick Takes From Capitol Hill Today",
        ]
    )
    parse = parse_of(
        article,
        [
            [("Maria Lopez Says", "PERSON")],
            [("Maria Lopez", "PERSON"), ("Tom Reed", "PERSON"), ("Mar", "PERSON")],
            [("Reed", "PERSON"), ("Ohio", "GPE")],
            [("Quick Takes", "PERSON")],
        ],
    )
    texts = [(c.sentence, c.text) for c in extract_candidates([article], [parse])]
    assert texts == [
        (0, "Maria Lopez"),
        (1, "Maria Lopez"),
        (1, "Tom Reed"),
        (2, "Lopez"),
        (2, "Reed"),
        (2, "Ohio"),
    ]


def test_a_name_between_two_titles_qualifies_the_second() -> None:
    """ "former Oregon Gov.": "former" is a title word, but the name is the state of the title after it, so
    the model's place label stands; a name after a title with none after it is the person ("Chancellor Falk")."""
    article = article_of(["The vote pleased former Oregon Gov. Ann Lee and Chancellor Falk."])
    parse = parse_of(article, [[("Oregon", "GPE"), ("Ann Lee", "PERSON"), ("Falk", "ORG")]])
    kinds = [(c.text, c.kind) for c in extract_candidates([article], [parse])]
    assert kinds == [("Oregon", ActorKind.PLACE), ("Ann Lee", ActorKind.PERSON), ("Falk", ActorKind.PERSON)]


def test_pieces_of_a_name_cut_by_brackets_stay_people() -> None:
    """A lone person word with no title and no English given name is taken for a brand ("Twitter"), unless
    it is a piece of a name the brackets cut in two ("(strongman Tahmasp) Qorbani"): the pieces are one person
    with the whole name."""
    article = article_of(["Posts on Twitter said (local strongman Tahmasp) Qorbani would win."])
    parse = parse_of(article, [[("Twitter", "PERSON"), ("Tahmasp", "PERSON"), ("Qorbani", "PERSON")]])
    actors = cluster_candidates([article], extract_candidates([article], [parse]))
    kinds = {actor.name: actor.kind for actor in actors}
    assert kinds == {"Twitter": ActorKind.ORGANISATION, "Tahmasp Qorbani": ActorKind.PERSON}


def candidate(article: int, start: int, text: str, kind: ActorKind | None, titled: str = "") -> Candidate:
    return Candidate(article, 0, start, start + len(text), text, kind, titled or text)


def two_articles() -> list[Article]:
    return [article_of(["x" * 400], label="A"), article_of(["x" * 400], label="B")]


def test_surnames_join_the_full_name_and_majority_labels_win() -> None:
    candidates = [
        candidate(0, 0, "Donald Trump", ActorKind.PERSON, "U.S. President Donald Trump"),
        candidate(0, 20, "Trump", ActorKind.ORGANISATION),
        candidate(0, 40, "Trump", ActorKind.ORGANISATION),
        candidate(1, 0, "Trump", ActorKind.PERSON, "President Trump"),
        candidate(1, 20, "U.S.", ActorKind.PLACE),
        candidate(0, 60, "United States", ActorKind.PLACE),
        candidate(1, 40, "US", ActorKind.ORGANISATION),
    ]
    actors = cluster_candidates(two_articles(), candidates)
    assert [(a.id, a.kind, a.counts) for a in actors] == [
        ("person-donald-trump", ActorKind.PERSON, (3, 1)),
        ("place-united-states", ActorKind.PLACE, (1, 2)),
    ]
    assert actors[0].aliases == ("President Trump", "Trump", "U.S. President Donald Trump")


def test_people_sharing_a_surname_stay_apart() -> None:
    candidates = [
        candidate(0, 0, "Bill Clinton", ActorKind.PERSON),
        candidate(0, 20, "Clinton", ActorKind.PERSON),
        candidate(1, 0, "Hillary Clinton", ActorKind.PERSON),
        candidate(1, 20, "Clinton", ActorKind.PERSON),
        candidate(1, 40, "Bill Clinton", ActorKind.PERSON),
        candidate(1, 60, "Clinton", ActorKind.PERSON),
    ]
    actors = {a.name: a.counts for a in cluster_candidates(two_articles(), candidates)}
    assert actors == {"Bill Clinton": (2, 2), "Hillary Clinton": (0, 2)}


def test_one_honorific_and_surname_stay_with_the_person_they_first_named() -> None:
    """ "Mrs. Clinton" after "Bill Clinton" is named once is still Hillary Clinton (a cross-outlet NYT article
    gave him nine of her mentions); "Mr. Clinton" named after her is him, and then "Mrs. Clinton" is never
    him. A bare "Clinton" still goes to the
    person named nearest before it."""
    candidates = [
        candidate(0, 0, "Hillary Clinton", ActorKind.PERSON),
        candidate(0, 20, "Clinton", ActorKind.PERSON, "Mrs. Clinton"),
        candidate(0, 40, "Bill Clinton", ActorKind.PERSON, "former President Bill Clinton"),
        candidate(0, 60, "Clinton", ActorKind.PERSON, "Mrs. Clinton"),
        candidate(0, 80, "Clinton", ActorKind.PERSON, "Ms. Clinton"),
        candidate(0, 100, "Clinton", ActorKind.PERSON),
        candidate(1, 0, "Bill Clinton", ActorKind.PERSON),
        candidate(1, 20, "Clinton", ActorKind.PERSON, "Mr. Clinton"),
        candidate(1, 40, "Hillary Clinton", ActorKind.PERSON),
        candidate(1, 60, "Clinton", ActorKind.PERSON, "Mr. Clinton"),
        candidate(1, 70, "Bill Clinton", ActorKind.PERSON),
        candidate(1, 80, "Clinton", ActorKind.PERSON, "Mrs. Clinton"),  # not him, though named just before
    ]
    actors = {a.name: a.counts for a in cluster_candidates(two_articles(), candidates)}
    assert actors == {"Hillary Clinton": (4, 2), "Bill Clinton": (2, 4)}


def test_a_name_the_model_always_calls_a_place_does_not_join_a_person() -> None:
    candidates = [candidate(0, 0, "Michael Jordan", ActorKind.PERSON)]
    candidates += [candidate(0, 20 + 10 * i, "Jordan", ActorKind.PLACE) for i in range(3)]
    kinds = {a.name: a.kind for a in cluster_candidates(two_articles(), candidates)}
    assert kinds == {"Michael Jordan": ActorKind.PERSON, "Jordan": ActorKind.PLACE}


def test_a_groups_singular_joins_its_plural() -> None:
    candidates = [
        candidate(0, 0, "Republican", ActorKind.GROUP),
        candidate(0, 20, "Republicans", ActorKind.GROUP),
        candidate(1, 0, "Republican", ActorKind.GROUP),
        candidate(1, 20, "Democrat", ActorKind.GROUP),
        candidate(1, 40, "Sikhs", ActorKind.GROUP),
    ]
    actors = {(a.name, a.kind): (a.counts, a.aliases) for a in cluster_candidates(two_articles(), candidates)}
    assert actors == {
        ("Republicans", ActorKind.GROUP): ((2, 1), ("Republican",)),
        ("Democrat", ActorKind.GROUP): ((0, 1), ()),  # no plural named: stays as written
        ("Sikhs", ActorKind.GROUP): ((0, 1), ()),
    }


def test_a_singular_that_is_no_group_does_not_join_a_plural() -> None:
    candidates = [candidate(0, 0, "Field", ActorKind.PERSON), candidate(0, 20, "Fields", ActorKind.GROUP)]
    assert {a.name for a in cluster_candidates(two_articles(), candidates)} == {"Field", "Fields"}


def test_well_known_names_keep_their_kind_and_state_abbreviations_meet_the_state() -> None:
    candidates = [
        candidate(0, 0, "United States", ActorKind.ORGANISATION),
        candidate(0, 20, "America", ActorKind.PLACE),
        candidate(1, 0, "European Union", ActorKind.PLACE),
        candidate(1, 20, "Tex.", ActorKind.PLACE),
        candidate(1, 40, "Texas", ActorKind.PLACE),
        candidate(0, 40, "N.Y.", ActorKind.PLACE),
    ]
    actors = {a.name: (a.kind, a.counts) for a in cluster_candidates(two_articles(), candidates)}
    assert actors == {
        "United States": (ActorKind.PLACE, (2, 0)),
        "European Union": (ActorKind.ORGANISATION, (0, 1)),
        "Texas": (ActorKind.PLACE, (0, 2)),
        "New York": (ActorKind.PLACE, (1, 0)),
    }


@given(st.permutations(list(range(6))))
def test_clustering_ignores_input_order(order: list[int]) -> None:
    base = [
        candidate(0, 0, "Benjamin Netanyahu", ActorKind.PERSON),
        candidate(0, 30, "Netanyahu", ActorKind.PERSON),
        candidate(1, 0, "Netanyahu", ActorKind.ORGANISATION),
        candidate(1, 30, "Iran", ActorKind.PLACE),
        candidate(0, 60, "Iran", ActorKind.PLACE),
        candidate(1, 60, "Hamas", ActorKind.ORGANISATION),
    ]
    expected = cluster_candidates(two_articles(), base)
    assert cluster_candidates(two_articles(), [base[i] for i in order]) == expected


# The model itself, on texts written for these tests (one parse per module).

OWN_TEXT = [
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday.",
    "Scholz said the European Union must act quickly, while Macron urged patience.",
    "The Scholz-Macron talks also covered Ukraine’s request for air defence.",
    "Officials in the United States and the U.S. Congress were briefed, and US diplomats welcomed the talks.",
]


@pytest.fixture(scope="module")
def own_actors() -> Iterator[dict[str, tuple[ActorKind, tuple[int, ...]]]]:
    analysis = analyse_article(article_of(OWN_TEXT), use_cache=False)
    yield {actor.name: (actor.kind, actor.counts) for actor in analysis.actors}


@pytest.mark.slow
def test_model_actors_merge_surnames_compounds_and_places(
    own_actors: dict[str, tuple[ActorKind, tuple[int, ...]]],
) -> None:
    assert own_actors["Olaf Scholz"] == (ActorKind.PERSON, (3,))
    assert own_actors["Emmanuel Macron"] == (ActorKind.PERSON, (3,))
    assert own_actors["Ukraine"][0] is ActorKind.PLACE
    assert own_actors["United States"][1][0] >= 2
    assert not any(name.endswith(("’s", "'s", ".", ",")) for name in own_actors)


@pytest.mark.slow
def test_build_actors_mentions_point_at_their_text() -> None:
    article = article_of(OWN_TEXT)
    analysis = analyse_article(article, use_cache=False)
    for actor in analysis.actors:
        for mention in actor.mentions:
            assert article.text[mention.start : mention.end] == mention.text
            assert mention.line == mention.sentence + 1
    assert build_actors is not None

"""One person one actor: given-name variants, initials, surname tails, entity votes, state names, and the
nearest-person index (pure: hand-built candidates and parses, no model)."""

from __future__ import annotations

import bisect
import random

from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis.actors import _NearestPerson, cluster_candidates
from reader.core.analysis.candidate import Candidate
from reader.core.analysis.mentions import extract_candidates
from reader.core.analysis.parsed import Entity, ParsedArticle, ParsedSentence, Token
from reader.core.analysis.people import core_words, person_groups, same_given_name
from reader.core.analysis.votes import adjusted_vote, coordinated_parts, has_capital, name_start
from reader.core.records import ActorKind, Article
from tests.core.test_actors import candidate, parse_of, tokens_of
from tests.factories import article_of


def test_given_name_variants_from_the_nickname_data() -> None:
    for short, full in (("jim", "james"), ("chuck", "charles"), ("bill", "william"), ("bob", "robert")):
        assert same_given_name(short, full) and same_given_name(full, short)
    assert same_given_name("jim", "jimmy")
    assert not same_given_name("bill", "hillary")
    assert not same_given_name("bill", "rob")  # both nicknames of Robert, but not one name
    assert not same_given_name("donald", "barack")


def test_core_words_drop_middle_initials_and_suffixes() -> None:
    assert core_words("charles e grassley") == ["charles", "grassley"]
    assert core_words("martin luther king jr") == ["martin", "luther", "king"]


def test_person_groups_merge_variants_and_keep_different_people_apart() -> None:
    keys = [
        "jim mattis",
        "james mattis",
        "chuck grassley",
        "charles e grassley",
        "bill clinton",
        "hillary clinton",
        "hillary rodham clinton",
        "enrique peña nieto",
        "peña nieto",
    ]
    groups = person_groups(keys, {"jim mattis": 3})
    assert groups["jim mattis"] == groups["james mattis"]
    assert groups["chuck grassley"] == groups["charles e grassley"] == "charles e grassley"
    assert groups["hillary clinton"] == groups["hillary rodham clinton"]
    assert groups["bill clinton"] != groups["hillary clinton"]
    assert groups["peña nieto"] == "enrique peña nieto"


@given(st.randoms(use_true_random=False))
def test_person_groups_do_not_depend_on_key_order(rng: random.Random) -> None:
    keys = ["jim mattis", "james mattis", "james n mattis", "bill clinton", "william clinton", "hillary clinton"]
    shuffled = list(keys)
    rng.shuffle(shuffled)
    assert person_groups(shuffled, {}) == person_groups(keys, {})


def three_outlets() -> list[Article]:
    return [article_of(["x" * 400], label=label) for label in "ABC"]


@given(st.permutations([0, 1, 2]))
def test_one_person_across_outlets_whatever_the_article_order(order: list[int]) -> None:
    per_outlet = [
        [("Jim Mattis", ActorKind.PERSON), ("Mattis", ActorKind.PERSON)],
        [("James Mattis", ActorKind.PERSON), ("Chuck Schumer", ActorKind.PERSON)],
        [("Charles Schumer", ActorKind.PERSON), ("Mattis", ActorKind.PERSON)],
    ]
    candidates = [
        candidate(position, 30 * offset, text, kind)
        for position, outlet in enumerate(order)
        for offset, (text, kind) in enumerate(per_outlet[outlet])
    ]
    actors = cluster_candidates(three_outlets(), candidates)
    people = sorted((a.name, sum(a.counts)) for a in actors if a.kind is ActorKind.PERSON)
    assert people == [("Chuck Schumer", 2), ("Jim Mattis", 4)]


def test_a_one_word_person_with_nothing_to_support_it_is_an_organisation() -> None:
    candidates = [
        candidate(0, 0, "Twitter", ActorKind.PERSON),
        candidate(0, 20, "Twitter", ActorKind.PERSON),
        candidate(0, 40, "Emanuel", ActorKind.PERSON, "Mr. Emanuel"),
        candidate(0, 60, "Diana", ActorKind.PERSON),
    ]
    kinds = {a.name: a.kind for a in cluster_candidates(three_outlets(), candidates)}
    assert kinds == {"Twitter": ActorKind.ORGANISATION, "Emanuel": ActorKind.PERSON, "Diana": ActorKind.PERSON}


def test_votes_read_the_span_and_its_neighbours() -> None:
    tokens = tokens_of("the first Mr. Obama met former Minnesota Gov. Tim Pawlenty and the Democratic Caucus")
    texts = [t.text for t in tokens]
    assert texts[name_start(tokens, 1, 5)] == "Mr"
    minnesota = texts.index("Minnesota")
    assert adjusted_vote(ActorKind.PERSON, tokens, minnesota, minnesota + 1) is None
    caucus = texts.index("Caucus")
    assert adjusted_vote(ActorKind.PERSON, tokens, caucus - 1, caucus + 1) is ActorKind.ORGANISATION
    assert adjusted_vote(ActorKind.PLACE, tokens, minnesota, minnesota + 1) is ActorKind.PLACE
    assert not has_capital(tokens_of("ag"))
    assert has_capital(tokens_of("3M"))
    joined = tokens_of("Trump and Mattis")
    assert coordinated_parts(joined, 0, 3) == [(0, 1), (2, 3)]


def test_coordinated_names_split_only_into_known_names_and_fragments_are_dropped() -> None:
    article = article_of(
        [
            "Donald Trump met Jim Mattis on Monday.",
            "Trump and Mattis spoke, and Procter & Gamble agreed, the ag said.",
        ]
    )
    parse = parse_of(
        article,
        [
            [("Donald Trump", "PERSON"), ("Jim Mattis", "PERSON")],
            [("Trump and Mattis", "ORG"), ("Procter & Gamble", "ORG"), ("ag", "ORG")],
        ],
    )
    texts = [(c.sentence, c.text) for c in extract_candidates([article], [parse])]
    assert texts == [
        (0, "Donald Trump"),
        (0, "Jim Mattis"),
        (1, "Trump"),
        (1, "Mattis"),
        (1, "Procter & Gamble"),
    ]


def test_a_state_name_is_its_country_where_the_article_names_the_country() -> None:
    articles = [
        article_of(["Iran fired missiles.", "The Islamic Republic said it would fire more."], label="A"),
        article_of(["The Islamic Republic of Mars is a novel."], label="B"),
    ]
    parses = [
        parse_of(articles[0], [[("Iran", "GPE")], []]),
        parse_of(articles[1], [[]]),
    ]
    actors = cluster_candidates(articles, extract_candidates(articles, parses))
    (iran,) = actors
    assert (iran.name, iran.counts, iran.aliases) == ("Iran", (2, 0), ("Islamic Republic",))


@given(
    st.lists(st.tuples(st.integers(0, 1), st.integers(0, 200), st.sampled_from(["ann lee", "bo lee"])), max_size=30),
    st.integers(0, 1),
    st.integers(0, 200),
)
def test_the_nearest_person_index_agrees_with_a_scan(
    named: list[tuple[int, int, str]], article: int, offset: int
) -> None:
    people = {"ann lee": "ann lee", "bo lee": "bo lee"}
    candidates = [Candidate(a, 0, start, start + 3, key.title(), ActorKind.PERSON, key) for a, start, key in named]
    short = Candidate(article, 0, offset, offset + 3, "Lee", None, "Lee")
    found = _NearestPerson(candidates, people).choose(short, ["ann lee", "bo lee"])
    before = sorted((c.start, c.key) for c in candidates if c.article == article and c.start < offset)
    after = sorted((c.start, c.key) for c in candidates if c.article == article and c.start > offset)
    if before:
        last = before[-1][0]
        expected: str | None = min(key for start, key in before if start == last)
    elif after:
        first = after[0][0]
        expected = min(key for start, key in after if start == first)
    else:
        expected = None
    assert found == expected
    assert bisect.bisect_left([0], 0) == 0


def test_scores_and_spaced_dashes_are_no_part_of_a_name() -> None:
    article = article_of(["Morris 69 , Lithuania - Danius Gleveckas", "Lithuania won.", "Danius Gleveckas scored."])
    parse = parse_of(
        article,
        [
            [("Morris 69", "PERSON"), ("Lithuania - Danius Gleveckas", "PERSON")],
            [("Lithuania", "GPE")],
            [("Danius Gleveckas", "PERSON")],
        ],
    )
    texts = [(c.sentence, c.text) for c in extract_candidates([article], [parse])]
    assert texts == [
        (0, "Morris"),
        (0, "Lithuania"),
        (0, "Danius Gleveckas"),
        (1, "Lithuania"),
        (2, "Danius Gleveckas"),
    ]


def test_an_initial_and_a_surname_are_a_person_and_scores_split_names() -> None:
    article = article_of(["W. Hegg c Smith b Jones , and Haitai 2 Samsung 1", "Haitai lost.", "Samsung won."])
    parse = parse_of(article, [[("Haitai 2 Samsung", "ORG")], [("Haitai", "ORG")], [("Samsung", "ORG")]])
    first = parse.sentences[0]
    initial = Token(0, 2, "W.", "W.", "PROPN", "NNP", "compound", 1)  # the model's tokenizer keeps "W." whole
    tokens = (initial, *(t for t in first.tokens if t.start >= 2))
    shift = len(first.tokens) - len(tokens)
    entities = tuple(Entity(e.first - shift, e.stop - shift, e.label) for e in first.entities)
    parse = ParsedArticle(parse.key, (ParsedSentence(0, tokens, entities), *parse.sentences[1:]))
    people = [(c.text, c.kind) for c in extract_candidates([article], [parse]) if c.sentence == 0]
    assert people == [("W. Hegg", ActorKind.PERSON), ("Haitai", None), ("Samsung", None)]

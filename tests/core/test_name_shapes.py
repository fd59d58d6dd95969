"""Names found by the shape of news text: datelines, known names in all-capitals lines, lists of names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis.candidate import Candidate
from reader.core.analysis.datelines import dateline_places
from reader.core.analysis.mentions import extract_candidates
from reader.core.analysis.names import fields
from reader.core.analysis.parsed import Token
from reader.core.analysis.untagged import CAPS_SHARE, in_capitals
from reader.core.analysis.votes import given_name_and_surname, personal_title
from reader.core.records import ActorKind
from tests.core.test_actors import parse_of, tokens_of
from tests.factories import article_of


def shown(candidates: list[Candidate]) -> list[tuple[int, str, ActorKind | None]]:
    return [(c.sentence, c.text, c.kind) for c in candidates]


def test_datelines_name_places_and_kickers_do_not() -> None:
    article = article_of(
        [
            "BUCHAREST 1996-08-30",
            "HERZLIYA , Israel 1996-08-31",
            "WASHINGTON (Reuters) - The Senate voted on Friday.",
            "BEIRUT, Lebanon — Protesters filled the square.",
            "SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .",
            "EXCLUSIVE - Officials said the talks would resume.",
            "UNITED NATIONS 1996-08-29",
            "The PRESIDENT (who spoke) - said nothing.",
        ]
    )
    assert shown(dateline_places([article])) == [
        (0, "BUCHAREST", ActorKind.PLACE),
        (1, "HERZLIYA", ActorKind.PLACE),
        (1, "Israel", ActorKind.PLACE),
        (2, "WASHINGTON", ActorKind.PLACE),
        (3, "BEIRUT", ActorKind.PLACE),
        (3, "Lebanon", ActorKind.PLACE),
        (6, "UNITED NATIONS", None),  # a well-known organisation keeps the kind its other mentions give it
    ]


def test_a_dateline_overrules_the_models_label_on_it() -> None:
    article = article_of(["DETROIT 1996-08-31", "Automakers met in Detroit on Friday ."])
    parse = parse_of(article, [[("DETROIT", "ORG")], [("Detroit", "GPE")]])
    assert shown(extract_candidates([article], [parse])) == [
        (0, "DETROIT", ActorKind.PLACE),
        (1, "Detroit", ActorKind.PLACE),
    ]


def test_known_names_are_found_in_an_all_capitals_line() -> None:
    """The model tags nothing in the capitals headline; the names it found in the prose are found there too,
    the longest first ("NEW YORK", not "YORK"); a capitals word no clean entity names stays out ("BEAT")."""
    article = article_of(
        [
            "SOCCER - ROMANIA BEAT LITHUANIA IN NEW YORK .",
            "Romania beat Lithuania 2-1 in New York on Friday .",
        ]
    )
    parse = parse_of(article, [[], [("Romania", "GPE"), ("Lithuania", "GPE"), ("New York", "GPE")]])
    assert shown(extract_candidates([article], [parse])) == [
        (0, "ROMANIA", None),
        (0, "LITHUANIA", None),
        (0, "NEW YORK", None),
        (1, "Romania", ActorKind.PLACE),
        (1, "Lithuania", ActorKind.PLACE),
        (1, "New York", ActorKind.PLACE),
    ]


def test_a_list_of_names_is_no_headline() -> None:
    """Every word of a list of scorers is capitalised, as in a headline; judged item by item between the list
    marks and figures, each name keeps the model's label. A real headline still gives no vote."""
    article = article_of(
        [
            "Scorers : Andy Townsend ( 5th ) , Keith O'Neill ( 7th ) , Niall Quinn ( 11th )",
            "Senator Maria Lopez Says Budget Deal Near",
            "Maria Lopez spoke on Friday .",
        ]
    )
    parse = parse_of(
        article,
        [
            [("Andy Townsend", "PERSON"), ("Keith O'Neill", "PERSON"), ("Niall Quinn", "PERSON")],
            [("Maria Lopez Says", "PERSON")],
            [("Maria Lopez", "PERSON")],
        ],
    )
    assert shown(extract_candidates([article], [parse])) == [
        (0, "Andy Townsend", ActorKind.PERSON),
        (0, "Keith O'Neill", ActorKind.PERSON),
        (0, "Niall Quinn", ActorKind.PERSON),
        (1, "Maria Lopez", None),
        (2, "Maria Lopez", ActorKind.PERSON),
    ]


def test_fields_split_at_list_marks_and_figures() -> None:
    tokens = tokens_of("Scorers : Andy Townsend ( 5th ) , Ian Harte / Attendance 3,900")
    assert [" ".join(t.text for t in tokens[a:b]) for a, b in fields(tokens)] == [
        "Scorers",
        "Andy Townsend",
        "Ian Harte",
        "Attendance",
    ]


def test_places_before_scores_in_a_results_table_are_teams() -> None:
    """In "Doncaster 3 Darlington 2" the model's place is a club, and an untagged name before a score is one
    too; in prose the place stays a place, and a person in a table keeps the person label."""
    article = article_of(
        [
            "Doncaster 3 Darlington 2",
            "Bournemouth 1 Peterborough 2",
            "H. Morris 69 , D. Blenkiron 43",
            "Doncaster lost 3 times in 2 years .",
        ]
    )
    parse = parse_of(
        article,
        [
            [("Doncaster", "GPE"), ("Darlington", "GPE")],
            [("Bournemouth", "GPE")],
            [("H. Morris", "PERSON"), ("D. Blenkiron", "PERSON")],
            [("Doncaster", "GPE")],
        ],
    )
    assert shown(extract_candidates([article], [parse])) == [
        (0, "Doncaster", ActorKind.ORGANISATION),
        (0, "Darlington", ActorKind.ORGANISATION),
        (1, "Bournemouth", ActorKind.ORGANISATION),
        (1, "Peterborough", ActorKind.ORGANISATION),
        (2, "H. Morris", ActorKind.PERSON),
        (2, "D. Blenkiron", ActorKind.PERSON),
        (3, "Doncaster", ActorKind.PLACE),
    ]


def test_a_personal_title_makes_a_person_of_the_models_organisation() -> None:
    article = article_of(["Representative Fredette and General Motors disagreed ."])
    parse = parse_of(article, [[("Representative Fredette", "ORG"), ("General Motors", "ORG")]])
    assert shown(extract_candidates([article], [parse])) == [
        (0, "Fredette", ActorKind.PERSON),
        (0, "General Motors", ActorKind.ORGANISATION),
    ]


def test_the_models_labels_in_capitals_count_only_for_names_known_elsewhere() -> None:
    article = article_of(["NATIONAL LEAGUE", "FRANCE BEAT MEXICO", "France beat Mexico 2-0 ."])
    parse = parse_of(
        article,
        [[("NATIONAL LEAGUE", "ORG")], [("FRANCE", "ORG")], [("France", "GPE"), ("Mexico", "GPE")]],
    )  # two capitals words are too few for a headline-cased stretch, not for a line in capitals
    assert shown(extract_candidates([article], [parse])) == [
        (1, "FRANCE", None),
        (1, "MEXICO", None),
        (2, "France", ActorKind.PLACE),
        (2, "Mexico", ActorKind.PLACE),
    ]


def test_an_initial_and_a_surname_are_a_person_whatever_the_label() -> None:
    def words(*texts: str) -> list[Token]:
        return [Token(0, len(text), text, text, "PROPN", "NNP", "dep", 0) for text in texts]

    assert personal_title(words("A.", "Ranatunga"), 0, 2)
    assert personal_title(words("Representative", "Fredette"), 0, 2)
    assert not personal_title(words("A.", "Ranatunga", "Foundation"), 0, 3)
    assert not personal_title(words("A.", "IBM"), 0, 2)
    assert not personal_title(words("General", "Motors"), 0, 2)


def test_an_english_given_name_and_a_surname_are_a_person_but_a_team_is_not() -> None:
    def words(*tagged: tuple[str, str]) -> list[Token]:
        return [Token(0, len(text), text, text, "PROPN", tag, "dep", 0) for text, tag in tagged]

    assert given_name_and_surname(words(("Claudia", "NNP"), ("Mues", "NNP")), 0, 2)
    assert not given_name_and_surname(words(("Philadelphia", "NNP"), ("Eagles", "NNPS")), 0, 2)
    assert not given_name_and_surname(words(("Claudia", "NNP"), ("Bank", "NNP")), 0, 2)
    assert not given_name_and_surname(words(("Xqz", "NNP"), ("Damaske", "NNP")), 0, 2)


def test_competitors_named_with_a_country_in_brackets_are_people() -> None:
    """The model tags the countries but not the players; two or three capitalised words before a bracketed
    known place are a person, one word ("Alba", a club) is left alone."""
    article = article_of(["Goran Ivanisevic ( Croatia ) beat Scott Draper ( Australia ) and Alba ( Germany ) won"])
    parse = parse_of(article, [[("Croatia", "GPE"), ("Australia", "GPE"), ("Germany", "GPE")]])
    assert shown(extract_candidates([article], [parse])) == [
        (0, "Goran Ivanisevic", ActorKind.PERSON),
        (0, "Croatia", ActorKind.PLACE),
        (0, "Scott Draper", ActorKind.PERSON),
        (0, "Australia", ActorKind.PLACE),
        (0, "Germany", ActorKind.PLACE),
    ]


@given(st.lists(st.text(alphabet=st.sampled_from(list("aAbBéÉ1 .-\u2160\u00aaß")), max_size=6), max_size=8))
def test_in_capitals_is_the_share_of_upper_case_letters(texts: list[str]) -> None:
    """Counted by str methods in C, the same as letter by letter: at least four letters, CAPS_SHARE of them upper
    case (a Roman numeral "Ⅰ" is upper case but no letter, so it counts for neither)."""
    tokens = [Token(0, len(text), text, text, "X", "X", "dep", 0) for text in texts]
    letters = [ch for text in texts for ch in text if ch.isalpha()]
    expected = len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= CAPS_SHARE * len(letters)
    assert in_capitals(tokens) is expected

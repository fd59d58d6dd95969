"""Conflicts: a `!` only when both values cannot be true, on texts written for each rule (and each exception)."""

from __future__ import annotations

import dataclasses
import datetime

from hypothesis import given
from hypothesis import strategies as st

from reader.core.details.conflicts import find_conflicts
from reader.core.details.quotes import MIN_SHARED_RUN, quotations
from reader.core.details.quotes import _quoted as quoted_words
from reader.core.details.values import DateValue, Quantity, judge_values
from reader.core.pipeline import align_articles
from reader.core.records import Article, ArticleMeta, Comparison, Conflict, DetailKind, DetailStatus
from tests.factories import article_of

FILLER_A = [
    "Weather across the coastal region stayed mild through the afternoon.",
    "A museum downtown reopened its sculpture garden after repairs.",
    "Local farmers reported an early harvest of apples and pears.",
    "The city council postponed a debate over parking meters.",
    "Ticket prices for the orchestra season rose slightly.",
    "A new bakery drew long queues near the railway station.",
]
FILLER_B = [
    "Commuters faced delays after a signal failure on the northern line.",
    "The library extended its opening hours for exam season.",
    "A marathon through the old town attracted runners from abroad.",
    "Fishermen complained about falling cod quotas this spring.",
    "The zoo welcomed twin panda cubs to its enclosure.",
    "A jazz festival returned to the riverside park.",
]


def articles(
    a: list[str], b: list[str], a_published: str | None = None, b_published: str | None = None
) -> tuple[Article, Article]:
    """Two articles: the given sentences after six unrelated ones each (so shared words weigh as in a story)."""
    left = article_of([*FILLER_A, *a], label="A")
    right = article_of([*FILLER_B, *b], label="B")
    left = dataclasses.replace(left, meta=ArticleMeta(published=a_published))
    right = dataclasses.replace(right, meta=ArticleMeta(published=b_published))
    return left, right


def compared(a: list[str], b: list[str]) -> Comparison:
    return align_articles(articles(a, b))


def values(a: list[str], b: list[str], published: str | None = None) -> list[tuple[str, str, str]]:
    """(kind, A value, B value) of every conflict between the two articles (both published on `published`)."""
    comparison = align_articles(articles(a, b, published, published))
    return [(c.kind.value, c.a.text, c.b.text) for c in comparison.conflicts]


VOTE_A = "The House passed the motto resolution on Tuesday after a brief floor debate."
VOTE_B = "The House passed the motto resolution on Wednesday after a brief floor debate."


def test_two_weekdays_for_the_same_event_conflict() -> None:
    assert values([VOTE_A], [VOTE_B]) == [("date", "Tuesday", "Wednesday")]


def test_the_conflict_names_its_sentences_slot_and_link() -> None:
    comparison = compared([VOTE_A], [VOTE_B])
    (conflict,) = comparison.conflicts
    assert conflict == Conflict(0, 1, 6, 6, DetailKind.DATE, "day", conflict.a, conflict.b, linked=True)
    match = next(m for m in comparison.alignments[0].matches if 6 in m.a)
    statuses = {(d.status, d.a.text if d.a else None, d.b.text if d.b else None) for d in match.details}
    assert (DetailStatus.CONFLICT, "Tuesday", "Wednesday") in statuses


def test_a_weekday_and_a_date_that_can_be_the_same_day_are_not_a_conflict() -> None:
    a = "The leaders met on Monday at the resort to discuss the ceasefire plan."
    b = "The leaders met on December 29 at the resort to discuss the ceasefire plan."
    comparison = compared([a], [b])
    assert comparison.conflicts == ()
    match = next(m for m in comparison.alignments[0].matches if 6 in m.a)
    assert [(d.status, d.a.text if d.a else "", d.b.text if d.b else "") for d in match.details] == [
        (DetailStatus.PRECISION, "Monday", "December 29")
    ]


def test_the_publication_date_resolves_a_weekday_against_a_date() -> None:
    a = "The leaders met on Monday at the resort to discuss the ceasefire plan."
    b = "The leaders met on December 29 at the resort to discuss the ceasefire plan."
    tuesday = a.replace("Monday", "Tuesday")
    assert values([a], [b], "2025-12-30") == []  # 29 December 2025 was a Monday
    assert values([tuesday], [b], "2025-12-30") == [("date", "Tuesday", "December 29")]
    assert values([tuesday], [b]) == []  # no year known: it may be another December


def test_different_precision_is_not_a_conflict() -> None:
    a = "The House passed the motto resolution this week after a brief floor debate."
    assert values([a], [VOTE_B]) == []
    assert values(["Lawmakers passed the motto resolution in March after a floor debate."],
                  ["Lawmakers passed the motto resolution on March 3 after a floor debate."]) == []  # fmt: skip


def test_a_detail_on_one_side_only_is_not_a_conflict() -> None:
    comparison = compared(
        ["Officials said 2,000 troops would leave the northern bases by spring."],
        ["Officials said troops would leave the northern bases by spring."],
    )
    assert comparison.conflicts == ()
    match = next(m for m in comparison.alignments[0].matches if 6 in m.a)
    assert [(d.kind, d.status, d.a.text if d.a else "") for d in match.details] == [
        (DetailKind.NUMBER, DetailStatus.A_ONLY, "2,000 troops")
    ]


def test_roundings_and_bounds_are_not_conflicts() -> None:
    base = "Officials said {} would leave the northern bases by spring under the plan."
    for a, b in [
        ("about 2,000 troops", "2,000 troops"),
        ("2,000 troops", "2,140 troops"),
        ("more than 2,000 troops", "2,600 troops"),
        ("nearly 2,000 troops", "1,960 troops"),
    ]:
        assert values([base.format(a)], [base.format(b)]) == [], (a, b)
    assert values([base.format("15 soldiers")], [base.format("some 16 troops")]) == [
        ("number", "15 soldiers", "16 troops")
    ]
    assert values([base.format("more than 2,000 troops")], [base.format("1,500 troops")]) == [
        ("number", "2,000 troops", "1,500 troops")
    ]


def test_money_with_scale_words() -> None:
    base = "Congress approved a {} relief fund for the flooded farming counties."
    assert values([base.format("$1.4 billion")], [base.format("$1.375 billion")]) == []
    assert values([base.format("$3.6B")], [base.format("$3.6 billion")]) == []
    assert values([base.format("$3.5 billion")], [base.format("$3.6 billion")]) == [
        ("money", "$3.5 billion", "$3.6 billion")
    ]


def test_vote_tallies() -> None:
    base = "The Senate approved the border security bill {} late on the final night."
    assert values([base.format("134-63")], [base.format("134-62")]) == [("tally", "134-63", "134-62")]
    assert values([base.format("134-63")], [base.format("by a vote of 134 to 63")]) == []


def test_names_are_not_quantities() -> None:
    a = "The four-star general said the 9/11 attacks and Covid-19 changed how F-35 jets are based overseas."
    b = "The three-star general said the 9/12 attacks and Covid-20 changed how F-36 jets are based overseas."
    assert values([a], [b]) == []


def test_the_age_of_a_named_person() -> None:
    a = "Jane Roe, 45, was arrested at the harbour on charges of smuggling antiques."
    b = "Jane Roe, 46, was arrested at the harbour on charges of smuggling antiques."
    assert values([a], [b]) == [("number", "45", "46")]


def test_ordinals_of_the_same_thing() -> None:
    a = "Governor Smith began her third term in office after a narrow election victory."
    b = "Governor Smith began her fourth term in office after a narrow election victory."
    assert values([a], [b]) == [("ordinal", "third", "fourth")]


def test_days_of_statements_by_different_speakers_are_not_compared() -> None:
    a = "Senator Mark Jones said Tuesday that the motto resolution wasted the chamber's time."
    b = "Governor Ann Lee said Wednesday that the motto resolution wasted the chamber's time."
    assert values([a], [b]) == []
    assert values([a], [a.replace("Tuesday", "Wednesday")]) == [("date", "Tuesday", "Wednesday")]


def test_two_days_in_one_sentence_are_two_events_not_a_conflict() -> None:
    a = "The House passed the motto resolution on Tuesday after a brief floor debate begun on Monday."
    assert values([a], [VOTE_B]) == []


def test_an_article_that_also_states_the_other_value_is_not_in_conflict() -> None:
    a = "The House passed the motto resolution on Wednesday after a brief floor debate."
    assert values([VOTE_A, a], [VOTE_B]) == []


def test_the_other_value_stated_about_another_point_does_not_settle_a_conflict() -> None:
    elsewhere = "Farm ministers met in Brussels on Wednesday to review grain subsidies."
    assert values([VOTE_A, elsewhere], [VOTE_B]) == [("date", "Tuesday", "Wednesday")]


def test_the_other_first_name_anywhere_in_the_text_settles_a_name_conflict() -> None:
    a = "Rep. Loretta Sanchez won the contest for vice chair of the caucus, defeating Barbara Lee."
    b = "Rep. Linda Sanchez won the contest for vice chair of the caucus, defeating Barbara Lee."
    later = "Her sister, Linda Sanchez, congratulated her."
    assert values([a, later], [b]) == []
    assert values([a, later.replace("Linda", "Maria")], [b]) == [("name", "Loretta Sanchez", "Linda Sanchez")]


def test_unrelated_sentences_with_different_days_are_not_compared() -> None:
    assert values([VOTE_A], ["Farm ministers met in Brussels on Wednesday to review grain subsidies."]) == []


def test_the_first_name_given_to_a_titled_surname() -> None:
    a = "Rep. Loretta Sanchez won the contest for vice chair of the caucus, defeating Barbara Lee."
    b = "Rep. Linda Sanchez won the contest for vice chair of the caucus, defeating Barbara Lee."
    assert values([a], [b]) == [("name", "Loretta Sanchez", "Linda Sanchez")]
    assert values([a.replace("Loretta", "Bill")], [b.replace("Linda", "William")]) == []
    assert values([a.replace("Loretta", "L.")], [b]) == []


def test_an_office_that_differs_by_a_rank_word() -> None:
    a = "Assistant District Attorney Jane Roe charged the harbour master with smuggling antiques."
    b = "District Attorney Jane Roe charged the harbour master with smuggling antiques."
    assert values([a], [b]) == [("title", "Assistant District Attorney", "District Attorney")]
    assert values(["Sen. Mark Jones opposed the harbour dredging plan in committee hearings."],
                  ["Senator Mark Jones opposed the harbour dredging plan in committee hearings."]) == []  # fmt: skip


def test_the_wording_of_one_quotation() -> None:
    a = "“We don’t like him. We don’t want him. We reject his visit,” the network said in a statement."
    b = "“We don’t want him. We reject his message,” the network said."
    assert values([a], [b]) == [("quote", "visit", "message")]


def test_a_quotation_cut_short_or_spelled_out_is_not_a_conflict() -> None:
    a = "“We don’t like him, we don’t want him and we’ll reject his visit,” the network said."
    assert values([a], ["“We do not like him, we do not want him and we will reject his visit,” it said."]) == []
    assert values([a], ["“We don’t like him, we don’t want him,” the network said."]) == []


def test_conflicts_mirror_when_the_articles_swap() -> None:
    arrest = "Jane Roe, {}, was arrested at the harbour on smuggling charges today."
    left, right = articles([VOTE_A, arrest.format(45)], [VOTE_B, arrest.format(46)])
    forward = align_articles([left, right])
    backward = align_articles([right, left])
    assert [(c.a_sentence, c.b_sentence, c.a.text, c.b.text) for c in forward.conflicts] == [
        (6, 6, "Tuesday", "Wednesday"),
        (7, 7, "45", "46"),
    ]
    assert sorted((c.b_sentence, c.a_sentence, c.b.text, c.a.text) for c in backward.conflicts) == [
        (c.a_sentence, c.b_sentence, c.a.text, c.b.text) for c in forward.conflicts
    ]
    assert find_conflicts(forward.articles, forward.alignments) == forward.conflicts


quantities = st.builds(
    Quantity,
    amount=st.integers(0, 5000).map(float),
    step=st.sampled_from([1.0, 10.0, 100.0, 1000.0]),
    bound=st.sampled_from(["exact", "about", "at_least", "at_most"]),
)
dates = st.builds(
    DateValue,
    weekday=st.none() | st.integers(0, 6),
    day=st.none() | st.integers(1, 28),
    month=st.none() | st.integers(1, 12),
    year=st.none() | st.integers(2020, 2026),
    vague=st.booleans(),
    night=st.booleans(),
)


@given(quantities, quantities)
def test_judging_two_numbers_does_not_depend_on_which_article_is_a(x: Quantity, y: Quantity) -> None:
    assert judge_values(x, y) is judge_values(y, x)
    assert judge_values(x, x) is DetailStatus.AGREE


@given(dates, dates, st.none() | st.dates(datetime.date(2020, 1, 1), datetime.date(2026, 12, 31)))
def test_judging_two_dates_does_not_depend_on_which_article_is_a(
    x: DateValue, y: DateValue, published: datetime.date | None
) -> None:
    assert judge_values(x, y, published, published) is judge_values(y, x, published, published)
    assert judge_values(x, x, published, published) is not DetailStatus.CONFLICT


def test_spellings_of_one_word_in_a_quotation_are_not_a_conflict() -> None:
    a = "“We are not co-mingling appropriated and non-appropriated funds from al-Qaeda in September,” he said."
    b = "“We are not comingling appropriated and nonappropriated funds from al-Qaida in Sept,” he said."
    assert values([a], [b]) == []


def test_sentences_that_disagree_on_every_detail_tell_two_events() -> None:
    a = "The Nasdaq Composite Index gained 25.75 points, or 1.5 percent, in heavy technology trading."
    b = "The Nasdaq Composite Index gained 28.73 points, or 1.77 percent, in heavy technology trading."
    assert values([a], [b]) == []
    assert values([a], [b.replace("1.77", "1.5")]) == [("number", "25.75 points", "28.73 points")]


def test_a_date_that_names_an_event_is_not_this_storys_date() -> None:
    a = "Lawmakers marked the Sept. 11 attacks at the memorial service on the capitol steps."
    b = "Lawmakers marked the attacks on Wednesday at the memorial service on the capitol steps."
    assert values([a], [b], "2011-09-14") == []
    assert values([a.replace("the Sept. 11 attacks", "the attacks on Sept. 13")], [b], "2011-09-14") == [
        ("date", "Sept. 13", "Wednesday")
    ]


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list('ab “”«»„" .,’')), min_size=1, max_size=50).filter(str.strip),
        min_size=1,
        max_size=4,
    )
)
def test_quotations_pair_the_marks_as_a_walk_over_every_character_does(paragraphs: list[str]) -> None:
    """Found by a regular expression over the marks alone, the quotations are those of a walk over each
    character of each text block: opened by “ " « „, closed by ” " »."""
    article = article_of([p.strip() for p in paragraphs])
    expected = []
    for block in article.blocks:
        start = None
        for index in range(block.start, block.end):
            char = article.text[index]
            if start is None and char in '“"«„':
                start = index + 1
            elif start is not None and char in '”"»':
                expected.append(quoted_words(article.text, start, index))
                start = None
    assert quotations(article) == [q for q in expected if len(q.words) >= MIN_SHARED_RUN]


def test_a_conflicting_day_at_the_end_of_the_sentence_is_shown_without_the_full_stop() -> None:
    """The Conflicts list showed “Tuesday.” against “Wednesday.”: the stop ends the sentence, not the day."""
    a = "The House passed the motto resolution after a brief floor debate on Tuesday."
    b = "The House passed the motto resolution after a brief floor debate on Wednesday."
    assert values([a], [b]) == [("date", "Tuesday", "Wednesday")]


def test_a_capitalised_today_inside_a_sentence_is_a_title_not_a_day() -> None:
    """NBC's “Today” show was read as the day; a sentence that opens with “Today” still dates."""
    from reader.core.details.facts import sentence_facts

    def dates(text: str) -> list[str]:
        return [text[f.start : f.end] for f in sentence_facts(text) if f.kind is DetailKind.DATE]

    assert dates('Trump told NBC\'s "Today" show on Thursday.') == ["Thursday"]
    assert dates('"I hope he can," he told "Today."') == []
    assert dates("Today the House passed the resolution.") == ["Today"]
    assert dates('"Today we won," she said.') == ["Today"]
    assert dates("The House passed the resolution today.") == ["today"]

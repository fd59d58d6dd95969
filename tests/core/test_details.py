"""Details that differ: dates, numbers, names and places, found by rule."""

from __future__ import annotations

from reader.core.align.details import detail_diffs, extract_details, known_names
from reader.core.align.normalise import normalise
from reader.core.align.wordiff import placed_tokens
from reader.core.records import DetailKind, TextSpan
from tests.factories import article_of


def diffs(a: str, b: str) -> list[tuple[str, str, str | None, str | None]]:
    left, right = article_of([a]), article_of([b], label="B")
    a_tokens = placed_tokens(left, (0,), [normalise(a)])
    b_tokens = placed_tokens(right, (0,), [normalise(b)])
    names = known_names([normalise(a), normalise(b)])
    found = detail_diffs(a_tokens, b_tokens, left.text, right.text, names)
    for diff in found:
        for span, text in ((diff.a, left.text), (diff.b, right.text)):
            assert span is None or (isinstance(span, TextSpan) and text[span.start : span.end] == span.text)
    return [(d.kind.value, d.status.value, d.a.text if d.a else None, d.b.text if d.b else None) for d in found]


def kinds(text: str) -> list[tuple[DetailKind, str]]:
    article = article_of([text])
    tokens = placed_tokens(article, (0,), [normalise(text)])
    found = extract_details(tokens, article.text, known_names([normalise(text)]))
    return [(d.kind, article.text[d.tokens[0].start : d.tokens[-1].end]) for d in found]


def test_the_place_one_side_gives_is_one_sided_and_dates_are_left_to_the_typed_details() -> None:
    found = diffs(
        "The leaders met on Monday at Mar-a-Lago, officials said.",
        "The leaders met on December 29, officials said.",
    )
    assert found == [("place", "a_only", "Mar-a-Lago", None)]


def test_names_missing_on_one_side_are_one_sided_never_conflicts() -> None:
    found = diffs("The envoy Steve Witkoff held talks.", "The envoy held talks with Araghchi.")
    assert ("name", "a_only", "Steve Witkoff", None) in found
    assert ("name", "b_only", None, "Araghchi") in found
    assert diffs("Trump and Netanyahu met.", "Trump and Palestinian leaders met.") == [
        ("name", "a_only", "Netanyahu", None),
        ("name", "b_only", None, "Palestinian"),
    ]
    many = diffs("Smith and Jones met Brown.", "They met White and Green.")
    assert all(status != "conflict" for _, status, _, _ in many)


def test_titles_and_sentence_openers_are_not_names() -> None:
    found = kinds("Officials said President Masoud Pezeshkian warned Washington.")
    assert (DetailKind.NAME, "Masoud Pezeshkian") in found
    assert all(text != "Officials" and "President" not in text for _, text in found)


def test_places_by_preposition_and_shape() -> None:
    found = kinds("He spoke in Lebanon after visiting the Gaza Strip and Uzbekistan with Smith.")
    assert (DetailKind.PLACE, "Lebanon") in found
    assert (DetailKind.PLACE, "Gaza Strip") in found
    assert (DetailKind.PLACE, "Uzbekistan") in found
    assert (DetailKind.NAME, "Smith") in found


def test_names_stop_at_punctuation_and_keep_small_connectors() -> None:
    found = kinds("It met the Board of Peace, Trump and the World Economic Forum.")
    assert (DetailKind.NAME, "Board of Peace") in found
    assert (DetailKind.NAME, "Trump") in found
    assert (DetailKind.NAME, "World Economic Forum") in found


def test_month_words_that_are_ordinary_words_are_not_dates() -> None:
    assert kinds("Officials may act in March.") == [(DetailKind.DATE, "March")]
    assert (DetailKind.DATE, "May 5") in kinds("The vote is on May 5 this year.")


def test_today_capitalised_inside_a_sentence_is_a_name_not_a_date() -> None:
    assert kinds('He told the "Today" show on Thursday.') == [(DetailKind.NAME, "Today"), (DetailKind.DATE, "Thursday")]
    assert kinds('"Today we won," he said.') == [(DetailKind.DATE, "Today")]


def test_the_word_after_a_dateline_opens_the_sentence_and_is_no_name() -> None:
    """ "WASHINGTON -- Real estate tycoon …" listed "Real" as a name only in that article."""
    assert kinds("WASHINGTON -- Real estate tycoon Donald Trump said Thursday he has doubts.") == [
        (DetailKind.NAME, "Donald Trump"),
        (DetailKind.DATE, "Thursday"),
    ]
    assert kinds("LONDON (Reuters) - Prices rose on Monday.") == [
        (DetailKind.NAME, "Reuters"),
        (DetailKind.DATE, "Monday"),
    ]
    assert kinds("The plan -- Medicare for all -- failed.") == [(DetailKind.NAME, "Medicare")]


def test_title_case_headlines_prove_nothing() -> None:
    assert kinds("Leaders Discuss Second Strike Plans") == [(DetailKind.NUMBER, "Second")]


def test_a_preposition_in_a_headline_makes_no_place() -> None:
    """ "Trump Sends Investigators to Hawaii, Gains in GOP Presidential Primary Poll": GOP was listed as a place."""
    from reader.core.align.details import extract_details

    headline = "Trump Sends Investigators to Hawaii, Gains in GOP Presidential Primary Poll"
    prose = "Trump has gained in the GOP field and sent investigators to Hawaii."
    article = article_of([headline])
    tokens = placed_tokens(article, (0,), [normalise(headline)])
    found = extract_details(tokens, article.text, known_names([normalise(headline), normalise(prose)]))
    listed = {article.text[d.tokens[0].start : d.tokens[-1].end]: d.kind for d in found}
    assert listed["GOP"] is DetailKind.NAME


def test_statuses_mirror_when_sides_swap() -> None:
    forward = diffs("They met on Monday in Paris with Witkoff.", "They met on Friday with Kushner.")
    backward = diffs("They met on Friday with Kushner.", "They met on Monday in Paris with Witkoff.")
    swap = {"a_only": "b_only", "b_only": "a_only"}
    assert sorted((k, swap[s], b, a) for k, s, a, b in forward) == sorted(backward)
    assert {s for _, s, _, _ in forward} == {"a_only", "b_only"}


def test_a_nationality_adjective_is_its_country() -> None:
    assert diffs("It backed further Israeli action in Gaza.", "It backed further action by Israel in Gaza.") == []
    assert diffs("Iranian leaders spoke.", "Leaders in Iran spoke.") == []


def test_a_detail_repeated_on_one_side_is_listed_once() -> None:
    found = diffs(
        "The official met the envoy.",
        "The U.S. official met the U.S. envoy.",
    )
    assert [entry for entry in found if entry[3] == "U.S."] == [("place", "b_only", None, "U.S.")]

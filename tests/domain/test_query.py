"""Reading the search language: words, phrases, exclusions, OR and filters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.domain.query import (
    MATCH_END,
    MATCH_START,
    Filter,
    QueryError,
    Term,
    folded,
    match_ranges,
    parse,
    spans,
)
from viewer.domain.search_limits import MAX_QUERY_CHARS, MAX_TERMS


def test_bare_words_must_all_match() -> None:
    query = parse("israel signing")
    assert query.groups == ((Term("israel"),), (Term("signing"),))
    assert not query.notes


def test_a_quoted_phrase_is_one_term() -> None:
    assert parse('"signing ceremony" 2020').groups == (
        (Term("signing ceremony", phrase=True),),
        (Term("2020"),),
    )


def test_a_minus_excludes_a_word_or_a_phrase() -> None:
    query = parse('accords -withdrawn -"in talks"')
    assert query.groups == ((Term("accords"),),)
    assert query.excluded == (Term("withdrawn"), Term("in talks", phrase=True))


def test_or_joins_the_words_on_each_side() -> None:
    query = parse("treaty morocco OR sudan")
    assert query.groups == ((Term("treaty"),), (Term("morocco"), Term("sudan")))


def test_a_lowercase_or_is_a_word_and_and_is_implied() -> None:
    assert parse("war or peace").groups == ((Term("war"),), (Term("or"),), (Term("peace"),))
    assert parse("war AND peace").groups == ((Term("war"),), (Term("peace"),))


@pytest.mark.parametrize("text", ["OR", "OR israel", "israel OR", "a OR OR b"])
def test_a_dangling_or_is_explained(text: str) -> None:
    assert any("OR needs a word" in note for note in parse(text).notes)


def test_filters_are_read_with_their_values() -> None:
    query = parse('kind:event party:"United Arab Emirates" -status:withdrawn after:2020-09')
    assert query.filters == (
        Filter("kind", "event"),
        Filter("party", "United Arab Emirates"),
        Filter("status", "withdrawn", negated=True),
        Filter("after", "2020-09"),
    )
    assert query.groups == ()


def test_filter_names_are_read_in_any_case() -> None:
    assert parse("KIND:event").filters == (Filter("kind", "event"),)


def test_an_unknown_filter_is_searched_as_words_and_explained() -> None:
    query = parse("colour:red")
    assert query.groups == ((Term("colour:red"),),)
    assert "colour: is not a filter" in query.notes[0]


def test_a_filter_without_value_is_explained() -> None:
    query = parse("kind:")
    assert query.filters == (Filter("kind", ""),)
    assert "kind: needs a value" in query.notes[0]


def test_an_unclosed_quote_reads_the_rest_as_a_phrase() -> None:
    query = parse('"signing cere')
    assert query.groups == ((Term("signing cere", phrase=True),),)
    assert "not closed" in query.notes[0]


@pytest.mark.parametrize("text", ["*", "(", ")", "-", ":", '"', "^", "--", '""', "- -"])
def test_punctuation_alone_searches_for_nothing(text: str) -> None:
    query = parse(text)
    assert query.groups == () and query.excluded == ()


def test_control_characters_become_spaces() -> None:
    assert parse("isra\x00el\tbah\x1brain").groups == (
        (Term("isra"),),
        (Term("el"),),
        (Term("bah"),),
        (Term("rain"),),
    )


def test_text_is_nfc_normalised() -> None:
    decomposed = "Jose\u0301"
    assert parse(decomposed).groups == ((Term("José"),),)


def test_a_huge_paste_is_refused_in_one_short_line() -> None:
    with pytest.raises(QueryError) as refused:
        parse("word " * 100_000)
    assert str(refused.value).startswith(
        f"the query is 500,000 characters; at most {MAX_QUERY_CHARS:,} can be searched"
    )
    assert len(str(refused.value)) < 200 and "\n" not in str(refused.value)


def test_words_past_the_bound_are_left_out_and_said_so() -> None:
    query = parse("word " * 100)
    assert sum(len(group) for group in query.groups) == MAX_TERMS
    assert f"only the first {MAX_TERMS} words were searched" in query.notes


@given(st.text(max_size=MAX_QUERY_CHARS))
def test_any_text_is_read_without_raising(text: str) -> None:
    query = parse(text)
    assert sum(len(group) for group in query.groups) + len(query.excluded) <= MAX_TERMS


def test_folding_removes_case_and_diacritics() -> None:
    assert folded("Émirats José") == "emirats jose"


def test_a_snippet_splits_at_its_marks() -> None:
    snippet = f"the {MATCH_START}Abraham{MATCH_END} Accords, {MATCH_START}first{MATCH_END}"
    assert spans(snippet) == [
        ("the ", False),
        ("Abraham", True),
        (" Accords, ", False),
        ("first", True),
    ]


def test_match_ranges_find_word_starts_in_any_case_and_accent() -> None:
    text = "Émirats arabes unis; premiers émirats"
    assert match_ranges(text, (Term("emir"),)) == [(0, 4), (30, 34)]
    assert match_ranges(text, (Term("rats"),)) == []  # not at a word's start
    assert match_ranges(text, (Term("arabes unis", phrase=True),)) == [(8, 19)]
    assert match_ranges("José", (Term("jose"),)) == [(0, 4)]

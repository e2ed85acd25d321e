"""validate(): every rule a record must meet, reported against its field."""

from __future__ import annotations

import pytest

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import PartyKind, RoleKind, StatusKind
from viewer.domain.records import (
    Accord,
    Author,
    Citation,
    Event,
    EventRole,
    Party,
    Person,
    Record,
    Source,
    StatusAction,
)
from viewer.domain.validation import MAX_LONG_TEXT, MAX_SHORT_TEXT, url_problem, validate


def _paths(record: Record) -> list[str]:
    return [problem.path for problem in validate(record)]


def _messages(record: Record) -> dict[str, str]:
    return {problem.path: problem.message for problem in validate(record)}


VALID: list[Record] = [
    Accord(
        key="abraham-accords",
        name="Abraham Accords",
        citations=(Citation(source="whitehouse-2020"),),
    ),
    Party(key="kazakhstan", name="Kazakhstan", iso_code="KZ"),
    Party(key="israel", name="Israel", iso_code="IL"),
    Party(key="united-nations", name="United Nations", party_kind=PartyKind.ORGANISATION),
    Person(key="kassym-jomart-tokayev", name="Kassym-Jomart Tokayev", party="kazakhstan"),
    Source(
        key="reuters-1",
        title="Kazakhstan to join",
        url="https://example.org/x",
        authors=(Author("Doe", "Jane"),),
        published=FuzzyDate.parse("2025-11-06"),
        accessed=FuzzyDate.parse("2025-11-18"),
    ),
    StatusAction(
        key="kz-expected",
        accord="abraham-accords",
        party="kazakhstan",
        action=StatusKind.EXPECTED_TO_JOIN,
    ),
    Event(
        key="signing",
        title="Signing",
        roles=(
            EventRole(RoleKind.HOST, party="united-states"),
            EventRole(RoleKind.SIGNATORY, person="benjamin-netanyahu"),
        ),
    ),
]


@pytest.mark.parametrize("record", VALID, ids=lambda r: r.key)
def test_valid_records_have_no_problems(record: Record) -> None:
    assert validate(record) == []


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (Accord(key="a", name=""), "name"),
        (Accord(key="a", name="   "), "name"),
        (Party(key="p", name=""), "name"),
        (Person(key="p", name="\t"), "name"),
        (Source(key="s", title=""), "title"),
        (Event(key="e", title=" "), "title"),
        (StatusAction(key="s", accord="", party="p", action=StatusKind.JOINED), "accord"),
        (StatusAction(key="s", accord="a", party=" ", action=StatusKind.JOINED), "party"),
    ],
)
def test_required_text(record: Record, field: str) -> None:
    assert _messages(record) == {field: "is required"}


@pytest.mark.parametrize(
    "key",
    ["", "Kazakhstan", "united states", "-kz", "kz-", "kz_1", "é", "a" * 81, "kz\n", "kz/1"],
)
def test_bad_key(key: str) -> None:
    problems = validate(Accord(key=key, name="A"))
    assert [problem.path for problem in problems] == ["key"]
    assert "is not a key" in problems[0].message


@pytest.mark.parametrize("key", ["a", "kz", "united-states", "a" * 80, "g7", "a--b"])
def test_good_key(key: str) -> None:
    assert validate(Accord(key=key, name="A")) == []


def test_unknown_iso_code() -> None:
    messages = _messages(Party(key="p", name="P", iso_code="ZZ"))
    assert list(messages) == ["iso_code"]
    assert "'ZZ' is not an ISO 3166-1 alpha-2 country code" in messages["iso_code"]


def test_lower_case_iso_code() -> None:
    assert _messages(Party(key="kz", name="Kazakhstan", iso_code="kz")) == {
        "iso_code": "is written in capitals, like 'KZ'"
    }


def test_organisation_has_no_iso_code() -> None:
    party = Party(key="un", name="United Nations", party_kind=PartyKind.ORGANISATION, iso_code="US")
    assert _messages(party) == {"iso_code": "an organisation has no ISO 3166 country code"}


def test_state_without_iso_code_is_allowed() -> None:
    assert validate(Party(key="palestine", name="Palestine")) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "data:text/html,x",
        "example.org/x",
        "https://",
        "https://exa mple.org/x",
        " https://example.org/x",
    ],
)
def test_url_refused(url: str) -> None:
    assert url_problem(url) is not None
    assert _paths(Source(key="s", title="T", url=url)) == ["url"]


@pytest.mark.parametrize(
    "url", ["", "https://example.org/x", "http://example.org", "HTTPS://EXAMPLE.ORG/a?b=c#d"]
)
def test_url_accepted(url: str) -> None:
    assert url_problem(url) is None
    assert validate(Source(key="s", title="T", url=url)) == []


def test_url_problem_messages() -> None:
    assert "only http:// and https://" in (url_problem("javascript:alert(1)") or "")
    assert "not a complete web address" in (url_problem("https://") or "")


def test_accessed_before_published() -> None:
    source = Source(
        key="s",
        title="T",
        published=FuzzyDate.parse("2021-03"),
        accessed=FuzzyDate.parse("2021-02-15"),
    )
    messages = _messages(source)
    assert list(messages) == ["accessed"]
    assert messages["accessed"] == "15 Feb 2021 is before the source was published (Mar 2021)"


def test_accessed_within_a_partial_published_date_is_allowed() -> None:
    source = Source(
        key="s",
        title="T",
        published=FuzzyDate.parse("2021-03"),
        accessed=FuzzyDate.parse("2021-03-01"),
    )
    assert validate(source) == []


def test_empty_author() -> None:
    source = Source(key="s", title="T", authors=(Author("Doe", "Jane"), Author(" ")))
    assert _messages(source) == {"authors[1]": "has no name"}


def test_an_author_is_a_body_or_a_person_not_both() -> None:
    both = Source(key="s", title="T", authors=(Author("Doe", literal="Press"),))
    given_only = Source(key="s", title="T", authors=(Author(given="Jane"),))
    assert _messages(both) == {
        "authors[0]": "is either a body's whole name or a person's family and given names"
    }
    assert _messages(given_only) == {"authors[0].family": "is missing: a given name needs one"}


@pytest.mark.parametrize(
    "role",
    [
        EventRole(RoleKind.HOST, party="kazakhstan", person="kassym-jomart-tokayev"),
        EventRole(RoleKind.HOST),
    ],
    ids=["both", "neither"],
)
def test_event_role_needs_exactly_one_of_party_and_person(role: EventRole) -> None:
    event = Event(key="e", title="E", roles=(EventRole(RoleKind.GUEST, party="israel"), role))
    messages = _messages(event)
    assert list(messages) == ["roles[1].party"]
    assert "either a party or a person" in messages["roles[1].party"]


@pytest.mark.parametrize("source", ["", "   "])
def test_citation_needs_a_source(source: str) -> None:
    accord = Accord(
        key="a", name="A", citations=(Citation(source="ok"), Citation(source=source, quote="q"))
    )
    assert _messages(accord) == {"citations[1].source": "is required"}


@pytest.mark.parametrize(
    ("record", "path", "limit"),
    [
        (Accord(key="a", name="x" * (MAX_SHORT_TEXT + 1)), "name", MAX_SHORT_TEXT),
        (
            Accord(key="a", name="A", description="x" * (MAX_LONG_TEXT + 1)),
            "description",
            MAX_LONG_TEXT,
        ),
        (
            Source(key="s", title="T", publisher="x" * (MAX_SHORT_TEXT + 1)),
            "publisher",
            MAX_SHORT_TEXT,
        ),
        (Event(key="e", title="E", summary="x" * (MAX_LONG_TEXT + 1)), "summary", MAX_LONG_TEXT),
        (Party(key="p", name="P", notes="x" * (MAX_LONG_TEXT + 1)), "notes", MAX_LONG_TEXT),
        (
            Accord(
                key="a",
                name="A",
                citations=(Citation(source="s", quote="x" * (MAX_LONG_TEXT + 1)),),
            ),
            "citations[0].quote",
            MAX_LONG_TEXT,
        ),
        (
            Accord(
                key="a",
                name="A",
                citations=(Citation(source="s", locator="x" * (MAX_SHORT_TEXT + 1)),),
            ),
            "citations[0].locator",
            MAX_SHORT_TEXT,
        ),
    ],
)
def test_over_long_text(record: Record, path: str, limit: int) -> None:
    messages = _messages(record)
    assert list(messages) == [path]
    assert messages[path] == f"is {limit + 1:,} characters; at most {limit:,}"


def test_text_at_the_limit_is_allowed() -> None:
    accord = Accord(key="a", name="x" * MAX_SHORT_TEXT, description="y" * MAX_LONG_TEXT)
    assert validate(accord) == []


def test_all_problems_are_reported_together() -> None:
    source = Source(
        key="Bad Key",
        title="",
        url="javascript:alert(1)",
        published=FuzzyDate.parse("2022"),
        accessed=FuzzyDate.parse("2021"),
    )
    assert sorted(_paths(source)) == ["accessed", "key", "title", "url"]


@pytest.mark.parametrize("url", ["https://<b>x</b>", "https://a<img>.org/", 'http://exa"mple.org/'])
def test_a_link_whose_host_is_not_a_host_name_is_refused(url: str) -> None:
    assert url_problem(url) is not None


@pytest.mark.parametrize(
    "url", ["https://münchen.de/", "http://[::1]:8080/", "http://127.0.0.1/", "https://a.example."]
)
def test_real_host_names_are_accepted(url: str) -> None:
    assert url_problem(url) is None

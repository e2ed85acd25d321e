"""The exchange form: records to JSON values and back, with every problem located."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import (
    Certainty,
    EventKind,
    PartyKind,
    RecordKind,
    RoleKind,
    SourceKind,
    StatusKind,
)
from viewer.domain.records import (
    RECORD_TYPES,
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
from viewer.domain.serial import Problem, from_json, join_path, record_fields, to_json

CITE = Citation(
    source="reuters-2025-11-06",
    locator="para. 3",
    quote="Kazakhstan will join the Abraham Accords",
    note="as reported",
)

SAMPLES: dict[RecordKind, Record] = {
    RecordKind.ACCORD: Accord(
        key="abraham-accords",
        name="Abraham Accords",
        description="Normalisation agreements between Israel and Arab states.",
        first_signed=FuzzyDate.parse("2020-09-15"),
        citations=(CITE, Citation(source="whitehouse-2020")),
        version=4,
    ),
    RecordKind.PARTY: Party(
        key="kazakhstan",
        name="Kazakhstan",
        party_kind=PartyKind.STATE,
        iso_code="KZ",
        notes="Already had relations with Israel.",
        citations=(CITE,),
        version=2,
    ),
    RecordKind.PERSON: Person(
        key="kassym-jomart-tokayev",
        name="Kassym-Jomart Tokayev",
        office="President of Kazakhstan",
        party="kazakhstan",
        notes="",
        citations=(CITE,),
    ),
    RecordKind.SOURCE: Source(
        key="reuters-2025-11-06",
        title="Kazakhstan to join Abraham Accords",
        source_kind=SourceKind.NEWS_ARTICLE,
        publisher="Reuters",
        authors=(Author("Doe", "Jane"), Author("Roe", "John")),
        published=FuzzyDate.parse("2025-11-06"),
        url="https://example.org/kazakhstan-abraham",
        accessed=FuzzyDate.parse("2025-11-18?"),
        notes="Wire report.",
        version=1,
    ),
    RecordKind.STATUS_ACTION: StatusAction(
        key="kazakhstan-expected",
        accord="abraham-accords",
        party="kazakhstan",
        action=StatusKind.EXPECTED_TO_JOIN,
        date=FuzzyDate.parse("2025-11-10~/2025-11-16~"),
        certainty=Certainty.EXPECTED,
        note="Announced by the US president.",
        citations=(CITE,),
    ),
    RecordKind.EVENT: Event(
        key="white-house-signing-2020",
        title="Signing at the White House",
        event_kind=EventKind.SIGNING_CEREMONY,
        accord="abraham-accords",
        date=FuzzyDate.parse("2020-09-15"),
        location="Washington, D.C.",
        summary="Israel, the UAE and Bahrain sign.",
        certainty=Certainty.CONFIRMED,
        roles=(
            EventRole(role=RoleKind.HOST, party="united-states"),
            EventRole(role=RoleKind.SIGNATORY, person="benjamin-netanyahu"),
            EventRole(role=RoleKind.SIGNATORY, party="united-arab-emirates"),
        ),
        citations=(CITE, Citation(source="whitehouse-2020", locator="p. 1")),
    ),
}


def test_samples_cover_every_record_type() -> None:
    assert set(SAMPLES) == set(RECORD_TYPES)
    for kind, record in SAMPLES.items():
        assert type(record) is RECORD_TYPES[kind]


@pytest.mark.parametrize("kind", list(RecordKind))
def test_round_trip(kind: RecordKind) -> None:
    record = SAMPLES[kind]
    data = to_json(record)
    # The exchange form is plain JSON.
    data = json.loads(json.dumps(data))
    assert "version" not in data
    problems: list[Problem] = []
    back = from_json(RECORD_TYPES[kind], data, kind.section + "[0]", problems)
    assert problems == []
    # ``version`` is local and not carried by the exchange form.
    assert back == dataclasses.replace(record, version=0)


def test_to_json_forms() -> None:
    data = to_json(SAMPLES[RecordKind.EVENT])
    assert data["date"] == "2020-09-15"
    assert data["event_kind"] == "signing_ceremony"
    assert data["roles"][0] == {"role": "host", "party": "united-states", "person": None}
    assert data["citations"][1] == {
        "source": "whitehouse-2020",
        "locator": "p. 1",
        "quote": "",
        "note": "",
    }
    source = to_json(SAMPLES[RecordKind.SOURCE])
    assert source["authors"] == [
        {"family": "Doe", "given": "Jane"},
        {"family": "Roe", "given": "John"},
    ]
    assert source["accessed"] == "2025-11-18?"
    assert to_json(Accord(key="a", name="A"))["first_signed"] is None


def test_record_fields_drop_key_and_version() -> None:
    fields = record_fields(SAMPLES[RecordKind.PARTY])
    assert "key" not in fields
    assert "version" not in fields
    assert fields["iso_code"] == "KZ"
    assert fields["party_kind"] == "state"


def test_defaults_fill_missing_optional_fields() -> None:
    problems: list[Problem] = []
    party = from_json(Party, {"key": "israel", "name": "Israel"}, "parties[0]", problems)
    assert problems == []
    assert party == Party(key="israel", name="Israel")


def _read(cls: type[Any], data: Any, path: str = "") -> tuple[Any, list[str]]:
    problems: list[Problem] = []
    value = from_json(cls, data, path, problems)
    return value, [str(problem) for problem in problems]


def test_from_json_collects_every_problem_with_paths() -> None:
    data = {
        "key": "e1",
        "title": 5,
        "event_kind": "party",
        "date": "2021-02-30",
        "certainty": None,
        "roles": [
            {"role": "host", "party": "kz", "extra": 1},
            {"party": "x"},
            "host",
        ],
        "citations": [{"locator": "p. 1"}, {"source": 3}],
        "bogus": True,
    }
    value, problems = _read(Event, data, "events[3]")
    assert value is None
    messages = dict(problem.split(": ", 1) for problem in problems)
    assert set(messages) == {
        "events[3].bogus",
        "events[3].title",
        "events[3].event_kind",
        "events[3].date",
        "events[3].certainty",
        "events[3].roles[0].extra",
        "events[3].roles[1].role",
        "events[3].roles[2]",
        "events[3].citations[0].source",
        "events[3].citations[1].source",
    }
    assert messages["events[3].bogus"] == "is not a known field"
    assert messages["events[3].title"] == "expected text, found the number 5"
    assert messages["events[3].event_kind"].startswith("'party' is not one of: ")
    assert "signing_ceremony" in messages["events[3].event_kind"]
    assert "February 2021 has 28 days" in messages["events[3].date"]
    assert messages["events[3].certainty"].startswith("null is not one of: ")
    assert messages["events[3].roles[1].role"] == "is missing"
    assert messages["events[3].roles[2]"] == "expected an object, found 'host'"
    assert messages["events[3].citations[0].source"] == "is missing"
    assert messages["events[3].citations[1].source"] == "expected text, found the number 3"


def test_missing_required_fields() -> None:
    value, problems = _read(StatusAction, {"note": "x"}, "status_actions[0]")
    assert value is None
    assert problems == [
        "status_actions[0].key: is missing",
        "status_actions[0].accord: is missing",
        "status_actions[0].party: is missing",
        "status_actions[0].action: is missing",
    ]


@pytest.mark.parametrize(
    ("cls", "data", "expected"),
    [
        (Party, [], "expected an object, found a list"),
        (Party, "kazakhstan", "expected an object, found 'kazakhstan'"),
        (Party, None, "expected an object, found null"),
    ],
)
def test_record_must_be_an_object(cls: type[Any], data: Any, expected: str) -> None:
    value, problems = _read(cls, data, "parties[1]")
    assert value is None
    assert problems == [f"parties[1]: {expected}"]


@pytest.mark.parametrize(
    ("field", "bad", "expected"),
    [
        ("title", None, "title: expected text, found null"),
        ("title", True, "title: expected text, found true"),
        ("authors", "Jane Doe", "authors: expected a list, found 'Jane Doe'"),
        (
            "authors",
            ["Jane Doe", 7],
            "authors[1]: expected a name (text or an object), found the number 7",
        ),
        ("published", 2021, "published: expected an EDTF date text, found the number 2021"),
        ("published", "next week", "published: 'next week' is not a date"),
        ("source_kind", "blog", "source_kind: 'blog' is not one of: news_article"),
        ("url", ["https://example.org"], "url: expected text, found a list"),
        ("version", 3, "version: is not a known field"),
    ],
)
def test_wrong_types_are_reported(field: str, bad: Any, expected: str) -> None:
    data = {"key": "s1", "title": "A title", field: bad}
    value, problems = _read(Source, data)
    assert value is None
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_null_for_an_optional_field_is_accepted() -> None:
    value, problems = _read(
        Party,
        {"key": "eu", "name": "European Union", "party_kind": "organisation", "iso_code": None},
    )
    assert problems == []
    assert value == Party(key="eu", name="European Union", party_kind=PartyKind.ORGANISATION)


def test_long_text_is_shortened_in_messages() -> None:
    _, problems = _read(Source, {"key": "s", "title": "t", "source_kind": "x" * 100})
    assert len(problems) == 1
    assert "'" + "x" * 40 + "'… (cut; 100 characters in all)" in problems[0]
    assert "x" * 41 not in problems[0]


def test_problems_are_appended_to_an_existing_list() -> None:
    problems = [Problem("earlier", "was already wrong")]
    assert from_json(Accord, {"key": "a", "name": "A"}, "accords[0]", problems) is not None
    assert len(problems) == 1
    assert from_json(Accord, {"key": "a"}, "accords[1]", problems) is None
    assert [str(problem) for problem in problems] == [
        "earlier: was already wrong",
        "accords[1].name: is missing",
    ]


def test_join_path_and_problem_text() -> None:
    assert join_path("", "name") == "name"
    assert join_path("events", 3) == "events[3]"
    assert join_path("events[3]", "date") == "events[3].date"
    assert str(Problem("", "the file is empty")) == "the file is empty"
    assert str(Problem("events[3].date", "bad")) == "events[3].date: bad"

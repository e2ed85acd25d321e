"""The fast exchange-form readers and writers give what viewer.domain.serial gives."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests import samples
from tests.store.test_exchange import bundled, with_ten_mistakes
from viewer.domain.enums import RecordKind
from viewer.domain.records import RECORD_TYPES, Event, Party, Record, Source
from viewer.domain.serial import Problem, from_json, record_fields
from viewer.store.record_form import exchange_fields, read_record


def items() -> list[tuple[RecordKind, Any]]:
    data = bundled()
    return [(kind, item) for kind in RecordKind for item in data[kind.section]]


def test_exchange_fields_are_record_fields_for_every_kind() -> None:
    records: list[Record] = [*samples.ALL, Party(key="bare", name="Bare"), Source("s", "S")]
    records += [read(kind, item) for kind, item in items()]
    assert {record.kind for record in records} == set(RecordKind)
    for record in records:
        fields = exchange_fields(record)
        assert fields == record_fields(record)
        assert list(fields) == list(record_fields(record))  # the same order, for the log


def read(kind: RecordKind, item: Any) -> Record:
    problems: list[Problem] = []
    record = from_json(RECORD_TYPES[kind], item, "", problems)
    assert record is not None, problems
    return record


def test_read_record_reads_each_well_formed_item_as_from_json_does() -> None:
    for kind, item in items():
        assert read_record(RECORD_TYPES[kind], item) == read(kind, item)
    trimmed = {"key": "bare", "name": "Bare"}  # fields left out take their defaults
    assert read_record(Party, trimmed) == read(RecordKind.PARTY, trimmed)


ODD_EVENTS = [
    {"colour": "blue"},
    {"version": 3},
    {"title": None},
    {"title": 12},
    {"title": "\ud800"},
    {"event_kind": "party"},
    {"event_kind": 1},
    {"event_kind": ["meeting"]},
    {"date": "2021-02-30"},
    {"date": 2021},
    {"roles": {"role": "host"}},
    {"roles": [{"role": "host", "party": 1}]},
    {"roles": [{"role": "host", "country": "x"}]},
    {"roles": ["host"]},
    {"citations": [{"locator": "p. 1"}]},
    {"certainty": True},
]


@pytest.mark.parametrize("change", ODD_EVENTS, ids=lambda change: repr(change)[:30])
def test_read_record_leaves_to_from_json_whatever_it_would_explain(change: dict[str, Any]) -> None:
    item = copy.deepcopy(bundled()["events"][0]) | change
    problems: list[Problem] = []
    assert from_json(Event, item, "events[0]", problems) is None
    assert problems  # from_json explains it...
    assert read_record(Event, item) is None  # ...so the fast reader hands it over


def test_read_record_refuses_each_of_ten_mistakes_that_from_json_reports() -> None:
    data = with_ten_mistakes(bundled())
    refused = 0
    for kind in RecordKind:
        for item in data[kind.section]:
            problems: list[Problem] = []
            expected = from_json(RECORD_TYPES[kind], item, "", problems)
            assert read_record(RECORD_TYPES[kind], item) == expected
            refused += bool(problems)
    assert refused == 5  # the other five mistakes are found by validation or references
    assert read_record(Party, None) is None and read_record(Party, []) is None

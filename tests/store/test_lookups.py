"""Keys for new records and choices for the pickers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert

from tests.samples import ACCORD, ACTION, ALL, EVENT, PERSON, SOURCE
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Party
from viewer.store.bootstrap import open_or_create
from viewer.store.lookups import COMPLETION_LIMIT, complete, labels_for, new_key
from viewer.store.schema import PartyRow
from viewer.store.store import Store


def _party(store: Store, key: str, name: str) -> None:
    store.add(Party(key=key, name=name, party_kind=PartyKind.ORGANISATION))


def test_a_new_key_is_the_label_as_a_slug_then_numbered_when_taken(store: Store) -> None:
    assert new_key(store, RecordKind.PARTY, "United States") == "united-states"
    _party(store, "united-states", "United States")
    _party(store, "united-states-of-mexico", "Estados Unidos Mexicanos")
    assert new_key(store, RecordKind.PARTY, "United States") == "united-states-2"
    _party(store, "united-states-2", "United States (2)")
    assert new_key(store, RecordKind.PARTY, "united  states!") == "united-states-3"
    # A longer key that merely starts the same does not take the name.
    assert new_key(store, RecordKind.PARTY, "United States of") == "united-states-of"


def test_a_new_key_survives_labels_with_no_letters_or_beyond_ascii(store: Store) -> None:
    assert new_key(store, RecordKind.PARTY, "Türkiye") == "turkiye"
    assert new_key(store, RecordKind.PARTY, "???") == "party"
    assert new_key(store, RecordKind.STATUS_ACTION, "") == "status-action"
    long_key = new_key(store, RecordKind.PARTY, "x" * 200)
    assert len(long_key) == 70


def test_completion_with_no_text_offers_records_by_label(store: Store) -> None:
    _party(store, "b", "Bahrain")
    _party(store, "a", "Abu Dhabi")
    assert complete(store, RecordKind.PARTY, "") == [("a", "Abu Dhabi"), ("b", "Bahrain")]


def test_each_kind_is_offered_by_the_column_it_is_known_by(store: Store) -> None:
    for record in ALL:
        store.add(record)
    assert complete(store, RecordKind.SOURCE, "") == [(SOURCE.key, SOURCE.title)]
    assert complete(store, RecordKind.EVENT, "") == [(EVENT.key, EVENT.title)]
    assert complete(store, RecordKind.ACCORD, "") == [(ACCORD.key, ACCORD.name)]
    assert complete(store, RecordKind.PERSON, "") == [(PERSON.key, PERSON.name)]
    # A status action has no name of its own: it is offered by its key.
    assert complete(store, RecordKind.STATUS_ACTION, "") == [(ACTION.key, ACTION.key)]
    # And each is found by that column.
    assert complete(store, RecordKind.SOURCE, SOURCE.title[2:9]) == [(SOURCE.key, SOURCE.title)]
    assert labels_for(store, RecordKind.PERSON, [PERSON.key]) == {PERSON.key: PERSON.name}


def _many_parties(store: Store, names: list[str]) -> None:
    """Parties straight into the table (fast, unlogged): names as given, keys p-0, p-1..."""
    rows = [
        {"key": f"p-{n}", "version": 1, "name": name, "party_kind": "organisation"}
        for n, name in enumerate(names)
    ]
    with store.engine.begin() as connection:
        connection.execute(insert(PartyRow), rows)


def test_completion_offers_prefixes_in_any_case_first_then_labels_containing_it(
    store: Store,
) -> None:
    for key, name in [
        ("uae", "United Arab Emirates"),
        ("us", "United States"),
        ("un", "UNITED NATIONS"),
        ("tanzania", "Tanzania, United Republic of"),
        ("israel", "Israel"),
    ]:
        _party(store, key, name)
    found = complete(store, RecordKind.PARTY, "united")
    assert found == [
        ("uae", "United Arab Emirates"),
        ("un", "UNITED NATIONS"),
        ("us", "United States"),
        ("tanzania", "Tanzania, United Republic of"),
    ]
    assert complete(store, RecordKind.PARTY, "  uNITED s") == [("us", "United States")]
    assert complete(store, RecordKind.PARTY, "rael") == [("israel", "Israel")]
    assert complete(store, RecordKind.PARTY, "united", limit=2) == found[:2]
    assert complete(store, RecordKind.PARTY, "atlantis") == []
    # No text: the first labels of all, in the label index's order (capitals first).
    assert [key for key, _ in complete(store, RecordKind.PARTY, "", limit=3)] == [
        "israel",
        "tanzania",
        "un",
    ]


def test_completion_takes_wildcards_and_quotes_literally(store: Store) -> None:
    _party(store, "pct", "100% Club")
    _party(store, "under", "Under_score League")
    _party(store, "plain", "Undergrowth")
    _party(store, "quote", "O'Neil Foundation")
    assert complete(store, RecordKind.PARTY, "%") == [("pct", "100% Club")]
    assert complete(store, RecordKind.PARTY, "r_s") == [("under", "Under_score League")]
    assert complete(store, RecordKind.PARTY, "o'n") == [("quote", "O'Neil Foundation")]
    assert complete(store, RecordKind.PARTY, "\\") == []


def test_completion_of_a_crowded_kind_returns_at_most_the_limit(tmp_path: Path) -> None:
    crowded, _ = open_or_create(tmp_path / "crowded.sqlite3", "tester", seed=False)
    _many_parties(crowded, [f"Committee {n:05d}" for n in range(20_000)] + ["Zed committee"])
    assert len(complete(crowded, RecordKind.PARTY, "")) == COMPLETION_LIMIT
    found = complete(crowded, RecordKind.PARTY, "committee")
    assert len(found) == COMPLETION_LIMIT
    assert found[0] == ("p-0", "Committee 00000")
    assert found[-1] == ("p-49", "Committee 00049")
    # Prefixes fill the list: the label that only contains the text waits its turn.
    assert ("p-20000", "Zed committee") not in found
    assert complete(crowded, RecordKind.PARTY, "zed") == [("p-20000", "Zed committee")]
    assert complete(crowded, RecordKind.PARTY, "ttee 1999") == [
        (f"p-{n}", f"Committee {n:05d}") for n in range(19990, 20000)
    ]
    crowded.engine.dispose()


def test_labels_are_looked_up_for_the_keys_asked_for_only(store: Store) -> None:
    _party(store, "b", "Bahrain")
    _party(store, "a", "Abu Dhabi")
    assert labels_for(store, RecordKind.PARTY, ["b", "gone"]) == {"b": "Bahrain"}
    assert labels_for(store, RecordKind.PARTY, []) == {}
    for record in ALL:
        store.add(record)
    assert labels_for(store, RecordKind.SOURCE, [SOURCE.key]) == {SOURCE.key: SOURCE.title}
    many = [f"k-{n}" for n in range(1_200)] + ["a"]
    assert labels_for(store, RecordKind.PARTY, many) == {"a": "Abu Dhabi"}

"""Keys for new records and choices for the pickers."""

from __future__ import annotations

from tests.samples import ACCORD, ACTION, ALL, EVENT, PERSON, SOURCE
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Party
from viewer.store.lookups import choices, new_key
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


def test_choices_are_every_record_by_label(store: Store) -> None:
    _party(store, "b", "Bahrain")
    _party(store, "a", "Abu Dhabi")
    assert choices(store, RecordKind.PARTY) == [("a", "Abu Dhabi"), ("b", "Bahrain")]


def test_each_kind_is_offered_by_the_column_it_is_known_by(store: Store) -> None:
    for record in ALL:
        store.add(record)
    assert choices(store, RecordKind.SOURCE) == [(SOURCE.key, SOURCE.title)]
    assert choices(store, RecordKind.EVENT) == [(EVENT.key, EVENT.title)]
    assert choices(store, RecordKind.ACCORD) == [(ACCORD.key, ACCORD.name)]
    assert choices(store, RecordKind.PERSON) == [(PERSON.key, PERSON.name)]
    # A status action has no name of its own: it is offered by its key.
    assert choices(store, RecordKind.STATUS_ACTION) == [(ACTION.key, ACTION.key)]

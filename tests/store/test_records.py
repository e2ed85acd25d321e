"""Every record kind survives the store: add, read back, update, delete, logged."""

from __future__ import annotations

import dataclasses

import pytest

from tests import samples
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction, StatusKind
from viewer.domain.records import Citation, Party, Record, StatusAction
from viewer.store.errors import ConflictError, HasDependents, InvalidRecord, RecordNotFound
from viewer.store.store import Store


def add_samples(store: Store) -> None:
    for record in samples.ALL:
        store.add(record)


@pytest.mark.parametrize("record", samples.ALL, ids=lambda r: f"{r.kind.value}-{r.key}")
def test_each_kind_reads_back_as_written(store: Store, record: Record) -> None:
    add_samples(store)
    assert store.get(record.kind, record.key) == dataclasses.replace(record, version=1)


def test_records_list_in_the_order_they_were_added(store: Store) -> None:
    add_samples(store)
    assert [p.key for p in store.all(RecordKind.PARTY)] == ["kazakhstan", "league"]
    assert store.count(RecordKind.PARTY) == 2
    assert [p.key for p in store.page(RecordKind.PARTY, 1, 5)] == ["league"]


def test_update_saves_changed_fields_bumps_version_and_logs_from_what_to_what(store: Store) -> None:
    add_samples(store)
    joined = dataclasses.replace(
        samples.ACTION,
        version=1,
        action=StatusKind.JOINED,
        citations=(Citation("report", "para. 9"),),
    )
    saved = store.update(joined)
    assert saved == dataclasses.replace(joined, version=2)
    last = store.revisions(RecordKind.STATUS_ACTION, "kz-expected")[-1]
    assert last.action is RevisionAction.UPDATE
    # On a server the log names the database role too.
    assert last.user == (f"tester ({store.role})" if store.on_server else "tester")
    assert last.changes["action"] == ("expected_to_join", "joined")
    assert set(last.changes) == {"action", "citations"}


def test_update_without_changes_writes_nothing(store: Store) -> None:
    add_samples(store)
    before = len(store.revisions())
    assert store.update(dataclasses.replace(samples.STATE, version=1)).version == 1
    assert len(store.revisions()) == before


def test_a_stale_update_is_refused_and_the_newer_save_kept(store: Store) -> None:
    add_samples(store)
    first = store.update(dataclasses.replace(samples.STATE, version=1, notes="First."))
    with pytest.raises(ConflictError) as refused:
        store.update(dataclasses.replace(samples.STATE, version=1, notes="Second."))
    assert refused.value.current == first
    assert store.get(RecordKind.PARTY, "kazakhstan") == first


def test_delete_refuses_while_others_refer_to_the_record(store: Store) -> None:
    add_samples(store)
    with pytest.raises(HasDependents) as refused:
        store.delete(RecordKind.SOURCE, "report")
    # Each named as people know it, never by its key.
    assert "citation on status change “Kazakhstan: expected to join”" in refused.value.dependents
    with pytest.raises(HasDependents) as refused_party:
        store.delete(RecordKind.PARTY, "kazakhstan")
    assert set(refused_party.value.dependents) == {
        "status change “Kazakhstan: expected to join” in Sample Accord",
        "person “Kassym-Jomart Tokayev” (their party)",
        "role in event “An expected meeting”",
    }
    assert store.get(RecordKind.SOURCE, "report") is not None


def test_delete_removes_the_record_with_its_own_citations_and_logs_it(store: Store) -> None:
    add_samples(store)
    deleted = store.delete(RecordKind.EVENT, "meeting", expected_version=1)
    assert deleted.key == "meeting"
    assert store.get(RecordKind.EVENT, "meeting") is None
    assert store.revisions(RecordKind.EVENT, "meeting")[-1].action is RevisionAction.DELETE
    assert (
        "citation on event “An expected meeting”"
        not in store.dependents(RecordKind.SOURCE, "report").descriptions()
    )
    with pytest.raises(RecordNotFound):
        store.delete(RecordKind.EVENT, "meeting")


def test_invalid_records_are_refused_with_their_field(store: Store) -> None:
    add_samples(store)
    with pytest.raises(InvalidRecord) as refused:
        store.add(Party(key="kz-again", name="KAZAKHSTAN", iso_code="KZ"))
    assert {p.path for p in refused.value.problems} == {"name", "iso_code"}
    with pytest.raises(InvalidRecord) as dangling:
        store.add(
            StatusAction(
                key="x", accord="sample-accord", party="atlantis", action=StatusKind.JOINED
            )
        )
    assert "atlantis" in str(dangling.value)
    with pytest.raises(InvalidRecord) as duplicate:
        store.add(samples.STATE)
    assert duplicate.value.problems[0].path == "key"
    assert store.count(RecordKind.STATUS_ACTION) == 1


def test_a_failed_batch_adds_nothing(store: Store) -> None:
    broken = StatusAction(
        key="broken", accord="missing-accord", party="kazakhstan", action=StatusKind.JOINED
    )
    with pytest.raises(InvalidRecord):
        store.add_all(
            {
                RecordKind.SOURCE: [samples.SOURCE],
                RecordKind.PARTY: [samples.STATE],
                RecordKind.STATUS_ACTION: [broken],
            }
        )
    assert store.count(RecordKind.SOURCE) == 0
    assert store.revisions() == []


def test_every_write_is_in_the_revision_log(store: Store) -> None:
    add_samples(store)
    store.update(dataclasses.replace(samples.EVENT, version=1, date=FuzzyDate.parse("2025-11-12")))
    store.delete(RecordKind.EVENT, "meeting")
    actions = [(r.action, r.record_kind, r.record_key) for r in store.revisions()]
    assert actions[: len(samples.ALL)] == [
        (RevisionAction.CREATE, r.kind, r.key) for r in samples.ALL
    ]
    assert actions[-2:] == [
        (RevisionAction.UPDATE, RecordKind.EVENT, "meeting"),
        (RevisionAction.DELETE, RecordKind.EVENT, "meeting"),
    ]
    created = store.revisions(RecordKind.PARTY, "kazakhstan")[0]
    assert created.changes["iso_code"] == (None, "KZ")


def test_deleting_a_source_with_its_links_uncites_the_claims_and_logs_each(
    store: Store,
) -> None:
    add_samples(store)
    dependents = store.dependents(RecordKind.SOURCE, "report")
    assert dependents.blocking == ()
    assert ("status_action", "kz-expected") in [(k.value, key) for k, key, _ in dependents.links]
    store.delete(RecordKind.SOURCE, "report", with_links=True)
    assert store.get(RecordKind.SOURCE, "report") is None
    action = store.get(RecordKind.STATUS_ACTION, "kz-expected")
    assert action is not None and action.citations == ()  # type: ignore[union-attr]
    last = store.revisions(RecordKind.STATUS_ACTION, "kz-expected")[-1]
    assert last.action is RevisionAction.UPDATE and last.changes["citations"][1] == []


def test_a_party_with_status_actions_cannot_be_deleted_even_with_links(store: Store) -> None:
    add_samples(store)
    with pytest.raises(HasDependents) as refused:
        store.delete(RecordKind.PARTY, "kazakhstan", with_links=True)
    assert "status change “Kazakhstan: expected to join” in Sample Accord" in (
        refused.value.dependents
    )
    assert store.get(RecordKind.PERSON, "president").party == "kazakhstan"  # type: ignore[union-attr]


def test_deleting_a_person_with_links_drops_their_event_roles(store: Store) -> None:
    add_samples(store)
    store.delete(RecordKind.PERSON, "president", with_links=True)
    event = store.get(RecordKind.EVENT, "meeting")
    assert event is not None
    assert [r.person for r in event.roles] == [None]  # type: ignore[union-attr]


def test_party_names_are_unique_in_any_case_beyond_ascii(store: Store) -> None:
    store.add(Party(key="egypt", name="Égypte", iso_code="EG"))
    with pytest.raises(InvalidRecord) as refused:
        store.add(Party(key="egypt-again", name="ÉGYPTE"))
    assert refused.value.problems[0].path == "name"


def test_delete_linked_returns_each_linked_record_once_as_it_was(store: Store) -> None:
    add_samples(store)
    deleted, linked = store.delete_linked(RecordKind.SOURCE, "report", with_links=True)
    assert deleted.key == "report"
    keys = [(r.kind, r.key) for r in linked]
    assert len(keys) == len(set(keys))  # the event cites it twice but comes back once
    event = next(r for r in linked if r.key == "meeting")
    assert len(event.citations) == 2  # type: ignore[union-attr]
    restored = store.restore(deleted, linked)
    assert restored.key == "report"
    assert len(store.get(RecordKind.EVENT, "meeting").citations) == 2  # type: ignore[union-attr]

"""Merging duplicate records: every reference moves, one transaction, undone whole."""

from __future__ import annotations

import dataclasses

import pytest

from tests import samples
from viewer.domain.enums import PartyKind, RecordKind, RevisionAction, RoleKind
from viewer.domain.records import Citation, Event, EventRole, Party, Person, Record, Source
from viewer.domain.revision_text import describe_log
from viewer.domain.serial import record_fields
from viewer.store.api import (
    ConflictError,
    MergeRefused,
    RecordNotFound,
    Store,
    merge_records,
    remerge_records,
    run_checks,
    unmerge_records,
)

COPY = dataclasses.replace(
    samples.SOURCE, key="report-copy", url="http://www.example.org/report/?utm_source=x"
)


def _fields(store: Store) -> dict[tuple[RecordKind, str], dict[str, object]]:
    """Every record of the database by kind and key, without versions."""
    return {
        (kind, record.key): record_fields(record)
        for kind in RecordKind
        for record in store.all(kind)
    }


def _cited(record: Record) -> list[str]:
    return [c.source for c in getattr(record, "citations", ())]


@pytest.fixture
def two_sources(store: Store) -> Store:
    """The samples, with a copy of their source cited on an accord, a party,
    a person, a status action and an event (one citation repeating one of
    the original's)."""
    store.add(samples.SOURCE)
    store.add(COPY)
    for record in samples.ALL[1:]:
        citations = (*record.citations, Citation("report-copy", "copy para"))  # type: ignore[union-attr]
        store.add(dataclasses.replace(record, citations=citations))  # type: ignore[arg-type]
    event = store.get(RecordKind.EVENT, "meeting")
    assert isinstance(event, Event)
    store.update(
        dataclasses.replace(event, citations=(*event.citations, Citation("report-copy", "para. 6")))
    )
    return store


def test_merging_two_sources_moves_every_citation_and_undo_restores_both(
    two_sources: Store,
) -> None:
    store = two_sources
    before = _fields(store)
    merge = merge_records(store, RecordKind.SOURCE, "report", "report-copy")

    assert store.get(RecordKind.SOURCE, "report-copy") is None
    for kind in (
        RecordKind.ACCORD,
        RecordKind.PARTY,
        RecordKind.PERSON,
        RecordKind.STATUS_ACTION,
        RecordKind.EVENT,
    ):
        for record in store.all(kind):
            assert "report-copy" not in _cited(record)
            assert _cited(record).count("report") == len(_cited(record))
    state = store.get(RecordKind.PARTY, "kazakhstan")
    assert state is not None
    assert [c.locator for c in state.citations] == ["para. 2", "copy para"]  # type: ignore[union-attr]
    event = store.get(RecordKind.EVENT, "meeting")
    assert isinstance(event, Event)
    # "para. 6" of the copy became a repeat of the original's: kept once.
    assert [c.locator for c in event.citations] == ["para. 6", "para. 7", "copy para"]
    assert merge.moved == 6  # accord, two parties, person, status action, event
    assert run_checks(store) == []  # the log replays to the records, counts are right

    unmerge_records(store, merge)
    assert _fields(store) == before
    assert run_checks(store) == []


def test_the_merge_is_in_the_history_of_both_and_the_deletion_names_the_survivor(
    two_sources: Store,
) -> None:
    store = two_sources
    merge_records(store, RecordKind.SOURCE, "report", "report-copy")
    copy_log = store.revisions(RecordKind.SOURCE, "report-copy")
    assert [r.action for r in copy_log] == [RevisionAction.CREATE, RevisionAction.DELETE]
    assert tuple(copy_log[-1].changes["merged_into"]) == ("report", None)
    assert copy_log[-1].changes["title"][0] == samples.SOURCE.title
    deleted = describe_log(copy_log, {})[-1]
    assert deleted.headline == f"Deleted source {samples.SOURCE.title}"
    assert "Merged into: report" in [change.text for change in deleted.changes]
    party_log = store.revisions(RecordKind.PARTY, "kazakhstan")
    assert party_log[-1].action is RevisionAction.UPDATE
    assert "citations" in party_log[-1].changes
    assert store.revisions(RecordKind.SOURCE, "report")[0].action is RevisionAction.CREATE


def test_merging_two_parties_moves_actions_roles_people_and_citations(store: Store) -> None:
    for record in samples.ALL:
        store.add(record)
    twin = Party(
        key="kazakstan",
        name="Kazakstan",
        party_kind=PartyKind.STATE,
        iso_code=None,
        citations=(samples.STATE.citations[0], Citation("report", "para. 9")),
    )
    store.add(twin)
    moved_action = dataclasses.replace(samples.ACTION, key="twin-action", party="kazakstan")
    store.add(moved_action)
    store.add(Person(key="envoy", name="An Envoy", party="kazakstan"))
    event = store.get(RecordKind.EVENT, "meeting")
    assert isinstance(event, Event)
    store.update(
        dataclasses.replace(
            event,
            roles=(
                *event.roles,
                EventRole(RoleKind.SUBJECT, party="kazakstan"),  # repeats Kazakhstan's role
                EventRole(RoleKind.HOST, party="kazakstan"),
            ),
        )
    )
    before = _fields(store)

    merge = merge_records(store, RecordKind.PARTY, "kazakhstan", "kazakstan")

    assert store.get(RecordKind.PARTY, "kazakstan") is None
    action = store.get(RecordKind.STATUS_ACTION, "twin-action")
    envoy = store.get(RecordKind.PERSON, "envoy")
    event = store.get(RecordKind.EVENT, "meeting")
    state = store.get(RecordKind.PARTY, "kazakhstan")
    assert action is not None and action.party == "kazakhstan"  # type: ignore[union-attr]
    assert envoy is not None and envoy.party == "kazakhstan"  # type: ignore[union-attr]
    assert isinstance(event, Event)
    assert [(r.role, r.party) for r in event.roles if r.party] == [
        (RoleKind.SUBJECT, "kazakhstan"),
        (RoleKind.HOST, "kazakhstan"),
    ]
    assert isinstance(state, Party)
    assert [c.locator for c in state.citations] == ["para. 2", "para. 9"]
    assert state.iso_code == "KZ"

    unmerge_records(store, merge)
    assert _fields(store) == before


def test_a_survivor_without_iso_code_takes_the_merged_ones_and_undo_gives_it_back(
    store: Store,
) -> None:
    store.add(samples.SOURCE)
    store.add(Party(key="uae", name="United Arab Emirates", iso_code="AE"))
    store.add(Party(key="emirates", name="Émirats arabes unis"))
    merge = merge_records(store, RecordKind.PARTY, "emirates", "uae")
    survivor = store.get(RecordKind.PARTY, "emirates")
    assert isinstance(survivor, Party) and survivor.iso_code == "AE"
    unmerge_records(store, merge)
    uae, emirates = store.get(RecordKind.PARTY, "uae"), store.get(RecordKind.PARTY, "emirates")
    assert isinstance(uae, Party) and uae.iso_code == "AE"
    assert isinstance(emirates, Party) and emirates.iso_code is None


def test_the_survivor_takes_what_it_lacks_and_keeps_what_it_has(store: Store) -> None:
    bare = Source(key="bare", title="Kazakhstan joins", url="https://example.org/a")
    store.add(bare)
    store.add(
        dataclasses.replace(
            samples.SOURCE, key="full", url="https://example.org/b", doi="10.1/x", notes="kept"
        )
    )
    before = _fields(store)
    merge = merge_records(store, RecordKind.SOURCE, "bare", "full")
    survivor = store.get(RecordKind.SOURCE, "bare")
    assert isinstance(survivor, Source)
    assert (survivor.title, survivor.url) == ("Kazakhstan joins", "https://example.org/a")
    assert (survivor.doi, survivor.notes, survivor.publisher) == (
        "10.1/x",
        "kept",
        samples.SOURCE.publisher,
    )
    assert survivor.published == samples.SOURCE.published
    assert survivor.authors == samples.SOURCE.authors
    unmerge_records(store, merge)
    assert _fields(store) == before


def test_merging_two_people_moves_roles_and_appends_citations(store: Store) -> None:
    for record in samples.ALL:
        store.add(record)
    store.add(
        Person(
            key="tokayev",
            name="Kassym Jomart Tokayev",
            citations=(Citation("report", "para. 4"), Citation("report", "para. 8")),
        )
    )
    event = store.get(RecordKind.EVENT, "meeting")
    assert isinstance(event, Event)
    store.update(
        dataclasses.replace(
            event, roles=(*event.roles, EventRole(RoleKind.SIGNATORY, person="tokayev"))
        )
    )
    merge = merge_records(store, RecordKind.PERSON, "president", "tokayev")
    event = store.get(RecordKind.EVENT, "meeting")
    person = store.get(RecordKind.PERSON, "president")
    assert isinstance(event, Event) and isinstance(person, Person)
    assert [r.person for r in event.roles if r.person] == ["president", "president"]
    assert [c.locator for c in person.citations] == ["para. 4", "para. 8"]
    assert merge.linked_before[0].key == "meeting"


def test_refusals_write_nothing(two_sources: Store) -> None:
    store = two_sources
    store.add(Party(key="uae", name="United Arab Emirates", iso_code="AE"))
    before = _fields(store)
    revisions = len(store.revisions())
    with pytest.raises(MergeRefused, match="itself"):
        merge_records(store, RecordKind.SOURCE, "report", "report")
    with pytest.raises(MergeRefused, match="one kind"):
        merge_records(store, RecordKind.SOURCE, "report", "kazakhstan", other_kind=RecordKind.PARTY)
    with pytest.raises(MergeRefused, match="different ISO codes"):
        merge_records(store, RecordKind.PARTY, "kazakhstan", "uae")
    with pytest.raises(MergeRefused, match="not merged"):
        merge_records(store, RecordKind.EVENT, "meeting", "other")
    with pytest.raises(RecordNotFound):
        merge_records(store, RecordKind.SOURCE, "report", "no-such-source")
    assert _fields(store) == before
    assert len(store.revisions()) == revisions


def test_a_record_changed_since_the_list_was_made_is_reported_nothing_written(
    two_sources: Store,
) -> None:
    store = two_sources
    copy = store.get(RecordKind.SOURCE, "report-copy")
    original = store.get(RecordKind.SOURCE, "report")
    assert isinstance(copy, Source) and isinstance(original, Source)
    versions = (original.version, copy.version)
    store.update(dataclasses.replace(copy, notes="changed meanwhile"))
    before = _fields(store)
    with pytest.raises(ConflictError):
        merge_records(store, RecordKind.SOURCE, "report", "report-copy", versions=versions)
    assert _fields(store) == before


def test_undo_refuses_when_a_moved_record_changed_since(two_sources: Store) -> None:
    store = two_sources
    merge = merge_records(store, RecordKind.SOURCE, "report", "report-copy")
    state = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(state, Party)
    store.update(dataclasses.replace(state, notes="edited after the merge"))
    after = _fields(store)
    with pytest.raises(ConflictError):
        unmerge_records(store, merge)
    assert _fields(store) == after


def test_redo_merges_again(two_sources: Store) -> None:
    store = two_sources
    merge = merge_records(store, RecordKind.SOURCE, "report", "report-copy")
    after = _fields(store)
    unmerge_records(store, merge)
    again = remerge_records(store, merge)
    assert _fields(store) == after
    assert again.moved == merge.moved

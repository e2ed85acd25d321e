"""An event's participants, kept with it for sorting, follow every write."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select, update

from viewer.domain.enums import RecordKind, RoleKind
from viewer.domain.records import Citation, Event, EventRole, Party
from viewer.store import derived
from viewer.store.checks import repair_search_index, run_checks
from viewer.store.listing import ListQuery, fetch_rows
from viewer.store.schema import EventRow, SourceRow
from viewer.store.store import Store

VISIT = "al-sharaa-white-house-visit-2025"


def parties_of(store: Store, key: str) -> str:
    with store.reading() as session:
        return str(session.scalar(select(EventRow.parties).where(EventRow.key == key)))


def test_an_event_lists_its_participants_in_role_order(seeded_store: Store) -> None:
    assert parties_of(seeded_store, VISIT) == "Syria, United States"
    event = seeded_store.get(RecordKind.EVENT, VISIT)
    assert isinstance(event, Event)
    roles = (EventRole(RoleKind.HOST, party="bahrain"), *event.roles)
    seeded_store.update(dataclasses.replace(event, roles=roles))
    assert parties_of(seeded_store, VISIT) == "Bahrain, Syria, United States"


def test_renaming_a_participant_renames_it_in_its_events(seeded_store: Store) -> None:
    syria = seeded_store.get(RecordKind.PARTY, "syria")
    assert isinstance(syria, Party)
    seeded_store.update(dataclasses.replace(syria, name="Syrian Arab Republic"))
    assert parties_of(seeded_store, VISIT) == "Syrian Arab Republic, United States"
    # Deleting the participant's other links leaves the event's list right too.
    assert [f for f in run_checks(seeded_store) if f.topic == "derived"] == []


def test_the_events_list_sorts_by_the_kept_participants(seeded_store: Store) -> None:
    rows = fetch_rows(seeded_store, ListQuery(RecordKind.EVENT, sort_column=4), 0, 50)
    shown = [row.cells[4] for row in rows]
    filled = [text for text in shown if text]
    assert filled == sorted(filled)
    assert shown == filled + [""] * (len(shown) - len(filled))  # none last
    assert "Syria, United States" in shown


def test_check_finds_a_stale_list_and_repair_writes_it_again(seeded_store: Store) -> None:
    with seeded_store.engine.begin() as connection:
        connection.execute(update(EventRow).where(EventRow.key == VISIT).values(parties="wrong"))
        assert list(derived.mismatches(connection)) == [
            f"event {VISIT!r} lists its participants out of date (run check --repair)"
        ]
    assert any(f.topic == "derived" for f in run_checks(seeded_store))
    repair_search_index(seeded_store)
    assert parties_of(seeded_store, VISIT) == "Syria, United States"
    assert [f for f in run_checks(seeded_store) if f.topic == "derived"] == []


def claims_of(store: Store, key: str) -> int:
    with store.reading() as session:
        return int(session.scalar(select(SourceRow.claims).where(SourceRow.key == key)) or 0)


def test_a_source_counts_the_claims_citing_it_through_every_write(seeded_store: Store) -> None:
    axios = "axios-kazakhstan-abraham-accords-report"
    before = claims_of(seeded_store, axios)
    assert before == 2  # as the bundled data cites it
    party = seeded_store.get(RecordKind.PARTY, "morocco")
    assert isinstance(party, Party)
    cited = (*party.citations, Citation(axios, "para. 9"))
    saved = seeded_store.update(dataclasses.replace(party, citations=cited))
    assert isinstance(saved, Party)
    assert claims_of(seeded_store, axios) == before + 1
    seeded_store.update(dataclasses.replace(saved, citations=party.citations))
    assert claims_of(seeded_store, axios) == before
    record, linked = seeded_store.delete_linked(RecordKind.SOURCE, axios, with_links=True)
    assert [f for f in run_checks(seeded_store) if f.topic == "derived"] == []
    seeded_store.restore(record, linked)  # undo
    assert claims_of(seeded_store, axios) == before
    assert [f for f in run_checks(seeded_store) if f.topic == "derived"] == []


def test_the_sources_list_sorts_by_the_kept_count(seeded_store: Store) -> None:
    rows = fetch_rows(seeded_store, ListQuery(RecordKind.SOURCE, sort_column=3), 0, 50)
    counts = [int(row.cells[3]) for row in rows]
    assert counts == sorted(counts) and sum(counts) > 0

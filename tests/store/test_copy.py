"""Copying a whole database into another (viewer/store/copy.py): SQLite to
PostgreSQL and back gives the same records; a destination that holds records
is refused unless merging; a failure half-way leaves the destination as it was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import NewDatabase, SeededCopy
from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.records import Source
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import history_mismatches, run_checks
from viewer.store.copy import CopyRefused, copy_database, record_counts
from viewer.store.dialects import on_server
from viewer.store.exchange import export_data
from viewer.store.locations import Location
from viewer.store.store import Store

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"


def opened(location: Location, user: str = "tester") -> Store:
    store, _ = open_or_create(location, user, seed=False)
    return store


def exported(location: Location) -> dict[str, object]:
    store = opened(location)
    try:
        return export_data(store)
    finally:
        store.engine.dispose()


def logged(location: Location) -> int:
    store = opened(location)
    try:
        return len(store.revisions())
    finally:
        store.engine.dispose()


@pytest.mark.sqlite_only
def test_sqlite_to_postgresql_and_back_gives_the_same_records(
    tmp_path: Path, seeded_copy: SeededCopy, new_server_database: NewDatabase
) -> None:
    first = seeded_copy(tmp_path / "first.sqlite3")
    server = new_server_database(False)
    back = tmp_path / "back.sqlite3"
    lines: list[str] = []
    to_server = copy_database(first, server, "Copier", report=lines.append)
    from_server = copy_database(server, back, "Copier")
    original = exported(first)
    assert exported(server) == original
    assert exported(back) == original
    assert (
        to_server.total
        == from_server.total
        == sum(len(items) for items in original.values() if isinstance(items, list))
    )
    assert len(lines) <= len(RecordKind) + 2 * 11  # a line a kind, and one a tenth
    events = len(original["events"])  # type: ignore[arg-type]
    assert f"Read {events:,} events" in lines
    assert lines[-1] == f"Writing: {to_server.total:,} of {to_server.total:,} records (100%)"
    for location in (first, server, back):
        store = opened(location)
        try:
            assert run_checks(store) == []
            assert history_mismatches(store) == []
        finally:
            store.engine.dispose()
    # The destination's log records the copy as its import, by the one who copied.
    store = opened(back)
    try:
        log = store.revisions()
        assert len(log) == to_server.total
        assert {entry.action for entry in log} == {RevisionAction.CREATE}
        assert {entry.user for entry in log} == {"Copier"}
    finally:
        store.engine.dispose()
    store = opened(server)
    try:
        assert {entry.user for entry in store.revisions()} == {"Copier (accords_tests)"}
    finally:
        store.engine.dispose()


def test_a_destination_holding_records_is_refused_and_left_unchanged(
    tmp_path: Path, seeded_copy: SeededCopy, new_database: NewDatabase
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    destination = new_database(True)
    before, entries = exported(destination), logged(destination)
    with pytest.raises(CopyRefused) as refused:
        copy_database(source, destination, "Copier")
    message = str(refused.value)
    assert "already holds" in message
    assert "--merge" in message
    assert "nothing was copied" in message
    assert exported(destination) == before
    assert logged(destination) == entries


def test_merge_updates_a_changed_record_and_logs_it(
    tmp_path: Path, seeded_copy: SeededCopy, new_database: NewDatabase
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    store = opened(source)
    try:
        fox = store.get(RecordKind.SOURCE, FOX)
        assert isinstance(fox, Source)
        store.update(dataclasses.replace(fox, title="Kazakhstan joins, officials confirm"))
    finally:
        store.engine.dispose()
    destination = new_database(True)
    entries = logged(destination)
    outcome = copy_database(source, destination, "Merger", merge=True)
    assert [(before.key, after) for before, after in outcome.merge.updated] == [
        (FOX, dataclasses.replace(fox, title="Kazakhstan joins, officials confirm", version=2))
    ]
    assert outcome.merge.added == []
    assert exported(destination) == exported(source)
    store = opened(destination)
    try:
        log = store.revisions()
        assert len(log) == entries + 1
        assert log[-1].action is RevisionAction.UPDATE
        assert log[-1].record_key == FOX
        assert set(log[-1].changes) == {"title"}
        assert log[-1].user.startswith("Merger")
        assert history_mismatches(store) == []
    finally:
        store.engine.dispose()


def test_a_failure_half_way_leaves_the_destination_as_it_was(
    tmp_path: Path, seeded_copy: SeededCopy, new_database: NewDatabase
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    destination = new_database(False)
    store = opened(destination)
    # The destination refuses one event, after the sources, participants and
    # the events before it were written in the same transaction.
    last_event = export_data(opened(source))["events"][-1]["key"]
    try:
        with store.engine.begin() as connection:
            if on_server(connection):
                connection.execute(
                    text(
                        "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS "
                        "$$ BEGIN RAISE EXCEPTION 'this event is refused'; END $$"
                    )
                )
                connection.execute(
                    text(
                        "CREATE TRIGGER refuse_one BEFORE INSERT ON events FOR EACH ROW "
                        f"WHEN (NEW.key = '{last_event}') EXECUTE FUNCTION refuse_one()"
                    )
                )
            else:
                connection.execute(
                    text(
                        "CREATE TRIGGER refuse_one BEFORE INSERT ON events "
                        f"WHEN NEW.key = '{last_event}' "
                        "BEGIN SELECT RAISE(ABORT, 'this event is refused'); END"
                    )
                )
    finally:
        store.engine.dispose()
    with pytest.raises(CopyRefused) as refused:
        copy_database(source, destination, "Copier")
    assert "this event is refused" in str(refused.value)
    assert "nothing was copied" in str(refused.value)
    store = opened(destination)
    try:
        assert set(record_counts(store).values()) == {0}
        assert store.revisions() == []
    finally:
        store.engine.dispose()


@pytest.mark.sqlite_only
def test_a_new_file_is_created_empty_and_taken_away_if_the_copy_fails(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    empty = tmp_path / "empty.sqlite3"
    opened(empty).engine.dispose()
    target = tmp_path / "new.sqlite3"
    outcome = copy_database(empty, target, "Copier")
    assert outcome.total == 0
    assert set(record_counts(opened(target)).values()) == {0}  # no bundled dataset
    source = seeded_copy(tmp_path / "source.sqlite3")
    copy_database(source, target, "Copier")  # an empty database is no obstacle
    assert exported(target) == exported(source)
    other = tmp_path / "other.sqlite3"

    def stop_while_writing(line: str) -> None:
        if line.startswith("Writing"):
            raise KeyboardInterrupt  # as a user stopping it

    with pytest.raises(KeyboardInterrupt):
        copy_database(source, other, "Copier", report=stop_while_writing)
    assert list(tmp_path.glob("other.sqlite3*")) == []
    missing = tmp_path / "no-such.sqlite3"
    with pytest.raises(Exception, match="there is no database"):
        copy_database(missing, other, "Copier")
    assert not other.exists()


@pytest.mark.sqlite_only
def test_a_database_is_not_copied_onto_itself(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    with pytest.raises(CopyRefused, match="both the source and the destination"):
        copy_database(source, tmp_path / "." / "source.sqlite3", "Copier", merge=True)

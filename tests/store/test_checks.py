"""`check`'s replay of the revision log: it finds each way the log and the data part."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Connection, delete, func, insert, select, update

from tests.conftest import NewDatabase
from viewer.domain.enums import RecordKind
from viewer.store import chain, checks, streams
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import Finding, history_mismatches, run_checks
from viewer.store.schema import (
    EventRoleRow,
    EventRow,
    PartyRow,
    PersonRow,
    RevisionRow,
    SourceRow,
    StatusActionRow,
)
from viewer.store.store import Store


@pytest.fixture
def tampered(new_database: NewDatabase) -> Iterator[Store]:
    """The seeded data on the test's backend, for changing behind the log's
    back (so not checked at the end)."""
    store, opened = open_or_create(new_database(True), "tester")
    yield store
    opened.close()


def test_the_seeded_data_is_accounted_for(tampered: Store) -> None:
    assert history_mismatches(tampered) == []


def test_each_way_the_log_and_the_data_part_is_found(tampered: Store) -> None:
    with tampered.engine.begin() as connection:
        # Changed with no revision written.
        connection.execute(
            update(PartyRow).where(PartyRow.key == "sudan").values(notes="edited in secret")
        )
        # Deleted with no revision written.
        connection.execute(delete(PersonRow).where(PersonRow.key == "bret-baier"))
        # A revision changing a record the log never created (chained as the
        # store chains it, so that only the replay can tell).
        entry = {
            "at": datetime.now(UTC),
            "user": "someone",
            "action": "update",
            "record_kind": "party",
            "record_key": "atlantis",
            "changes": {"notes": ["", "x"]},
        }
        chain.seal(chain.tip(connection), entry)
        connection.execute(insert(RevisionRow).values(entry))
    found = history_mismatches(tampered)
    messages = [finding.message for finding in found]
    assert all(finding.topic == "history" for finding in found)
    assert "the revision log does not account for participant 'sudan' as stored" in messages
    assert "the revision log holds person 'bret-baier', which is not in the database" in messages
    assert any("changes participant 'atlantis', which the log never created" in m for m in messages)
    assert len(found) == 3, messages


def test_a_record_added_behind_the_logs_back_is_found(tampered: Store) -> None:
    with tampered.engine.begin() as connection:
        connection.execute(
            insert(PartyRow).values(
                key="zz-unlogged", version=1, name="Unlogged", party_kind="state"
            )
        )
    assert history_mismatches(tampered) == [
        Finding(
            "history", "the revision log does not account for participant 'zz-unlogged' as stored"
        )
    ]


def test_dates_that_do_not_read_or_do_not_match_their_bounds_are_found(tampered: Store) -> None:
    """And a record whose date no longer reads is reported, not a crash of `check`."""
    with tampered.engine.begin() as connection:
        events = update(EventRow)
        connection.execute(
            events.where(EventRow.key == "abraham-accords-signing-ceremony-2020").values(
                date_edtf="2021-02-30"
            )
        )
        connection.execute(
            events.where(EventRow.key == "sudan-abraham-accords-declaration-2021").values(
                date_lower=date(2021, 2, 1)
            )
        )
        connection.execute(
            update(StatusActionRow)
            .where(StatusActionRow.key == "kazakhstan-expected-to-join-2025")
            .values(date_edtf=None)
        )
        connection.execute(
            update(SourceRow)
            .where(SourceRow.key == "fox-news-kazakhstan-abraham-accords-2025-11-06")
            .values(
                accessed_edtf="2025-11-01",
                accessed_lower=date(2025, 11, 1),
                accessed_upper=date(2025, 11, 1),
            )
        )
    dates = {
        (finding.topic, finding.message)
        for finding in run_checks(tampered)
        if finding.topic != "history"
    }
    assert (
        "invalid date",
        "event 'abraham-accords-signing-ceremony-2020' date: "
        "'2021-02-30' is not a day: February 2021 has 28 days",
    ) in dates
    assert any(
        topic == "dates out of order"
        and message.startswith(
            "event 'sudan-abraham-accords-declaration-2021' date ends (2021-01-31) "
            "before it starts (2021-02-01)"
        )
        for topic, message in dates
    )
    assert (
        "dates out of order",
        "status action 'kazakhstan-expected-to-join-2025' date has bounds but no date",
    ) in dates
    assert (
        "history",
        "event 'abraham-accords-signing-ceremony-2020' cannot be read to compare with its "
        "log: '2021-02-30' is not a day: February 2021 has 28 days",
    ) in {(f.topic, f.message) for f in run_checks(tampered)}
    assert any(
        message.startswith(
            "source 'fox-news-kazakhstan-abraham-accords-2025-11-06' was accessed "
            "(2025-11-01) before it was published"
        )
        for _, message in dates
    )


def test_a_value_outside_its_vocabulary_is_reported_not_crashed_on(tampered: Store) -> None:
    with tampered.engine.begin() as connection:
        connection.execute(
            update(PartyRow).where(PartyRow.key == "sudan").values(party_kind="planet")
        )
        connection.execute(
            update(EventRoleRow)
            .where(EventRoleRow.id == select(func.min(EventRoleRow.id)).scalar_subquery())
            .values(role="juggler")
        )
    messages = {finding.message for finding in run_checks(tampered)}
    assert (
        "participant 'sudan' cannot be read to compare with its log: "
        "'planet' is not a valid PartyKind" in messages
    )
    assert any("'juggler' is not a valid RoleKind" in message for message in messages)


def test_each_record_sharing_a_wrong_date_is_reported_in_the_order_added(tampered: Store) -> None:
    keys = [event.key for event in tampered.all(RecordKind.EVENT)][:3]
    with tampered.engine.begin() as connection:
        connection.execute(
            update(EventRow)
            .where(EventRow.key.in_(keys))
            .values(date_edtf="2020", date_lower=date(2020, 1, 1), date_upper=date(2020, 1, 2))
        )
    dates = [f.message for f in run_checks(tampered) if f.topic == "dates out of order"]
    assert dates == [
        f"event {key!r} date is stored with bounds 2020-01-01..2020-01-02 that do not match '2020'"
        for key in keys
    ]


@pytest.mark.parametrize("page", [1, 2, 7])
def test_the_replay_finds_the_same_across_page_boundaries(
    tampered: Store, monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    monkeypatch.setattr(streams, "PAGE", page)
    monkeypatch.setattr(checks, "BATCH", page)
    assert run_checks(tampered) == []
    people = [person.key for person in tampered.all(RecordKind.PERSON)]
    with tampered.engine.begin() as connection:
        for key in people[::3]:
            connection.execute(update(PersonRow).where(PersonRow.key == key).values(office="x"))
    assert [f.message for f in history_mismatches(tampered)] == [
        f"the revision log does not account for person {key!r} as stored"
        for key in sorted(people[::3])
    ]


def test_a_check_added_to_the_list_is_run_in_the_same_read(
    tampered: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new check is one function of a connection added to DATA_CHECKS."""

    def count_parties(connection: Connection) -> list[Finding]:
        count = connection.execute(select(func.count()).select_from(PartyRow)).scalar()
        return [Finding("count", f"{count} participants")]

    monkeypatch.setattr(checks, "DATA_CHECKS", [*checks.DATA_CHECKS, count_parties])
    assert run_checks(tampered) == [Finding("count", "9 participants")]

"""The team load test (benchmarks/team_load.py), run tiny on both backends, and
its verifier shown to fail on what it is there to catch."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import NamedTuple

import pytest

from benchmarks import team_load
from benchmarks.team_load import Client, ClientResult, Save
from tests.conftest import NewDatabase
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store import api


def test_clients_in_processes_of_their_own_lose_no_update(new_database: NewDatabase) -> None:
    run = team_load.load(new_database(True), clients=2, ops=20, seed=7, require_conflicts=False)

    assert run.verification.passed, run.verification.problems
    assert [result.client for result in run.results] == [1, 2]
    assert all(result.operations == 20 for result in run.results)
    saves = [save for result in run.results for save in result.saves]
    assert saves, "the clients saved nothing"
    assert {save.operation for save in saves} >= {"edit", "add"}
    assert run.figures.operations == 40
    assert run.figures.throughput > 0
    assert 0 < run.figures.save_p50 <= run.figures.save_p95


class Scene(NamedTuple):
    checker: api.Store
    ana: Client
    ben: Client
    logged_before: int


@pytest.fixture
def two_clients(new_database: NewDatabase) -> Iterator[Scene]:
    """Two clients on one seeded database, each with its own store, a store to
    check with, and the id of the log's last entry before the clients began."""
    location = new_database(True)
    opened = []
    stores = []
    for user in ("checker", "client-1", "client-2"):
        store, database = api.open_or_create(location, user, seed=False)
        stores.append(store)
        opened.append(database)
    clients = Client(stores[1], 1, 0, "t"), Client(stores[2], 2, 0, "t")
    yield Scene(stores[0], *clients, team_load.last_entry(stores[0]))
    for database in opened:
        database.close()


def test_an_undo_over_another_clients_save_is_a_conflict_and_nothing_is_lost(
    two_clients: Scene,
) -> None:
    checker, ana, ben, before = two_clients
    ana.edit(RecordKind.PARTY, "israel")
    ben.edit(RecordKind.PARTY, "israel")
    ana.undo()  # on the version Ana's edit gave the record: Ben saved since

    assert [refusal.reason for refusal in ana.result.refusals] == ["conflict"]
    assert ana.result.conflicts == 1
    assert [save.entry for save in (*ana.result.saves, *ben.result.saves)] == [2, 3]
    stored = checker.get(RecordKind.PARTY, "israel")
    assert isinstance(stored, Party)
    assert stored.notes == ben.result.saves[0].value
    outcome = team_load.verify(checker, [ana.result, ben.result], logged_before=before)
    assert outcome.passed, outcome.problems


def test_an_undo_nobody_overtook_is_saved_and_verified(
    two_clients: Scene,
) -> None:
    checker, ana, ben, before = two_clients
    ana.edit(RecordKind.EVENT, "abraham-accords-signing-ceremony-2020")
    ana.undo()
    ben.add()
    ben.delete(ben.added_events()[0])

    assert [save.operation for save in ana.result.saves] == ["edit", "undo"]
    assert [save.operation for save in ben.result.saves] == ["add", "delete"]
    outcome = team_load.verify(
        checker, [ana.result, ben.result], logged_before=before, require_conflicts=False
    )
    assert outcome.passed, outcome.problems
    assert not team_load.verify(
        checker, [ana.result, ben.result], logged_before=before
    ).passed  # no conflict seen


def _with_save(result: ClientResult, save: Save) -> ClientResult:
    return dataclasses.replace(result, saves=[*result.saves, save])


def test_the_verifier_fails_for_a_lost_update(
    two_clients: Scene,
) -> None:
    checker, ana, ben, before = two_clients
    ana.edit(RecordKind.PARTY, "israel")
    ben.edit(RecordKind.PARTY, "israel")
    ana.undo()
    (bens,) = ben.result.saves
    assert team_load.verify(checker, [ana.result, ben.result], logged_before=before).passed

    # A save its client was told of, whose value neither the record nor the log holds.
    vanished = Save(2, "edit", RecordKind.PARTY, "israel", 3, 4, "notes", "a save nobody sees")
    # Ben told his save wrote another value than the one in the log and the record.
    altered = dataclasses.replace(bens, value="not what was written")
    # A save made over a version its client never read (a blind overwrite).
    blind = dataclasses.replace(bens, version_read=1)
    for results in (
        [ana.result, _with_save(ben.result, vanished)],
        [ana.result, dataclasses.replace(ben.result, saves=[altered])],
        [ana.result, dataclasses.replace(ben.result, saves=[blind])],
        # A save in the log that its client was told was refused.
        [ana.result, dataclasses.replace(ben.result, saves=[])],
    ):
        outcome = team_load.verify(checker, results, logged_before=before)
        assert not outcome.passed
        assert list(outcome.problems["no lost update"]), outcome.problems
        assert not outcome.problems["check clean"]


def test_a_key_used_again_before_the_run_is_verified_as_the_new_record(
    two_clients: Scene,
) -> None:
    checker, ana, ben, _ = two_clients
    key = "abraham-accords-signing-ceremony-2020"
    deleted = checker.delete(RecordKind.EVENT, key)
    checker.add(dataclasses.replace(deleted, version=0))
    before = team_load.last_entry(checker)
    ana.edit(RecordKind.EVENT, key)
    ben.edit(RecordKind.EVENT, key)

    assert [save.entry for save in (*ana.result.saves, *ben.result.saves)] == [2, 3]
    outcome = team_load.verify(
        checker, [ana.result, ben.result], logged_before=before, require_conflicts=False
    )
    assert outcome.passed, outcome.problems

"""Competing claims in the store: saved, refused, listed, exchanged, migrated."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from viewer.domain.claims import in_force
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import ClaimRank, RecordKind, StatusKind
from viewer.domain.records import Citation, Party, StatusAction
from viewer.store.bootstrap import open_or_create
from viewer.store.database import alembic_config, open_database
from viewer.store.details import load_detail
from viewer.store.engine import writer
from viewer.store.errors import HasDependents, InvalidRecord
from viewer.store.exchange import apply_import, export_data, plan_import
from viewer.store.listing import ListQuery, fetch_rows
from viewer.store.overview import accord_overview
from viewer.store.record_merge import merge_records, unmerge_records
from viewer.store.store import Store

# Sudan signed the declaration in January 2021; a later claim that it
# withdrew, which the sources deny, is kept deprecated.
WITHDRAWN = StatusAction(
    key="sudan-withdrawn-2024",
    accord="abraham-accords",
    party="sudan",
    action=StatusKind.WITHDRAWN,
    date=FuzzyDate.parse("2024-05-01"),
    rank=ClaimRank.DEPRECATED,
    rank_reason="one blog said so; the government denied it",
    alternative_of="sudan-declaration-signed-2021",
    citations=(Citation("axios-kazakhstan-abraham-accords-report", "para. 9"),),
)


def _sudan_row(store: Store) -> tuple[str, ...]:
    rows = fetch_rows(store, ListQuery(RecordKind.PARTY, accord="abraham-accords"), 0, 100)
    return next(row.cells for row in rows if row.key == "sudan")


def test_a_deprecated_alternative_changes_no_status_the_store_derives(seeded_store: Store) -> None:
    before_row = _sudan_row(seeded_store)
    before_detail = load_detail(seeded_store, RecordKind.ACCORD, "abraham-accords")
    saved = seeded_store.add(WITHDRAWN)
    assert saved == dataclasses.replace(WITHDRAWN, version=1)
    assert _sudan_row(seeded_store) == before_row
    assert before_row[2] != StatusKind.WITHDRAWN.label
    after_detail = load_detail(seeded_store, RecordKind.ACCORD, "abraham-accords")
    assert before_detail is not None and after_detail is not None
    assert after_detail.links["Participants"] == before_detail.links["Participants"]
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    sudan = overview.party("sudan")
    assert sudan is not None and WITHDRAWN.key in {a.key for a in sudan.actions}
    assert StatusKind.WITHDRAWN not in overview.step_kinds()
    # The same claim believed (normal) would make Sudan's status "withdrawn".
    seeded_store.update(dataclasses.replace(saved, rank=ClaimRank.NORMAL, rank_reason=""))
    assert _sudan_row(seeded_store)[2] == StatusKind.WITHDRAWN.label


def test_a_preferred_claim_outranks_the_claim_it_competes_with(seeded_store: Store) -> None:
    """Sudan's declaration (Jan 2021) outranked by a preferred claim that it
    joined on 1 May 2024: the list's status and its date are the preferred one's."""
    before = _sudan_row(seeded_store)
    assert before[2] != StatusKind.JOINED.label
    preferred = dataclasses.replace(
        WITHDRAWN,
        key="sudan-joined",
        action=StatusKind.JOINED,
        rank=ClaimRank.PREFERRED,
        rank_reason="",
    )
    seeded_store.add(preferred)
    assert _sudan_row(seeded_store)[2:] == (StatusKind.JOINED.label, "1 May 2024")
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    assert StatusKind.DECLARATION_SIGNED not in {
        a.action for p in overview.parties if p.key == "sudan" for a in in_force(p.actions)
    }


def test_the_store_refuses_chains_other_participants_and_missing_claims(
    seeded_store: Store,
) -> None:
    seeded_store.add(WITHDRAWN)
    chained = dataclasses.replace(WITHDRAWN, key="chained", alternative_of=WITHDRAWN.key)
    with pytest.raises(InvalidRecord) as refused:
        seeded_store.add(chained)
    message = str(refused.value)
    assert "'sudan-withdrawn-2024' is itself an alternative of" in message
    assert "'sudan-declaration-signed-2021'" in message
    other = dataclasses.replace(WITHDRAWN, key="other", party="morocco")
    with pytest.raises(InvalidRecord, match="another participant"):
        seeded_store.add(other)
    missing = dataclasses.replace(WITHDRAWN, key="missing", alternative_of="no-such-claim")
    with pytest.raises(InvalidRecord, match="no status action has the key 'no-such-claim'"):
        seeded_store.add(missing)
    first = seeded_store.get(RecordKind.STATUS_ACTION, "sudan-declaration-signed-2021")
    assert isinstance(first, StatusAction)
    with pytest.raises(InvalidRecord, match="competes with this claim"):
        seeded_store.update(dataclasses.replace(first, party="morocco"))
    assert seeded_store.problems(chained) != []


def test_deleting_a_claim_others_compete_with_names_them_and_they_let_go(
    seeded_store: Store,
) -> None:
    seeded_store.add(WITHDRAWN)
    with pytest.raises(HasDependents) as refused:
        seeded_store.delete(RecordKind.STATUS_ACTION, "sudan-declaration-signed-2021")
    assert "competing claim “Sudan: withdrawn”" in str(refused.value.dependents)
    dependents = seeded_store.dependents(RecordKind.STATUS_ACTION, "sudan-declaration-signed-2021")
    assert dependents.links[0][:2] == (RecordKind.STATUS_ACTION, WITHDRAWN.key)
    deleted, linked = seeded_store.delete_linked(
        RecordKind.STATUS_ACTION, "sudan-declaration-signed-2021", with_links=True
    )
    alone = seeded_store.get(RecordKind.STATUS_ACTION, WITHDRAWN.key)
    assert isinstance(alone, StatusAction) and alone.alternative_of is None
    seeded_store.restore(deleted, linked)
    back = seeded_store.get(RecordKind.STATUS_ACTION, WITHDRAWN.key)
    assert isinstance(back, StatusAction) and back.alternative_of == deleted.key


def test_competing_claims_survive_an_export_and_import(seeded_store: Store, store: Store) -> None:
    seeded_store.add(WITHDRAWN)
    data = export_data(seeded_store)
    exported = next(a for a in data["status_actions"] if a["key"] == WITHDRAWN.key)
    assert exported["rank"] == "deprecated"
    assert exported["rank_reason"] == WITHDRAWN.rank_reason
    assert exported["alternative_of"] == "sudan-declaration-signed-2021"
    # The alternative first: a claim may compete with one later in the file.
    data["status_actions"].sort(key=lambda a: a["alternative_of"] is None)
    plan = plan_import(json.loads(json.dumps(data)), store)
    assert plan.problems == []
    apply_import(plan, store)
    assert store.get(RecordKind.STATUS_ACTION, WITHDRAWN.key) == dataclasses.replace(
        WITHDRAWN, version=1
    )
    assert _sudan_row(store) == _sudan_row(seeded_store)


def test_an_older_file_reads_as_normal_claims_and_an_unknown_claim_is_named(
    seeded_store: Store, store: Store
) -> None:
    data = export_data(seeded_store)
    for action in data["status_actions"]:
        for name in ("rank", "rank_reason", "alternative_of"):
            del action[name]
    plan = plan_import(data, store)
    assert plan.problems == []
    for action in plan.records[RecordKind.STATUS_ACTION]:
        assert isinstance(action, StatusAction)
        assert (action.rank, action.rank_reason, action.alternative_of) == (
            ClaimRank.NORMAL,
            "",
            None,
        )
    data["status_actions"][0]["alternative_of"] = "no-such-claim"
    problems = [str(p) for p in plan_import(data, store).problems]
    assert any(
        "status_actions[0].alternative_of: no status action has the key “no-such-claim”" in p
        or "no status action has the key 'no-such-claim'" in p
        for p in problems
    ), problems


def test_an_import_refuses_a_chain_naming_both_claims(seeded_store: Store, store: Store) -> None:
    seeded_store.add(WITHDRAWN)
    data = export_data(seeded_store)
    chained = dict(
        next(a for a in data["status_actions"] if a["key"] == WITHDRAWN.key),
        key="chained",
        alternative_of=WITHDRAWN.key,
    )
    data["status_actions"].append(chained)
    plan = plan_import(data, store)
    with pytest.raises(InvalidRecord) as refused:
        apply_import(plan, store)
    assert "'sudan-withdrawn-2024' is itself an alternative of 'sudan-declaration-signed-2021'" in (
        str(refused.value)
    )
    assert store.count(RecordKind.STATUS_ACTION) == 0


def test_the_migration_keeps_every_status_action_as_a_normal_claim(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    from alembic import command

    path = seeded_copy(tmp_path / "seeded.sqlite3")
    store, opened = open_or_create(path, "tester")
    before = store.all(RecordKind.STATUS_ACTION)
    opened.close()
    opened = open_database(path)
    config = alembic_config()
    with writer(opened.engine).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
    opened.close()
    names = ", ".join(_columns(path))
    query = f"SELECT {names} FROM status_actions ORDER BY id"  # noqa: S608 (the table's own names)
    old_rows = _rows(path, query)
    assert "rank" not in names and len(old_rows) == len(before) > 0
    store, upgraded = open_or_create(path, "tester")
    try:
        assert upgraded.backup_path is not None
        # Every stored value kept, citations included; each claim normal and alone.
        assert _rows(path, query) == old_rows
        after = store.all(RecordKind.STATUS_ACTION)
        assert after == before
        claims = [a for a in after if isinstance(a, StatusAction)]
        assert {(a.rank, a.rank_reason, a.alternative_of) for a in claims} == {
            (ClaimRank.NORMAL, "", None)
        }
    finally:
        upgraded.close()


def _columns(path: Path) -> list[str]:
    return [str(row[1]) for row in _rows(path, "PRAGMA table_info(status_actions)")]


def _rows(path: Path, statement: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


def test_merging_two_participants_moves_a_group_of_competing_claims_whole(
    seeded_store: Store,
) -> None:
    """Each claim of the group is moved on its own, but the group is checked
    once the whole write is done: in between, its claims are of two parties."""
    seeded_store.add(Party(key="sudan-2", name="Republic of the Sudan"))
    first = dataclasses.replace(
        WITHDRAWN, key="first", party="sudan-2", alternative_of=None, rank=ClaimRank.NORMAL
    )
    first = dataclasses.replace(first, rank_reason="")
    seeded_store.add(first)
    seeded_store.add(
        dataclasses.replace(WITHDRAWN, key="second", party="sudan-2", alternative_of="first")
    )
    result = merge_records(seeded_store, RecordKind.PARTY, "sudan", "sudan-2")
    assert result.moved == 2
    moved = seeded_store.get(RecordKind.STATUS_ACTION, "second")
    assert isinstance(moved, StatusAction)
    assert (moved.party, moved.alternative_of) == ("sudan", "first")
    unmerge_records(seeded_store, result)
    back = seeded_store.get(RecordKind.STATUS_ACTION, "second")
    assert isinstance(back, StatusAction) and back.party == "sudan-2"
    # A write that leaves a group split is still refused, whole.
    lone = seeded_store.get(RecordKind.STATUS_ACTION, "first")
    assert isinstance(lone, StatusAction)
    with pytest.raises(InvalidRecord, match="competes with this claim"):
        seeded_store.update(dataclasses.replace(lone, party="sudan"))

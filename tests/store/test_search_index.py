"""The search index stays equal to the tables through every kind of write."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from viewer.app import main
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store import search_index
from viewer.store.checks import repair_search_index, run_checks
from viewer.store.history import revert
from viewer.store.search import search
from viewer.store.store import Store


def mismatches(store: Store) -> list[str]:
    with store.engine.connect() as connection:
        return list(search_index.mismatches(connection))


def test_the_index_equals_the_tables_after_import_and_every_write(seeded_store: Store) -> None:
    assert mismatches(seeded_store) == []  # the seeded data came in by import
    party = seeded_store.get(RecordKind.PARTY, "morocco")
    assert isinstance(party, Party)
    edited = seeded_store.update(dataclasses.replace(party, notes="Maghreb"))
    assert mismatches(seeded_store) == []
    # Revert to the first revision, then undo a deletion (restore).
    first = seeded_store.revisions(RecordKind.PARTY, "morocco")[0]
    revert(seeded_store, RecordKind.PARTY, "morocco", first.id)
    assert mismatches(seeded_store) == []
    assert search(seeded_store, "maghreb") == []
    record, linked = seeded_store.delete_linked(RecordKind.PERSON, "bret-baier", with_links=True)
    assert mismatches(seeded_store) == []
    seeded_store.restore(record, linked)  # what undoing the deletion does
    assert mismatches(seeded_store) == []
    assert edited.version > party.version


def test_check_reports_an_index_out_of_step_and_repair_rebuilds_it(
    seeded_store: Store,
) -> None:
    with seeded_store.engine.begin() as connection:
        search_index.remove(connection, RecordKind.PARTY, [1])
        connection.exec_driver_sql(
            "INSERT INTO search_index (rowid, label, body, evidence) "
            "VALUES (99999, 'ghost', '', '')"
        )
        connection.execute(
            text("UPDATE search_index SET body = 'tampered' WHERE rowid = :row"),
            {"row": search_index.row_id(RecordKind.PARTY, 2)},
        )
    topics = [finding for finding in run_checks(seeded_store) if finding.topic == "search"]
    assert any("missing from the search index" in f.message for f in topics)
    assert any("stale row" in f.message for f in topics)
    assert any("indexed out of date" in f.message for f in topics)
    repair_search_index(seeded_store)
    assert [f for f in run_checks(seeded_store) if f.topic == "search"] == []
    assert mismatches(seeded_store) == []


def test_check_repair_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "check"]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM search_index")
    connection.close()
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    assert "search:" in capsys.readouterr().out
    assert main(["--db", str(db), "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "Rebuilt the search index." in out and "No problems found." in out
    assert main(["--db", str(db), "search", "kazakh", "--json"]) == 0
    assert {"kind": "party", "key": "kazakhstan", "label": "Kazakhstan"} in json.loads(
        capsys.readouterr().out
    )


def test_the_search_command_explains_what_it_could_not_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "search", "colour:red kind:planet", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "colour: is not a filter" in captured.err
    assert "kind:planet is not a kind" in captured.err
    assert main(["--db", db, "search", "kind:event party:UAE", "--json"]) == 0
    keys = {hit["key"] for hit in json.loads(capsys.readouterr().out)}
    assert keys == {"abraham-accords-signing-ceremony-2020"}


def test_check_is_clean_then_reports_a_damaged_label_that_repair_mends(
    seeded_store: Store,
) -> None:
    assert run_checks(seeded_store) == []
    with seeded_store.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE search_index SET label = 'x' WHERE rowid = "
                "(SELECT id * 8 + :code FROM parties WHERE key = 'kazakhstan')"
            ),
            {"code": search_index.KIND_CODES[RecordKind.PARTY]},
        )
    assert "kazakhstan" in {hit.key for hit in search(seeded_store, "x")}  # really damaged
    found = run_checks(seeded_store)
    assert [f.topic for f in found] == ["search"]
    assert "'kazakhstan' is indexed out of date" in found[0].message
    repair_search_index(seeded_store)
    assert run_checks(seeded_store) == []
    assert "kazakhstan" not in {hit.key for hit in search(seeded_store, "x")}
    assert [hit.key for hit in search(seeded_store, "kazakhstan", kinds=(RecordKind.PARTY,))] == [
        "kazakhstan"
    ]

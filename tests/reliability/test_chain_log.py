"""Issue 10, tamper-evident history: the revision log is a hash chain that every
writer extends, the database refuses to change or delete its entries, and
`check` names the first entry a tamperer broke."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import sqlite3
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import select, update

from viewer.cli import parse_arguments, run_command
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store import chain
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import CHAIN_TOPIC, verify_chain
from viewer.store.database import alembic_config, open_database
from viewer.store.engine import writer
from viewer.store.errors import StoreError
from viewer.store.exchange import export_json
from viewer.store.history import revert
from viewer.store.schema import RevisionRow
from viewer.store.store import Store

TRIGGERS = ("revisions_append_only_update", "revisions_append_only_delete")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return list(connection.execute(sql, args))


def _tamper(path: Path, *statements: str) -> None:
    """Change the log as someone with the file and sqlite3 would: triggers first."""
    connection = sqlite3.connect(path)
    try:
        for name in TRIGGERS:
            connection.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _check(path: Path, *options: str) -> tuple[int, str, str]:
    arguments = parse_arguments(["--db", str(path), "check", *options])
    store, opened = open_or_create(path, "tester")
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run_command(arguments, store, out, err)
    finally:
        opened.close()
    # The evidence counts (tests/store/test_evidence.py) are not this module's matter.
    printed = "".join(
        line
        for line in out.getvalue().splitlines(keepends=True)
        if not line.startswith("evidence: ")
    )
    return code, printed, err.getvalue()


@pytest.fixture
def seeded(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Path:
    return seeded_copy(tmp_path / "db.sqlite3")


def test_every_write_extends_the_chain(store: Store) -> None:
    store.add(Party(key="atlantis", name="Atlantis", notes="first"))
    saved = store.get(RecordKind.PARTY, "atlantis")
    assert saved is not None
    store.update(Party(key="atlantis", name="Atlantis", notes="second", version=saved.version))
    store.add_all({RecordKind.PARTY: [Party(key=f"p-{n}", name=f"P {n}") for n in range(5)]})
    revert(store, RecordKind.PARTY, "atlantis", store.revisions(RecordKind.PARTY, "atlantis")[0].id)
    store.delete(RecordKind.PARTY, "p-3")
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(RevisionRow.id, RevisionRow.prev_hash, RevisionRow.hash).order_by(RevisionRow.id)
        ).all()
    assert [row.id for row in rows] == list(range(1, 10))
    assert rows[0].prev_hash == chain.GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(rows))
    assert len({row.hash for row in rows}) == len(rows)
    assert verify_chain(store) == []


def test_the_migration_seals_an_existing_log_as_the_writers_do(seeded: Path) -> None:
    """Back at schema 0007 (no hashes), then opened: migration 0008 computes
    the chain in id order, and gets exactly the hashes the writers wrote."""
    written = _rows(seeded, "SELECT id, prev_hash, hash FROM revisions ORDER BY id")
    assert len(written) > 40
    _downgrade_to_0007(seeded)
    columns = [row[1] for row in _rows(seeded, "PRAGMA table_info(revisions)")]
    assert "hash" not in columns

    store, upgraded = open_or_create(seeded, "tester")
    assert upgraded.backup_path is not None  # the 0007 file was kept beside it
    try:
        rows = _rows(seeded, "SELECT id, prev_hash, hash FROM revisions ORDER BY id")
        assert rows[: len(written)] == written
        # After them, only what migration 0010 logs of the sources it changes again.
        users = _rows(seeded, "SELECT id, user FROM revisions ORDER BY id")[len(written) :]
        assert {user for _, user in users} <= {"Accords Viewer (database upgrade 0010)"}
        assert verify_chain(store) == []
        triggers = {row[0] for row in _rows(seeded, "SELECT name FROM sqlite_master")}
        assert set(TRIGGERS) <= triggers
    finally:
        upgraded.close()


def _downgrade_to_0007(path: Path) -> None:
    from alembic import command

    opened = open_database(path)
    config = alembic_config()
    with writer(opened.engine).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    opened.close()


def test_the_migration_seals_a_log_holding_unreadable_entries(seeded: Path) -> None:
    """A log entry that does not read never stops a database from opening:
    the migration seals it as stored, and check names it."""
    _downgrade_to_0007(seeded)
    with sqlite3.connect(seeded) as connection:
        connection.execute("UPDATE revisions SET changes = '{not json', at = 'x' WHERE id = 5")
    code, out, _ = _check(seeded)
    assert code == 1
    assert "unreadable: revisions row 5: changes '{not json' are not JSON" in out
    assert "unreadable: revisions row 5: time 'x' is not a date and time" in out
    assert CHAIN_TOPIC not in out  # sealed as it was found: the chain itself holds


def test_the_database_refuses_to_change_or_delete_an_entry(seeded: Path) -> None:
    before = _digest(seeded)
    for statement in (
        "UPDATE revisions SET user = 'mallory' WHERE id = 3",
        "DELETE FROM revisions WHERE id = 3",
    ):
        with sqlite3.connect(seeded) as connection, pytest.raises(sqlite3.IntegrityError) as error:
            connection.execute(statement)
        assert "the revision log is append-only: its entries cannot be changed or deleted" in str(
            error.value
        )
    assert _digest(seeded) == before


def test_the_store_reports_the_refusal_in_plain_words(seeded: Path) -> None:
    store, opened = open_or_create(seeded, "tester")
    try:
        with pytest.raises(StoreError) as error, store.writing() as session:
            session.execute(update(RevisionRow).where(RevisionRow.id == 3).values(user="x"))
        message = str(error.value)
        assert message == (
            "the database refused to change an entry of the revision log, which only "
            "takes new entries; nothing was changed"
        )
        assert "Background" not in message and "sqlite3" not in message
        assert store.revisions()[2].user != "x"
    finally:
        opened.close()


def _entry(path: Path, entry_id: int) -> tuple[str, str, str, str]:
    """The entry's time (canonical), author, kind and key."""
    at, user, kind, key = _rows(
        path, "SELECT at, user, record_kind, record_key FROM revisions WHERE id = ?", entry_id
    )[0]
    return chain.canonical_time(str(at)) or "", str(user), str(kind), str(key)


def test_deleting_an_entry_whose_change_was_overwritten_is_found(seeded: Path) -> None:
    """The replay of the log cannot see it (a later update sets the same fields);
    the chain can: check names the entry after the hole, exit 1."""
    store, opened = open_or_create(seeded, "tester")
    party = store.get(RecordKind.PARTY, "sudan")
    assert isinstance(party, Party)
    first = store.update(dataclasses.replace(party, notes="first change"))
    assert isinstance(first, Party)
    store.update(dataclasses.replace(first, notes="overwritten later"))
    hidden = store.revisions(RecordKind.PARTY, "sudan")[-2].id
    opened.close()
    _tamper(seeded, f"DELETE FROM revisions WHERE id = {int(hidden)}")  # noqa: S608

    code, out, err = _check(seeded)
    assert code == 1
    at, user, _, _ = _entry(seeded, hidden + 1)
    assert (
        f"history chain: the first broken entry of the revision log is entry {hidden + 1} "
        f"(written '{at}' by '{user}', update of participant 'sudan'): entry {hidden} is "
        f"missing (it follows entry {hidden - 1}): deleted from the log." in out
    )
    assert "the revision log does not account" not in out  # only the chain could tell
    assert err.startswith("accords-viewer: 1 finding\n") and "Traceback" not in err


@pytest.mark.parametrize(
    ("statement", "shown"),
    [
        ("UPDATE revisions SET user = 'mallory' WHERE id = 20", "by 'mallory'"),
        (
            "UPDATE revisions SET at = '2020-01-01 09:00:00.000000' WHERE id = 20",
            "written '2020-01-01T09:00:00.000000Z'",
        ),
    ],
    ids=["author", "time"],
)
def test_rewriting_an_entrys_author_or_time_is_found(
    seeded: Path, statement: str, shown: str
) -> None:
    _tamper(seeded, statement)
    code, out, err = _check(seeded)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(CHAIN_TOPIC)]
    assert len(lines) == 1, out
    assert lines[0].startswith(
        "history chain: the first broken entry of the revision log is entry 20 "
    )
    assert shown in lines[0]
    assert "its content was altered after it was written" in lines[0]
    assert "Traceback" not in err


def test_reordered_entries_are_found(seeded: Path) -> None:
    _tamper(
        seeded,
        "UPDATE revisions SET id = -id WHERE id IN (10, 11)",
        "UPDATE revisions SET id = 11 WHERE id = -10",
        "UPDATE revisions SET id = 10 WHERE id = -11",
    )
    code, out, _ = _check(seeded)
    assert code == 1
    assert (
        "is entry 10 (written" in out
        and "it was written as entry 11: entries were reordered or renumbered" in out
    )


def test_a_deleted_first_entry_is_found(seeded: Path) -> None:
    _tamper(seeded, "DELETE FROM revisions WHERE id = 1")
    code, out, _ = _check(seeded)
    assert code == 1
    assert "is entry 2 (written" in out
    assert "entry 1 is missing (the log starts at it): deleted from the log" in out


def test_a_noted_head_shows_the_end_of_the_log_was_cut(seeded: Path) -> None:
    """Cutting the last entries leaves a chain that holds; the head noted before does not."""
    code, out, _ = _check(seeded, "--chain-head")
    assert code == 0
    last, digest = _rows(seeded, "SELECT id, hash FROM revisions ORDER BY id DESC LIMIT 1")[0]
    count = int(str(_rows(seeded, "SELECT count(*) FROM revisions")[0][0]))
    assert f"Chain head: {last}:{digest} ({count:,} entries in the log)\n" in out
    noted = f"{last}:{digest}"
    assert _check(seeded, "--chain-head", noted)[0] == 0

    _tamper(seeded, f"DELETE FROM revisions WHERE id = {int(str(last))}")  # noqa: S608
    code, out, _ = _check(seeded, "--chain-head", noted)
    assert code == 1
    assert (
        f"noted head: the log has no entry {last} (it has {count - 1:,} entries, the last "
        f"entry {int(str(last)) - 1}): either the log was cut short since the head was noted, "
        "or the head was noted from another database or mistyped\n" in out
    )
    assert "The revision log's chain verifies" in out  # what is left of it holds
    assert "Chain head: none to note" not in out and "rewritten" not in out


def _head(path: Path) -> tuple[int, str, int]:
    last, digest = _rows(path, "SELECT id, hash FROM revisions ORDER BY id DESC LIMIT 1")[0]
    count = int(str(_rows(path, "SELECT count(*) FROM revisions")[0][0]))
    return int(str(last)), str(digest), count


def test_a_noted_head_beyond_the_log_says_only_what_is_known(seeded: Path) -> None:
    """A mistyped id (beyond the log): the chain verifies, the head is not in
    this log, and nothing is said to be rewritten."""
    last, digest, count = _head(seeded)
    code, out, err = _check(seeded, "--chain-head", f"{last + 100}:{digest}")
    assert code == 1
    assert out == (
        f"noted head: the log has no entry {last + 100} (it has {count:,} entries, the last "
        f"entry {last}): either the log was cut short since the head was noted, or the head "
        "was noted from another database or mistyped\n"
        "The revision log's chain verifies: each entry holds the hash of the one before.\n"
        f"Chain head: {last}:{digest} ({count:,} entries in the log)\n"
    )
    assert err == "accords-viewer: 1 finding\n"


def test_a_noted_head_with_another_hash_says_rewritten_or_mistyped(seeded: Path) -> None:
    last, digest, count = _head(seeded)
    wrong = "0" * 64
    code, out, _ = _check(seeded, "--chain-head", f"{last - 1}:{wrong}")
    assert code == 1
    (earlier,) = _rows(seeded, f"SELECT hash FROM revisions WHERE id = {last - 1}")[0]  # noqa: S608
    assert out.startswith(
        f"noted head: entry {last - 1} has the hash {earlier}, not the noted {wrong}: either "
        f"the history up to entry {last - 1} was rewritten since the head was noted, or the "
        "head was noted from another database or mistyped\n"
    )
    assert "The revision log's chain verifies" in out
    assert f"Chain head: {last}:{digest} ({count:,} entries in the log)\n" in out
    assert "cut short" not in out and "broken" not in out


def test_a_matching_noted_head_is_said_to_be_unchanged(seeded: Path) -> None:
    last, digest, count = _head(seeded)
    code, out, err = _check(seeded, "--chain-head", f"{last}:{digest}")
    assert (code, err) == (0, "")
    assert out == (
        f"The noted head {last}:{digest} is in the log unchanged: the history up to it was "
        "not rewritten.\n"
        "The revision log's chain verifies: each entry holds the hash of the one before.\n"
        f"Chain head: {last}:{digest} ({count:,} entries in the log)\n"
        "No problems found.\n"
    )


def test_a_malformed_noted_head_is_a_usage_error(seeded: Path) -> None:
    code, out, err = _check(seeded, "--chain-head", "12:not-a-hash")
    assert code == 2
    assert "--chain-head wants ID:HASH" in err and "'12:not-a-hash'" in err
    assert out == ""


@pytest.mark.parametrize("page", [1, 7])
def test_the_walk_finds_the_same_across_page_boundaries(
    seeded: Path, monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    monkeypatch.setattr(chain, "PAGE", page)
    _tamper(seeded, "UPDATE revisions SET user = 'mallory' WHERE id = 15")
    store, opened = open_or_create(seeded, "tester")
    try:
        found = verify_chain(store)
    finally:
        opened.close()
    assert [f.topic for f in found] == [CHAIN_TOPIC]
    assert "is entry 15 (written" in found[0].message


def test_export_leaves_hashes_out_and_an_import_extends_the_chain(
    seeded: Path, tmp_path: Path
) -> None:
    store, opened = open_or_create(seeded, "tester")
    exported = tmp_path / "out.json"
    try:
        export_json(store, exported)
    finally:
        opened.close()
    text = exported.read_text(encoding="utf-8")
    digests = {str(row[0]) for row in _rows(seeded, "SELECT hash FROM revisions")}
    assert not any(digest in text for digest in digests)
    assert "prev_hash" not in text and '"hash"' not in text
    assert "format_version" in json.loads(text)

    target = tmp_path / "new.sqlite3"
    code = _import(target, exported)
    assert code == 0
    imported, reopened = open_or_create(target, "importer")
    try:
        assert verify_chain(imported) == []
        assert {r.user for r in imported.revisions()} == {"importer"}
    finally:
        reopened.close()


def _import(target: Path, file: Path) -> int:
    arguments = parse_arguments(["--db", str(target), "--empty", "import", str(file)])
    store, opened = open_or_create(target, "importer", seed=False)
    try:
        return run_command(arguments, store, io.StringIO(), io.StringIO())
    finally:
        opened.close()

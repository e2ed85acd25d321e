"""Issue 10, `check` robustness: a stored value that cannot be read into a record
(an impossible date, a value outside its vocabulary, an unknown revision action,
changes that are not JSON, a key that is not a key) is a finding naming its
table and row, with exit 1: never a traceback."""

from __future__ import annotations

import io
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.cli import parse_arguments, run_command
from viewer.store.bootstrap import open_or_create

TRIGGERS = ("revisions_append_only_update", "revisions_append_only_delete")


def _check(path: Path) -> tuple[int, str, str]:
    store, opened = open_or_create(path, "tester")
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run_command(parse_arguments(["--db", str(path), "check"]), store, out, err)
    finally:
        opened.close()
    return code, out.getvalue(), err.getvalue()


def _store_raw(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for name in TRIGGERS:
            connection.execute(f"DROP TRIGGER {name}")
        connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


CASES = {
    "impossible date": (
        "UPDATE events SET date_edtf = '2021-02-30' WHERE id = 1",
        "invalid date: event 'abraham-accords-signing-ceremony-2020' date: '2021-02-30' "
        "is not a day: February 2021 has 28 days",
    ),
    "date garbage": (
        "UPDATE status_actions SET date_edtf = 'garbage' WHERE id = 1",
        "invalid date: status action 'israel-agreement-signed-2020' date: 'garbage' is not a "
        "date this app understands",
    ),
    "date bound not a date": (
        "UPDATE events SET date_lower = 'soon' WHERE id = 2",
        "unreadable: events row 2 (event 'sudan-abraham-accords-declaration-2021'): "
        "date_lower 'soon' is not a date",
    ),
    "party kind": (
        "UPDATE parties SET party_kind = 'empire' WHERE id = 1",
        "unreadable: parties row 1 (key 'israel'): party_kind 'empire' is not one of "
        "state, organisation",
    ),
    "certainty": (
        "UPDATE events SET certainty = 'maybe' WHERE id = 1",
        "unreadable: events row 1 (key 'abraham-accords-signing-ceremony-2020'): certainty "
        "'maybe' is not one of confirmed, reported, expected, planned, speculative",
    ),
    "role": (
        "UPDATE event_roles SET role = 'juggler' WHERE id = 1",
        "unreadable: event_roles row 1 (of events row 1): role 'juggler' is not one of ",
    ),
    "status action": (
        "UPDATE status_actions SET action = 'conquered' WHERE id = 1",
        "unreadable: status_actions row 1 (key 'israel-agreement-signed-2020'): action "
        "'conquered' is not one of ",
    ),
    "authors not json": (
        "UPDATE sources SET authors = '{nope' WHERE id = 1",
        "unreadable: sources row 1 (source 'fox-news-kazakhstan-abraham-accords-2025-11-06'): "
        "authors '{nope' are not a JSON list of names",
    ),
    "revision action": (
        "UPDATE revisions SET action = 'smash' WHERE id = 3",
        "unreadable: revisions row 3: action 'smash' is not one of create, delete, update",
    ),
    "revision kind": (
        "UPDATE revisions SET record_kind = 'alien' WHERE id = 3",
        "unreadable: revisions row 3: record kind 'alien' is not a kind of record",
    ),
    "revision changes not json": (
        "UPDATE revisions SET changes = '{not json' WHERE id = 3",
        "unreadable: revisions row 3: changes '{not json' are not JSON",
    ),
    "revision changes not pairs": (
        "UPDATE revisions SET changes = '[1, 2]' WHERE id = 3",
        "unreadable: revisions row 3: changes '[1, 2]' are not each field's old and new value",
    ),
    "revision time": (
        "UPDATE revisions SET at = 'garbage' WHERE id = 3",
        "unreadable: revisions row 3: time 'garbage' is not a date and time",
    ),
    "key": (
        "UPDATE parties SET key = 'BAD KEY' WHERE id = 1",
        "unreadable: parties row 1: key 'BAD KEY' is not a key (1 to 80 lower-case letters, "
        "digits and hyphens)",
    ),
    "key with escapes": (
        "UPDATE status_actions SET key = 'a' || char(27) || '[2J' WHERE id = 1",
        "unreadable: status_actions row 1: key 'a\\x1b[2J' is not a key",
    ),
}


@pytest.mark.parametrize(("statement", "expected"), CASES.values(), ids=CASES.keys())
def test_an_unreadable_stored_value_is_a_finding_naming_its_row(
    tmp_path: Path, seeded_copy: Callable[[Path], Path], statement: str, expected: str
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    _store_raw(path, statement)
    code, out, err = _check(path)
    assert code == 1
    assert expected in out, out
    assert "Traceback" not in out + err and "Background on this error" not in out + err
    assert "\x1b" not in out  # stored escapes are shown, not obeyed
    assert re.fullmatch(r"accords-viewer: (1 finding|[0-9,]+ findings)", err.strip()), err


def test_a_long_stored_value_is_quoted_cut(
    tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    _store_raw(
        path, "UPDATE parties SET party_kind = 'empire' || printf('%.10000c', 'x') WHERE id = 1"
    )
    _store_raw_again(
        path, "UPDATE events SET date_edtf = 'empire' || printf('%.10000c', 'x') WHERE id = 1"
    )
    code, out, _ = _check(path)
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("unreadable: parties row 1"))
    assert "… (cut; 10,006 characters in all)" in line
    assert "invalid date: event 'abraham-accords-signing-ceremony-2020' date: 'empirexxx" in out
    assert max(len(line) for line in out.splitlines()) < 300


def _store_raw_again(path: Path, statement: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(statement)

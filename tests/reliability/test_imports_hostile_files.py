"""Issue 10, hostile import files: refused whole, every problem listed, never
echoed at length, and the database left as it was (by its SHA-256)."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from viewer.app import main
from viewer.domain.enums import RecordKind
from viewer.store import exchange_reading
from viewer.store.exchange import MAX_FILE_BYTES, plan_import, read_file
from viewer.store.store import Store

HEADER = '"format": "accords-viewer", "format_version": 1'


def _digests(folder: Path) -> dict[str, str]:
    # The database file itself (its -wal and -shm beside it are another
    # point of issue 10's: tests/reliability/ on refused imports' journals).
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix == ".sqlite3"
    }


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An empty database in a folder of its own, made by the command line."""
    folder = tmp_path / "db"
    folder.mkdir()
    db = str(folder / "db.sqlite3")
    assert main(["--db", db, "--empty", "check"]) == 0
    yield db, folder


def _import(
    database: tuple[str, Path], path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Import ``path`` with the command line; its exit code and standard error,
    after checking that the database's files did not change."""
    db, folder = database
    before = _digests(folder)
    capsys.readouterr()
    code = main(["--db", db, "import", str(path)])
    err = capsys.readouterr().err
    assert _digests(folder) == before
    return code, err


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{" + HEADER + ', "parties": [], "parties": []}', "parties (2 times)"),
        (
            "{" + HEADER + ', "parties": [{"key": "x", "name": "X", "name": "Y"}]}',
            "parties[0].name (2 times)",
        ),
        (
            '{"format": "accords-viewer", "format_version": 999, "format_version": 1}',
            "format_version (2 times)",
        ),
    ],
)
def test_a_key_given_twice_in_an_object_is_refused_naming_it_and_where(
    tmp_path: Path,
    database: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
    text: str,
    named: str,
) -> None:
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    code, err = _import(database, path, capsys)
    assert code == 1
    assert "the same key more than once in one object" in err
    assert named in err
    assert "nothing was imported" in err


def test_every_duplicated_key_is_named_in_one_report(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text(
        "{" + HEADER + ', "parties": [{"key": "a", "key": "b", "name": "A"}, '
        '{"key": "c", "name": "C", "notes": "", "notes": "x"}], "parties": []}',
        encoding="utf-8",
    )
    data, problems = read_file(path)
    assert data is None
    assert len(problems) == 1
    message = problems[0].message
    for place in ("parties (2 times)", "parties[0].key (2 times)", "parties[1].notes (2 times)"):
        assert place in message


def test_a_fifo_is_read_no_further_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit is made small here so that the pipe need not carry 200 MB;
    # /dev/zero below is read against the real one.
    monkeypatch.setattr(exchange_reading, "MAX_FILE_BYTES", 1_000_000)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    written: list[int] = []

    def write() -> None:
        chunk = b" " * 65_536
        try:
            with fifo.open("wb") as out:
                for _ in range(160):  # 10 MB, ten times the limit
                    out.write(chunk)
                    written.append(len(chunk))
        except BrokenPipeError:
            pass  # the reader stopped at the limit, as it should

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    data, problems = read_file(fifo)
    writer.join(timeout=30)
    assert not writer.is_alive()
    assert data is None
    assert "holds more than the limit of 0 MB (1,000,000 bytes)" in problems[0].message
    assert "nothing was imported" in problems[0].message
    assert sum(written) < 10_485_760  # the writer was cut off: nothing read it all


def test_a_fifo_holding_an_exchange_file_is_read(tmp_path: Path, store: Store) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    text = "{" + HEADER + ', "accords": [{"key": "a", "name": "An accord"}]}'
    writer = threading.Thread(target=lambda: fifo.write_text(text, encoding="utf-8"), daemon=True)
    writer.start()
    data, problems = read_file(fifo)
    writer.join(timeout=30)
    assert problems == []
    plan = plan_import(data, store)
    assert plan.problems == []
    assert [r.key for r in plan.records[RecordKind.ACCORD]] == ["a"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_is_refused_as_over_the_limit(
    database: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _import(database, Path("/dev/zero"), capsys)
    assert code == 1
    assert f"/dev/zero holds more than the limit of 200 MB ({MAX_FILE_BYTES:,} bytes)" in err
    assert "Traceback" not in err


def test_a_regular_file_over_the_limit_is_refused_by_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange_reading, "MAX_FILE_BYTES", 1_000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5_000)
    _, problems = read_file(big)
    assert "is 5,000 bytes, over the limit" in problems[0].message


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\xff\xfe\x00 not text", "is not UTF-8 text (byte 0"),
        (b'{"format": "accords-viewer",\n "parties": [}', "is not valid JSON"),
        (b"", "is not valid JSON"),
    ],
)
def test_a_file_that_is_not_utf8_or_not_json_is_said_so(
    tmp_path: Path,
    database: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    said: str,
) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    code, err = _import(database, path, capsys)
    assert code == 1
    assert said in err
    assert "nothing was imported" in err
    assert "Traceback" not in err


def test_a_repeated_key_deep_in_nested_lists_is_named_in_a_bounded_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"a": 1, "a": ' + "[" * 900 + '{"b": 1, "b": 2}' + "]" * 900 + "}")
    _, problems = read_file(path)
    message = problems[0].message
    assert "a[0][0][0]" in message and "(cut; 2,703 characters in all) (2 times)" in message
    assert "a (2 times)" in message
    assert len(message) < 1_000


HUGE = 10_000_000


@pytest.mark.parametrize(
    "party",
    [
        {"key": "k" * HUGE, "name": "Huge key"},
        {"key": "ok", "name": "Huge name " + "n" * HUGE},
        {"key": "ok", "name": "Huge reference", "citations": [{"source": "s" * HUGE}]},
        {"key": "ok", "name": "Huge code", "iso_code": "Z" * HUGE},
        {"key": "ok", "name": "Huge kind", "party_kind": "e" * HUGE},
        {"key": "ok", "name": "Huge field", "f" * HUGE: 1},
    ],
    ids=["key", "name", "reference", "iso-code", "enum", "field-name"],
)
def test_a_10mb_value_is_quoted_in_at_most_80_characters(
    tmp_path: Path,
    database: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
    party: dict[str, Any],
) -> None:
    path = tmp_path / "huge.json"
    path.write_text(
        json.dumps({"format": "accords-viewer", "format_version": 1, "parties": [party]}),
        encoding="utf-8",
    )
    code, err = _import(database, path, capsys)
    assert code == 1
    assert len(err) < 4_000, err[:4_000]
    assert "(cut; 10,0" in err or "characters; at most" in err


def test_a_10mb_date_is_quoted_in_at_most_80_characters(
    tmp_path: Path, database: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.json"
    action = {
        "key": "sa",
        "accord": "a",
        "party": "p",
        "action": "announced",
        "date": "2021-" + "1" * HUGE,
    }
    path.write_text(
        json.dumps({"format": "accords-viewer", "format_version": 1, "status_actions": [action]}),
        encoding="utf-8",
    )
    code, err = _import(database, path, capsys)
    assert code == 1
    assert len(err) < 4_000
    assert "status_actions[0].date: '2021-111" in err
    assert "(cut; 10,000,005 characters in all) is not a date" in err


def test_every_problem_of_an_unreadable_record_is_in_one_report(store: Store) -> None:
    data = {
        "format": "accords-viewer",
        "format_version": 1,
        "parties": [
            {"key": "BAD KEY", "name": 5, "iso_code": "ZZ", "citations": [{"source": "nowhere"}]}
        ],
        "status_actions": [
            {"key": "sa", "accord": "no-accord", "party": "BAD KEY", "action": "announced"}
        ],
    }
    problems = {p.path: p.message for p in plan_import(data, store).problems}
    said = (
        " (the 1st participant in the file, key 'BAD KEY')"  # each says which record, in words too
    )
    assert problems["parties[0].key"].startswith("'BAD KEY' is not a key")
    assert problems["parties[0].key"].endswith(said)
    assert problems["parties[0].name"] == "expected text, found the number 5" + said
    assert problems["parties[0].iso_code"] == (
        "'ZZ' is not an ISO 3166-1 alpha-2 country code" + said
    )
    assert problems["parties[0].citations[0].source"] == ("no source has the key 'nowhere'" + said)
    assert problems["status_actions[0].accord"] == (
        "no accord has the key 'no-accord' (the 1st status action in the file, key 'sa')"
    )
    # The party it names is in the file (and reported there), not missing.
    assert "status_actions[0].party" not in problems
    assert len(problems) == 5, problems


def test_a_record_with_a_bad_field_still_has_its_other_fields_checked(store: Store) -> None:
    data = {
        "format": "accords-viewer",
        "format_version": 1,
        "sources": [
            {
                "key": "s",
                "title": "T",
                "published": 2021,
                "url": "javascript:x",
                "notes": "n" * 100_001,
            }
        ],
    }
    problems = {p.path for p in plan_import(data, store).problems}
    assert problems == {"sources[0].published", "sources[0].url", "sources[0].notes"}

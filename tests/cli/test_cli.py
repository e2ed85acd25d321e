"""The command line, run as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import NewDb
from tests.cli.databases import opened, snapshot
from tests.paths import PROJECT_ROOT
from tests.store.test_exchange import TEN_MISTAKES, with_ten_mistakes
from viewer import __version__
from viewer.app import main
from viewer.cli import parse_arguments, run_command
from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.paths import bundled_dataset, default_database_path
from viewer.store.store import Store

ROOT = PROJECT_ROOT


def test_version_from_every_entry_point() -> None:
    for command in (
        [sys.executable, "main.py", "--version"],
        [sys.executable, "-m", "viewer", "--version"],
    ):
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        assert result.returncode == 0
        assert result.stdout.strip() == f"accords-viewer {__version__}"


@pytest.mark.sqlite_only  # about a database file
def test_first_use_creates_the_default_database_in_the_user_data_folder(
    isolated_user_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = default_database_path()
    assert str(database).startswith(str(isolated_user_folders))
    assert not database.exists()
    assert main(["export", str(tmp_path / "out.json")]) == 0
    assert database.exists()
    exported = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert exported == bundled_dataset().read_text(encoding="utf-8")
    assert main(["check"]) == 0
    assert "No problems found." in capsys.readouterr().out


@pytest.mark.sqlite_only  # about a database file
def test_the_environment_variable_and_db_option_choose_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORDS_VIEWER_DB", str(tmp_path / "from-env.sqlite3"))
    assert main(["check"]) == 0
    assert (tmp_path / "from-env.sqlite3").exists()
    assert main(["--db", str(tmp_path / "option.sqlite3"), "check"]) == 0
    assert main(["check", "--db", str(tmp_path / "after.sqlite3")]) == 0
    assert (tmp_path / "option.sqlite3").exists() and (tmp_path / "after.sqlite3").exists()
    monkeypatch.delenv("ACCORDS_VIEWER_DB")
    assert not default_database_path().exists()  # the user data folder was never used


def test_help_says_that_no_command_opens_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "With no command, opens the window." in out
    assert "--screenshot PATH" in out and "--select KIND:NAME" in out


def test_export_import_export_round_trip(tmp_path: Path, new_db: NewDb) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["--db", new_db(True), "export", str(first)]) == 0
    empty = new_db(False)
    assert main(["--db", empty, "export", str(tmp_path / "nothing.json")]) == 0
    assert json.loads((tmp_path / "nothing.json").read_text())["parties"] == []
    assert main(["--db", empty, "import", str(first)]) == 0
    assert main(["--db", empty, "export", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_dry_run_checks_without_importing(
    tmp_path: Path, empty_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = empty_db
    assert main(["--db", db, "check"]) == 0
    assert main(["--db", db, "import", "--dry-run", str(bundled_dataset())]) == 0
    assert "would add 1 accord, 9 parties" in capsys.readouterr().out
    assert main(["--db", db, "export", str(tmp_path / "out.json")]) == 0
    assert json.loads((tmp_path / "out.json").read_text())["parties"] == []


def test_a_bad_import_lists_every_problem_and_leaves_the_database_unchanged(
    tmp_path: Path, empty_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = empty_db
    before = snapshot(db)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(with_ten_mistakes(json.loads(bundled_dataset().read_text()))))
    capsys.readouterr()
    assert main(["--db", db, "import", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert sorted(line.split(":")[0] for line in err[:-1]) == TEN_MISTAKES
    assert "sources[0].url: 'javascript:alert(1)' is not a web link" in "\n".join(err)
    assert err[-1].startswith("accords-viewer: 10 problems in") and "nothing was" in err[-1]
    assert snapshot(db) == before
    assert main(["--db", db, "import", "--dry-run", str(bad)]) == 1
    assert snapshot(db) == before


def test_check_reports_uncited_claims_and_exits_1(
    tmp_path: Path, empty_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    data["events"][0]["citations"] = []
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    db = empty_db
    assert main(["--db", db, "import", str(edited)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "check"]) == 1
    out = capsys.readouterr().out
    assert f"citation needed: event {data['events'][0]['key']!r} has no citation" in out


@pytest.mark.parametrize("query", ["%", "_", "'; DROP TABLE parties; --", "\\", "\x00", "ü" * 500])
def test_search_is_safe_for_any_input(
    seeded_db: str, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_db
    assert main(["--db", db, "search", query, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "search", "kazakhstan"]) == 0
    assert "participant\tkazakhstan\tKazakhstan" in capsys.readouterr().out


def test_search_ignores_case_beyond_ascii(
    seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_db
    assert main(["--db", db, "search", "KASSYM-JOMART", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {
        "kind": "person",
        "key": "kassym-jomart-tokayev",
        "label": "Kassym-Jomart Tokayev",
    } in hits


@pytest.mark.sqlite_only  # about a database file
def test_a_file_that_is_not_a_database_gets_one_line_and_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    assert main(["--db", str(notes), "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an SQLite database" in err
    assert notes.read_text() == "my notes"


def test_csv_export_writes_one_file_per_kind(tmp_path: Path, seeded_db: str) -> None:
    folder = tmp_path / "csv"
    assert main(["--db", seeded_db, "export", str(folder), "--format", "csv"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "accords.csv",
        "citations.csv",
        "event_roles.csv",
        "events.csv",
        "parties.csv",
        "people.csv",
        "sources.csv",
        "status_actions.csv",
    ]
    parties = (folder / "parties.csv").read_text(encoding="utf-8").splitlines()
    assert parties[0] == "key,name,party_kind,iso_code,notes"
    assert any(line.startswith("kazakhstan,Kazakhstan,state,KZ,") for line in parties)


def test_usage_mistakes_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "out", "--format", "xml"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.sqlite_only  # about a database file
def test_export_refuses_to_write_over_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "check"]) == 0
    before = db.read_bytes()
    for target in (db, Path(f"{db}-wal")):
        assert main(["--db", str(db), "export", str(target)]) == 1
        assert "is the database itself" in capsys.readouterr().err
    assert db.read_bytes() == before
    assert main(["--db", str(db), "check"]) == 0


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path, seeded_db: str) -> None:
    folder = tmp_path / "out" / "taken"
    folder.mkdir(parents=True)
    assert main(["--db", seeded_db, "export", str(folder)]) == 1
    assert [p.name for p in folder.parent.iterdir()] == ["taken"]
    assert list(folder.iterdir()) == []


@pytest.mark.sqlite_only  # about a database file
def test_a_database_name_with_url_characters_is_taken_literally(tmp_path: Path) -> None:
    odd = tmp_path / "a?mode=ro#x%41.sqlite3"
    assert main(["--db", str(odd), "check"]) == 0
    assert odd.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [odd.name]


@pytest.mark.sqlite_only  # about a database file
def test_a_folder_that_cannot_be_made_gets_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "/proc/no-such-folder/db.sqlite3", "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot create the folder" in err


def test_odd_json_is_reported_not_crashed_on(
    tmp_path: Path, empty_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = empty_db
    huge = tmp_path / "huge.json"
    huge.write_text('{"format": "accords-viewer", "format_version": 1' + "1" * 5000 + "}")
    assert main(["--db", db, "import", str(huge)]) == 1
    assert "cannot be read as JSON" in capsys.readouterr().err
    surrogate = tmp_path / "surrogate.json"
    data = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    data["parties"][0]["notes"] = "\ud800"
    surrogate.write_text(json.dumps(data))
    assert main(["--db", db, "import", str(surrogate)]) == 1
    assert "parties[0].notes: holds a broken character" in capsys.readouterr().err


def test_import_problems_cannot_drive_the_terminal(
    tmp_path: Path, empty_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    data["parties"][0]["\x1b[2J\x1b]0;pwned\x07"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    assert main(["--db", empty_db, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err


@pytest.mark.sqlite_only  # about a database file
def test_two_first_runs_at_once_make_one_database(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    command = [sys.executable, "-m", "viewer", "--db", str(db), "check"]
    runs = [
        subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    results = [(run.wait(timeout=120), run.communicate()) for run in runs]
    assert [code for code, _ in results] == [0, 0, 0], results
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite3"]
    assert main(["--db", str(db), "export", str(tmp_path / "out.json")]) == 0
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == bundled_dataset().read_text(
        encoding="utf-8"
    )


def test_a_rejected_import_leaves_a_filled_database_unchanged(
    tmp_path: Path, seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_db
    assert main(["--db", db, "check"]) == 0
    before = snapshot(db)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(with_ten_mistakes(json.loads(bundled_dataset().read_text()))))
    assert main(["--db", db, "import", str(bad)]) == 1
    assert set(TEN_MISTAKES) <= {
        line.split(":")[0] for line in capsys.readouterr().err.splitlines()
    }
    assert snapshot(db) == before


def test_non_ascii_names_survive_export_and_import(tmp_path: Path, new_db: NewDb) -> None:
    from viewer.domain.records import Party

    first, second = new_db(False), new_db(False)
    with opened(first) as store:
        store.add(Party(key="egypt", name="Égypte", iso_code="EG"))
        store.add(Party(key="turkiye", name="Türkiye", iso_code="TR"))
    exported = tmp_path / "out.json"
    assert main(["--db", first, "export", str(exported)]) == 0
    assert main(["--db", second, "import", str(exported)]) == 0
    again = tmp_path / "again.json"
    assert main(["--db", second, "export", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as a person's stderr is."""

    def isatty(self) -> bool:
        return True


def run(argv: list[str], err: io.StringIO) -> tuple[int, str]:
    arguments = parse_arguments(argv)
    store, handle = open_or_create(arguments.db, "tester", seed=not arguments.empty)
    out = io.StringIO()
    try:
        return run_command(arguments, store, out, err), out.getvalue()
    finally:
        handle.close()


def test_import_and_export_show_progress_on_a_terminal_only(tmp_path: Path, new_db: NewDb) -> None:
    db = new_db(False)
    dataset = str(bundled_dataset())
    data = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    total = sum(len(items) for items in data.values() if isinstance(items, list))
    terminal = Terminal()
    code, out = run(["--db", db, "import", dataset], terminal)
    assert code == 0
    assert out.startswith("Imported 1 accord, 9 parties") and out.count("\n") == 1
    checking, importing, rest = terminal.getvalue().split("\n")
    assert checking == f"\rChecking: {total} of {total} records (100%)"
    steps = importing.split("\r")[1:]
    assert steps[-1] == f"Importing: {total} of {total} records (100%)"
    counts = [int(step.split()[1]) for step in steps]
    assert len(counts) > 1 and counts == sorted(set(counts))
    assert rest == ""
    terminal = Terminal()
    code, out = run(["--db", db, "export", str(tmp_path / "out.json")], terminal)
    assert code == 0 and out == f"Wrote {tmp_path / 'out.json'}\n"
    assert terminal.getvalue().endswith(f"\rExporting: {total} of {total} records (100%)\n")
    piped = io.StringIO()
    assert run(["--db", db, "export", str(tmp_path / "again.json")], piped)[0] == 0
    assert run(["--db", new_db(False), "import", dataset], piped)[0] == 0
    assert piped.getvalue() == ""


def test_an_import_the_database_no_longer_fits_is_refused_whole(
    empty_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file checked, then overtaken by another writer before it is written."""
    from viewer.domain.records import Party
    from viewer.store import api

    checked = api.plan_file

    def overtaken(path: Path, store: Store, *arguments: object, **options: object) -> object:
        plan = checked(path, store)
        store.add(Party(key="kazakhstan", name="Qazaqstan"))  # another writer, meanwhile
        return plan

    monkeypatch.setattr(api, "plan_file", overtaken)
    db = empty_db
    data = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    where = [party["key"] for party in data["parties"]].index("kazakhstan")
    err = io.StringIO()
    code, out = run(["--db", db, "import", str(bundled_dataset())], err)
    assert (code, out) == (1, "")
    assert err.getvalue().splitlines() == [
        f"parties[{where}].key: 'kazakhstan' is already used by another participant",
        f"accords-viewer: {bundled_dataset()} no longer fits the database; nothing was imported",
    ]
    monkeypatch.undo()
    with opened(db) as store:
        assert [p.key for p in store.all(RecordKind.PARTY)] == ["kazakhstan"]
        assert len(store.revisions()) == 1 and store.count(RecordKind.EVENT) == 0


def test_check_reports_the_evidence_counts_as_warnings_and_passes(
    seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_db
    assert main(["--db", db, "check"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("evidence: ")]
    assert lines[0] == "evidence: claims without a citation: 0"
    assert "evidence: citations without a locator: 1 (warning)" in lines
    assert len(lines) == 5
    assert out.rstrip().endswith("No problems found.")

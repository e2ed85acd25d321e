"""``accords-viewer import --on-conflict``: the bundled export into the bundled
database changes nothing and says so; a changed title is a conflict that
fails by default, is kept out with ``skip`` and written with ``update``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.databases import opened, snapshot
from tests.reliability.test_gate_damaged import run
from viewer.domain.enums import RecordKind, RevisionAction

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"


def revisions_and_export(db: str, tmp_path: Path, name: str) -> tuple[int, str]:
    with opened(db) as store:
        count = len(store.revisions())
    out = tmp_path / name
    assert run("--db", db, "export", str(out))[0] == 0
    return count, out.read_text(encoding="utf-8")


def exported_with_new_title(db: str, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "theirs.json"
    assert run("--db", db, "export", str(path))[0] == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    old = data["sources"][0]["title"]
    assert data["sources"][0]["key"] == FOX
    data["sources"][0]["title"] = "Kazakhstan to join, officials confirm"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path, old


def test_the_bundled_export_into_the_bundled_database_changes_nothing(
    tmp_path: Path, seeded_db: str
) -> None:
    db = seeded_db
    export = tmp_path / "export.json"
    assert run("--db", db, "export", str(export))[0] == 0
    before = revisions_and_export(db, tmp_path, "before.json")
    code, out, err = run("--db", db, "import", "--on-conflict", "skip", str(export))
    assert (code, err) == (0, "")
    total = sum(
        len(items)
        for items in json.loads(export.read_text(encoding="utf-8")).values()
        if isinstance(items, list)
    )
    assert out == f"Added 0, updated 0, unchanged {total}: nothing changed.\n"
    assert revisions_and_export(db, tmp_path, "after.json") == before


def test_identical_records_are_no_conflict_even_by_default(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    export = tmp_path / "export.json"
    run("--db", db, "export", str(export))
    code, out, _ = run("--db", db, "import", str(export))
    assert code == 0 and out.endswith(": nothing changed.\n")


def test_a_conflict_fails_by_default_naming_the_record_and_writes_nothing(
    tmp_path: Path, seeded_db: str
) -> None:
    db = seeded_db
    path, old = exported_with_new_title(db, tmp_path)
    before = snapshot(db)
    code, out, err = run("--db", db, "import", str(path))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"source {FOX!r} differs from the database: title: {old!r} -> "
        "'Kazakhstan to join, officials confirm'",
        f"accords-viewer: 1 record in {path} differs from the database; nothing was imported. "
        "Use --on-conflict skip to keep the database's records, or --on-conflict update to "
        "take the file's",
    ]
    assert snapshot(db) == before


def test_skip_keeps_the_databases_record(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    path, _ = exported_with_new_title(db, tmp_path)
    before = revisions_and_export(db, tmp_path, "before.json")
    code, out, _ = run("--db", db, "import", "--on-conflict", "skip", str(path))
    assert code == 0 and out.startswith("Added 0, updated 0, unchanged ")
    assert out.endswith(", skipped 1: nothing changed.\n")
    assert revisions_and_export(db, tmp_path, "after.json") == before


def test_update_applies_the_title_and_the_history_records_it(
    tmp_path: Path, seeded_db: str
) -> None:
    db = seeded_db
    path, old = exported_with_new_title(db, tmp_path)
    code, out, _ = run("--db", db, "import", "--on-conflict", "update", str(path))
    assert code == 0
    assert out.startswith(f"Added 0, updated 1 (source {FOX}: title), unchanged ")
    with opened(db) as store:
        last = store.revisions(RecordKind.SOURCE, FOX)[-1]
    assert last.action is RevisionAction.UPDATE
    assert last.changes == {"title": (old, "Kazakhstan to join, officials confirm")}


def test_a_dry_run_says_what_would_happen(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    path, _ = exported_with_new_title(db, tmp_path)
    before = snapshot(db)
    code, out, _ = run("--db", db, "import", "--on-conflict", "update", "--dry-run", str(path))
    assert code == 0
    assert out.startswith(f"{path} is fine: an import would add 0, update 1, leave ")
    assert snapshot(db) == before

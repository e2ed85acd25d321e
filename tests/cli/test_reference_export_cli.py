"""`export --format csl-json|bibtex|ris`, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import rispy
from bibtexparser.entrypoint import parse_string

from tests.paths import PROJECT_ROOT
from viewer.cli.arguments import REFERENCE_FORMATS
from viewer.store import api

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"


def run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, arguments)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_the_command_line_offers_the_store_s_formats() -> None:
    assert REFERENCE_FORMATS == api.REFERENCE_FORMATS


def test_each_format_writes_the_bundled_sources(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    for file_format, name in (("csl-json", "s.json"), ("bibtex", "s.bib"), ("ris", "s.ris")):
        result = run("--db", db, "export", tmp_path / name, "--format", file_format)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"Wrote 3 sources to {tmp_path / name}"
    items = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert FOX in [item["id"] for item in items]
    library = parse_string((tmp_path / "s.bib").read_text(encoding="utf-8"))
    assert library.entries_dict[FOX]["author"] == "Carnahan, Ashley and Tomlinson, Lucas Y."
    records = rispy.loads((tmp_path / "s.ris").read_text(encoding="utf-8"))
    assert {record["id"] for record in records} == {item["id"] for item in items}


def test_sources_of_a_record(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    target = tmp_path / "one.json"
    result = run(
        "--db", db, "export", target, "--format", "csl-json", "--sources-of", f"source:{FOX}"
    )
    assert result.returncode == 0, result.stderr
    assert [item["id"] for item in json.loads(target.read_text(encoding="utf-8"))] == [FOX]


def test_mistakes_say_what_is_wrong_and_write_nothing(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    out = tmp_path / "out"
    out.mkdir()
    missing = run(
        "--db", db, "export", out / "x.bib", "--format", "bibtex", "--sources-of", "event:nowhere"
    )
    assert missing.returncode == 1
    assert "there is no event 'nowhere'" in missing.stderr

    not_kind_key = run(
        "--db", db, "export", out / "x.ris", "--format", "ris", "--sources-of", "oops"
    )
    assert not_kind_key.returncode == 2
    assert "'oops' is not KIND:KEY" in not_kind_key.stderr

    wrong_format = run("--db", db, "export", out / "x.json", "--sources-of", f"source:{FOX}")
    assert wrong_format.returncode == 2
    assert "--sources-of goes with --format csl-json|bibtex|ris" in wrong_format.stderr

    nowhere = out / "no-such-folder" / "x.ris"
    unwritable = run("--db", db, "export", nowhere, "--format", "ris")
    assert unwritable.returncode == 1
    assert f"cannot write {nowhere}" in unwritable.stderr
    assert list(out.iterdir()) == []

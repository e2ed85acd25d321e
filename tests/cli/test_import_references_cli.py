"""``accords-viewer import`` of sources as CSL-JSON, BibTeX or RIS: the format
from the extension or ``--format``, merged as any import."""

from __future__ import annotations

from pathlib import Path

from tests.cli.databases import opened
from tests.reliability.test_gate_damaged import run
from viewer.domain.enums import RecordKind
from viewer.domain.records import Author, Source

NEW_SOURCE = (
    "TY  - JOUR\nID  - gulf-2024\nTI  - Gulf ties after the accords\n"
    "AU  - bin Zayed, Abdullah\nT2  - The Gulf Review\nPY  - 2024\nER  - \n"
)


def test_the_csl_json_export_imported_back_with_skip_changes_nothing(
    tmp_path: Path, seeded_db: str
) -> None:
    db = seeded_db
    refs = tmp_path / "refs.json"
    assert run("--db", db, "export", str(refs), "--format", "csl-json")[0] == 0
    code, out, err = run("--db", db, "import", "--on-conflict", "skip", str(refs))
    assert (code, err) == (0, "")
    assert out == "Added 0, updated 0, unchanged 3: nothing changed.\n"


def test_a_ris_file_adds_its_source_with_a_particle_kept(tmp_path: Path, seeded_db: str) -> None:
    db = seeded_db
    refs = tmp_path / "new.txt"
    refs.write_text(NEW_SOURCE, encoding="utf-8")
    code, out, err = run("--db", db, "import", "--format", "ris", str(refs))
    assert (code, err) == (0, ""), err
    assert "1 source" in out
    with opened(db) as store:
        added = store.get(RecordKind.SOURCE, "gulf-2024")
    assert isinstance(added, Source)
    assert added.authors == (Author("bin Zayed", "Abdullah"),)
    assert added.container_title == "The Gulf Review"


def test_a_bibtex_file_with_a_broken_entry_imports_nothing_and_says_why(
    tmp_path: Path, seeded_db: str
) -> None:
    db = seeded_db
    refs = tmp_path / "refs.bib"
    refs.write_text("@article{fine, title={Fine}}\n@article{untitled, year={2020}}\n")
    code, out, err = run("--db", db, "import", str(refs))
    assert code == 1 and out == ""
    assert "untitled" in err and "nothing was imported" in err
    with opened(db) as store:
        assert store.get(RecordKind.SOURCE, "fine") is None

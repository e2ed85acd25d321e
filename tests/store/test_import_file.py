"""Importing any file the app reads: its own exchange file, or sources as
CSL-JSON, BibTeX or RIS, told apart by name (and a .json file by its first
character), planned and merged as one import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.import_merge import Choice, Standing
from viewer.domain.records import Author, Source
from viewer.store import api
from viewer.store.store import Store

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("refs.bib", "@misc{a, title={T}}", "bibtex"),
        ("refs.BIBTEX", "@misc{a, title={T}}", "bibtex"),
        ("refs.ris", "TY  - GEN\nER  - \n", "ris"),
        ("refs.json", '\ufeff  [{"id": "a", "type": "book"}]', "csl-json"),
        ("data.json", '{"format": "accords-viewer"}', "json"),
        ("notes.txt", "anything", "json"),
    ],
)
def test_the_format_is_told_from_the_name_and_a_json_files_first_character(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert api.import_format_of(path) == expected


@pytest.mark.parametrize("file_format", ["csl-json", "ris"])
def test_the_bundled_sources_exported_then_imported_change_nothing(
    seeded_store: Store, tmp_path: Path, file_format: api.ReferenceFormat
) -> None:
    path = tmp_path / f"sources.{'json' if file_format == 'csl-json' else 'ris'}"
    api.export_references(seeded_store, path, file_format)
    plan = api.plan_file(path, seeded_store)
    assert plan.problems == []
    counts = plan.counts()
    assert counts[Standing.UNCHANGED] == seeded_store.count(RecordKind.SOURCE)
    assert counts[Standing.NEW] == counts[Standing.CHANGED] == 0


def test_a_changed_title_in_a_ris_file_is_an_update_that_the_history_records(
    tmp_path: Path, seeded_store: Store
) -> None:
    path = tmp_path / "sources.ris"
    api.export_references(seeded_store, path, "ris")
    text = path.read_text(encoding="utf-8")
    old = "Kazakhstan joining Abraham Accords, US official confirms"
    assert old in text
    path.write_text(text.replace(old, "Kazakhstan to join, officials confirm"), encoding="utf-8")

    plan = api.plan_file(path, seeded_store)
    assert plan.problems == []
    changed = [entry for entry in plan.entries if entry.standing is Standing.CHANGED]
    assert [entry.record.key for entry in changed] == [FOX]
    assert "title" in changed[0].changes_text
    outcome = api.merge_import(plan, seeded_store)
    assert [after.key for _, after in outcome.updated] == [FOX]
    source = seeded_store.get(RecordKind.SOURCE, FOX)
    assert isinstance(source, Source) and source.title == "Kazakhstan to join, officials confirm"
    assert source.notes  # RIS carries no notes: the database's are kept
    last = seeded_store.revisions(RecordKind.SOURCE, FOX)[-1]
    assert last.action is RevisionAction.UPDATE
    assert last.changes["title"] == (old, "Kazakhstan to join, officials confirm")


def test_a_new_bibtex_source_with_a_particle_is_added(seeded_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "new.bib"
    path.write_text(
        "@article{berg-2024,\n  title = {Gulf ties},\n  author = {van der Berg, Jan},\n"
        "  journal = {The Gulf Review},\n  year = {2024},\n  month = {3},\n"
        "  doi = {10.1234/GULF.1}\n}\n",
        encoding="utf-8",
    )
    plan = api.plan_file(path, seeded_store)
    assert plan.problems == []
    assert [entry.standing for entry in plan.entries] == [Standing.NEW]
    assert plan.choices == [Choice.ADD]
    api.merge_import(plan, seeded_store)
    added = seeded_store.get(RecordKind.SOURCE, "berg-2024")
    assert isinstance(added, Source)
    assert added.authors == (Author("van der Berg", "Jan"),)
    assert (added.container_title, added.doi, str(added.published)) == (
        "The Gulf Review",
        "10.1234/GULF.1",
        "2024-03",
    )


def test_a_broken_file_is_refused_whole_naming_the_item(
    seeded_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    items = [{"id": "fine", "type": "book", "title": "Fine"}, {"id": "bad", "type": "book"}]
    path.write_text(json.dumps(items), encoding="utf-8")
    before = seeded_store.count(RecordKind.SOURCE)
    plan = api.plan_file(path, seeded_store)
    assert [str(problem) for problem in plan.problems] == ["item 2 (id 'bad'), title: is required"]
    assert seeded_store.count(RecordKind.SOURCE) == before


def test_a_format_asked_for_wins_over_the_name(seeded_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    api.export_references(seeded_store, path, "ris")
    plan = api.plan_file(path, seeded_store, "ris")
    assert plan.problems == []
    assert {entry.record.key for entry in plan.entries} == seeded_store.keys(RecordKind.SOURCE)

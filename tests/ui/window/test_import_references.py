"""File ▸ Import… of a reference manager's file: a BibTeX file of new sources
is added at once, one whose source the database has opens the preview."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from tests.ui.window.test_file_menu import AnsweringChooser, run_to_end
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.records import Author, Source
from viewer.store import api
from viewer.ui.window.file_chooser import IMPORT_FILTER
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Any, settings: QSettings
) -> Iterator[MainWindow]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    yield built


def test_the_import_dialog_offers_the_reference_formats() -> None:
    for pattern in ("*.json", "*.bib", "*.ris"):
        assert pattern in IMPORT_FILTER.split(";;")[0]


def test_a_bibtex_file_of_new_sources_is_added_and_one_undo_removes_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "new.bib"
    path.write_text(
        "@article{berg-2024, title={Gulf ties}, author={van der Berg, Jan}, year={2024}}\n",
        encoding="utf-8",
    )
    chooser = AnsweringChooser()
    window.file_actions.chooser = chooser
    chooser.to_import = path
    run_to_end(qtbot, window.file_actions.import_file())
    added = window.store.get(RecordKind.SOURCE, "berg-2024")
    assert isinstance(added, Source) and added.authors == (Author("van der Berg", "Jan"),)
    window.editor.undo_stack.undo()
    assert window.store.get(RecordKind.SOURCE, "berg-2024") is None


def test_a_csl_json_file_the_database_has_opens_the_preview(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "refs.json"
    api.export_references(window.store, path, "csl-json")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Kazakhstan joining Abraham Accords", "Kazakhstan joins Abraham Accords"
        ),
        encoding="utf-8",
    )
    chooser = AnsweringChooser()
    window.file_actions.chooser = chooser
    chooser.to_import = path
    revisions = len(window.store.revisions())
    run_to_end(qtbot, window.file_actions.import_file())
    dialog = window.file_actions.importer.preview
    assert dialog is not None and dialog.isVisible()
    assert "1 changed" in dialog.counts.text()
    assert len(window.store.revisions()) == revisions  # nothing written before Import
    dialog.reject()

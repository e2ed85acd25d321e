"""File ▸ Import… of a file whose records the database has: a preview with
counts and a choice per record, driven from the keyboard; nothing written
until Import; the whole import one step of Edit ▸ Undo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from tests.ui.window.test_file_menu import AnsweringChooser, run_to_end
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.import_merge import Choice
from viewer.domain.records import Source
from viewer.store import api
from viewer.store.api import ImportPlan, Store
from viewer.ui.window.import_preview_dialog import ImportPreviewDialog
from viewer.ui.window.import_preview_model import CHOICE, ImportPreviewModel
from viewer.ui.window.main_window import MainWindow

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"
NEW_TITLE = "<b>Kazakhstan</b> to join, officials confirm"


def their_file(store: Store, path: Path) -> Path:
    """The database's own export with one title changed and one source added."""
    api.export_json(store, path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["sources"][0]["title"] = NEW_TITLE
    data["sources"].append({"key": "extra-report", "title": "An extra report"})
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def planned(store: Store, path: Path) -> ImportPlan:
    data, problems = api.read_file(path)
    assert problems == []
    plan = api.plan_import(data, store)
    assert plan.problems == []
    return plan


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Any, settings: QSettings
) -> Iterator[MainWindow]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    yield built


def tab_to(qtbot: QtBot, wanted: QWidget) -> None:
    for _ in range(12):
        if QApplication.focusWidget() is wanted:
            return
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted!r}")


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, seeded_store: Store, tmp_path: Path
) -> None:
    model = ImportPreviewModel(planned(seeded_store, their_file(seeded_store, tmp_path / "t.json")))
    qtmodeltester.check(model)
    model.set_only_changes(True)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.setData(model.index(0, CHOICE), Choice.SKIP.value)
    assert not model.setData(model.index(1, CHOICE), Choice.UPDATE.value)  # a new record


def test_the_preview_is_driven_with_the_keyboard(
    qtbot: QtBot, seeded_store: Store, tmp_path: Path
) -> None:
    plan = planned(seeded_store, their_file(seeded_store, tmp_path / "t.json"))
    dialog = ImportPreviewDialog(plan, "t.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)
    unchanged = plan.total - 2
    assert dialog.counts.text() == f"1 new, 1 changed, {unchanged} unchanged"
    assert dialog.only_changes.isChecked() and dialog.model.rowCount() == 2
    model = dialog.model
    # The changed source comes first, selected; its changes are plain text.
    assert str(model.data(model.index(0, 3))).endswith(f"-> {NEW_TITLE!r}")
    assert model.data(model.index(0, CHOICE)) == "Update"
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert model.choice(0) is Choice.SKIP
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    assert model.data(model.index(0, CHOICE)) == f"Add as new ({FOX}-2)"
    # A new record can only be added: U on it changes nothing.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_U)
    assert model.data(model.index(1, CHOICE)) == "Add"
    # "Update all" reached with Tab, then the unchanged shown too.
    tab_to(qtbot, dialog.update_all)
    qtbot.keyClick(dialog.update_all, Qt.Key.Key_Space)
    assert model.choice(0) is Choice.UPDATE
    assert QApplication.focusWidget() is dialog.table
    assert dialog.outcome.text() == (
        f"Import will add 1 and update 1 records; {unchanged:,} stay as they are."
    )
    tab_to(qtbot, dialog.only_changes)
    qtbot.keyClick(dialog.only_changes, Qt.Key.Key_Space)
    assert not dialog.only_changes.isChecked()
    assert model.rowCount() == plan.total
    tab_to(qtbot, dialog.table)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)


def test_escape_cancels_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    chooser = AnsweringChooser()
    window.file_actions.chooser = chooser
    chooser.to_import = their_file(window.store, tmp_path / "theirs.json")
    revisions = len(window.store.revisions())
    run_to_end(qtbot, window.file_actions.import_file())
    dialog = window.file_actions.importer.preview
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert len(window.store.revisions()) == revisions
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was changed"


def test_one_undo_takes_back_a_whole_merge_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    chooser = AnsweringChooser()
    window.file_actions.chooser = chooser
    chooser.to_import = their_file(window.store, tmp_path / "theirs.json")
    store = window.store
    old = store.get(RecordKind.SOURCE, FOX)
    assert old is not None
    before = api.export_data(store)
    run_to_end(qtbot, window.file_actions.import_file())
    dialog = window.file_actions.importer.preview
    assert dialog is not None
    tasks = window.file_actions
    with qtbot.waitSignal(tasks.taskEnded, timeout=60_000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert store.get(RecordKind.SOURCE, "extra-report") is not None
    updated = store.get(RecordKind.SOURCE, FOX)
    assert updated is not None and updated.label == NEW_TITLE
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(f"Imported theirs.json: Added 1, updated 1 (source {FOX}: title)")
    )
    stack = window.editor.undo_stack
    assert stack.undoText() == "Import theirs.json"
    window.edit_actions.undo.trigger()
    assert store.get(RecordKind.SOURCE, "extra-report") is None
    assert api.export_data(store) == before
    window.edit_actions.redo.trigger()
    again = store.get(RecordKind.SOURCE, FOX)
    assert again is not None and again.label == NEW_TITLE
    assert store.get(RecordKind.SOURCE, "extra-report") is not None


def test_a_screenshot_of_the_preview(qtbot: QtBot, seeded_store: Store, tmp_path: Path) -> None:
    path = their_file(seeded_store, tmp_path / "theirs.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["parties"][0]["notes"] = "Joined in 2020; see the signing ceremony."
    data["events"][1]["title"] = data["events"][1]["title"] + " (revised)"
    path.write_text(json.dumps(data), encoding="utf-8")
    dialog = ImportPreviewDialog(planned(seeded_store, path), "theirs.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert dialog.model.data(dialog.model.index(2, CHOICE)) == "Skip"
    shots = Path("/work/shots")
    if shots.is_dir():
        assert dialog.grab().save(str(shots / "import_preview.png"))


def test_an_undo_refused_by_a_later_change_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    chooser = AnsweringChooser()
    window.file_actions.chooser = chooser
    chooser.to_import = their_file(window.store, tmp_path / "theirs.json")
    store = window.store
    run_to_end(qtbot, window.file_actions.import_file())
    dialog = window.file_actions.importer.preview
    assert dialog is not None
    with qtbot.waitSignal(window.file_actions.taskEnded, timeout=60_000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    extra = store.get(RecordKind.SOURCE, "extra-report")
    assert isinstance(extra, Source)
    store.update(replace(extra, title="An extra report, corrected"))
    after = api.export_data(store)
    window.edit_actions.undo.trigger()
    assert api.export_data(store) == after
    assert window.statusBar().currentMessage() == (
        "Could not undo “Import theirs.json”: source 'extra-report' was changed by someone "
        "since; nothing was changed"
    )


def test_f2_opens_the_list_of_a_records_choices(
    qtbot: QtBot, seeded_store: Store, tmp_path: Path
) -> None:
    plan = planned(seeded_store, their_file(seeded_store, tmp_path / "t.json"))
    dialog = ImportPreviewDialog(plan, "t.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setCurrentIndex(dialog.model.index(0, CHOICE))
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    box = dialog.table.findChild(QComboBox)
    assert box is not None
    assert [box.itemText(n) for n in range(box.count())] == [
        "Update",
        "Skip",
        f"Add as new ({FOX}-2)",
    ]
    box.setCurrentIndex(1)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.choice(0) is Choice.SKIP)  # committed when Qt is idle
    # A new record offers one choice: its cell does not open.
    assert not dialog.model.flags(dialog.model.index(1, CHOICE)) & Qt.ItemFlag.ItemIsEditable

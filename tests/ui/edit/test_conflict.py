"""Two writers, nothing lost: the ConflictDialog and saves that meet another writer's change."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QWidget,
)

from tests.paths import PROJECT_ROOT
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Citation, Party, Record
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import run_checks
from viewer.store.store import Store
from viewer.ui.edit.conflict_dialog import ConflictDialog, resolve_with_dialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.record_editor import RecordEditor

ROOT = PROJECT_ROOT
HOSTILE = "<b>x</b>"
MY_NAME = "Republic of Kazakhstan"
OTHER_NOTES = "Joined the Abraham Accords on 6 November 2025 (saved by another process)."
# The second writer: another process with its own Store on the same file.
OTHER_PROCESS = (
    "import dataclasses, sys; from pathlib import Path; "
    "from viewer.domain.enums import RecordKind; "
    "from viewer.store.bootstrap import open_or_create; "
    "s, o = open_or_create(Path(sys.argv[1]), 'other', seed=False); "
    "k = s.get(RecordKind.PARTY, 'kazakhstan'); "
    "s.update(dataclasses.replace(k, notes=sys.argv[2])); "
    "o.engine.dispose()"
)

BASE = Party(
    key="kazakhstan",
    name="Kazakhstan",
    iso_code="KZ",
    notes="Expected to join.",
    citations=(Citation("fox-kz", "para. 1"),),
    version=3,
)
MINE = dataclasses.replace(BASE, name=MY_NAME, citations=(Citation("fox-kz", "para. 2"),))
THEIRS = dataclasses.replace(
    BASE, notes=OTHER_NOTES, citations=(Citation("reuters", "headline"),), version=4
)


def _conflict_dialog(
    qtbot: QtBot, mine: Record = MINE, theirs: Record = THEIRS, base: Record | None = None
) -> ConflictDialog:
    dialog = ConflictDialog(mine, theirs, base=base)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _table(dialog: QWidget) -> QTableWidget:
    table = dialog.findChild(QTableWidget, "conflictTable")
    assert table is not None
    return table


def _column_texts(table: QTableWidget, column: int) -> list[str]:
    items = (table.item(row, column) for row in range(table.rowCount()))
    return [item.text() if item is not None else "" for item in items]


# -- ConflictDialog ------------------------------------------------------------------


def test_only_the_differing_fields_are_listed_side_by_side(qtbot: QtBot) -> None:
    dialog = _conflict_dialog(qtbot)
    assert dialog.differing_fields() == ["name", "notes", "citations"]
    table = _table(dialog)
    assert _column_texts(table, 0) == ["Name", "Notes", "Citations"]
    assert _column_texts(table, 2) == [
        MY_NAME,
        "Expected to join.",
        "• Source: fox-kz; Locator: para. 2",
    ]
    assert _column_texts(table, 3) == [
        "Kazakhstan",
        OTHER_NOTES,
        "• Source: reuters; Locator: headline",
    ]
    assert table.isColumnHidden(1)  # "Changed by" needs the record as editing began


def test_keep_all_mine_gives_my_record_at_the_saved_version(qtbot: QtBot) -> None:
    dialog = _conflict_dialog(qtbot)
    _click(qtbot, dialog, "takeTheirsButton")
    _click(qtbot, dialog, "keepMineButton")
    assert dialog.merged() == dataclasses.replace(MINE, version=THEIRS.version)


def test_take_all_theirs_gives_the_saved_record(qtbot: QtBot) -> None:
    dialog = _conflict_dialog(qtbot)
    _click(qtbot, dialog, "takeTheirsButton")
    assert dialog.merged() == THEIRS


def test_a_per_field_merge_takes_each_field_from_its_chosen_side(qtbot: QtBot) -> None:
    dialog = _conflict_dialog(qtbot)
    dialog.choose("name", mine=True)
    dialog.choose("notes", mine=False)
    dialog.choose("citations", mine=True)
    assert dialog.merged() == dataclasses.replace(MINE, notes=OTHER_NOTES, version=THEIRS.version)
    # The choice is the row's own widget, so the user makes it the same way.
    combo = _table(dialog).findChild(QComboBox, "keep_citations")
    assert combo is not None
    combo.setCurrentIndex(1)
    merged = dialog.merged()
    assert isinstance(merged, Party)
    assert merged.citations == THEIRS.citations


def test_with_the_starting_record_each_field_starts_on_the_side_that_changed_it(
    qtbot: QtBot,
) -> None:
    dialog = _conflict_dialog(qtbot, base=BASE)
    table = _table(dialog)
    assert not table.isColumnHidden(1)
    assert _column_texts(table, 1) == ["you", "them", "both"]
    # Saving straight away keeps both writers' edits; both changed the citations: mine.
    assert dialog.merged() == dataclasses.replace(MINE, notes=OTHER_NOTES, version=THEIRS.version)


def test_choosing_a_field_that_does_not_differ_is_refused(qtbot: QtBot) -> None:
    dialog = _conflict_dialog(qtbot)
    with pytest.raises(KeyError):
        dialog.choose("iso_code", mine=True)


def test_hostile_values_are_shown_as_plain_text(qtbot: QtBot) -> None:
    mine = dataclasses.replace(MINE, notes=HOSTILE)
    dialog = _conflict_dialog(qtbot, mine=mine)
    item = _table(dialog).item(1, 2)
    assert item is not None
    assert item.text() == HOSTILE
    assert "<b>" not in item.toolTip()
    assert "&lt;b&gt;x&lt;/b&gt;" in item.toolTip()
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() is Qt.TextFormat.PlainText


def test_a_long_value_is_cut_in_its_cell_and_whole_in_its_tooltip(qtbot: QtBot) -> None:
    long_notes = "word " * 200
    dialog = _conflict_dialog(qtbot, mine=dataclasses.replace(MINE, notes=long_notes))
    item = _table(dialog).item(1, 2)
    assert item is not None
    assert item.text().endswith("…")
    assert len(item.text()) < len(long_notes)
    assert long_notes.strip() in item.toolTip()


def test_a_mix_that_is_not_a_valid_record_cannot_be_saved(qtbot: QtBot) -> None:
    organisation = dataclasses.replace(BASE, party_kind=PartyKind.ORGANISATION, iso_code=None)
    state = dataclasses.replace(BASE, iso_code="KZ", version=4)
    dialog = _conflict_dialog(qtbot, mine=organisation, theirs=state)
    save = dialog.findChild(QPushButton, "saveMergedButton")
    assert save is not None
    dialog.choose("party_kind", mine=True)
    dialog.choose("iso_code", mine=False)  # an organisation with a country code
    assert not save.isEnabled()
    problem = dialog.findChild(QLabel, "mergeProblem")
    assert problem is not None
    assert "organisation has no ISO 3166" in problem.text()
    dialog.choose("iso_code", mine=True)
    assert save.isEnabled()


def test_every_interactive_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = _conflict_dialog(qtbot)
    interactive = [*dialog.findChildren(QPushButton), *dialog.findChildren(QComboBox)]
    interactive.append(_table(dialog))
    assert len(interactive) == 4 + 3 + 1
    for widget in interactive:
        assert widget.accessibleName(), widget.objectName()
    names = {button.objectName() for button in dialog.findChildren(QPushButton)}
    assert {"keepMineButton", "takeTheirsButton", "saveMergedButton", "cancelButton"} <= names


def _press_in_modal_dialog(qtbot: QtBot, name: str, pressed: list[str]) -> None:
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        button = dialog.findChild(QPushButton, name) if dialog is not None else None
        if button is None:
            if isinstance(dialog, QDialog):
                dialog.done(QDialog.DialogCode.Rejected)  # never leave exec() waiting
            return
        pressed.append(type(dialog).__name__)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def test_the_default_resolver_returns_the_merge_on_save_and_nothing_on_cancel(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    pressed: list[str] = []
    _press_in_modal_dialog(qtbot, "saveMergedButton", pressed)
    merged = resolve_with_dialog(MINE, THEIRS, parent, base=BASE)
    assert merged == dataclasses.replace(MINE, notes=OTHER_NOTES, version=THEIRS.version)
    _press_in_modal_dialog(qtbot, "cancelButton", pressed)
    assert resolve_with_dialog(MINE, THEIRS, parent, base=BASE) is None
    assert pressed == ["ConflictDialog", "ConflictDialog"]


# -- saving over another process's change ---------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Path:
    """A seeded database file that two processes share (a copy of the seeded template)."""
    return seeded_copy(tmp_path / "shared.sqlite3")


def _other_process_saves_notes(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, str(path), OTHER_NOTES], cwd=ROOT, check=True
    )


Resolver = Callable[[Record, Record, QWidget], Record | None]


def _edit_kazakhstan_while_another_process_saves(
    qtbot: QtBot, store: Store, path: Path, resolver: Resolver
) -> tuple[RecordEditor, PartyDialog, Record | None]:
    """Open Kazakhstan's dialog, let another process save its notes, then type
    a new name here and press Save."""
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[PartyDialog] = []

    def run_dialog(dialog: RecordDialog) -> int:
        assert isinstance(dialog, PartyDialog)
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _other_process_saves_notes(path)
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, MY_NAME)
        _click(qtbot, dialog, "saveButton")
        return dialog.result()

    editor = RecordEditor(
        store,
        parent,
        confirm_discard=lambda _: True,
        run_dialog=run_dialog,
        resolve_conflict=resolver,
    )
    saved = editor.edit(RecordKind.PARTY, "kazakhstan")
    return editor, opened[0], saved


def _keep_my_name_take_their_notes(qtbot: QtBot, seen: list[ConflictDialog]) -> Resolver:
    def resolve(mine: Record, theirs: Record, parent: QWidget) -> Record | None:
        dialog = ConflictDialog(mine, theirs, parent)
        seen.append(dialog)
        dialog.show()
        assert dialog.differing_fields() == ["name", "notes"]
        dialog.choose("name", mine=True)
        dialog.choose("notes", mine=False)
        _click(qtbot, dialog, "saveMergedButton")
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.merged()

    return resolve


def test_two_processes_editing_one_record_lose_neither_edit(qtbot: QtBot, db_path: Path) -> None:
    store, _ = open_or_create(db_path, "tester", seed=False)
    seen: list[ConflictDialog] = []
    _, dialog, _ = _edit_kazakhstan_while_another_process_saves(
        qtbot, store, db_path, _keep_my_name_take_their_notes(qtbot, seen)
    )
    assert len(seen) == 1
    assert not dialog.isVisible()  # saved and closed
    store.engine.dispose()

    fresh, _ = open_or_create(db_path, "checker", seed=False)
    kazakhstan = fresh.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    assert kazakhstan.name == MY_NAME
    assert kazakhstan.notes == OTHER_NOTES
    updates = [r for r in fresh.revisions(RecordKind.PARTY, "kazakhstan") if r.user != "tester"]
    assert [(r.user, set(r.changes)) for r in updates] == [("other", {"notes"})]
    mine = [r for r in fresh.revisions(RecordKind.PARTY, "kazakhstan")[1:] if r.user == "tester"]
    assert [set(r.changes) for r in mine] == [{"name"}]
    assert run_checks(fresh) == []
    fresh.engine.dispose()


def test_undoing_a_merge_goes_back_to_the_other_writers_record(qtbot: QtBot, db_path: Path) -> None:
    store, _ = open_or_create(db_path, "tester", seed=False)
    editor, _, _ = _edit_kazakhstan_while_another_process_saves(
        qtbot, store, db_path, _keep_my_name_take_their_notes(qtbot, [])
    )
    assert editor.undo_stack.undoText() == "Edit Kazakhstan"
    editor.undo_stack.undo()
    kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    assert (kazakhstan.name, kazakhstan.notes) == ("Kazakhstan", OTHER_NOTES)
    editor.undo_stack.redo()
    kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    assert (kazakhstan.name, kazakhstan.notes) == (MY_NAME, OTHER_NOTES)
    assert run_checks(store) == []
    store.engine.dispose()


def test_cancelling_the_merge_keeps_the_dialog_open_and_saves_nothing(
    qtbot: QtBot, db_path: Path
) -> None:
    store, _ = open_or_create(db_path, "tester", seed=False)
    offered: list[tuple[str, str]] = []

    def cancel(mine: Record, theirs: Record, parent: QWidget) -> Record | None:
        assert isinstance(mine, Party)
        assert isinstance(theirs, Party)
        offered.append((mine.name, theirs.notes))
        return None

    editor, dialog, saved = _edit_kazakhstan_while_another_process_saves(
        qtbot, store, db_path, cancel
    )
    assert saved is None
    assert dialog.isVisible()
    assert dialog.name_edit.text() == MY_NAME  # what the user typed is still there
    problem = dialog.findChild(QLabel, "saveProblem")
    assert problem is not None
    assert "changed by someone else" in problem.text()
    assert offered == [(MY_NAME, OTHER_NOTES)]
    kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    assert (kazakhstan.name, kazakhstan.notes) == ("Kazakhstan", OTHER_NOTES)
    assert editor.undo_stack.count() == 0
    assert run_checks(store) == []
    store.engine.dispose()


# -- saving a record someone else deleted ---------------------------------------------


def _edit_while_deleted(
    qtbot: QtBot, store: Store, answer: bool
) -> tuple[RecordEditor, PartyDialog, list[str]]:
    store.add(Party(key="atlantis", name="Atlantis", iso_code=None))
    other = Store(store.engine, "other")
    asked: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[PartyDialog] = []

    def run_dialog(dialog: RecordDialog) -> int:
        assert isinstance(dialog, PartyDialog)
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        other.delete(RecordKind.PARTY, "atlantis")
        dialog.notes_edit.setPlainText("Mythical; kept for the record.")
        _click(qtbot, dialog, "saveButton")
        return dialog.result()

    def confirm(parent: QWidget, title: str, text: str) -> bool:
        asked.append(text)
        return answer

    editor = RecordEditor(
        store,
        parent,
        confirm=confirm,
        confirm_discard=lambda _: True,
        run_dialog=run_dialog,
        resolve_conflict=lambda *_: pytest.fail("a deleted record has nothing to merge"),
    )
    editor.edit(RecordKind.PARTY, "atlantis")
    return editor, opened[0], asked


def test_a_record_deleted_meanwhile_can_be_saved_again_as_new(qtbot: QtBot, store: Store) -> None:
    editor, dialog, asked = _edit_while_deleted(qtbot, store, answer=True)
    assert len(asked) == 1
    assert "deleted" in asked[0]
    assert not dialog.isVisible()
    atlantis = store.get(RecordKind.PARTY, "atlantis")
    assert isinstance(atlantis, Party)
    assert atlantis.notes == "Mythical; kept for the record."
    assert editor.undo_stack.undoText() == "New participant Atlantis"


def test_a_record_deleted_meanwhile_is_not_saved_unless_the_user_says_so(
    qtbot: QtBot, store: Store
) -> None:
    editor, dialog, asked = _edit_while_deleted(qtbot, store, answer=False)
    assert len(asked) == 1
    assert dialog.isVisible()
    assert dialog.notes_edit.toPlainText() == "Mythical; kept for the record."
    problem = dialog.findChild(QLabel, "saveProblem")
    assert problem is not None
    assert "deleted this record" in problem.text()
    assert store.get(RecordKind.PARTY, "atlantis") is None
    assert editor.undo_stack.count() == 0

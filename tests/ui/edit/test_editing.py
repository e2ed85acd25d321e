"""Editing through the window, as a new user does it: real dialogs, real database."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from tests.paths import PROJECT_ROOT
from tests.ui.children import child
from viewer.app import create_main_window
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Event, Party, Source, StatusAction
from viewer.store.checks import run_checks
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.person_dialog import PersonDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.window.main_window import MainWindow

KZ_ACTION = "kazakhstan-expected-to-join-2025"


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    """The window on ``tmp_path / "db.sqlite3"``, a copy of the seeded template."""
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    built.editor.services = dataclasses.replace(
        built.editor.services, confirm_discard=lambda _parent: True
    )
    built.notify = lambda text: pytest.fail(f"unexpected message: {text}")
    yield built


def when_dialog_opens(handle: Callable[[RecordDialog], None]) -> None:
    """Run ``handle`` on the next modal dialog, once it is showing."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, RecordDialog):
            handle(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def status_cell(window: MainWindow, key: str) -> str:
    model = window.models[RecordKind.PARTY]
    row = model.row_of(key)
    assert row is not None
    return str(model.data(model.index(row, 2)))


def test_kazakhstan_joins_with_a_new_source_and_undo_redo_restart(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    store = window.store
    window.select_record(RecordKind.PARTY, "kazakhstan")
    assert status_cell(window, "kazakhstan") == "expected to join"

    def fill_new_source(dialog: RecordDialog) -> None:
        assert isinstance(dialog, SourceDialog)
        type_into(qtbot, dialog.title_edit, "Kazakhstan joins the Abraham Accords")
        type_into(qtbot, dialog.publisher_edit, "Example Wire")
        type_into(qtbot, dialog.published_edit.line_edit, "2025-11-06")
        type_into(qtbot, dialog.url_edit, "https://example.org/kazakhstan-joins")
        assert dialog.save_button.isEnabled(), dialog.summary.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def fill_status(dialog: RecordDialog) -> None:
        assert isinstance(dialog, StatusActionDialog)
        dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("joined"))
        type_into(qtbot, dialog.date_edit.line_edit, "2025-11-06")
        dialog.certainty_combo.setCurrentIndex(dialog.certainty_combo.findData("confirmed"))
        when_dialog_opens(fill_new_source)
        new_source = child(dialog.citations_editor, QPushButton, "newSourceButton")
        qtbot.mouseClick(new_source, Qt.MouseButton.LeftButton)
        table = child(dialog.citations_editor, QTableWidget, "citationsTable")
        last = table.rowCount() - 1
        locator = table.item(last, 1)
        assert locator is not None, f"no locator cell in row {last}"
        locator.setText("para. 1")
        assert dialog.save_button.isEnabled(), dialog.summary.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill_status)
    window.detail_pane.text.anchorClicked.emit(QUrl(f"record:status_action/{KZ_ACTION}"))

    saved = store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(saved, StatusAction)
    assert saved.action.value == "joined"
    assert saved.citations[-1].locator == "para. 1"
    assert status_cell(window, "kazakhstan") == "joined"
    assert window.detail_reader.finish()  # the panes are filled off the GUI thread
    assert "joined" in window.detail_pane.text.toPlainText()
    citations = child(window.citations_pane, QTreeWidget, "citationsTree")
    assert "Kazakhstan joins the Abraham Accords" in _tree_text(citations)
    history = window.detail_pane.history
    headlines = [text.split("\n")[0] for text in _tree_texts(history.tree)]
    assert any(h.startswith("Edited status change Kazakhstan: joined") for h in headlines)

    assert window.undo_action.text() == "Undo Change Kazakhstan status"
    window.activateWindow()  # shortcuts reach the active window once the dialogs have gone
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(undone, StatusAction)
    assert undone.action.value == "expected_to_join"
    assert status_cell(window, "kazakhstan") == "expected to join"
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    redone = store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(redone, StatusAction)
    assert redone.action.value == "joined"
    assert status_cell(window, "kazakhstan") == "joined"
    assert run_checks(store) == []

    window.close()
    again = create_main_window(tmp_path / "db.sqlite3", settings)
    qtbot.addWidget(again)
    again.show()
    again.select_record(RecordKind.PARTY, "kazakhstan")
    assert again.detail_reader.finish()
    history_texts = _tree_texts(again.detail_pane.history.tree)
    changes = [t for t in history_texts if "status change Kazakhstan:" in t]
    assert len(changes) >= 4  # created, edited, undone, redone
    tabs = child(again.detail_pane, QTabWidget, "detailTabs")
    tabs.setCurrentIndex(1)
    assert again.detail_pane.history.isVisible()


def test_invalid_inputs_keep_save_disabled_with_their_message(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: dict[str, str] = {}

    def problems(dialog: RecordDialog) -> str:
        # What Save's tooltip lists: each problem once, named by the form's labels.
        return "\n".join(dialog.problem_texts()) if not dialog.save_button.isEnabled() else ""

    def try_party(dialog: RecordDialog) -> None:
        assert isinstance(dialog, PartyDialog)
        type_into(qtbot, dialog.name_edit, "")
        seen["empty name"] = problems(dialog)
        type_into(qtbot, dialog.name_edit, "Atlantis")
        dialog.country_picker.set_code("KZ")
        seen["duplicate iso"] = problems(dialog)
        dialog.reject()

    when_dialog_opens(try_party)
    window.editor.new(RecordKind.PARTY)
    assert "Name: is required" in seen["empty name"]
    assert "KZ is already the code of Kazakhstan" in seen["duplicate iso"]

    def try_source(dialog: RecordDialog) -> None:
        assert isinstance(dialog, SourceDialog)
        type_into(qtbot, dialog.title_edit, "A source")
        type_into(qtbot, dialog.published_edit.line_edit, "2021-02-30")
        seen["bad date"] = problems(dialog)
        type_into(qtbot, dialog.published_edit.line_edit, "2025-11-16/2025-11-10")
        seen["interval"] = problems(dialog)
        type_into(qtbot, dialog.published_edit.line_edit, "2025-11-06")
        type_into(qtbot, dialog.url_edit, "javascript:alert(1)")
        seen["url"] = problems(dialog)
        dialog.reject()

    when_dialog_opens(try_source)
    window.editor.new(RecordKind.SOURCE)
    assert "28 days" in seen["bad date"]
    assert "ends (2025-11-10) before it starts" in seen["interval"]
    assert "not a web link" in seen["url"]
    assert window.store.count(RecordKind.SOURCE) == 3


def test_a_failed_save_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.store.add(Source(key="short-lived", title="A short-lived source"))
    outcome: dict[str, object] = {}

    def add_person(dialog: RecordDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        type_into(qtbot, dialog.name_edit, "Ada Example")
        type_into(qtbot, dialog.office_edit, "Envoy")
        dialog.citations_editor.add_citation("short-lived")
        # Another writer deletes the cited source while the dialog is open.
        window.store.delete(RecordKind.SOURCE, "short-lived")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        outcome["open"] = dialog.isVisible()
        outcome["message"] = dialog.summary.text()
        outcome["typed"] = (dialog.name_edit.text(), dialog.office_edit.text())
        dialog.reject()

    when_dialog_opens(add_person)
    assert window.editor.new(RecordKind.PERSON) is None
    assert outcome["open"] is True
    assert "Not saved" in str(outcome["message"]) and "short-lived" in str(outcome["message"])
    assert outcome["typed"] == ("Ada Example", "Envoy")
    assert window.store.count(RecordKind.PERSON) == 10


def test_deleting_a_source_lists_the_claims_citing_it_and_undo_restores_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    axios = "axios-kazakhstan-abraham-accords-report"
    questions: list[str] = []

    def confirm(_parent: QWidget, _title: str, text: str) -> bool:
        questions.append(text)
        return True

    window.editor._confirm = confirm
    window.select_record(RecordKind.SOURCE, axios)
    window.views[RecordKind.SOURCE].setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.views[RecordKind.SOURCE], Qt.Key.Key_Delete)
    assert "citation on status change “Kazakhstan: expected to join”" in questions[0]
    assert window.store.get(RecordKind.SOURCE, axios) is None
    action = window.store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(action, StatusAction)
    assert axios not in [c.source for c in action.citations]
    assert window.undo_action.text().startswith("Undo Delete source [Report")
    window.undo_action.trigger()
    action = window.store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(action, StatusAction)
    assert axios in [c.source for c in action.citations]
    assert run_checks(window.store) == []


def test_the_delete_key_deletes_from_the_lists_only(qtbot: QtBot, window: MainWindow) -> None:
    asked: list[str] = []

    def refuse(_parent: QWidget, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    window.editor._confirm = refuse
    window.select_record(RecordKind.SOURCE, "axios-kazakhstan-abraham-accords-report")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for elsewhere in (window.navigator, window.citations_pane, window.detail_pane):
        elsewhere.setFocus()
        qtbot.keyClick(elsewhere, Qt.Key.Key_Delete)
    assert asked == []
    window.views[RecordKind.SOURCE].setFocus()
    qtbot.keyClick(window.views[RecordKind.SOURCE], Qt.Key.Key_Delete)
    assert len(asked) == 1 and asked[0].startswith("Delete source")


def test_a_party_with_status_actions_is_not_deleted(qtbot: QtBot, window: MainWindow) -> None:
    messages: list[str] = []
    window.notify = messages.append
    window.select_record(RecordKind.PARTY, "sudan")
    window.delete_action.trigger()
    assert window.store.get(RecordKind.PARTY, "sudan") is not None
    assert "cannot be deleted" in messages[0] and "status change “Sudan: stalled”" in messages[0]


def test_revert_to_an_earlier_revision_is_an_undoable_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    israel = store.get(RecordKind.PARTY, "israel")
    assert isinstance(israel, Party)
    store.update(dataclasses.replace(israel, notes="Changed once."))
    window.refresh()
    window.select_record(RecordKind.PARTY, "israel")
    assert window.detail_reader.finish()
    history = window.detail_pane.history
    first = min(history.revision_ids())
    history.select_revision(first)
    qtbot.mouseClick(history.revert_button, Qt.MouseButton.LeftButton)
    reverted = store.get(RecordKind.PARTY, "israel")
    assert isinstance(reverted, Party)
    assert reverted.notes == israel.notes
    assert window.undo_action.text() == "Undo Revert Israel"
    window.undo_action.trigger()
    undone = store.get(RecordKind.PARTY, "israel")
    assert isinstance(undone, Party)
    assert undone.notes == "Changed once."


def _tree_texts(tree: QTreeWidget) -> list[str]:
    texts = []
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        assert item is not None
        texts.append(" | ".join(item.text(c) for c in range(tree.columnCount())))
    return texts


def _tree_text(tree: QTreeWidget) -> str:
    lines = []
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        assert item is not None
        lines.append(item.text(0))
        for c in range(item.childCount()):
            sub = item.child(c)
            assert sub is not None
            lines.append(sub.text(0))
    return "\n".join(lines)


def test_the_window_notices_another_process_and_keeps_the_selection(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import subprocess
    import sys

    window.select_record(RecordKind.PARTY, "sudan")
    script = (
        "import sys, dataclasses; from pathlib import Path; "
        "from viewer.store.bootstrap import open_or_create; "
        "from viewer.domain.enums import RecordKind; "
        "s, o = open_or_create(Path(sys.argv[1]), 'other'); "
        "m = s.get(RecordKind.PARTY, 'morocco'); "
        "s.update(dataclasses.replace(m, name='Kingdom of Morocco')); o.engine.dispose()"
    )
    root = PROJECT_ROOT
    subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "db.sqlite3")], cwd=root, check=True
    )
    model = window.models[RecordKind.PARTY]
    qtbot.waitUntil(
        lambda: (
            "Kingdom of Morocco" in [model.data(model.index(r, 0)) for r in range(model.rowCount())]
        ),
        timeout=5_000,
    )
    location = window.current_location()
    assert location is not None
    assert location.key == "sudan"
    assert window.detail_reader.finish()
    assert "Sudan" in window.detail_pane.text.toPlainText()


def test_undoing_an_add_does_not_delete_another_writers_change(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from viewer.store.bootstrap import open_or_create

    messages: list[str] = []
    window.notify = messages.append
    saved = window.store.add(
        Party(key="testland", name="Testland", party_kind=PartyKind.ORGANISATION)
    )
    assert isinstance(saved, Party)
    from viewer.ui.edit.commands import AddRecordCommand

    window.editor.undo_stack.push(
        AddRecordCommand(window.store, saved, lambda *_: None, window.editor._failed)
    )
    other, opened = open_or_create(tmp_path / "db.sqlite3", "other")
    other.update(dataclasses.replace(saved, notes="Written by the other writer."))
    opened.engine.dispose()
    window.undo_action.trigger()
    kept = window.store.get(RecordKind.PARTY, "testland")
    assert isinstance(kept, Party)
    assert kept.notes == "Written by the other writer."
    assert messages and "Could not undo" in messages[0]


def test_undoing_a_delete_does_not_overwrite_a_changed_linked_record(
    qtbot: QtBot, window: MainWindow
) -> None:
    axios = "axios-kazakhstan-abraham-accords-report"
    messages: list[str] = []
    window.notify = messages.append
    window.editor._confirm = lambda *_: True
    window.select_record(RecordKind.SOURCE, axios)
    window.delete_action.trigger()
    meeting = window.store.get(RecordKind.EVENT, "tokayev-trump-meeting-2025")
    assert isinstance(meeting, Event)
    changed = window.store.update(dataclasses.replace(meeting, summary="Rewritten meanwhile."))
    window.undo_action.trigger()
    assert window.store.get(RecordKind.SOURCE, axios) is None  # the restore was refused whole
    assert window.store.get(RecordKind.EVENT, meeting.key) == changed
    assert messages and "Could not undo" in messages[0]


def test_cancel_asks_before_discarding_text_that_could_not_be_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    asked: list[bool] = []

    def half_typed(dialog: RecordDialog) -> None:
        assert isinstance(dialog, SourceDialog)
        type_into(qtbot, dialog.accessed_edit.line_edit, "2021-02-30 (as I noted it)")
        assert dialog.is_modified()

        def refuse(_parent: QWidget) -> bool:
            asked.append(True)
            return False

        dialog._confirm_discard = refuse
        dialog.reject()
        assert dialog.isVisible()  # kept open: the user said no to discarding
        dialog._confirm_discard = lambda _parent: True
        dialog.reject()

    when_dialog_opens(half_typed)
    window.editor.edit(RecordKind.SOURCE, "axios-kazakhstan-abraham-accords-report")
    assert asked == [True]


def test_the_save_buttons_tooltip_shows_typed_markup_as_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    tips: list[str] = []

    def hostile(dialog: RecordDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        party_line = dialog.party_picker.lineEdit()
        assert party_line is not None
        type_into(qtbot, party_line, "<img src=x><b>big</b>")
        tips.append(dialog.save_button.toolTip())
        dialog.reject()

    when_dialog_opens(hostile)
    window.editor.new(RecordKind.PERSON)
    assert "&lt;img src=x&gt;" in tips[0] and "<img" not in tips[0]


def test_a_new_status_action_for_the_selected_participant(qtbot: QtBot, window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "kazakhstan")

    def add_joined(dialog: RecordDialog) -> None:
        assert isinstance(dialog, StatusActionDialog)
        assert dialog.party_picker.key() == "kazakhstan"
        assert dialog.accord_picker.key() == "abraham-accords"
        dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("joined"))
        type_into(qtbot, dialog.date_edit.line_edit, "20 Nov 2025")
        assert "Understood as: 20 Nov 2025" in child(dialog.date_edit, QLabel).text()
        dialog.citations_editor.add_citation("fox-news-kazakhstan-abraham-accords-2025-11-06")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(add_joined)
    window.new_status_action.trigger()
    assert status_cell(window, "kazakhstan") == "joined"
    assert window.undo_action.text() == "Undo New Kazakhstan status"
    window.undo_action.trigger()
    assert status_cell(window, "kazakhstan") == "expected to join"


def test_reverting_to_the_latest_revision_adds_no_undo_step(window: MainWindow) -> None:
    latest = window.store.revisions(RecordKind.PARTY, "kazakhstan")[-1]
    assert window.editor.revert(RecordKind.PARTY, "kazakhstan", latest.id)
    assert window.editor.undo_stack.count() == 0
    kazakhstan = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert kazakhstan is not None
    assert kazakhstan.version == 1


def test_every_way_in_opens_the_right_dialog(qtbot: QtBot, window: MainWindow) -> None:
    opened: list[str] = []

    def note_and_close(dialog: RecordDialog) -> None:
        opened.append(type(dialog).__name__)
        dialog.reject()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_kind(RecordKind.EVENT)
    when_dialog_opens(note_and_close)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    window.select_record(RecordKind.PERSON, "steve-witkoff")
    window.activateWindow()  # back from the dialog: shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    when_dialog_opens(note_and_close)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    view = window.views[RecordKind.PERSON]
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    when_dialog_opens(note_and_close)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    window.select_record(RecordKind.SOURCE, "axios-kazakhstan-abraham-accords-report")
    sources = window.views[RecordKind.SOURCE]
    rect = sources.visualRect(sources.currentIndex())
    when_dialog_opens(note_and_close)
    # A real double click is a click and then a double-click event.
    qtbot.mouseClick(sources.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(sources.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    toolbar_new = child(window, QWidget, "newButton")
    when_dialog_opens(note_and_close)
    qtbot.mouseClick(toolbar_new, Qt.MouseButton.LeftButton)
    assert opened == [
        "EventDialog",
        "PersonDialog",
        "PersonDialog",
        "SourceDialog",
        "SourceDialog",
    ]
    texts = [action.text() for action in sources.actions()]
    assert texts == ["&New…", "&Edit…", "&Delete…"]  # the list's context menu


def test_each_problem_shows_next_to_its_field(qtbot: QtBot, window: MainWindow) -> None:
    shown: dict[str, str] = {}

    def look(dialog: RecordDialog) -> None:
        assert isinstance(dialog, SourceDialog)
        type_into(qtbot, dialog.published_edit.line_edit, "2021-02-30")
        type_into(qtbot, dialog.url_edit, "javascript:alert(1)")
        dialog.accept()  # Save tried: the empty title is called out too, and the dialog stays
        for field in ("title", "published", "url"):
            label = child(dialog, QLabel, f"{field}Problem")
            shown[field] = label.text() if label.isVisible() else ""
        dialog.reject()

    when_dialog_opens(look)
    window.editor.new(RecordKind.SOURCE)
    assert shown["title"] == "is required"
    assert "28 days" in shown["published"]
    assert "not a web link" in shown["url"]


def test_a_status_action_is_deleted_from_its_form_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    questions: list[str] = []

    def confirm(_parent: QWidget, _title: str, text: str) -> bool:
        questions.append(text)
        return True

    window.editor._confirm = confirm
    window.select_record(RecordKind.PARTY, "sudan")
    stalled = "sudan-stalled"
    assert window.store.get(RecordKind.STATUS_ACTION, stalled) is not None

    def delete_it(dialog: RecordDialog) -> None:
        assert isinstance(dialog, StatusActionDialog)
        assert dialog.delete_button.isVisible()
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(delete_it)
    window.detail_pane.text.anchorClicked.emit(QUrl(f"record:status_action/{stalled}"))
    assert window.store.get(RecordKind.STATUS_ACTION, stalled) is None
    assert questions and "Delete status change" in questions[0]
    assert status_cell(window, "sudan") == "declaration signed"
    assert window.undo_action.text() == "Undo Delete Sudan status"
    window.undo_action.trigger()
    assert window.store.get(RecordKind.STATUS_ACTION, stalled) is not None
    assert status_cell(window, "sudan") == "stalled"


def test_undo_keeps_another_writers_change_to_another_field(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from viewer.store.bootstrap import open_or_create
    from viewer.ui.edit.commands import EditRecordCommand

    messages: list[str] = []
    window.notify = messages.append
    store = window.store
    before = store.get(RecordKind.PARTY, "morocco")
    assert isinstance(before, Party)
    after = store.update(dataclasses.replace(before, notes="Mine."))
    assert isinstance(after, Party)
    window.editor.undo_stack.push(
        EditRecordCommand(store, before, after, lambda *_: None, window.editor._failed)
    )
    other, opened = open_or_create(tmp_path / "db.sqlite3", "other")
    theirs = other.update(dataclasses.replace(after, name="Kingdom of Morocco"))
    window.undo_action.trigger()
    now = store.get(RecordKind.PARTY, "morocco")
    assert isinstance(now, Party)
    assert (now.name, now.notes) == ("Kingdom of Morocco", before.notes)
    window.redo_action.trigger()
    redone = other.get(RecordKind.PARTY, "morocco")
    assert isinstance(redone, Party)
    other.update(dataclasses.replace(redone, notes="Theirs."))
    opened.engine.dispose()
    window.undo_action.trigger()  # the same field changed elsewhere: refused, kept
    kept = store.get(RecordKind.PARTY, "morocco")
    assert isinstance(kept, Party)
    assert kept.notes == "Theirs."
    assert messages and "Could not undo" in messages[-1]
    assert theirs.version >= 2

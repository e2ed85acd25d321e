"""Real edit forms over a seeded store, opened and shown as the window's editor makes them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.records import Record
from viewer.store.store import Store
from viewer.ui.edit.forms.accord_dialog import AccordDialog
from viewer.ui.edit.forms.event_dialog import EventDialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.person_dialog import PersonDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.edit.record_editor import RecordEditor

FORMS: dict[RecordKind, type[RecordDialog]] = {
    RecordKind.PARTY: PartyDialog,
    RecordKind.PERSON: PersonDialog,
    RecordKind.SOURCE: SourceDialog,
    RecordKind.STATUS_ACTION: StatusActionDialog,
    RecordKind.EVENT: EventDialog,
    RecordKind.ACCORD: AccordDialog,
}
# A seeded record of each kind, for the Edit forms.
SEEDED = {
    RecordKind.PARTY: "kazakhstan",
    RecordKind.PERSON: None,
    RecordKind.SOURCE: "axios-kazakhstan-abraham-accords-report",
    RecordKind.STATUS_ACTION: "kazakhstan-expected-to-join-2025",
    RecordKind.EVENT: None,
    RecordKind.ACCORD: "abraham-accords",
}


class Forms:
    """Opens forms with the editor's services; counts what they save and ask."""

    def __init__(self, qtbot: QtBot, store: Store) -> None:
        self.qtbot = qtbot
        self.store = store
        self.parent = QWidget()
        qtbot.addWidget(self.parent)
        self.discard_asked = 0
        self.discard_answer = True
        self.editor = RecordEditor(store, self.parent, confirm_discard=self._confirm_discard)
        self.saved: list[Record] = []

    def _confirm_discard(self, _parent: QWidget) -> bool:
        self.discard_asked += 1
        return self.discard_answer

    def _save(self, record: Record) -> Record | str:
        saved = self.store.add(record) if record.version == 0 else self.store.update(record)
        self.saved.append(saved)
        return saved

    def seeded_key(self, kind: RecordKind) -> str:
        key = SEEDED[kind]
        return key if key is not None else sorted(self.store.keys(kind))[0]

    def open(self, kind: RecordKind, key: str | None = None) -> RecordDialog:
        """A New form (no key) or the Edit form of ``key``, shown and active."""
        original = self.store.get(kind, key) if key else None
        dialog = FORMS[kind](original, self.editor.services, self._save, self.parent)
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        dialog.activateWindow()
        self.qtbot.waitUntil(dialog.isActiveWindow)
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key pressed where the keyboard is, as the user presses it."""
    qtbot.keyClick(focused(), key)


def field_of(dialog: RecordDialog, widget: QWidget) -> str | None:
    """The form field ``widget`` belongs to, or None (a button)."""
    for field, field_widget in dialog.fields().items():
        if widget is field_widget or field_widget.isAncestorOf(widget):
            return field
    return None


def shown_texts(dialog: RecordDialog) -> list[str]:
    """The text of every label the user can see in the dialog."""
    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]

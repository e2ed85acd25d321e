"""The base of the edit dialogs: a form that takes a record and gives one back.

It validates as you type, shows each problem under its field, keeps Save
disabled while anything is wrong (and says why), keeps the dialog open with
everything typed when a save fails, and asks before discarding changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from uuid import uuid4

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.enums import LabelledEnum, RecordKind
from viewer.domain.records import Record
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.dialog_services import DialogServices
from viewer.ui.widgets.citations_editor import CitationsEditor
from viewer.ui.widgets.plain_text import plain_tooltip, show_as_error

# Saves a record; returns the record as saved, or why it was not saved.
SaveHandler = Callable[[Record], Record | str]
# What exec() returns when the user asked to delete the record instead.
DELETE_RESULT = 2


class RecordDialog(QDialog):
    """A form over one record. Subclasses add rows in ``_build``, show a
    record in ``_fill``, read the widgets back in ``_collect`` and report the
    widgets' own problems (unreadable dates, unknown names) in
    ``_widget_problems``; call ``revalidate`` whenever a widget changes.

    The saved record is ``saved`` once the dialog is accepted.
    """

    NOUN = "record"  # "New participant"

    def __init__(
        self,
        original: Record | None,
        services: DialogServices,
        save: SaveHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {original.label}" if original else f"New {self.NOUN}")
        self.setObjectName(type(self).__name__)
        self.original = original
        self.saved: Record | None = None
        self.services = services
        self._save = save
        self._check = services.check
        self._settings = services.settings
        self._confirm_discard = services.confirm_discard
        self._errors: dict[str, QLabel] = {}
        # Valid as a key, and no record's: a new record's key is picked at save.
        self._draft_key = f"new-{uuid4().hex}"
        self._saving = False
        self._setup_widgets()
        self._build()
        if original is not None:
            self._fill(original)
        self._initial = self._collect()
        self._initial_typed = self._typed()
        self._restore_geometry()
        self._connect_signals()
        self.revalidate()

    # -- for subclasses -------------------------------------------------------

    def _build(self) -> None:
        raise NotImplementedError

    def _fill(self, record: Record) -> None:
        raise NotImplementedError

    def _collect(self) -> Record:
        raise NotImplementedError

    def _widget_problems(self) -> list[Problem]:
        return []

    def add_row(self, field: str, label: str, widget: QWidget) -> None:
        """A form row for ``field`` with room under it for its problem."""
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName(f"{field}Problem")
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setWordWrap(True)
        show_as_error(error)
        error.hide()
        column.addWidget(error)
        self._errors[field] = error
        self.form.addRow(label, holder)
        if not widget.accessibleName():
            widget.setAccessibleName(label.rstrip(":").replace("&", ""))

    def text_box(self, name: str) -> QPlainTextEdit:
        """A multi-line text field, which Tab leaves rather than fills."""
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        return box

    def line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def enum_combo(self, enum: Iterable[LabelledEnum], name: str) -> QComboBox:
        """A list of an enum's members, shown by label, holding their values."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        for member in enum:
            combo.addItem(member.label, member.value)
        return combo

    def citations_for(self, claim: str) -> CitationsEditor:
        """The citations editor of this record's claim, finding sources as the user types."""
        editor = CitationsEditor(f"Citations for {claim}", self.services.create_source, self)
        editor.set_source_lookup(self.services.lookup(RecordKind.SOURCE))
        return editor

    def new_key(self, kind: RecordKind, label: str) -> str:
        """The key of what the form describes: kept when editing, made when new.

        A new record's key is picked once, when it is saved; until then the
        form checks the record under a draft key that no record has.
        """
        if self.original is not None:
            return self.original.key
        return self.services.new_key(kind, label) if self._saving else self._draft_key

    def version(self) -> int:
        return self.original.version if self.original else 0

    # -- the form -------------------------------------------------------------

    def _setup_widgets(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.summary = QLabel(self)
        self.summary.setObjectName("saveProblem")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        show_as_error(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName("Save")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setAccessibleName("Cancel")
        # A record that is in no list (a status action) is deleted from its form.
        self.delete_button = self.buttons.addButton(
            "Delete…", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setAccessibleName("Delete this record")
        self.delete_button.setVisible(self.original is not None)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(lambda: self.done(DELETE_RESULT))

    def problems(self) -> list[Problem]:
        record = self._collect()
        found = self._widget_problems()
        shown = {p.path for p in found}
        # A widget's own message (an unreadable date) says more than the
        # record's, which only sees what could be read.
        found += [p for p in self._check(record) if _field(p.path) not in shown]
        return found

    def revalidate(self) -> None:
        problems = self.problems()
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(_field(problem.path), []).append(_message(problem))
        for field, label in self._errors.items():
            messages = by_field.pop(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        if problems:
            reasons = "; ".join(str(p) for p in problems[:3])
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            self.summary.setText(f"Cannot save yet: {reasons}{more}")
        else:
            self.summary.setText("")
        self.summary.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(plain_tooltip(self.summary.text()))

    def is_modified(self) -> bool:
        # What the widgets show, not only what could be read from them: a
        # half-typed date or an unknown name is work the user would lose.
        return self._collect() != self._initial or self._typed() != self._initial_typed

    def _typed(self) -> list[str]:
        texts: list[str] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                texts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                texts.append(widget.currentText())
            elif isinstance(widget, QTableWidget):
                texts += [
                    item.text()
                    for row in range(widget.rowCount())
                    for column in range(widget.columnCount())
                    if (item := widget.item(row, column)) is not None
                ]
        return texts

    # -- closing --------------------------------------------------------------

    def accept(self) -> None:
        if self.problems():
            self.revalidate()
            return
        self._saving = True
        try:
            record = self._collect()
        finally:
            self._saving = False
        result = self._save(record)
        if isinstance(result, str):
            # Everything typed stays; the user can correct it and try again.
            self.summary.setText(f"Not saved: {result}")
            self.summary.show()
            return
        self.saved = result  # as saved: a merge or a new version may differ from the form
        self._remember_geometry()
        super().accept()

    def reject(self) -> None:
        # Cancel, Escape and the window's close button all come here.
        if self.is_modified() and not self._confirm_discard(self):
            return
        self._remember_geometry()
        super().reject()

    def _restore_geometry(self) -> None:
        if self._settings is None:
            return
        value = self._settings.value(f"dialogs/{type(self).__name__}/geometry")
        if isinstance(value, QByteArray):
            self.restoreGeometry(value)

    def _remember_geometry(self) -> None:
        if self._settings is not None:
            self._settings.setValue(f"dialogs/{type(self).__name__}/geometry", self.saveGeometry())


def _field(path: str) -> str:
    """The form field a problem's path is about: 'citations[0].source' -> 'citations'."""
    return path.split(".")[0].split("[")[0]


def _message(problem: Problem) -> str:
    rest = problem.path[len(_field(problem.path)) :].lstrip(".")
    return f"{rest}: {problem.message}" if rest else problem.message

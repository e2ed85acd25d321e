"""The base of the edit dialogs: a form that takes a record and gives one back.

It validates as you type, shows each problem once, under its field, in a
line kept for it so that no field moves, keeps Save disabled while anything
is wrong (and says why), keeps the dialog open with everything typed when a
save fails, and asks before discarding changes. It opens with the keyboard in
its first field; Tab walks the fields top to bottom, then Save, Cancel and
Delete; Enter in a one-line field saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from uuid import uuid4

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.enums import LabelledEnum, RecordKind
from viewer.domain.field_labels import problem_text
from viewer.domain.limits import limit_of
from viewer.domain.names import cleaned
from viewer.domain.records import Record
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.dialog_services import DialogServices
from viewer.ui.edit.forms.form_keys import NOT_LEAVING, in_picker, is_enter, set_tab_order
from viewer.ui.edit.forms.form_messages import field_of, shown_now, summary, under_field
from viewer.ui.widgets.citations_editor import CitationsEditor
from viewer.ui.widgets.elided_label import ElidedLabel
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit
from viewer.ui.widgets.plain_text import plain_tooltip, show_as_error
from viewer.ui.widgets.window_text import title_part

# Saves a record; returns the record as saved, or why it was not saved.
SaveHandler = Callable[[Record], Record | str]
# What exec() returns when the user asked to delete the record instead.
DELETE_RESULT = 2
# Lines kept under each field for its problem (a longer one is cut, whole in
# its tooltip), and above the buttons for the form's own.
FIELD_PROBLEM_LINES = 1
SUMMARY_LINES = 2
# The narrowest a form opens at when it has no size saved.
MIN_WIDTH = 640


class RecordDialog(QDialog):
    """A form over one record. Subclasses add rows in ``_build``, show a
    record in ``_fill``, read the widgets back in ``_collect`` and report the
    widgets' own problems (unreadable dates, unknown names) in
    ``_widget_problems``; call ``revalidate`` whenever a widget changes.

    The saved record is ``saved`` once the dialog is accepted.
    """

    NOUN = "record"  # "New participant"
    KIND = RecordKind.PARTY  # whose field labels the messages use

    def __init__(
        self,
        original: Record | None,
        services: DialogServices,
        save: SaveHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The name as written: a "[*]" in it is not Qt's modified mark.
        self.setWindowTitle(
            f"Edit {title_part(original.label)}" if original else f"New {self.NOUN}"
        )
        self.setObjectName(type(self).__name__)
        self.original = original
        self.saved: Record | None = None
        self.services = services
        self._save = save
        self._check = services.check
        self._settings = services.settings
        self._confirm_discard = services.confirm_discard
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        # Fields the user has left at least once, and whether Save was tried:
        # until then an empty required field is not called out.
        self._touched: set[str] = set()
        self._attempted = False
        # One-line fields the user tried to type or paste past their limit.
        self._cut: set[str] = set()
        # Valid as a key, and no record's: a new record's key is picked at save.
        self._draft_key = f"new-{uuid4().hex}"
        self._saving = False
        self._setup_widgets()
        self._build()
        self._setup_buttons()
        if original is not None:
            self._fill(original)
        self._limit_lengths()
        self._initial = self._collect()
        self._initial_typed = self._typed()
        self._restore_geometry()
        self._connect_signals()
        self._watch_leaving()
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
        """A form row for ``field`` with a line kept under it for its problem.

        A date field says how it read the date on a line of its own; its
        problems go on that line, so the date's problem is said once.
        """
        holder = QWidget(self)
        # The row takes the form's width, so its problem has the room to be read;
        # a field that does not grow (a short list) keeps its own width in it.
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        policy = widget.sizePolicy().horizontalPolicy().value
        if policy & QSizePolicy.PolicyFlag.ExpandFlag.value:
            column.addWidget(widget)
        else:
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        if isinstance(widget, FuzzyDateEdit):
            error: QLabel = widget.reading_label()
        else:
            error = ElidedLabel(FIELD_PROBLEM_LINES, holder)
            show_as_error(error)
            column.addWidget(error)
        error.setObjectName(f"{field}Problem")
        self._errors[field] = error
        self._fields[field] = widget
        self.form.addRow(label, holder)
        # The label's Alt key (Alt+N for "&Name:") goes to the field, not to
        # the row that holds it and its problem line.
        caption = self.form.labelForField(holder)
        if isinstance(caption, QLabel):
            caption.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(label.rstrip(":").replace("&", ""))

    def fields(self) -> dict[str, QWidget]:
        """Each field's widget by the record's field name, top to bottom."""
        return dict(self._fields)

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

    def focus_citation(self, index: int) -> bool:
        """Start at citation ``index`` of the form's citations (at its locator)
        instead of the first field; False if the form has no such citation."""
        editor = self._fields.get("citations")
        return isinstance(editor, CitationsEditor) and editor.focus_citation(index)

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

    def mark_changed(self, text: str) -> None:
        """Say over the buttons that someone else saved this record meanwhile
        (plain text: it quotes a user's name)."""
        self.changed_mark.setText(text)
        self.changed_mark.setToolTip(plain_tooltip(text))
        self.changed_mark.show()

    def _limit_lengths(self) -> None:
        """Each one-line field stops at its limit (viewer.domain.limits), and
        says so when the user types or pastes past it. A stored value already
        longer (from before the limit) is shown whole, for the user to shorten:
        validation says by how much."""
        for field, widget in self._fields.items():
            limit = limit_of(field)
            if isinstance(widget, QLineEdit) and limit is not None and field != "authors":
                widget.setMaxLength(max(limit, len(widget.text())))
                widget.inputRejected.connect(lambda field=field: self._refused_input(field))

    def _refused_input(self, field: str) -> None:
        self._cut.add(field)
        self.revalidate()

    def _limit_note(self, field: str) -> list[str]:
        widget = self._fields[field]
        if field in self._cut and isinstance(widget, QLineEdit):
            if len(widget.text()) >= widget.maxLength():
                return [f"at most {widget.maxLength():,} characters: the rest was not taken"]
            self._cut.discard(field)
        return []

    # -- the form -------------------------------------------------------------

    def _setup_widgets(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # Its lines are kept whether it says anything or not: nothing above moves.
        self.summary = ElidedLabel(SUMMARY_LINES, self)
        self.summary.setObjectName("saveProblem")
        show_as_error(self.summary)
        # Said as soon as another writer saves this record (mark_changed).
        self.changed_mark = QLabel(self)
        self.changed_mark.setObjectName("changedMark")
        self.changed_mark.setTextFormat(Qt.TextFormat.PlainText)
        self.changed_mark.setWordWrap(True)
        font = self.changed_mark.font()
        font.setBold(True)
        self.changed_mark.setFont(font)
        self.changed_mark.hide()

    def _setup_buttons(self) -> None:
        """The buttons, made after the fields so that Tab reaches them last."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName("Save")
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName("Cancel")
        # A record that is in no list (a status action) is deleted from its form.
        self.delete_button = self.buttons.addButton(
            "Delete…", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setAccessibleName("Delete this record")
        self.delete_button.setVisible(self.original is not None)
        layout = QVBoxLayout(self)
        # Room the form is given goes to its tables and text boxes.
        layout.addLayout(self.form, 1)
        layout.addWidget(self.changed_mark)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        buttons = [self.save_button, self.cancel_button, self.delete_button]
        set_tab_order(list(self._fields.values()), buttons)
        if self._fields:
            # The user comes to type: the keyboard starts in the first field.
            next(iter(self._fields.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(lambda: self.done(DELETE_RESULT))

    def _watch_leaving(self) -> None:
        """Learn when the user leaves each field (see ``eventFilter``)."""
        for widget in self._fields.values():
            for part in [widget, *widget.findChildren(QWidget)]:
                part.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        leaving = isinstance(event, QFocusEvent) and event.reason() not in NOT_LEAVING
        if event.type() == QEvent.Type.FocusOut and leaving:
            self._left(watched)
        elif is_enter(event) and in_picker(watched) and QApplication.activePopupWidget() is None:
            # A picker's line keeps Enter to itself; with no list open to
            # choose from, Enter there saves too, as in any one-line field.
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def _left(self, watched: QObject) -> None:
        for field, widget in self._fields.items():
            if field in self._touched:
                continue
            if watched is widget or (isinstance(watched, QWidget) and widget.isAncestorOf(watched)):
                focused = self.focusWidget()
                # Focus moving within the field (a table's cells) is not leaving it.
                if focused is not None and (focused is widget or widget.isAncestorOf(focused)):
                    continue
                self._touched.add(field)
                self.revalidate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a one-line field saves, as it would press a default button;
        # with problems it shows them all, as pressing Save would.
        if is_enter(event) and isinstance(self.focusWidget(), QLineEdit):
            self.accept()
            return
        super().keyPressEvent(event)

    def problems(self) -> list[Problem]:
        # Checked as it will be saved: names without invisible characters.
        record = cleaned(self._collect())
        found = self._widget_problems()
        shown = {p.path for p in found}
        # A widget's own message (an unreadable date) says more than the
        # record's, which only sees what could be read.
        found += [p for p in self._check(record) if field_of(p.path) not in shown]
        return found

    def problem_texts(self) -> list[str]:
        """Every problem as a sentence that names its field as the form labels it."""
        return [problem_text(self.KIND, problem) for problem in self.problems()]

    def revalidate(self) -> None:
        problems = self.problems()
        by_field: dict[str, list[str]] = {}
        unplaced: list[Problem] = []
        for problem in problems:
            field = field_of(problem.path)
            if field not in self._errors:
                unplaced.append(problem)
            elif shown_now(problem, field in self._touched, self._attempted):
                by_field.setdefault(field, []).append(under_field(self.KIND, problem))
        for field, label in self._errors.items():
            widget = self._fields[field]
            messages = by_field.get(field, []) + self._limit_note(field)
            if isinstance(widget, FuzzyDateEdit):
                # The date's own problem is already on its line; only the others go there.
                own = widget.problem()
                widget.set_problem("; ".join(m for m in messages if m != own))
            else:
                label.setText("; ".join(messages))
        self.summary.setText(summary(self.KIND, self._fields, by_field, unplaced))
        self.save_button.setEnabled(not problems)
        # Save's tooltip says every reason, an empty field's too.
        reasons = [problem_text(self.KIND, problem) for problem in problems]
        self.save_button.setToolTip(
            plain_tooltip("Cannot save yet:\n" + "\n".join(reasons)) if problems else ""
        )

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
        self._attempted = True
        if self.problems():
            self.revalidate()
            return
        self._saving = True
        try:
            record = cleaned(self._collect())
        finally:
            self._saving = False
        result = self._save(record)
        if isinstance(result, str):
            # Everything typed stays; the user can correct it and try again.
            self.summary.setText(f"Not saved: {result}")
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
        value = None
        if self._settings is not None:
            value = self._settings.value(f"dialogs/{type(self).__name__}/geometry")
        if not isinstance(value, QByteArray) or not self.restoreGeometry(value):
            self.resize(self.default_size())

    def default_size(self) -> QSize:
        """Room for every field and every column of its tables, within the screen."""
        wanted = self.sizeHint().expandedTo(QSize(MIN_WIDTH, 0))
        screen = self.screen()
        if screen is None:
            return wanted
        room = screen.availableGeometry().size() * 0.9
        return wanted.boundedTo(room)

    def _remember_geometry(self) -> None:
        if self._settings is not None:
            self._settings.setValue(f"dialogs/{type(self).__name__}/geometry", self.saveGeometry())

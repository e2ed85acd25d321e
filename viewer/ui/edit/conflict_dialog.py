"""Choosing, field by field, between the user's save and another writer's."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import LabelledEnum
from viewer.domain.field_labels import field_label, problem_text
from viewer.domain.merge import ChangedBy, changed_by, differing_fields, merge_fields
from viewer.domain.records import Record
from viewer.domain.serial import record_fields
from viewer.domain.validation import validate
from viewer.ui.edit.other_change import OtherChange, hour_minute
from viewer.ui.widgets.plain_text import plain_tooltip, show_as_error
from viewer.ui.widgets.window_text import title_part

# Settles a save that found the record changed: gets the user's record, the
# one saved now and a parent widget; returns the record to save, or None to
# save nothing.
ConflictResolver = Callable[[Record, Record, QWidget], Record | None]

_FIELD, _CHANGED_BY, _MINE, _THEIRS, _KEEP = range(5)
_HEADERS = ("Field", "Changed by", "Yours", "Theirs", "Keep")
KEEP_MINE, TAKE_THEIRS = "Keep mine", "Take theirs"
# A cell shows this much of a long value (of each item of a list, so that
# every item shows); its tooltip shows all of it.
_SHOWN_CHARS = 300
_SHOWN_ITEM_CHARS = 120


class ConflictDialog(QDialog):
    """Shown when a save finds that someone else saved the record after its
    dialog opened. Lists each field where the user's record ("Yours") and the
    saved one ("Theirs") differ, side by side, as plain text, with a choice
    per field; :meth:`merged` is the record made of the chosen sides.

    The merged record carries the saved record's version: storing it is a
    deliberate save over exactly the change shown here, and fails again if a
    third save came in meanwhile.

    Given ``base`` (the record as it was when editing began), the dialog says
    who changed each field and starts each choice on the side that changed
    it, so saving straight away keeps both writers' edits; a field both
    changed starts on the user's side. Without ``base`` every choice starts
    on the user's side. Given ``changed_by`` (the newest save of the record
    in the revision log), it says who made the other change and when.

    Signals: none; the result is read through :meth:`merged` once accepted.
    """

    def __init__(
        self,
        mine: Record,
        theirs: Record,
        parent: QWidget | None = None,
        *,
        base: Record | None = None,
        changed_by: OtherChange | None = None,
    ) -> None:
        super().__init__(parent)
        if type(mine) is not type(theirs) or mine.key != theirs.key:
            raise ValueError("a conflict is between two versions of one record")
        self.setObjectName("ConflictDialog")
        self._other_change = changed_by
        who = changed_by.user.strip() if changed_by is not None else ""
        self.setWindowTitle(
            f"{title_part(mine.label)} was changed by {title_part(who or 'someone else')}"
        )
        self._mine = mine
        self._theirs = theirs
        self._mine_fields = record_fields(mine)
        self._theirs_fields = record_fields(theirs)
        self._base_fields = record_fields(base) if base is not None else None
        self._differing = differing_fields(mine, theirs)
        self._choices: dict[str, QComboBox] = {}
        self._setup_widgets()
        self._fill()
        self._connect_signals()
        self._update_state()

    # -- what the caller asks ---------------------------------------------------

    def differing_fields(self) -> list[str]:
        """The fields where the two records differ, in the record's field order."""
        return list(self._differing)

    def choose(self, field: str, mine: bool) -> None:
        """Keep the user's value of ``field`` (``mine``) or take the saved one."""
        if field not in self._choices:
            raise KeyError(f"{field!r} is not a field that differs")
        self._choices[field].setCurrentIndex(0 if mine else 1)

    def keeps_mine(self, field: str) -> bool:
        return self._choices[field].currentIndex() == 0

    def merged(self) -> Record:
        """The record with each differing field from the chosen side, at the saved version."""
        kept = [name for name in self._differing if self.keeps_mine(name)]
        return merge_fields(self._mine, self._theirs, kept)

    # -- building ----------------------------------------------------------------

    def _setup_widgets(self) -> None:
        self.intro = QLabel(self)
        self.intro.setObjectName("conflictIntro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(_HEADERS), self)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName("Fields that differ")
        self.table.setHorizontalHeaderLabels(list(_HEADERS))
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)  # nothing here is selectable
        self.table.setColumnHidden(_CHANGED_BY, self._base_fields is None)
        header = self.table.horizontalHeader()
        for column in (_FIELD, _CHANGED_BY, _KEEP):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (_MINE, _THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("mergeProblem")
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        show_as_error(self.problem_label)
        self.keep_mine_button = self._button("Keep &all mine", "keepMineButton")
        self.take_theirs_button = self._button("Take all &theirs", "takeTheirsButton")
        self.keep_mine_button.setToolTip("Choose your value for every field listed")
        self.take_theirs_button.setToolTip("Choose the saved value for every field listed")
        choose_all = QHBoxLayout()
        choose_all.addWidget(self.keep_mine_button)
        choose_all.addWidget(self.take_theirs_button)
        choose_all.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self._button("&Save merged", "saveMergedButton")
        self.cancel_button = self._button("Cancel", "cancelButton")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose_all)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.resize(900, 520)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        return button

    def _fill(self) -> None:
        count = len(self._differing)
        other = self._other_change
        who = other.user.strip() if other is not None else ""
        when = f" at {hour_minute(other.at)}" if other is not None and other.at else ""
        self.intro.setText(
            f"{who or 'Someone else'} saved “{self._theirs.label}”{when}, after you opened it. "
            f"{count} field{'' if count == 1 else 's'} differ between your version "
            "and the one saved now. Choose for each which to keep; nothing is saved "
            "until you choose Save merged."
        )
        self.table.setRowCount(count)
        for row, name in enumerate(self._differing):
            label = field_label(self._mine.kind, name)
            self.table.setItem(row, _FIELD, _item(label))
            self.table.setItem(row, _CHANGED_BY, _item(self._changed_by(name).value))
            self.table.setItem(row, _MINE, _value_item(getattr(self._mine, name)))
            self.table.setItem(row, _THEIRS, _value_item(getattr(self._theirs, name)))
            combo = QComboBox()
            combo.setObjectName(f"keep_{name}")
            combo.setAccessibleName(f"Keep for {label}")
            combo.addItems([KEEP_MINE, TAKE_THEIRS])
            combo.setCurrentIndex(0 if self._starts_mine(name) else 1)
            self.table.setCellWidget(row, _KEEP, _top_aligned(combo))
            self._choices[name] = combo
        if self._choices:
            # Keyboard users start at the first choice, not in the table.
            next(iter(self._choices.values())).setFocus()

    def _connect_signals(self) -> None:
        for combo in self._choices.values():
            combo.currentIndexChanged.connect(self._update_state)
        # Wrapped text needs more or fewer lines as the value columns change width.
        self.table.horizontalHeader().sectionResized.connect(self._fit_rows)
        self.keep_mine_button.clicked.connect(lambda: self._choose_all(mine=True))
        self.take_theirs_button.clicked.connect(lambda: self._choose_all(mine=False))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- reacting ----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()

    def _choose_all(self, mine: bool) -> None:
        for name in self._differing:
            self.choose(name, mine)

    def _update_state(self) -> None:
        for row, name in enumerate(self._differing):
            keep_mine = self.keeps_mine(name)
            for column, chosen in ((_MINE, keep_mine), (_THEIRS, not keep_mine)):
                item = self.table.item(row, column)
                if item is not None:
                    font = item.font()
                    font.setBold(chosen)
                    item.setFont(font)
        # A mix of two valid records can be invalid (an end date now before
        # its start): say so rather than let the store refuse it.
        problems = validate(self.merged())
        text = "; ".join(problem_text(self._mine.kind, p) for p in problems[:3])
        self.problem_label.setText(f"This mix cannot be saved: {text}" if problems else "")
        self.problem_label.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(plain_tooltip(self.problem_label.text()))

    def accept(self) -> None:
        if self.save_button.isEnabled():
            super().accept()

    def _changed_by(self, name: str) -> ChangedBy:
        if self._base_fields is None:
            return ChangedBy.NOBODY
        return changed_by(self._base_fields, self._mine_fields, self._theirs_fields, name)

    def _starts_mine(self, name: str) -> bool:
        return self._changed_by(name) is not ChangedBy.THEM


def resolve_with_dialog(
    mine: Record,
    theirs: Record,
    parent: QWidget,
    base: Record | None = None,
    changed_by: OtherChange | None = None,
) -> Record | None:
    """Ask the user through a modal ConflictDialog; None when they cancel."""
    dialog = ConflictDialog(mine, theirs, parent, base=base, changed_by=changed_by)
    try:
        return dialog.merged() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def show_value(value: object) -> str:
    """A field's value as plain text for people: lists one item a line."""
    if value is None or value == "" or value == ():
        return "(empty)"
    if isinstance(value, tuple):
        return "\n".join(f"• {_inline(item)}" for item in value)
    return _inline(value)


def _inline(value: object) -> str:
    if isinstance(value, FuzzyDate):
        return f"{value.display()} ({value.edtf})"
    if isinstance(value, LabelledEnum):
        return value.label
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
        return "; ".join(
            f"{name.capitalize()}: {_inline(part)}"
            for name, part in parts
            if part not in (None, "", ())
        )
    if isinstance(value, tuple):
        return ", ".join(_inline(item) for item in value)
    return str(value)


def _top_aligned(widget: QWidget) -> QWidget:
    # A cell widget fills its whole row; the values beside it start at the top.
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(2, 2, 2, 2)
    column.addWidget(widget)
    column.addStretch(1)
    return holder


def _value_item(value: object) -> QTableWidgetItem:
    if isinstance(value, tuple) and value:
        shown = "\n".join(f"• {_cut(_inline(part), _SHOWN_ITEM_CHARS)}" for part in value)
        return _item(show_value(value), shown)
    return _item(show_value(value))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item(text: str, shown: str | None = None) -> QTableWidgetItem:
    # Item text is always drawn as plain text; only the tooltip needs escaping,
    # since Qt guesses whether a tooltip is HTML.
    item = QTableWidgetItem(shown if shown is not None else _cut(text, _SHOWN_CHARS))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if text:
        item.setToolTip(plain_tooltip(text))
    return item

"""The Choice column of the import preview edited with a list of the choices
its record offers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from viewer.ui.window.import_preview_model import ImportPreviewModel, choice_text

Index = QModelIndex | QPersistentModelIndex


class ImportChoiceDelegate(QStyledItemDelegate):
    """A combo box of the record's choices ("Update", "Skip", "Add as new
    (key-2)"), opened by a double click or F2 on the Choice cell."""

    def __init__(self, model: ImportPreviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        entry = self._model.entry(index.row())
        for choice in entry.choices:
            box.addItem(choice_text(entry, choice), choice.value)
        box.setAccessibleName("Choice")
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

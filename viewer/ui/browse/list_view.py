"""The table view every list of the window is shown in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from viewer.store.api import PAGE_SIZE
from viewer.ui.browse.record_list_view import RecordListView
from viewer.ui.browse.record_table_model import RecordTableModel


def make_list_view(
    model: RecordTableModel, name: str, accessible_name: str, parent: QWidget
) -> RecordListView:
    """A read-only, row-selecting, sortable view of ``model``, sorted by its first column.

    The sort indicator is set before sorting is enabled: enabling sorting
    sorts by the indicator at once, and Qt's default (descending) followed by
    the ascending sort asked for would read a large list twice more.
    """
    view = RecordListView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible_name)
    view.setModel(model)
    model.unreadable.connect(view.say_problem)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    # Columns fit the rows of one page: Qt would otherwise measure a thousand
    # rows, reading five pages of a long list to open it.
    header.setResizeContentsPrecision(PAGE_SIZE - 1)
    view.resizeColumnsToContents()
    return view

"""The view each list is shown in: sorted by its first column, read once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget

from viewer.domain.enums import RecordKind
from viewer.store.api import Store
from viewer.ui.browse.list_view import make_list_view
from viewer.ui.browse.record_table_model import RecordTableModel


def test_a_list_view_opens_sorted_without_reading_its_list_again(
    qtbot: QtBot, seeded_store: Store
) -> None:
    model = RecordTableModel(seeded_store, RecordKind.EVENT)
    reads: list[int] = []
    model.reloaded.connect(reads.append)
    parent = QWidget()
    qtbot.addWidget(parent)
    view = make_list_view(model, "eventsView", "Events list", parent)
    # The model was read when made, by its first column ascending: the view
    # asks for that same order, so nothing is read again.
    assert reads == []
    header = view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    assert view.isSortingEnabled()
    assert (view.objectName(), view.accessibleName()) == ("eventsView", "Events list")
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    # Choosing another column sorts once, in the database.
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert len(reads) == 1
    titles = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert titles == sorted(titles, reverse=True)

"""A record's history: every change from the revision log, and reverting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.display_text import bounded, one_line
from viewer.domain.records import Revision
from viewer.domain.revision_text import Names, describe_log
from viewer.ui.browse.wrapping_delegate import WrappingDelegate
from viewer.ui.widgets.plain_text import plain_tooltip

REVISION_ROLE = Qt.ItemDataRole.UserRole
LATEST_ROLE = Qt.ItemDataRole.UserRole + 1
# The newest revisions shown at most; a record edited more often than this
# says how many older ones there are (the list stays a screenful or so of work).
SHOWN_LIMIT = 300
# The most of one change its row shows (a value before and after, each cut
# by the log's reading), and its tooltip: rows lay out in a frame's work.
CHANGE_SHOWN = 4_500
TOOLTIP_SHOWN = 1_000


REVERT_TIP = "Make the record what it was just after the selected change (a new, undoable change)"


class HistoryView(QWidget):
    """Lists a record's revisions, newest first, as a person reads them: what
    was done to which record, when and by whom, and each changed field from
    what to what (records by name, fields by the forms' labels; see
    :mod:`viewer.domain.revision_text`). Rows wrap; nothing is cut short.

    Signals:
        revertRequested(int): "Revert to this revision" was chosen; carries
            the revision id.
    """

    revertRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setAccessibleName("Changes to this record")
        # One wrapped column reads better in a narrow pane than three cut ones:
        # the column is as wide as the pane, and nothing scrolls sideways.
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.revert_button = QPushButton("Revert to this revision", self)
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setAccessibleName("Revert to this revision")
        self.revert_button.setToolTip(REVERT_TIP)
        self._why_not: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.revert_button)
        self.show_revisions(())
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tree.currentItemChanged.connect(lambda *_: self._update_button())
        # Wrapped rows are as tall as their text is at the column's width: a
        # new width lays them out again (Qt keeps the old heights otherwise).
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.revert_button.clicked.connect(self._revert)

    def show_revisions(self, revisions: Sequence[Revision], names: Names | None = None) -> None:
        """Show ``revisions`` (oldest first, as the log holds them) newest first,
        naming the records they mention by ``names`` (a key without one is quoted)."""
        self.tree.clear()
        latest = revisions[-1].id if revisions else None
        # All of them are read in words, so that each is named as the log then named it.
        texts = describe_log(revisions, names or {})
        for text in reversed(texts[-SHOWN_LIMIT:]):
            headline = one_line(text.headline)
            item = QTreeWidgetItem([f"{headline}\n{one_line(text.byline)}"])
            item.setToolTip(0, plain_tooltip(f"{headline}\n{one_line(text.byline)}"))
            item.setData(0, REVISION_ROLE, text.revision_id)
            item.setData(0, LATEST_ROLE, text.revision_id == latest)
            font = item.font(0)
            font.setBold(True)  # each revision's heading stands out from its changes
            item.setFont(0, font)
            for change in text.changes:
                # A change keeps its line breaks, but so many lines at most.
                child = QTreeWidgetItem([bounded(change.text, CHANGE_SHOWN, 40)])
                child.setToolTip(0, plain_tooltip(bounded(change.full, TOOLTIP_SHOWN, 30)))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        if len(texts) > SHOWN_LIMIT:
            older = len(texts) - SHOWN_LIMIT
            note = QTreeWidgetItem([f"{older:,} older changes are not shown."])
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a note, not a revision to choose
            self.tree.addTopLevelItem(note)
        first = self.tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)  # what changed last, without a click
        self._update_button()

    def show_message(self, message: str) -> None:
        """Show ``message`` in place of the changes ("Loading…", or why they could not be read)."""
        self.tree.clear()
        item = QTreeWidgetItem([message])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a note, not a revision to choose
        self.tree.addTopLevelItem(item)
        self._update_button()

    def revision_ids(self) -> list[int]:
        return [int(item.data(0, REVISION_ROLE)) for item in self._items()]

    def select_revision(self, revision_id: int) -> None:
        for item in self._items():
            if item.data(0, REVISION_ROLE) == revision_id:
                self.tree.setCurrentItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [i for i in items if i is not None and i.data(0, REVISION_ROLE) is not None]

    def _selected(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def set_editable(self, why_not: str | None) -> None:
        """Offer Revert only while the file may be written (``why_not`` is None)."""
        self._why_not = why_not
        self.revert_button.setToolTip(f"Not available: {why_not}." if why_not else REVERT_TIP)
        self._update_button()

    def _update_button(self) -> None:
        item = self._selected()
        # Reverting to the latest revision would change nothing.
        self.revert_button.setEnabled(
            self._why_not is None
            and item is not None
            and item.data(0, REVISION_ROLE) is not None
            and not item.data(0, LATEST_ROLE)
        )

    def _revert(self) -> None:
        item = self._selected()
        if item is not None:
            self.revertRequested.emit(int(item.data(0, REVISION_ROLE)))

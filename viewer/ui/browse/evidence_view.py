"""The Evidence view: what needs attention, each topic with its count, and its records."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.evidence import EvidencePage, EvidenceRow, EvidenceTopic
from viewer.ui.browse.evidence_rows_model import EvidenceRowsModel
from viewer.ui.widgets.plain_text import plain_tooltip

HEADING = "Evidence that needs attention"
CHOOSE_TOPIC = "Choose a topic to list its records."
LOADING = "Reading…"
_TOPIC_ROLE = Qt.ItemDataRole.UserRole


class EvidenceView(QWidget):
    """Each topic of :class:`EvidenceTopic` with its count, and under them the
    records of the chosen topic. Moving in the topics lists the chosen one's
    records; Enter in the topics goes to its records; Enter or a
    double click on a record opens it; Escape in the records goes back to
    the topics. Everything is set as plain text.

    A row that is a citation (:attr:`EvidenceRow.cited`) opens that citation
    rather than only its record.

    Signals:
        topicChosen(str): a topic was chosen; its value.
        recordShown(str, str): a record became current (kind value, key).
        recordOpened(str, str): a record was opened (Enter, double click).
        citationOpened(object): a citation's row was opened; the
            :class:`EvidenceRow` (in place of ``recordOpened``).
    """

    topicChosen = Signal(str)
    recordShown = Signal(str, str)
    recordOpened = Signal(str, str)
    citationOpened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_widgets()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.setObjectName("evidenceView")
        self.setAccessibleName("Evidence")
        heading = QLabel(HEADING, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.topics = QListWidget(self)
        self.topics.setObjectName("evidenceTopics")
        self.topics.setAccessibleName("Topics that need attention")
        for topic in EvidenceTopic:
            item = QListWidgetItem(topic.label)
            item.setData(_TOPIC_ROLE, topic.value)
            item.setToolTip(plain_tooltip(topic.explanation))
            self.topics.addItem(item)
        self.rows_model = EvidenceRowsModel(self)
        self.rows = QTreeView(self)
        self.rows.setObjectName("evidenceRows")
        self.rows.setAccessibleName("Records that need attention")
        self.rows.setModel(self.rows_model)
        self.rows.setRootIsDecorated(False)
        self.rows.setUniformRowHeights(True)
        self.rows.setAlternatingRowColors(True)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.rows.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rows.installEventFilter(self)
        self.message = QLabel(CHOOSE_TOPIC, self)
        self.message.setObjectName("evidenceMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(heading)
        layout.addWidget(self.topics)
        layout.addWidget(self.message)
        layout.addWidget(self.rows, 1)
        # Five topics: the list needs no more than their lines.
        rows = self.topics.count()
        frame = 2 * self.topics.frameWidth() + 4
        self.topics.setFixedHeight(self.topics.sizeHintForRow(0) * rows + frame)

    def _connect_signals(self) -> None:
        self.topics.currentItemChanged.connect(self._topic_changed)
        self.topics.itemActivated.connect(lambda _item: self.focus_rows())
        self.rows.selectionModel().currentRowChanged.connect(self._row_changed)
        self.rows.activated.connect(self._row_activated)
        self.rows_model.modelReset.connect(self._select_first_row)

    # -- public API ------------------------------------------------------------------

    def set_counts(self, counts: Mapping[EvidenceTopic, int]) -> None:
        """Show each topic's count beside it."""
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            topic = EvidenceTopic(str(item.data(_TOPIC_ROLE)))
            count = counts.get(topic, 0)
            item.setText(f"{topic.label} ({count:,})")
            spoken = f"{topic.label}, {count:,} " + ("record" if count == 1 else "records")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    def counts_shown(self) -> dict[EvidenceTopic, int]:
        """Each topic's count as the view shows it (for tests and the count line)."""
        found = {}
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            text = item.text()
            if text.endswith(")") and " (" in text:
                number = text.rsplit(" (", 1)[1].rstrip(")").replace(",", "")
                found[EvidenceTopic(str(item.data(_TOPIC_ROLE)))] = int(number)
        return found

    def current_topic(self) -> EvidenceTopic | None:
        item = self.topics.currentItem()
        return EvidenceTopic(str(item.data(_TOPIC_ROLE))) if item is not None else None

    def choose_topic(self, topic: EvidenceTopic) -> None:
        self.topics.setCurrentRow(list(EvidenceTopic).index(topic))

    def show_loading(self) -> None:
        self.message.setText(LOADING)

    def show_page(self, page: EvidencePage | None) -> None:
        """Show the chosen topic's first page (None: no topic chosen)."""
        self.rows_model.reset(page)
        topic = self.current_topic()
        if page is None or topic is None:
            self.message.setText(CHOOSE_TOPIC)
        elif not page.rows:
            self.message.setText(f"{topic.label}: none. Nothing to do here.")
        else:
            opens = "the citation in its record" if topic.lists_citations else "a record"
            self.message.setText(f"{topic.label}. {topic.explanation} Enter opens {opens}.")

    def show_problem(self, text: str) -> None:
        self.rows_model.reset(None)
        self.message.setText(f"The evidence could not be read: {text}")

    def current_row(self) -> EvidenceRow | None:
        return self.rows_model.row_at(self.rows.currentIndex().row())

    def focus_topics(self) -> None:
        self.topics.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.topics.currentItem() is None:
            self.topics.setCurrentRow(0)

    def focus_rows(self) -> None:
        if self.rows_model.rowCount() > 0:
            self.rows.setFocus(Qt.FocusReason.OtherFocusReason)

    def tab_chain(self) -> list[QWidget]:
        """The view's widgets in the order Tab walks them."""
        return [self.topics, self.rows]

    # -- reactions -------------------------------------------------------------------

    def _topic_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.topicChosen.emit(str(item.data(_TOPIC_ROLE)))

    def _select_first_row(self) -> None:
        if self.rows_model.rowCount() > 0:
            self.rows.selectionModel().setCurrentIndex(
                self.rows_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.rows_model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self.recordShown.emit(row.open_kind.value, row.open_key)

    def _row_activated(self, index: QModelIndex) -> None:
        row = self.rows_model.row_at(index.row())
        if row is not None and row.cited is not None:
            self.citationOpened.emit(row)
        elif row is not None:
            self.recordOpened.emit(row.open_kind.value, row.open_key)

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.rows
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.topics.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

"""The detail pane: the selected record's fields, related records and timeline."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from viewer.domain.records import Party
from viewer.domain.views import Detail
from viewer.ui.detail_html import detail_html, parse_record_href
from viewer.ui.status_timeline import StatusTimeline

PLACEHOLDER = "Select a participant, event, person or source to see it here."


class DetailPane(QWidget):
    """Shows one record: its fields, links to related records and, for a
    participant, its status timeline with an "as of" date.

    Signals:
        recordLinkActivated(str, str): a link to another record was followed;
            carries the record kind's value and the key.
    """

    recordLinkActivated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Details of the selected record")
        self._detail: Detail | None = None
        self._setup_widgets()
        self.show_detail(None)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.text = QTextBrowser(self)
        self.text.setObjectName("detailText")
        self.text.setAccessibleName("Record details")
        # Links are followed by the window, never by the browser itself.
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.timeline = StatusTimeline(self)
        self.timeline.setObjectName("statusTimeline")
        self.timeline.setAccessibleName("Status timeline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.timeline)

    def _connect_signals(self) -> None:
        self.text.anchorClicked.connect(self._follow)

    @property
    def detail(self) -> Detail | None:
        return self._detail

    def show_detail(self, detail: Detail | None) -> None:
        self._detail = detail
        if detail is None:
            self.text.setPlainText(PLACEHOLDER)
            self.timeline.hide()
            return
        self.text.setHtml(detail_html(detail))
        if isinstance(detail.record, Party):
            self.timeline.set_actions(detail.actions)
            self.timeline.show()
        else:
            self.timeline.hide()

    def _follow(self, url: QUrl) -> None:
        target = parse_record_href(url.toString())
        if target is not None:
            kind, key = target
            self.recordLinkActivated.emit(kind.value, key)

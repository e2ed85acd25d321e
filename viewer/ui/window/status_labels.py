"""The status bar's labels: how many records are shown, and which database."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from viewer.store.api import Location as DatabaseLocation
from viewer.store.api import Store
from viewer.ui.window.database_location import shown
from viewer.ui.window.evidence_controller import EvidenceController
from viewer.ui.window.overview_controller import OverviewController
from viewer.ui.window.record_lists import RecordLists


class CountedWindow(Protocol):
    """What the window shows in the lists' place, each able to count itself."""

    lists: RecordLists
    overview: OverviewController
    evidence: EvidenceController


class StatusLabels:
    """:attr:`count_label` (left; object name ``countLabel``) counts what the
    lists' place shows: the evidence, the overview or the list; :attr:`path_label`
    (right, permanent) names the database shown, in full in its tooltip.
    Both are plain text: a file's name is never read as HTML.

    Plain Python: it reaches the lists, the overview and the evidence when
    asked, so that it can be made before they are.
    """

    def __init__(
        self,
        window: CountedWindow,
        status_bar: QStatusBar,
        location: DatabaseLocation,
        parent: QWidget,
    ) -> None:
        self._window = window
        self.path_label = QLabel(f"Database: {shown(location)}", parent)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label = QLabel(parent)
        self.count_label.setObjectName("countLabel")
        status_bar.addWidget(self.count_label)
        status_bar.addPermanentWidget(self.path_label)
        self.path_label.setToolTip(shown(location))

    def show_location(self, location: DatabaseLocation) -> None:
        """Name the database shown now."""
        self.path_label.setText(f"Database: {shown(location)}")
        self.path_label.setToolTip(shown(location))

    def count(self, store: Store) -> None:
        """Count each list's records in ``store`` afresh, and show the count."""
        self._window.lists.count(store)
        self.update_count()

    def update_count(self) -> None:
        window = self._window
        if window.evidence.is_shown():
            self.count_label.setText(window.evidence.count_text())
            return
        shown_here = window.overview.is_shown()
        self.count_label.setText(
            window.overview.count_text() if shown_here else window.lists.count_text()
        )

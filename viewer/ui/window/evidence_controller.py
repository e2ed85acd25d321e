"""The Evidence view in the window: in the lists' place, read off the GUI
thread, its records opened in their lists and the panes."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.evidence import EvidencePage, EvidenceRow, EvidenceTopic
from viewer.store.api import Store, evidence_counts, evidence_rows
from viewer.ui.browse.background_reader import BackgroundReader
from viewer.ui.browse.evidence_view import EvidenceView
from viewer.ui.window.navigator import EVIDENCE, Navigator

EVIDENCE_KEY = "Ctrl+9"


class EvidenceHost(Protocol):
    """What the Evidence view needs of the window."""

    navigator: Navigator
    stack: QStackedWidget
    count_label: QLabel

    def show_in_place(self, kind: RecordKind, key: str) -> None: ...

    def open_record(self, kind: RecordKind, key: str) -> None: ...

    def open_citation(self, row: EvidenceRow) -> None: ...


class EvidenceController(QObject):
    """Puts the :class:`EvidenceView` in the lists' stack and shows it when
    the navigator's "Evidence" is chosen (:attr:`action`, Ctrl+9).

    The counts are read when the view is shown, and again when the data
    changes while it is (:meth:`reload`; hidden, it is only marked to be
    read when shown next); the chosen topic's records a page at a time.
    Each read is on a :class:`BackgroundReader` of its own: a newer request
    replaces an older one, whose reply is dropped. A record made current is
    shown in the panes (and its list) without leaving the view; Enter or a
    double click opens it in its list, and a citation's row that citation
    in the citations pane too.
    """

    def __init__(self, store: Store, host: EvidenceHost, window: QWidget) -> None:
        super().__init__(window)
        self._store = store
        self._host = host
        self.view = EvidenceView(window)
        host.stack.addWidget(self.view)
        self.counts_reader = BackgroundReader(self)
        self.rows_reader = BackgroundReader(self)
        self._more = False  # the rows read are a next page, not a first
        self._stale = True
        self._counts: dict[EvidenceTopic, int] = {}
        self.action = QAction(f"&{EVIDENCE}", window)
        self.action.setShortcut(QKeySequence(EVIDENCE_KEY))
        self.action.setToolTip(f"Show the evidence that needs attention ({EVIDENCE_KEY})")
        self.action.triggered.connect(lambda _checked=False: self.show())
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._host.navigator.evidenceChosen.connect(self._entered)
        self.counts_reader.done.connect(self._counts_read)
        self.counts_reader.failed.connect(self.view.show_problem)
        self.rows_reader.done.connect(self._rows_read)
        self.rows_reader.failed.connect(self.view.show_problem)
        self.view.topicChosen.connect(lambda _value: self._read_rows())
        self.view.rows_model.moreWanted.connect(self._read_more)
        self.view.recordShown.connect(
            lambda kind, key: self._host.show_in_place(RecordKind(kind), key)
        )
        self.view.recordOpened.connect(
            lambda kind, key: self._host.open_record(RecordKind(kind), key)
        )
        self.view.citationOpened.connect(self._host.open_citation)

    # -- public API ------------------------------------------------------------------

    def is_shown(self) -> bool:
        return self._host.navigator.showing_evidence()

    def show(self) -> None:
        """Show the Evidence view with the keyboard focus in its topics (Ctrl+9)."""
        self._host.navigator.show_evidence()
        self.view.focus_topics()

    def reload(self) -> None:
        """The data changed: read again now if shown, else when shown."""
        if self.is_shown():
            self._read()
        else:
            self._stale = True

    def set_store(self, store: Store) -> None:
        self.counts_reader.cancel()
        self.rows_reader.cancel()
        self._store = store
        self._stale = True

    def count_text(self) -> str:
        total = sum(self._counts.values())
        return f"{total:,} things in the evidence need attention" if total else ""

    def finish(self, timeout_ms: int = 10_000) -> bool:
        counted = self.counts_reader.finish(timeout_ms)
        return self.rows_reader.finish(timeout_ms) and counted

    def stop(self) -> None:
        self.counts_reader.stop()
        self.rows_reader.stop()

    # -- reading ---------------------------------------------------------------------

    def _entered(self) -> None:
        self._host.stack.setCurrentWidget(self.view)
        if self._stale:
            self._read()
        self._say_count()

    def _read(self) -> None:
        self._stale = False
        store = self._store
        self.counts_reader.submit(lambda: evidence_counts(store))
        self._read_rows()

    def _read_rows(self) -> None:
        topic = self.view.current_topic()
        if topic is None:
            return
        store = self._store
        self._more = False
        self.view.show_loading()
        self.rows_reader.submit(lambda: evidence_rows(store, topic))

    def _read_more(self, after: object) -> None:
        topic = self.view.current_topic()
        if topic is None or not isinstance(after, tuple):
            return
        store = self._store
        self._more = True
        self.rows_reader.submit(lambda: evidence_rows(store, topic, after))

    def _counts_read(self, counts: object) -> None:
        if isinstance(counts, dict):
            self._counts = counts
            self.view.set_counts(counts)
            self._say_count()

    def _rows_read(self, page: object) -> None:
        if not isinstance(page, EvidencePage):
            return
        if self._more:
            self.view.rows_model.add_page(page)
        else:
            self.view.show_page(page)

    def _say_count(self) -> None:
        if self.is_shown():
            self._host.count_label.setText(self.count_text())

"""The selected record's detail and history, read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer, Signal

from viewer.domain.enums import RecordKind
from viewer.domain.records import Revision
from viewer.domain.views import Detail
from viewer.store.api import Store, load_detail
from viewer.ui.browse.read_task import ReadTask

# A reply within this time replaces what the panes show at once; a slower one
# is announced with "Loading…" (sooner, and fast reads would flicker).
LOADING_DELAY_MS = 250
# Two reads can overlap, so that one slow record does not hold up the next.
READ_THREADS = 2


@dataclass(frozen=True)
class RecordReading:
    """What the panes show of one record: its detail (None once it is gone)
    and its changes, oldest first (a participant's include its status actions')."""

    kind: RecordKind
    key: str
    detail: Detail | None
    revisions: tuple[Revision, ...]


class DetailReader(QObject):
    """Reads a record's detail and history on a pool of its own threads.

    Each :meth:`request` gets the next generation number; a reply for any
    earlier one is dropped, so the panes never show a record the user has
    already left (git-cola's RunTask pattern). Requests not yet started when
    a newer one comes are not read at all. The store opens a session per
    read, and its engine's pool gives each thread its own connection.

    Signals:
        loaded(object): the reading (a :class:`RecordReading`) of the latest request.
        failed(str): the latest request could not be read; carries the reason.
        loading(): the latest request has taken longer than ``LOADING_DELAY_MS``.
    """

    loaded = Signal(object)
    failed = Signal(str)
    loading = Signal()
    # Emitted from a pool thread; queued to this object's (the GUI) thread.
    _replied = Signal(int, object, str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        # Made first, so that as a child it is deleted (and waited for) first.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(READ_THREADS)
        self._generation = 0
        self._waiting = False
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_DELAY_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._replied.connect(self._on_replied, Qt.ConnectionType.QueuedConnection)
        self._loading_timer.timeout.connect(self._on_slow)

    # -- public API ----------------------------------------------------------------

    def request(self, kind: RecordKind, key: str) -> int:
        """Read ``key`` of ``kind``; returns the request's generation number."""
        self.cancel()
        generation = self._generation
        self._waiting = True
        self._loading_timer.start()
        task = ReadTask(
            lambda: self.read(kind, key), generation, self.is_current, self._replied.emit
        )
        self._pool.start(task)
        return generation

    def cancel(self) -> None:
        """Forget every request made so far: no reply to them will be delivered."""
        self._generation += 1
        self._waiting = False
        self._loading_timer.stop()
        self._pool.clear()  # those not started yet are never read

    def is_current(self, generation: int) -> bool:
        """Whether ``generation`` is the latest request (safe to ask from any thread)."""
        return generation == self._generation

    def is_waiting(self) -> bool:
        """Whether the latest request's reply has yet to be delivered."""
        return self._waiting

    def finish(self, timeout_ms: int = 10_000) -> bool:
        """Wait for the reads in flight and deliver the latest reply now.

        For a screenshot, and for tests, which look at the panes right after
        selecting. False if the reads took longer than ``timeout_ms``.
        """
        done = self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall.value)
        return done

    def stop(self) -> None:
        """Drop every request and wait for the reads in flight (when the window closes)."""
        self.cancel()
        self._pool.waitForDone()

    def read(self, kind: RecordKind, key: str) -> RecordReading:
        """The reading of one record. Runs on a pool thread: it must touch no widget."""
        detail = load_detail(self._store, kind, key)
        revisions = self._store.revisions(kind, key)
        if detail is not None:
            for action in detail.actions:
                revisions += self._store.revisions(RecordKind.STATUS_ACTION, action.key)
        ordered = sorted(revisions, key=lambda revision: revision.id)
        return RecordReading(kind, key, detail, tuple(ordered))

    # -- reactions -----------------------------------------------------------------

    def _on_replied(self, generation: int, reading: object, error: str) -> None:
        if not self.is_current(generation) or not self._waiting:
            return  # a reply for a record the user has left
        self._waiting = False
        self._loading_timer.stop()
        if error:
            self.failed.emit(error)
        else:
            self.loaded.emit(reading)

    def _on_slow(self) -> None:
        if self._waiting:
            self.loading.emit()

"""One read at a time off the GUI thread, the latest request's reply only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal

from viewer.ui.browse.read_task import ReadTask


class BackgroundReader(QObject):
    """Runs each requested read on a thread of its own; a request made while
    another waits replaces it, and a reply for any but the latest request is
    dropped (git-cola's RunTask pattern). The store opens a session per read,
    and its engine's pool gives the thread a connection of its own.

    Signals:
        done(object): what the latest request read.
        failed(str): the latest request could not be read; carries the reason.
    """

    done = Signal(object)
    failed = Signal(str)
    _replied = Signal(int, object, str)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        # Made first, so that as a child it is deleted (and waited for) first.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._generation = 0
        self._waiting = False
        self._replied.connect(self._on_replied, Qt.ConnectionType.QueuedConnection)

    def submit(self, work: Callable[[], object]) -> int:
        """Read with ``work`` (on the reader's thread: it must touch no widget);
        returns the request's generation number."""
        self.cancel()
        generation = self._generation
        self._waiting = True
        self._pool.start(ReadTask(work, generation, self.is_current, self._replied.emit))
        return generation

    def cancel(self) -> None:
        """Forget every request so far: no reply to them will be delivered."""
        self._generation += 1
        self._waiting = False
        self._pool.clear()

    def is_current(self, generation: int) -> bool:
        return generation == self._generation

    def is_waiting(self) -> bool:
        return self._waiting

    def finish(self, timeout_ms: int = 10_000) -> bool:
        """Wait for the read in flight and deliver its reply now (tests, screenshots)."""
        done = self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall.value)
        return done

    def stop(self) -> None:
        """Drop every request and wait for the read in flight (the window closes)."""
        self.cancel()
        self._pool.waitForDone()

    def _on_replied(self, generation: int, result: object, error: str) -> None:
        if not self.is_current(generation) or not self._waiting:
            return
        self._waiting = False
        if error:
            self.failed.emit(error)
        else:
            self.done.emit(result)

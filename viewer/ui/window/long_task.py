"""Long work (an import, an export) on a thread of its own, reporting its progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Qt, Signal

# Told (what is being done, records done, records in all); raises to stop the work.
Progress = Callable[[str, int, int], None]
# The work itself: runs on the task's thread, touches no widget, returns its outcome.
Work = Callable[[Progress], object]


class TaskCancelled(Exception):
    """Raised on the worker thread, from its progress report, once the user
    cancelled: it unwinds the work the way any failure does, so a transaction
    is rolled back and a file being written is removed."""


class LongTask(QObject):
    """Runs one piece of work off the GUI thread, so the window keeps drawing
    and the user can cancel.

    The work reports its progress through the callable it is given; that
    call is also where a cancellation takes effect (it raises
    :class:`TaskCancelled`), so work that reports often stops soon.

    Signals:
        progressed(str, int, int): what is being done, records done, records in all.
        succeeded(object): the work's outcome.
        failed(object): the exception that stopped the work.
        cancelled(): the work stopped because it was cancelled; it changed nothing.
        ended(): after any of the three above.
    """

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()
    # From the worker thread; delivered on the GUI thread (queued).
    _reported = Signal(str, int, int)
    _finished = Signal(object, object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a task runs once")
        self._thread = threading.Thread(target=self._run, name="long-task", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stopper(self) -> Callable[[], None]:
        """Cancels the work and waits for its thread: plain Python, so that it
        can still be called once this object is gone (the window is destroyed)."""
        cancel, thread = self._cancel, self._thread

        def stop() -> None:
            cancel.set()
            if thread is not None:
                thread.join()

        return stop

    def wait(self, timeout_s: float | None = None) -> bool:
        """Wait for the thread to end (tests); True if it did."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    # -- on the worker thread ----------------------------------------------------

    def _run(self) -> None:
        outcome: object = None
        error: BaseException | None = None
        try:
            self._check()
            outcome = self._work(self._report)
        except Exception as problem:  # handed to the GUI thread, never lost on this one
            error = problem
        # A task deleted meanwhile (its window closed) raises RuntimeError: nobody waits.
        with suppress(RuntimeError):
            self._finished.emit(outcome, error)

    def _report(self, doing: str, done: int, total: int) -> None:
        self._check()
        self._reported.emit(doing, done, total)

    def _check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled

    # -- on the GUI thread ------------------------------------------------------

    def _on_reported(self, doing: str, done: int, total: int) -> None:
        if not self._cancel.is_set():
            self.progressed.emit(doing, done, total)

    def _on_finished(self, outcome: object, error: object) -> None:
        if isinstance(error, TaskCancelled):
            self.cancelled.emit()
        elif isinstance(error, BaseException):
            self.failed.emit(error)
        else:
            # Also when a cancel came after the work's last report: it is done
            # then, and the user is told what really happened.
            self.succeeded.emit(outcome)
        self.ended.emit()

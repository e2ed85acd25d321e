"""How far a long task has come, with a button to cancel it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from viewer.ui.window.long_task import LongTask

# A task done sooner shows no dialog at all (it would only flash).
SHOW_AFTER_MS = 400


class TaskProgressDialog(QProgressDialog):
    """Follows a :class:`LongTask`: "Importing 12,000 of 250,000 records…".

    Window-modal, so nothing else is started on the database meanwhile, yet
    the window keeps drawing (the work runs on the task's thread). Cancel
    asks the task to stop; the dialog then says it is cancelling and stays
    until the task has ended (a rollback, a file removed), and closes itself
    when the task ends however it ends.

    Signals: those of QProgressDialog; ``canceled`` is connected to the task.
    """

    def __init__(self, task: LongTask, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._task = task
        self.setObjectName("taskProgressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoReset(False)
        self.setAutoClose(False)
        # Shown by our own timer only: QProgressDialog would also show itself
        # after its minimum duration when a value is set.
        self.setMinimumDuration(24 * 60 * 60 * 1000)
        self.setRange(0, 0)  # busy until the first report says how much there is
        self.setLabelText(f"{title}…")
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_AFTER_MS)
        self._connect_signals()
        self._show_timer.start()

    def _connect_signals(self) -> None:
        self._task.progressed.connect(self._show_progress)
        self._task.ended.connect(self._finish)
        self.canceled.connect(self._cancel)
        self._show_timer.timeout.connect(self._show_if_running)

    def _show_progress(self, doing: str, done: int, total: int) -> None:
        if self._task.is_cancelled():
            return
        self.setLabelText(f"{doing} {done:,} of {total:,} records…")
        if self.maximum() != total:
            self.setRange(0, max(total, 1))
        self.setValue(min(done, total))

    def _cancel(self) -> None:
        self._task.cancel()
        # QProgressDialog hides itself on cancel; the task still has to
        # unwind, and the window must wait for it.
        self.setLabelText("Cancelling: nothing will be changed…")
        self.setCancelButton(None)  # no button: cancelling cannot be undone
        self.setRange(0, 0)
        if self._task.is_running():
            self.show()

    def _show_if_running(self) -> None:
        if self._task.is_running() and not self._task.is_cancelled():
            self.show()

    def _finish(self) -> None:
        self._show_timer.stop()
        self.hide()
        self.deleteLater()

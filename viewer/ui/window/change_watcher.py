"""Noticing that another program changed the database, without polling the tables."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.store.api import Probe, Store

PROBE_INTERVAL_MS = 2_000


class ChangeWatcher(QObject):
    """Looks every two seconds (and when asked, e.g. as the window comes back
    to the front) whether the database changed since the last look.

    The look is the store's :class:`ChangeProbe`: one cheap read of the
    file's change counter, whatever the size of the data. Each look also asks
    whether the file is still there (:meth:`Store.file_gone`: two stat calls):
    a database deleted or replaced under the window is said once.

    Signals:
        changedElsewhere(): another writer committed since the last look.
        fileGone(str): the database file was deleted or replaced; carries the
            store's sentence saying which.
    """

    changedElsewhere = Signal()
    fileGone = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._gone = False
        self._probe: Probe | None = store.watch()
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Look now; says :attr:`fileGone` (once) if the file is gone, else
        :attr:`changedElsewhere` if something changed."""
        if self._probe is None or self._gone:
            # Once gone, what the path holds now is not this database: no re-reading.
            return
        gone = self._store.file_gone()
        if gone is not None:
            self._gone = True
            self.fileGone.emit(gone)
            return
        if self._probe.changed():
            self.changedElsewhere.emit()

    def note_own_change(self) -> None:
        """The window's own write: it needs no second reading. A change from
        elsewhere committed after this look is noticed next time."""
        if self._probe is not None:
            self._probe.changed()

    def set_store(self, store: Store) -> None:
        """Watch another database from now on."""
        self.stop()
        self._store = store
        self._gone = False
        self._probe = store.watch()
        self._timer.start()

    def stop(self) -> None:
        """Stop looking and let the database go."""
        self._timer.stop()
        if self._probe is not None:
            self._probe.close()
            self._probe = None

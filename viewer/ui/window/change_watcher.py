"""Noticing that another program changed the database, without polling the tables."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.store.api import Notice, Probe, ServerChangeProbe, Store

PROBE_INTERVAL_MS = 2_000
# A server's probe only reads the notices already on its connection: looked at
# this often, another user's save shows within a second.
SERVER_INTERVAL_MS = 250
# A lost listening connection is tried again at most this often, on a thread
# of its own: connecting to a server out of reach can take seconds.
RELISTEN_MS = 5_000


class ChangeWatcher(QObject):
    """Looks every two seconds on a file, every quarter of a second on a
    server (and when asked, e.g. as the window comes back to the front)
    whether the database changed since the last look.

    The look is the store's probe: on a file, one cheap read of its change
    counter, whatever the size of the data; on a server, the change notices
    the other writers sent (LISTEN/NOTIFY; no table is read). Notices of this
    window's own writes (its store's writer id) are left out: two windows of
    one process still see each other's. The notices of the last look that
    said :attr:`changedElsewhere` are :attr:`notices` (none on a file).

    A server's listening connection that is lost (the server restarted, the
    network dropped) is made again in the background, tried at once and then
    every few seconds, never on the GUI thread (a server out of reach holds a
    connection attempt for seconds); once it is made, what was said meanwhile
    is unknown, so the window reads afresh.

    Each look on a file also asks whether the file is still there
    (:meth:`Store.file_gone`: two stat calls): a database deleted or replaced
    under the window is said once.

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
        self._lost = False  # a server's listening connection, to be made again
        self._waits = 0  # looks left before trying to listen again
        self._connecting: Future[Probe | None] | None = None  # a try under way
        self.notices: list[Notice] = []
        self._probe: Probe | None = store.watch()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._start()

    def _start(self) -> None:
        self._timer.setInterval(SERVER_INTERVAL_MS if self._store.on_server else PROBE_INTERVAL_MS)
        self._timer.start()

    def check(self) -> None:
        """Look now; says :attr:`fileGone` (once) if the file is gone, else
        :attr:`changedElsewhere` if something changed."""
        if self._lost:
            self._listen_again()
            return
        if self._probe is None or self._gone:
            # Once gone, what the path holds now is not this database: no re-reading.
            return
        gone = self._store.file_gone()
        if gone is not None:
            self._gone = True
            self.fileGone.emit(gone)
            return
        if not self._changed():
            return
        if isinstance(self._probe, ServerChangeProbe):
            own = self._store.writer_id
            others = [notice for notice in self._probe.notices if notice.writer != own]
            if not others:
                return  # only this window's own saves, read afresh as they were made
            self.notices = others
        else:
            self.notices = []
        self.changedElsewhere.emit()

    def _changed(self) -> bool:
        assert self._probe is not None
        if not isinstance(self._probe, ServerChangeProbe):
            return self._probe.changed()
        try:
            return self._probe.changed()
        except Exception:  # the driver's own error: the connection was lost
            self._drop_probe()
            self._lost = True
            self._waits = 0  # try at once: most often the server is there again
            return False

    def _listen_again(self) -> None:
        if self._connecting is None:
            if self._waits > 0:
                self._waits -= 1
                return
            self._waits = RELISTEN_MS // SERVER_INTERVAL_MS - 1
            self._connecting = _in_background(self._store.watch)
            return
        if not self._connecting.done():
            return
        tried, self._connecting = self._connecting, None
        try:
            probe = tried.result()
        except Exception:  # the server is still out of reach: try again later
            return
        self._probe = probe
        self._lost = False
        self.notices = []  # who said what meanwhile is not known: everything is read
        self.changedElsewhere.emit()

    def _drop_probe(self) -> None:
        probe, self._probe = self._probe, None
        _close(probe)
        tried, self._connecting = self._connecting, None
        if tried is not None:  # a connection made after this has no use: closed when made
            tried.add_done_callback(
                lambda done: _close(None if done.exception() else done.result())
            )

    def note_own_change(self) -> None:
        """The window's own write: it needs no second reading. A change from
        elsewhere committed after this look is noticed next time.

        On a server nothing is drained here: another user's notice may be
        waiting beside this window's own, which the next look leaves out.
        """
        if self._probe is not None and not isinstance(self._probe, ServerChangeProbe):
            self._probe.changed()

    def set_store(self, store: Store) -> None:
        """Watch another database from now on."""
        self.stop()
        self._store = store
        self._gone = False
        self._lost = False
        self.notices = []
        self._probe = store.watch()
        self._start()

    def stop(self) -> None:
        """Stop looking and let the database go."""
        self._timer.stop()
        self._lost = False
        self._drop_probe()


def _close(probe: Probe | None) -> None:
    if probe is not None:
        with suppress(Exception):  # closing a connection already broken
            probe.close()


def _in_background(call: Callable[[], Probe | None]) -> Future[Probe | None]:
    """``call()`` run on a daemon thread (one that never holds the program
    open at its end), its outcome in the future returned."""
    outcome: Future[Probe | None] = Future()

    def run() -> None:
        try:
            outcome.set_result(call())
        except BaseException as error:  # handed to whoever reads the outcome
            outcome.set_exception(error)

    threading.Thread(target=run, name="accords-viewer-listen", daemon=True).start()
    return outcome

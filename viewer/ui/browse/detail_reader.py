"""The selected record's detail and history, read off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.domain.enums import RecordKind
from viewer.domain.records import Party, Revision
from viewer.domain.revision_text import Names, mentioned_keys
from viewer.domain.views import Detail
from viewer.store.api import Store, labels_for, load_detail
from viewer.ui.browse.background_reader import BackgroundReader

# A reply within this time replaces what the panes show at once; a slower one
# is announced with "Loading…" (sooner, and fast reads would flicker).
LOADING_DELAY_MS = 250
# Two reads can overlap, so that one slow record does not hold up the next.
READ_THREADS = 2


@dataclass(frozen=True)
class RecordReading:
    """What the panes show of one record: its detail (None once it is gone)
    and its changes, oldest first (a participant's include its status actions'),
    with the names of the records those changes mention, by kind and key."""

    kind: RecordKind
    key: str
    detail: Detail | None
    revisions: tuple[Revision, ...]
    names: Names = field(default_factory=dict)


class DetailReader(BackgroundReader):
    """Reads a record's detail and history on threads of its own.

    Each :meth:`request` gets the next generation number; a reply for any
    earlier one is dropped, so the panes never show a record the user has
    already left (git-cola's RunTask pattern). Requests not yet started when
    a newer one comes are not read at all.

    Signals:
        loaded(object): the reading (a :class:`RecordReading`) of the latest request.
        failed(str): the latest request could not be read; carries the reason.
        loading(): the latest request has taken longer than ``LOADING_DELAY_MS``.
    """

    loaded = Signal(object)
    loading = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent, threads=READ_THREADS)
        self._store = store
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_DELAY_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.done.connect(self._on_done)
        self.failed.connect(lambda _error: self._loading_timer.stop())
        self._loading_timer.timeout.connect(self._on_slow)

    def request(self, kind: RecordKind, key: str) -> int:
        """Read ``key`` of ``kind``; returns the request's generation number."""
        generation = self.submit(lambda: self.read(kind, key))
        self._loading_timer.start()
        return generation

    def cancel(self) -> None:
        super().cancel()
        self._loading_timer.stop()

    def set_store(self, store: Store) -> None:
        """Read from another database from now on; a reading of the old one
        still coming is dropped."""
        self.cancel()
        self._store = store

    def read(self, kind: RecordKind, key: str) -> RecordReading:
        """The reading of one record. Runs on a pool thread: it must touch no widget.

        What cannot be read fails the reading with the store's message (a
        value it cannot read, damage in the file), which the panes show.
        """
        with self._store.failures_explained("reading the record"):
            detail = load_detail(self._store, kind, key)
            revisions = self._store.revisions(kind, key)
            if detail is not None:
                for action in detail.actions:
                    revisions += self._store.revisions(RecordKind.STATUS_ACTION, action.key)
            ordered = sorted(revisions, key=lambda revision: revision.id)
            names = self._names(ordered, detail)
        return RecordReading(kind, key, detail, tuple(ordered), names)

    def _names(self, revisions: Sequence[Revision], detail: Detail | None) -> Names:
        """The names of what ``revisions`` mention: one bounded query per kind."""
        names = {
            (kind, key): name
            for kind, keys in mentioned_keys(revisions).items()
            for key, name in labels_for(self._store, kind, keys).items()
        }
        # A status change is named by its participant and status: the log says
        # both, and for the shown participant's own changes the detail does too.
        if detail is not None and isinstance(detail.record, Party):
            for action in detail.actions:
                names[(RecordKind.STATUS_ACTION, action.key)] = (
                    f"{detail.record.name}: {action.action.label}"
                )
        return names

    # -- reactions -----------------------------------------------------------------

    def _on_done(self, reading: object) -> None:
        self._loading_timer.stop()
        self.loaded.emit(reading)

    def _on_slow(self) -> None:
        if self.is_waiting():
            self.loading.emit()

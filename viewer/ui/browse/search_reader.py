"""A search's hits, counts and facets, read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal

from viewer.domain.enums import RecordKind
from viewer.domain.query import Query
from viewer.store.api import Facets, SearchHit, Store, facets, search
from viewer.ui.browse.read_task import ReadTask

HITS_PER_KIND = 50


@dataclass(frozen=True)
class SearchResults:
    """What one query found: the best hits of each kind, how many of each
    kind match in all, and how they divide (the facets)."""

    query: Query
    hits: tuple[SearchHit, ...]
    counts: dict[RecordKind, int]
    facets: Facets


class SearchReader(QObject):
    """Runs each query on a thread of its own; only the latest query's
    results are delivered (a reply for text the user has typed past is
    dropped), as the detail reader does for selections.

    Signals:
        found(object): the :class:`SearchResults` of the latest query.
        failed(str): the latest query could not be run; carries the reason.
    """

    found = Signal(object)
    failed = Signal(str)
    _replied = Signal(int, object, str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._replied.connect(self._on_replied, Qt.ConnectionType.QueuedConnection)

    def request(self, query: Query) -> int:
        self._generation += 1
        self._pool.clear()
        generation = self._generation
        task = ReadTask(lambda: self.read(query), generation, self.is_current, self._replied.emit)
        self._pool.start(task)
        return generation

    def is_current(self, generation: int) -> bool:
        return generation == self._generation

    def read(self, query: Query) -> SearchResults:
        """Runs on the pool's thread: touches no widget."""
        hits: list[SearchHit] = []
        for kind in RecordKind:
            hits += search(self._store, query, limit=HITS_PER_KIND, kinds=(kind,))
        divided = facets(self._store, query)  # its kinds are the counts
        return SearchResults(query, tuple(hits), divided.kinds, divided)

    def finish(self, timeout_ms: int = 10_000) -> bool:
        """Wait for the query in flight and deliver its reply now (tests, screenshots)."""
        done = self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall.value)
        return done

    def stop(self) -> None:
        self._generation += 1
        self._pool.clear()
        self._pool.waitForDone()

    def _on_replied(self, generation: int, results: object, error: str) -> None:
        if not self.is_current(generation):
            return
        if error:
            self.failed.emit(error)
        else:
            self.found.emit(results)

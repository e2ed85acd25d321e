"""A search's hits, counts and facets, read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from viewer.domain.enums import RecordKind
from viewer.domain.query import Query
from viewer.store.api import Facets, SearchHit, Store, facets, search
from viewer.ui.browse.background_reader import BackgroundReader

HITS_PER_KIND = 50


@dataclass(frozen=True)
class SearchResults:
    """What one query found: the best hits of each kind, how many of each
    kind match in all, and how they divide (the facets)."""

    query: Query
    hits: tuple[SearchHit, ...]
    counts: dict[RecordKind, int]
    facets: Facets


class SearchReader(BackgroundReader):
    """Runs each query on a thread of its own; only the latest query's
    results are delivered (a reply for text the user has typed past is
    dropped), as the detail reader does for selections.

    Signals:
        found(object): the :class:`SearchResults` of the latest query.
        failed(str): the latest query could not be run; carries the reason.
    """

    found = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.done.connect(self.found.emit)

    def set_store(self, store: Store) -> None:
        """Search another database from now on; results of the old one still
        coming are dropped."""
        self.cancel()
        self._store = store

    def request_query(self, query: Query) -> int:
        return self.submit(lambda: self.read(query))

    def read(self, query: Query) -> SearchResults:
        """Runs on the reader's thread: touches no widget. Damage met in the
        file is said as the store says it (see ``Store.failures_explained``)."""
        hits: list[SearchHit] = []
        with self._store.failures_explained("searching"):
            for kind in RecordKind:
                hits += search(self._store, query, limit=HITS_PER_KIND, kinds=(kind,))
            divided = facets(self._store, query)  # its kinds are the counts
        return SearchResults(query, tuple(hits), divided.kinds, divided)

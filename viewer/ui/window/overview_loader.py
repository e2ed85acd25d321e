"""Reading the overview of the accord shown, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from viewer.store.api import Store, accord_overview
from viewer.ui.browse.background_reader import BackgroundReader


class OverviewLoader(QObject):
    """Reads ``accord_overview`` for the accord ``accord()`` names, on a
    :class:`BackgroundReader` of its own: a request made while another is
    read replaces it, and a reply to an older request (or to another
    database's) is dropped.

    Signals:
        loaded(object): the :class:`AccordOverview` read, or None when there
            is no accord to show.
        failed(str): the read failed; carries the reason.
    """

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(
        self, store: Store, accord: Callable[[], str | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._accord = accord
        self.reader = BackgroundReader(self)
        self.reader.done.connect(self.loaded.emit)
        self.reader.failed.connect(self.failed.emit)

    def load(self) -> None:
        """Read the overview afresh (the data or the accord changed)."""
        key = self._accord()
        store = self._store
        if key is None:
            self.reader.cancel()
            self.loaded.emit(None)
            return
        self.reader.submit(lambda: accord_overview(store, key))

    def set_store(self, store: Store) -> None:
        """Read another database from now on; nothing read from the old one arrives."""
        self.reader.cancel()
        self._store = store

    def finish(self, timeout_ms: int = 10_000) -> bool:
        """Wait for the read under way and deliver it now (tests, screenshots)."""
        return self.reader.finish(timeout_ms)

    def stop(self) -> None:
        self.reader.stop()

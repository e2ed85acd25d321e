"""A list of records, read from the store a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from viewer.domain.display_text import bounded, one_line
from viewer.domain.enums import RecordKind
from viewer.domain.views import ListRow
from viewer.store.api import (
    PAGE_SIZE,
    DatabaseFileError,
    ListQuery,
    Store,
    StoreError,
    count_rows,
    fetch_rows,
    headers,
    row_index,
)
from viewer.ui.browse.background_reader import BackgroundReader
from viewer.ui.widgets.plain_text import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
# The most of a cell its tooltip shows.
TOOLTIP_SHOWN = 1_000
# Pages of rows kept at most: what a few screens of scrolling back and forth
# need, however long the list.
CACHED_PAGES = 32
# A reading of the rows: the query, how many match, the pages read (by
# number) and the row of the key the model keeps track of.
Reading = tuple[ListQuery, int, dict[int, list[ListRow]], int | None]
# What the store raises, with a message for people, for what it cannot read
# (a damaged page of the file, a value it cannot read, a lock held too long).
UNREADABLE = (StoreError, DatabaseFileError)
# A row of a page that could not be read: no key, and a cell saying so.
CANNOT_READ = "Cannot be read"


class RecordTableModel(QAbstractTableModel):
    """The rows of one record kind, filtered and sorted by the database.

    The model has as many rows as match, but holds only the pages of rows
    shown lately, as plain :class:`ListRow` values (at most
    :data:`CACHED_PAGES`): a row asked for reads its page, so that scrolling
    or jumping to row 900,000 of a million reads one page, not every page
    above it.

    A page that cannot be read (its part of a damaged file) shows rows
    that say so, with no key, and the rest of the list stays usable; a
    list whose rows cannot be counted shows one such row.

    Signals:
        reloaded(int): the rows were read afresh; carries the number matching
            the filter.
        unreadable(str): rows could not be read; carries the reason, to be
            shown in the status bar.
    """

    reloaded = Signal(int)
    unreadable = Signal(str)

    def __init__(self, store: Store, kind: RecordKind, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._store = store
        self._page_size = page_size
        self._query = ListQuery(kind)
        self._wanted = self._query  # what a read in the background is for
        self._background: BackgroundReader | None = None
        self._headers = headers(kind)
        self._pages: OrderedDict[int, list[ListRow]] = OrderedDict()
        self._total = 0
        self._keep: str | None = None
        self._kept_row: int | None = None
        self.reload()

    @property
    def kind(self) -> RecordKind:
        return self._query.kind

    @property
    def filter_text(self) -> str:
        return self._query.text

    def total(self) -> int:
        """How many records match the filter, loaded or not."""
        return self._total

    # -- Qt's model interface ----------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # One line a row, whatever a cell holds: a line break shows as ↵
            # (rows keep one height, so a list of a million still pages), and
            # a long text is cut; the detail pane shows it whole.
            return one_line(row.cells[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and row.cells[index.column()]:
            return plain_tooltip(bounded(row.cells[index.column()], TOOLTIP_SHOWN, 20))
        if role == KEY_ROLE:
            return row.key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cached_pages(self) -> int:
        """How many pages of rows the model holds now (at most CACHED_PAGES)."""
        return len(self._pages)

    def _row(self, row: int) -> ListRow | None:
        """The row at ``row``, reading its page if it is not held."""
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            start = number * self._page_size
            try:
                page = fetch_rows(self._store, self._query, start, self._page_size, self._total)
            except UNREADABLE as error:
                # Called from Qt's data(): said in the rows and the status bar,
                # never raised into Qt. Kept like a page read, so it is not
                # read again at every paint.
                page = self._unreadable_rows(min(self._page_size, self._total - start), error)
            self._pages[number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        # A page may come back short if another program deleted rows since the
        # count; the window rereads the list when it notices the change.
        return page[offset] if offset < len(page) else None

    def _unreadable_rows(self, count: int, error: Exception) -> list[ListRow]:
        """``count`` rows saying that they cannot be read, and why (also said
        by :attr:`unreadable`)."""
        reason = f"These rows of the list cannot be read: {error}"
        self.unreadable.emit(reason)
        cells = (f"{CANNOT_READ}: {error}",) + ("",) * (len(self._headers) - 1)
        return [ListRow("", cells)] * max(count, 0)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = self._wanted
        if (column, descending) != (wanted.sort_column, wanted.descending):
            query = replace(wanted, sort_column=column, descending=descending)
            if self._background is not None:
                self._request(query)
            else:
                self._set_query(query)

    # -- the window's interface ---------------------------------------------------

    def read_in_background(self, reader: BackgroundReader) -> None:
        """From now on, read a new filter or sort on ``reader``'s thread: the
        rows shown stay until the new ones are read (a filter over a million
        rows takes longer than a frame). Scrolling still reads one page here."""
        self._background = reader
        reader.done.connect(self._apply)
        reader.failed.connect(self._on_read_failed)

    def set_filter(self, text: str) -> None:
        """Filter by ``text`` now, on this thread (dropping any read in flight)."""
        if self._background is not None:
            self._background.cancel()
        if text != self._query.text or self._wanted != self._query:
            self._set_query(replace(self._query, text=text, accord=self._wanted.accord))

    def request_filter(self, text: str) -> None:
        """Filter by ``text``: in the background if the model reads there."""
        if self._background is None:
            self.set_filter(text)
        elif text != self._wanted.text:
            self._request(replace(self._wanted, text=text))

    @property
    def accord(self) -> str | None:
        return self._wanted.accord

    def set_accord(self, key: str | None) -> None:
        """Say each participant's status in the accord ``key`` (None: in any
        accord), reading the rows afresh (in the background if the model
        reads there); the rows stay one per party."""
        if key == self._wanted.accord:
            return
        query = replace(self._wanted, accord=key)
        # Read now, as reload() does (a page and a count), unless a new
        # filter or sort is being read: then with it, in the background.
        if self.is_reading():
            self._request(query)
        else:
            self._set_query(query)

    def is_reading(self) -> bool:
        """Whether a new filter or sort is being read in the background."""
        return self._background is not None and self._background.is_waiting()

    def reload(self) -> None:
        """Read the rows afresh: the first page, and how many match in all.

        A filter or sort still being read in the background is read again
        there (the rows shown are those of the last one read until then).
        """
        if self.is_reading():
            self._request(self._wanted)
        else:
            try:
                reading = self._read(self._query)
            except UNREADABLE as error:
                reading = self._query, 1, {0: self._unreadable_rows(1, error)}, None
            self._show(*reading)

    def keep(self, key: str | None) -> None:
        """Find ``key``'s row with every new reading of the rows, where they
        are read (:meth:`kept_row`): the record shown stays found through a
        new filter without a count on the GUI thread."""
        self._keep = key

    def kept_row(self) -> int | None:
        """The row of the key given to :meth:`keep` in the rows read last
        (None: not among them, or no key)."""
        return self._kept_row

    def _read(self, query: ListQuery) -> Reading:
        """How many rows match ``query``, its first page, and the kept key's
        row with its page (on any thread)."""
        total = count_rows(self._store, query)
        pages = {0: fetch_rows(self._store, query, 0, self._page_size)}
        key = self._keep
        kept = next((n for n, row in enumerate(pages[0]) if row.key == key), None)
        if kept is None and key is not None and total > len(pages[0]):
            found = row_index(self._store, query, key, total)
            if found is not None and found < total:
                kept = found
                number = found // self._page_size
                start = number * self._page_size
                pages[number] = fetch_rows(self._store, query, start, self._page_size, total)
        return query, total, pages, kept

    def _request(self, query: ListQuery) -> None:
        assert self._background is not None
        self._wanted = query
        self._background.submit(lambda: self._read(query))

    def _on_read_failed(self, reason: str) -> None:
        """A new filter or sort could not be read: the rows shown stay, and the
        reason is said."""
        self._wanted = self._query
        self.unreadable.emit(f"The list could not be read: {reason}")

    def _apply(self, reading: object) -> None:
        if isinstance(reading, tuple) and reading and reading[0] == self._wanted:
            self._show(*reading)

    def _show(
        self, query: ListQuery, total: int, pages: dict[int, list[ListRow]], kept: int | None
    ) -> None:
        self._kept_row = kept
        self.beginResetModel()
        self._query = self._wanted = query
        self._total = total
        self._pages = OrderedDict(sorted(pages.items()))
        self.endResetModel()
        self.reloaded.emit(self._total)

    def problem_at(self, row: int) -> str | None:
        """Why the row at ``row`` cannot be read (a row of a page that could
        not be read, which has no key); None for a row that reads."""
        found = self._row(row)
        if found is None or found.key:
            return None
        return found.cells[0].removeprefix(f"{CANNOT_READ}: ")

    def key_at(self, row: int) -> str | None:
        found = self._row(row)
        return found.key if found is not None else None

    def row_of(self, key: str) -> int | None:
        """The row showing ``key``, found with one count; None if the filter hides it."""
        for number, page in self._pages.items():
            for offset, listed in enumerate(page):
                if listed.key == key:
                    return number * self._page_size + offset
        try:
            position = row_index(self._store, self._query, key, self._total)
        except UNREADABLE as error:
            self.unreadable.emit(f"The record could not be found in the list: {error}")
            return None
        return position if position is not None and position < self._total else None

    def _set_query(self, query: ListQuery) -> None:
        self._query = self._wanted = query
        self.reload()

    def set_store(self, store: Store) -> None:
        """List the records of another database (the window opened another
        file): unfiltered, in the same order; a read of the old one still
        coming is dropped."""
        if self._background is not None:
            self._background.cancel()
        self._store = store
        query = self._query
        self._set_query(replace(query, text=""))

"""The panes beside the lists: the shown record's detail and its citations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.evidence import EvidenceRow
from viewer.ui.browse.citations_pane import CitationsPane
from viewer.ui.browse.detail_pane import LOADING, DetailPane
from viewer.ui.browse.detail_reader import DetailReader, RecordReading
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.window.edit_actions import EditActions
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.search_controller import SearchController


class RecordPanes(QObject):
    """The detail pane and the citations pane, filled with one record at a
    time by a reader off the GUI thread.

    The panes remember which record they show (``shown``: None when none, or
    once it was deleted) and which record each listed revision belongs to, so
    that a revert reaches the right one. Which record to show is the window's
    choice; what the panes ask for (a link followed, a revert, a new status,
    a search, a copied reference) is done through :meth:`connect_requests`.

    A citation asked for (:meth:`want_citation`) is selected in the citations
    pane when its record's reading arrives, and only then: a reading of
    another record, or none, lets the wish go.
    """

    def __init__(self, opener: LinkOpener, reader: DetailReader, window: QWidget) -> None:
        super().__init__(window)
        self.detail_pane = DetailPane(window)
        self.citations_pane = CitationsPane(opener, window)
        self.reader = reader
        self.shown: Location | None = None
        self._revision_records: dict[int, tuple[RecordKind, str]] = {}
        self._wanted: EvidenceRow | None = None
        self._say: Callable[[str], None] = lambda _text: None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.detail_pane.webLinkRequested.connect(self.citations_pane.open_url)
        self.reader.loaded.connect(self._show_reading)
        self.reader.loading.connect(lambda: self.show_message(LOADING))
        self.reader.failed.connect(
            lambda error: self.show_message(f"This record could not be read: {error}")
        )
        self.reader.failed.connect(lambda _error: self.want_citation(None))

    def connect_requests(
        self,
        editor: RecordEditor,
        edits: EditActions,
        search: SearchController,
        select: Callable[[RecordKind, str], object],
        may_write: Callable[[], bool],
        say: Callable[[str], None],
    ) -> None:
        """Do what the panes ask for; writing only when ``may_write`` allows."""
        self._editor, self._may_write, self._say = editor, may_write, say
        self.detail_pane.recordLinkActivated.connect(
            lambda kind, key: self._follow_link(RecordKind(kind), key, select)
        )
        self.detail_pane.revertRequested.connect(self._revert)
        self.detail_pane.changeStatusRequested.connect(
            lambda party: edits.change_status_of(party) if may_write() else None
        )
        self.detail_pane.searchRequested.connect(
            lambda kind, query: search.show_query(RecordKind(kind) if kind else None, query)
        )
        self.citations_pane.referenceCopied.connect(
            lambda text: say(f"Copied reference: {_cut(text, 90)}")
        )
        self.citations_pane.bibliographyCopied.connect(
            lambda count: say(f"Copied bibliography: {count:,} reference{'s' * (count != 1)}")
        )
        self.citations_pane.sourceRequested.connect(lambda key: select(RecordKind.SOURCE, key))
        self.citations_pane.citationEditRequested.connect(
            lambda kind, key, index: editor.edit(kind, key, citation=index) if may_write() else None
        )

    def show(self, place: Location) -> None:
        """Read ``place`` and show it when read."""
        self.shown = place
        self.reader.request(place.kind, place.key)

    def want_citation(self, row: EvidenceRow | None) -> None:
        """Select the citation ``row`` is about (:attr:`EvidenceRow.cited`) in
        the citations pane, with the keyboard focus, when the record it opens
        is read next; if that record no longer has it, say so in the status
        bar. None: no citation is wanted any more."""
        self._wanted = row if row is not None and row.cited is not None else None

    def show_none(self, why: str) -> None:
        """Show no record, saying ``why``."""
        self._wanted = None
        self.shown = None
        self.reader.cancel()
        self.show_message(why)

    def clear(self) -> None:
        """Show no record, and no reason either."""
        self._wanted = None
        self.shown = None
        self.reader.cancel()
        self._revision_records = {}
        self.detail_pane.show_detail(None)
        self.citations_pane.show_detail(None)

    def show_message(self, message: str) -> None:
        self._revision_records = {}
        self.detail_pane.show_message(message)
        self.citations_pane.show_message(message)

    def _follow_link(
        self, kind: RecordKind, key: str, select: Callable[[RecordKind, str], object]
    ) -> None:
        if kind is RecordKind.STATUS_ACTION:
            self._editor.edit(kind, key)
        else:
            select(kind, key)

    def _revert(self, revision_id: int) -> None:
        if not self._may_write():
            return
        target = self._revision_records.get(revision_id)
        if target is not None:
            self._editor.revert(*target, revision_id)

    def _show_reading(self, reading: RecordReading) -> None:
        if reading.detail is None and self.shown == Location(reading.kind, reading.key):
            self.shown = None  # it was deleted
        revisions = reading.revisions
        self._revision_records = {r.id: (r.record_kind, r.record_key) for r in revisions}
        self.detail_pane.show_detail(reading.detail, revisions, reading.names)
        self.citations_pane.show_detail(reading.detail)
        wanted, self._wanted = self._wanted, None
        if wanted is not None and (wanted.open_kind, wanted.open_key) == (
            reading.kind,
            reading.key,
        ):
            self._select_wanted(wanted)

    def _select_wanted(self, row: EvidenceRow) -> None:
        if row.cited is None or not self.citations_pane.select_cited(
            (row.kind, row.key), row.cited
        ):
            self._say(
                f"That citation of {_cut(row.label, 60)} is no longer there: it was removed "
                "or changed after the Evidence view listed it."
            )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""The detail pane: the selected record's fields, related records, timeline and history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.records import Party, Revision, Source
from viewer.domain.revision_text import Names
from viewer.domain.views import Detail
from viewer.ui.browse.claims_html import claims_href, parse_claims_href
from viewer.ui.browse.detail_html import (
    EDIT_SCHEME,
    DetailPage,
    detail_page,
    in_accord,
    is_web_href,
    parse_change_status_href,
    parse_full_text_href,
    parse_record_href,
    parse_search_href,
)
from viewer.ui.browse.full_text_dialog import FullTextDialog
from viewer.ui.browse.history_view import HistoryView
from viewer.ui.timeline.status_timeline import StatusTimeline
from viewer.ui.widgets.text_anchors import select_anchor

PLACEHOLDER = "Select a participant, event, person, source or accord to see it here."
LOADING = "Loading…"


class DetailPane(QWidget):
    """Shows one record: its fields, links to related records and, for a
    participant, its status timeline with an "as of" date; a History tab
    lists its changes. A field too long to lay out in a frame shows its
    start and a "Show all" link, which opens the whole text in a
    :class:`FullTextDialog`. A step's "1 other claim" link expands its
    competing claims in place, and folds them again.

    Signals:
        recordLinkActivated(str, str): a link to another record was followed;
            carries the record kind's value and the key.
        revertRequested(int): the user asked to revert the record to a
            revision; carries the revision id.
        searchRequested(str, str): "show all" of a long related list; carries
            the list's kind value ("" for all results) and the query to show.
        editRequested(str, str): an Edit link was followed; carries the
            kind's value and the key of the record to edit.
        changeStatusRequested(str): "Change status…" was followed; carries
            the participant's key.
        webLinkRequested(str): the shown source's web address was followed;
            carries the address exactly as stored (not yet checked).
    """

    recordLinkActivated = Signal(str, str)
    revertRequested = Signal(int)
    searchRequested = Signal(str, str)
    editRequested = Signal(str, str)
    changeStatusRequested = Signal(str)
    webLinkRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Details of the selected record")
        self._detail: Detail | None = None
        self._page: DetailPage | None = None
        self._editable = True
        self._accord: str | None = None
        self._accord_name = ""
        # The claim groups whose other claims the page shows expanded.
        self._expanded: set[str] = set()
        self._setup_widgets()
        self.show_detail(None)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setAccessibleName("Details and history")
        self.tabs.tabBar().setAccessibleName("Details or history")
        page = QWidget(self.tabs)
        self.text = QTextBrowser(page)
        self.text.setObjectName("detailText")
        self.text.setAccessibleName("Record details")
        # Links are followed by the window, never by the browser itself.
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self._style_page()
        self.timeline = StatusTimeline(page)
        self.timeline.setObjectName("statusTimeline")
        self.timeline.setAccessibleName("Status timeline")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text, 1)
        column.addWidget(self.timeline)
        self.history = HistoryView(self.tabs)
        self.tabs.addTab(page, "&Details")
        self.tabs.addTab(self.history, "Histor&y")  # Alt+H is the Help menu
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _connect_signals(self) -> None:
        self.text.anchorClicked.connect(self._follow)
        self.history.revertRequested.connect(self.revertRequested)

    @property
    def detail(self) -> Detail | None:
        return self._detail

    def show_detail(
        self, detail: Detail | None, revisions: Sequence[Revision] = (), names: Names | None = None
    ) -> None:
        if detail is None or self._detail is None or detail.record.key != self._detail.record.key:
            self._expanded.clear()  # another record: its claims start folded
        self._detail = detail
        self._page = None
        self.history.show_revisions(revisions, names)
        if detail is None:
            self._set_plain(PLACEHOLDER)
            self.timeline.hide()
            return
        self._set_page(detail)
        if isinstance(detail.record, Party):
            self.timeline.set_actions(in_accord(detail.actions, self._accord))
            self.timeline.show()
        else:
            self.timeline.hide()

    def set_accord(self, key: str | None, name: str = "") -> None:
        """Show a participant's steps in the accord ``key`` only (None: in
        every accord): its timeline, "Now" line, current status and status
        actions, with a line naming the other accords it is in. ``name`` is
        the accord's name, said even for a participant with no step in it."""
        if key == self._accord and name == self._accord_name:
            return
        self._accord, self._accord_name = key, name
        if self._detail is not None:
            self._set_page(self._detail)
            if isinstance(self._detail.record, Party):
                self.timeline.set_actions(in_accord(self._detail.actions, key))

    def accord(self) -> str | None:
        """The accord whose steps a participant's page shows (None: every accord)."""
        return self._accord

    def set_editable(self, why_not: str | None) -> None:
        """Show the page's edit links live and offer Revert, or, while the file
        cannot be written (``why_not``), show the links as plain text and Revert
        disabled with the reason: they would do nothing."""
        self.history.set_editable(why_not)
        editable = why_not is None
        if editable == self._editable:
            return
        self._editable = editable
        if self._detail is not None:
            self._set_page(self._detail)

    def show_message(self, message: str) -> None:
        """Show ``message`` (as plain text) in place of a record: "Loading…", or why
        the record could not be read."""
        self._detail = None
        self._page = None
        self._set_plain(message)
        self.timeline.hide()
        self.history.show_message(message)

    def full_texts(self) -> list[tuple[str, str]]:
        """The (title, whole text) of each field the page shows cut, in page order."""
        return [(full.title, full.text) for full in self._page.full_texts] if self._page else []

    def show_full_text(self, index: int) -> FullTextDialog | None:
        """Open the whole text of the page's ``index``-th cut field (None if there is none)."""
        texts = self._page.full_texts if self._page else []
        if not 0 <= index < len(texts):
            return None
        dialog = FullTextDialog(texts[index].title, texts[index].text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _set_page(self, detail: Detail) -> None:
        named = (RecordKind.ACCORD, self._accord or "")
        if self._accord and self._accord_name and named not in detail.names:
            # A detail names only the accords its record's steps are in.
            detail = replace(detail, names={**detail.names, named: self._accord_name})
        self._page = detail_page(
            detail, editable=self._editable, accord=self._accord, expanded=self._expanded
        )
        self.text.setHtml(self._page.html)

    def expanded_claims(self) -> frozenset[str]:
        """The claim groups whose other claims the page shows."""
        return frozenset(self._expanded)

    def toggle_claims(self, group: str) -> None:
        """Expand the other claims of ``group`` in place, or fold them again;
        the page keeps its scroll position and the link its keyboard focus."""
        if self._detail is None:
            return
        self._expanded ^= {group}
        scrolled = self.text.verticalScrollBar().value()
        self._set_page(self._detail)
        self.text.verticalScrollBar().setValue(scrolled)
        select_anchor(self.text, claims_href(group))

    def _set_plain(self, text: str) -> None:
        # setPlainText writes in the cursor's format of the moment: after the
        # keyboard rested on a link, that would make the message a live link.
        self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.setPlainText(text)

    def changeEvent(self, event: QEvent) -> None:
        # A new palette (a dark scheme chosen) restyles the page shown.
        if event.type() == QEvent.Type.PaletteChange:
            self._style_page()
            if self._detail is not None:
                self._set_page(self._detail)
        super().changeEvent(event)

    def _style_page(self) -> None:
        """Colour the page's classes and links from the palette, light or dark."""
        palette = self.palette()  # the text's own is updated after this event
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        link = palette.color(QPalette.ColorRole.Link)
        self.text.document().setDefaultStyleSheet(
            f".muted {{ color: {_mix(text, base, 0.62)}; }}\n"
            f".field {{ color: {_mix(text, base, 0.8)}; }}\n"
            f"a {{ color: {link.name()}; }}\n"
        )

    def _follow(self, url: QUrl) -> None:
        href = url.toString()
        if is_web_href(href):
            record = self._detail.record if self._detail else None
            if isinstance(record, Source):
                self.webLinkRequested.emit(record.url)
            return
        group = parse_claims_href(href)
        if group is not None:
            self.toggle_claims(group)
            return
        full = parse_full_text_href(href)
        if full is not None:
            self.show_full_text(full)
            return
        party = parse_change_status_href(href)
        if party is not None:
            self.changeStatusRequested.emit(party)
            return
        edit = parse_record_href(href, EDIT_SCHEME)
        if edit is not None:
            self.editRequested.emit(edit[0].value, edit[1])
            return
        target = parse_record_href(href)
        if target is not None:
            kind, key = target
            self.recordLinkActivated.emit(kind.value, key)
        search = parse_search_href(href)
        if search is not None:
            list_kind, query = search
            self.searchRequested.emit(list_kind.value if list_kind else "", query)


def _mix(colour: QColor, ground: QColor, amount: float) -> str:
    """``colour`` blended into ``ground`` (1 is all colour): secondary text that
    keeps its contrast on whichever ground the palette has."""

    def channel(a: int, b: int) -> int:
        return round(a * amount + b * (1 - amount))

    mixed = QColor(
        channel(colour.red(), ground.red()),
        channel(colour.green(), ground.green()),
        channel(colour.blue(), ground.blue()),
    )
    return mixed.name()

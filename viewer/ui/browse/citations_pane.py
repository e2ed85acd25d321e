"""The evidence for the selected record: each claim with the citations behind it."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QStyle,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.citation_text import (
    TITLE_SHOWN,
    VERDICT_MARKS,
    citation_text,
    citation_tip,
    claims_summary,
    copied_reference,
    full_citation,
)
from viewer.domain.csl import DEFAULT_STYLE, bibliography_text, cached_bibliography_text
from viewer.domain.display_text import one_line
from viewer.domain.enums import RecordKind
from viewer.domain.evidence import CitedAt
from viewer.domain.quote_check import Verdict
from viewer.domain.records import Citation, Source
from viewer.domain.views import Claim, Detail
from viewer.ui.browse.bibliography_copy import copy_bibliography, sources_behind
from viewer.ui.browse.full_text_dialog import FullTextDialog
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.widgets.plain_text import plain_tooltip, warning_colour

PLACEHOLDER = "Select a record to see its evidence."
SOURCE_NOTE = "A source is evidence itself; its citing claims are listed in the detail pane."
CITATION_NEEDED = "citation needed"
# References not formatted before are formatted this many at a time (about
# 2 ms each), the rest in later turns of the event loop: a record citing a
# hundred sources shows at once, each row first with its title.
FORMATTED_AT_ONCE = 8
_CLAIM_ROLE = Qt.ItemDataRole.UserRole
_CITATION_ROLE = Qt.ItemDataRole.UserRole + 1
_NO_CITATION = -1
# Beside a quote, what checking it against its source's archived text found:
# a mark and words (VERDICT_MARKS), and an icon whose colour is never the only sign.
_VERDICT_ICONS = {
    Verdict.VERIFIED: QStyle.StandardPixmap.SP_DialogApplyButton,
    Verdict.NOT_FOUND: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Verdict.NO_TEXT: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


class CitationsPane(QWidget):
    """The claims of one record and, under each, the sources that back it.

    Everything shown comes from the database and is set as plain text, never
    as HTML, and bounded: each row holds the start of a citation's reference
    in the chosen citation style, its locator and its quote, one line each (a
    line break in them shows as ↵), the tooltip more, and "Show full text" all
    of it. "Copy reference" copies the reference and the in-text citation with
    its locator, as plain text and as HTML whose every piece of data is
    escaped; "Copy bibliography" (Ctrl+Shift+B) copies every reference behind
    the record, sorted as the style sorts; "Edit citation…" (F2) asks for the
    form of the record the citation backs, at that citation. Links open only through the given
    :class:`LinkOpener`, which shows the site first.

    Signals:
        sourceRequested(str): the person asked to go to a source; its key.
        referenceCopied(str): a reference was put on the clipboard; its text.
        bibliographyCopied(int): a reference list was; how many references.
        citationEditRequested(RecordKind, str, int): the person asked to edit
            the selected citation: the kind and key of the record whose claim
            it backs, and its place among that record's citations.
    """

    sourceRequested = Signal(str)
    referenceCopied = Signal(str)
    bibliographyCopied = Signal(int)
    citationEditRequested = Signal(object, str, int)

    def __init__(self, link_opener: LinkOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._link_opener = link_opener
        self._detail: Detail | None = None
        self._style = DEFAULT_STYLE
        # Rows still showing a title in place of their reference: (claim, citation).
        self._unformatted: list[tuple[int, int]] = []
        self._budget = FORMATTED_AT_ONCE
        self._setup_widgets()
        self.show_detail(None)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.setObjectName("citationsPane")
        self.setAccessibleName("Citations")
        self._message = QLabel(self)
        self._message.setObjectName("citationsMessage")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        # A name with no space to wrap at must not set the pane's width (a
        # label's least width is its longest word): it takes what it is given.
        self._message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._message.setMinimumWidth(1)
        self._tree = QTreeWidget(self)
        self._tree.setObjectName("citationsTree")
        self._tree.setAccessibleName("Claims and their citations")
        self._tree.setHeaderHidden(True)
        # Rows grow to hold wrapped titles and quotes, so the pane reads at 350 px.
        self._tree.setWordWrap(True)
        self._tree.setUniformRowHeights(False)
        self._tree.setIndentation(14)
        self._tree.setAlternatingRowColors(True)
        self._tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        # One action per command serves the button and the context menu alike.
        self._open_action = self._action(
            "Open link", "Show the web address of the selected source, then open it"
        )
        self._copy_action = self._action(
            "Copy reference", "Copy the reference and its in-text citation, in the chosen style"
        )
        self._copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self._copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._go_action = self._action("Go to source", "Show the source record")
        self._edit_action = self._action(
            "Edit citation…", "Open the form of the record this citation backs, at this citation"
        )
        self._edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self._edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._bibliography_action = self._action(
            "Copy bibliography", "Copy every reference behind this record, in the chosen style"
        )
        self._bibliography_action.setObjectName("copyBibliographyAction")
        # Ctrl+Shift+B (no other command has it) from anywhere in the window:
        # the pane always shows the selected record.
        self._bibliography_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self._bibliography_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self._bibliography_action)
        self._full_action = self._action(
            "Show full text", "Show the whole citation: reference, quote, note and link"
        )
        self._tree.addActions(
            [
                self._open_action,
                self._copy_action,
                self._go_action,
                self._edit_action,
                self._full_action,
                self._bibliography_action,
            ]
        )

        # A bar, not a row of buttons: in a narrow pane the buttons that do
        # not fit go under its » menu instead of setting the pane's width.
        buttons = QToolBar("Citation", self)
        buttons.setObjectName("citationButtons")
        buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action, name in (
            (self._open_action, "openLinkButton"),
            (self._copy_action, "copyReferenceButton"),
            (self._go_action, "goToSourceButton"),
            (self._edit_action, "editCitationButton"),
        ):
            buttons.addAction(action)
            button = buttons.widgetForAction(action)
            button.setObjectName(name)
            button.setAccessibleName(action.text())
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a bar's are mouse-only

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._message)
        layout.addWidget(self._tree, 1)
        layout.addWidget(buttons)

    def _action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        words = text.title().replace(" ", "")
        action.setObjectName(f"{words[0].lower()}{words[1:]}Action")  # "openLinkAction"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _connect_signals(self) -> None:
        self._tree.currentItemChanged.connect(self._update_actions)
        # The only column stretches with the view, so this follows every resize.
        self._tree.header().sectionResized.connect(self._fit_rows)
        self._open_action.triggered.connect(self._open_link)
        self._copy_action.triggered.connect(self._copy_reference)
        self._go_action.triggered.connect(self._go_to_source)
        self._edit_action.triggered.connect(self._edit_citation)
        self._bibliography_action.triggered.connect(self._copy_bibliography)
        self._full_action.triggered.connect(self.show_full_text)

    # -- filling ---------------------------------------------------------------

    @property
    def bibliography_action(self) -> QAction:
        """Copy bibliography: the window also places it in its Edit menu."""
        return self._bibliography_action

    @property
    def edit_citation_action(self) -> QAction:
        """Edit citation…: the window also places it in its Edit menu."""
        return self._edit_action

    def set_citation_style(self, style: str) -> None:
        """Show and copy references in ``style`` (a key of viewer.domain.csl.STYLES)."""
        if style != self._style:
            self._style = style
            self.show_detail(self._detail)

    def citation_style(self) -> str:
        return self._style

    def show_detail(self, detail: Detail | None) -> None:
        """Show the claims of ``detail`` with their citations; None clears the pane."""
        kept = self._current_indices() if _same_record(self._detail, detail) else None
        self._detail = detail
        self._tree.clear()
        self._unformatted = []
        self._budget = FORMATTED_AT_ONCE
        if detail is None or not detail.claims:
            note = PLACEHOLDER if detail is None else SOURCE_NOTE
            if detail is not None and not isinstance(detail.record, Source):
                note = "This record makes no claims."
            self._message.setText(note)
            self._tree.hide()
        else:
            for index, claim in enumerate(detail.claims):
                self._tree.addTopLevelItem(self._claim_item(index, claim, detail))
            self._tree.expandAll()
            self._fit_rows()
            if self._unformatted:
                QTimer.singleShot(0, self._format_some)
            name = one_line(detail.record.label, TITLE_SHOWN)
            self._message.setText(f"{name}: {claims_summary(detail.claims)}")
            self._tree.show()
        if kept is not None and kept[1] != _NO_CITATION:
            with suppress(IndexError):  # the claim or citation went away with the edit
                self.select_citation(*kept)
        self._update_actions()

    def show_message(self, message: str) -> None:
        """Show ``message`` (as plain text) in place of a record's claims: "Loading…",
        or why the record could not be read."""
        self._detail = None
        self._tree.clear()
        self._unformatted = []
        self._tree.hide()
        self._message.setText(message)
        self._update_actions()

    def _claim_item(self, index: int, claim: Claim, detail: Detail) -> QTreeWidgetItem:
        label = one_line(claim.label, TITLE_SHOWN)
        item = QTreeWidgetItem([label])
        item.setData(0, _CLAIM_ROLE, index)
        item.setData(0, _CITATION_ROLE, _NO_CITATION)
        _set_font(item, bold=True)
        cited = len(claim.citations)
        item.setToolTip(0, plain_tooltip(f"{label}\n\n{cited} citation(s)"))
        if claim.needs_citation:
            warning = QBrush(warning_colour(self))
            item.setForeground(0, warning)
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            item.setToolTip(0, plain_tooltip(f"{label}\n\nNo source backs this claim yet."))
            marker = QTreeWidgetItem([CITATION_NEEDED])
            marker.setForeground(0, warning)
            _set_font(marker, italic=True)
            marker.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.addChild(marker)
        for number, citation in enumerate(claim.citations):
            child = QTreeWidgetItem()
            child.setData(0, _CLAIM_ROLE, index)
            child.setData(0, _CITATION_ROLE, number)
            self._fill_citation(child, citation, detail.sources.get(citation.source))
            item.addChild(child)
        return item

    def _fill_citation(
        self, item: QTreeWidgetItem, citation: Citation, source: Source | None
    ) -> None:
        """Its reference, if formatted before or while this turn's budget lasts,
        else its title until :meth:`_format_some` comes to it."""
        reference = None
        if source is not None:
            reference = cached_bibliography_text(source, self._style)
            if reference is None and self._budget > 0:
                self._budget -= 1
                reference = bibliography_text(source, self._style)
            if reference is None:
                self._unformatted.append(
                    (int(item.data(0, _CLAIM_ROLE)), int(item.data(0, _CITATION_ROLE)))
                )
        verdict = self.verdict_at(int(item.data(0, _CLAIM_ROLE)), int(item.data(0, _CITATION_ROLE)))
        text = citation_text(citation, source, reference)
        tip = citation_tip(citation, source, reference)
        if verdict is not None:
            text += "\n" + VERDICT_MARKS[verdict]
            tip = f"{VERDICT_MARKS[verdict]}: {verdict.meaning}\n\n{tip}"
            item.setIcon(0, self.style().standardIcon(_VERDICT_ICONS[verdict]))
        item.setText(0, text)
        item.setToolTip(0, plain_tooltip(tip))

    def verdict_at(self, claim_index: int, citation_index: int) -> Verdict | None:
        """What checking a citation's quote found (None: it quotes nothing, or
        its source is unknown)."""
        if self._detail is None:
            return None
        verdict = self._detail.verdicts.get((claim_index, citation_index))
        return verdict if verdict in VERDICT_MARKS else None

    def _format_some(self) -> None:
        """Format the next few references still shown as titles."""
        if self._detail is None or not self._unformatted:
            return
        waiting, self._unformatted = self._unformatted, []
        self._budget = FORMATTED_AT_ONCE
        for claim_index, citation_index in waiting:
            citation = self._detail.claims[claim_index].citations[citation_index]
            claim_item = self._tree.topLevelItem(claim_index)
            item = claim_item.child(citation_index) if claim_item is not None else None
            if item is not None:
                self._fill_citation(item, citation, self._detail.sources.get(citation.source))
        self._fit_rows()
        current = self._tree.currentItem()
        if current is not None:  # rows above it grew: keep it in sight
            self._tree.scrollToItem(current)
        if self._unformatted:
            QTimer.singleShot(0, self._format_some)

    def formatting_done(self) -> bool:
        """Whether every row shows its reference in the chosen style."""
        return not self._unformatted

    def _fit_rows(self) -> None:
        """Give each row the height its wrapped text needs at the current width.

        The default delegate measures wrapped text at the full column width,
        ignoring the indentation, so a title just too long lost its last line.
        """
        style = self._tree.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + margin
        width = self._tree.viewport().width() - margin
        iterator = QTreeWidgetItemIterator(self._tree)
        while (item := iterator.value()) is not None:
            depth = 1 if item.parent() is None else 2
            room = width - depth * self._tree.indentation() - (0 if item.icon(0).isNull() else icon)
            bounds = QRect(0, 0, max(room, 40), 100_000)
            text = QFontMetrics(item.font(0)).boundingRect(
                bounds, Qt.TextFlag.TextWordWrap, item.text(0)
            )
            item.setSizeHint(0, QSize(bounds.width(), text.height() + 6))
            iterator += 1
        self._tree.doItemsLayout()

    # -- selection ---------------------------------------------------------------

    def select_citation(self, claim_index: int, citation_index: int) -> None:
        """Make a citation current; IndexError if the shown detail has no such one."""
        claims = self._detail.claims if self._detail else ()
        if not 0 <= claim_index < len(claims):
            raise IndexError(f"there is no claim {claim_index}")
        if not 0 <= citation_index < len(claims[claim_index].citations):
            raise IndexError(f"claim {claim_index} has no citation {citation_index}")
        claim_item = self._tree.topLevelItem(claim_index)
        item = claim_item.child(citation_index) if claim_item is not None else None
        if item is None:  # the tree mirrors the claims; this only reassures the type checker
            raise IndexError(f"claim {claim_index} has no citation {citation_index}")
        self._tree.setCurrentItem(item)
        self._tree.scrollToItem(item)

    def select_cited(self, claim: tuple[RecordKind, str], cited: CitedAt) -> bool:
        """Make ``cited``, a citation of the claim of ``claim`` (its record's kind
        and key), current and give it the keyboard focus, so that the next key
        acts on it; False if the record shown has no such citation (any more)."""
        claims = self._detail.claims if self._detail is not None else ()
        for claim_index, shown in enumerate(claims):
            if (shown.record.kind, shown.record.key) != claim:
                continue
            place = cited.found_in(shown.citations)
            if place is not None:
                self.select_citation(claim_index, place)
                self._tree.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def current_citation(self) -> tuple[Source, Citation] | None:
        """The selected citation with its source, or None."""
        indices = self._current_indices()
        if self._detail is None or indices is None or indices[1] == _NO_CITATION:
            return None
        citation = self._detail.claims[indices[0]].citations[indices[1]]
        source = self._detail.sources.get(citation.source)
        return (source, citation) if source is not None else None

    def _current_indices(self) -> tuple[int, int] | None:
        item = self._tree.currentItem()
        if item is None or item.data(0, _CLAIM_ROLE) is None:
            return None
        return int(item.data(0, _CLAIM_ROLE)), int(item.data(0, _CITATION_ROLE))

    def link_source(self) -> Source | None:
        """The source whose address Open link opens: the selected citation's,
        or, with a source record shown, that source itself."""
        current = self.current_citation()
        if current is not None:
            return current[0]
        record = self._detail.record if self._detail is not None else None
        return record if isinstance(record, Source) else None

    def _update_actions(self) -> None:
        current = self.current_citation()
        linked = self.link_source()
        self._open_action.setEnabled(linked is not None and bool(linked.url.strip()))
        self._copy_action.setEnabled(current is not None)
        self._go_action.setEnabled(current is not None)
        self._edit_action.setEnabled(current is not None)
        self._full_action.setEnabled(current is not None)
        self._bibliography_action.setEnabled(bool(sources_behind(self._detail)))

    # -- commands ----------------------------------------------------------------

    def _edit_citation(self) -> None:
        indices = self._current_indices()
        if self._detail is None or indices is None or indices[1] == _NO_CITATION:
            return
        claim = self._detail.claims[indices[0]]
        self.citationEditRequested.emit(claim.record.kind, claim.record.key, indices[1])

    def _open_link(self) -> None:
        source = self.link_source()
        if source is not None and source.url.strip():
            self._link_opener.request(source.url, self)

    def open_url(self, url: str) -> bool:
        """Open ``url`` through the pane's link opener (checked, shown, asked)."""
        return self._link_opener.request(url, self)

    def _copy_reference(self) -> None:
        current = self.current_citation()
        if current is not None:
            reference = copied_reference(*current, self._style)
            mime = QMimeData()
            mime.setText(reference.text)
            mime.setHtml(reference.html)
            QGuiApplication.clipboard().setMimeData(mime)
            self.referenceCopied.emit(reference.text)

    def _copy_bibliography(self) -> None:
        listed = copy_bibliography(self._detail, self._style)
        if listed is not None:
            self.bibliographyCopied.emit(listed.text.count("\n") + 1)

    def show_full_text(self) -> FullTextDialog | None:
        """Open the selected citation whole: reference, quote, note and link."""
        current = self.current_citation()
        if current is None:
            return None
        source, citation = current
        dialog = FullTextDialog(
            f"Citation of {one_line(source.title, 60)}",
            full_citation(source, citation, self._style),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _go_to_source(self) -> None:
        current = self.current_citation()
        if current is not None:
            self.sourceRequested.emit(current[0].key)


def _set_font(item: QTreeWidgetItem, bold: bool = False, italic: bool = False) -> None:
    font = item.font(0)
    font.setBold(bold)
    font.setItalic(italic)
    item.setFont(0, font)


def _same_record(old: Detail | None, new: Detail | None) -> bool:
    return (
        old is not None
        and new is not None
        and (old.record.kind, old.record.key) == (new.record.kind, new.record.key)
    )

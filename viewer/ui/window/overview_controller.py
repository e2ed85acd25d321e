"""The overview in the window: in the lists' place, read when needed, its
table filtered by the search field, its choices shown in the panes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.overview import AccordOverview
from viewer.store.api import Store
from viewer.ui.overview.accord_timeline import AccordTimeline
from viewer.ui.overview.overview_view import OverviewView
from viewer.ui.overview.world_map import WorldMap
from viewer.ui.window.navigator import Navigator
from viewer.ui.window.overview_loader import OverviewLoader
from viewer.ui.window.search_controller import SearchController

FILTER_PLACEHOLDER = "Filter the participants by name or status (Ctrl+F)"
# The overview's share of the width while shown, when the list's is less.
OVERVIEW_SHARE = 0.58
MINIMUM_SIZE = QSize(240, 240)


class OverviewHost(Protocol):
    """What the overview needs of the window."""

    navigator: Navigator
    stack: QStackedWidget
    search: SearchController
    count_label: QLabel

    @property
    def splitter(self) -> QSplitter: ...

    def show_in_place(self, kind: RecordKind, key: str) -> None: ...


class OverviewController(QObject):
    """Puts the :class:`OverviewView` in the lists' stack and shows it when
    the navigator's "Overview" is chosen (Ctrl+0).

    The overview is read off the GUI thread when it is first shown, and
    again when the data or the accord changes (:meth:`reload`); while it is
    hidden a change only marks it to be read when shown next. While shown,
    the search field filters its table (the search typed before comes back
    when another entry is chosen), and the pane beside it takes more room.
    """

    def __init__(
        self,
        store: Store,
        host: OverviewHost,
        accord: Callable[[], str | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._host = host
        self.view = OverviewView(parent=window)
        self.map = WorldMap(self.view)
        self.timeline = AccordTimeline(self.view)
        self.view.set_map(self.map)
        self.view.set_timeline(self.timeline)
        view = self.view
        view.export_menu.addSeparator()
        view.add_export("Export Map as PNG…", self.map.export_png, "png")
        view.add_export("Export Map as SVG…", self.map.export_svg, "svg")
        view.add_export("Export Timeline as PNG…", self.timeline.export_png, "png")
        view.add_export("Export Timeline as SVG…", self.timeline.export_svg, "svg")
        view.export_button.setToolTip("Export the table (CSV), the map or the timeline (PNG, SVG)")
        # The window keeps the smaller size it had before the overview: the
        # table, the map and the timeline share what room there is.
        self.view.setMinimumSize(MINIMUM_SIZE)
        host.stack.addWidget(self.view)
        self._choosing = False
        self.loader = OverviewLoader(store, accord, self)
        self._stale = True
        self._sizes_before: list[int] | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        navigator = self._host.navigator
        navigator.overviewChosen.connect(self._entered)
        navigator.overviewLeft.connect(self._left)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self.view.show_problem)
        self.view.recordChosen.connect(self._chosen)
        self.view.table.shown_rows.rowsInserted.connect(lambda *_: self.update_count())
        self.view.table.shown_rows.rowsRemoved.connect(lambda *_: self.update_count())
        self.view.table.shown_rows.modelReset.connect(self.update_count)
        # Enter or Down in the search field goes to what it filtered: the table.
        self._host.search.field.resultsRequested.connect(self._focus_table)

    # -- public API ------------------------------------------------------------------

    def is_shown(self) -> bool:
        return self._host.navigator.showing_overview()

    def show(self) -> None:
        """Show the overview with the keyboard focus in its date field (Ctrl+0)."""
        self._host.navigator.show_overview()
        self.view.focus_day()

    def reload(self) -> None:
        """The data or the accord changed: read again now if shown, else when shown."""
        if self.is_shown():
            self.loader.load()
        else:
            self._stale = True

    def set_store(self, store: Store) -> None:
        self.loader.set_store(store)
        self.view.set_overview(None)
        self._stale = True

    def count_text(self) -> str:
        """The count line while the overview shows: the participants the table shows."""
        overview = self.view.overview()
        total = len(overview.parties) if overview else 0
        shown = self.view.table.shown_rows.rowCount()
        noun = "participant" if total == 1 else "participants"
        return f"Showing {shown:,} of {total:,} {noun} in the overview"

    def update_count(self) -> None:
        """Say :meth:`count_text` in the window's count line, if the overview shows."""
        if self.is_shown():
            self._host.count_label.setText(self.count_text())

    def finish(self, timeout_ms: int = 10_000) -> bool:
        return self.loader.finish(timeout_ms)

    def stop(self) -> None:
        self.loader.stop()

    # -- reactions -------------------------------------------------------------------

    def _entered(self) -> None:
        host = self._host
        host.stack.setCurrentWidget(self.view)
        host.search.divert(self.view.table.set_filter, FILTER_PLACEHOLDER)
        self._widen()
        if self._stale:
            self._stale = False
            self.loader.load()
        self.update_count()

    def _left(self) -> None:
        self._host.search.restore()
        if self._sizes_before is not None:
            self._host.splitter.setSizes(self._sizes_before)
            self._sizes_before = None

    def _chosen(self, kind: str, key: str) -> None:
        """A record chosen in the table, on the map or on the timeline: the
        other parts select it too, and the panes show it."""
        if self._choosing:
            return
        self._choosing = True
        try:
            if kind == RecordKind.PARTY.value:
                self.map.select_party(key)
                if self.view.table.selected_key() != key:
                    self.view.table.select_key(key)
            self._host.show_in_place(RecordKind(kind), key)
        finally:
            self._choosing = False

    def _focus_table(self) -> None:
        if self.is_shown():
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _loaded(self, overview: AccordOverview | None) -> None:
        self.view.set_overview(overview)
        self.update_count()

    def _widen(self) -> None:
        """Give the overview most of the width the lists had shared with the
        panes (put back on leaving); the navigator keeps its own."""
        splitter = self._host.splitter
        sizes = splitter.sizes()
        if len(sizes) < 4 or self._sizes_before is not None:
            return
        rest = sum(sizes[1:])
        if rest <= 0 or sizes[1] >= rest * OVERVIEW_SHARE:
            return
        self._sizes_before = sizes
        wanted = int(rest * OVERVIEW_SHARE)
        others = sum(sizes[2:]) or 1
        left = rest - wanted
        splitter.setSizes([sizes[0], wanted, *(size * left // others for size in sizes[2:])])

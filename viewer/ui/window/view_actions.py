"""The View menu: which list to show, which panes and bars to see, the layout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from viewer.domain.enums import RecordKind
from viewer.ui.window.navigator import OVERVIEW, TITLES

# Ctrl+0 for the overview, first in the navigator; Ctrl+1…Ctrl+5 for the lists below it.
OVERVIEW_KEY = "Ctrl+0"
LIST_KEYS = {
    RecordKind.PARTY: "Ctrl+1",
    RecordKind.EVENT: "Ctrl+2",
    RecordKind.PERSON: "Ctrl+3",
    RecordKind.SOURCE: "Ctrl+4",
    RecordKind.ACCORD: "Ctrl+5",
}


class ViewActions(QObject):
    """Shows the overview (Ctrl+0), switches lists (Ctrl+1…Ctrl+5, putting
    the focus in the list), shows
    or hides each pane and the toolbar, and puts the layout back as it was
    first shown.

    The panes are named widgets the window hands over; a hidden pane comes
    back where it was. Actions are added to ``window`` so their keys work
    wherever the focus is.
    """

    def __init__(
        self,
        window: QWidget,
        show_list: Callable[[RecordKind], None],
        panes: dict[str, QWidget],
        reset_layout: Callable[[], None],
        show_overview: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._show_list = show_list
        self._reset_layout = reset_layout
        self.overview_action = QAction(f"&{OVERVIEW}", window)
        self.overview_action.setShortcut(QKeySequence(OVERVIEW_KEY))
        self.overview_action.setToolTip(f"Show the accord at a glance ({OVERVIEW_KEY})")
        self.overview_action.triggered.connect(lambda _checked=False: show_overview())
        window.addAction(self.overview_action)
        self.list_actions: dict[RecordKind, QAction] = {}
        for kind, keys in LIST_KEYS.items():
            action = QAction(f"&{TITLES[kind]}", window)
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"Show the {TITLES[kind].lower()} list ({keys})")
            action.triggered.connect(lambda _checked=False, kind=kind: self._show_list(kind))
            window.addAction(action)
            self.list_actions[kind] = action
        self.pane_actions: dict[str, QAction] = {}
        for name, pane in panes.items():
            action = QAction(f"Show {name}", window)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(pane.setVisible)
            self.pane_actions[name] = action
        self.reset_action = QAction("&Reset Layout", window)
        self.reset_action.setToolTip("Show every pane and bar at its first size")
        self.reset_action.triggered.connect(self.reset)

    def add_menu(self, menu: QMenu) -> None:
        menu.addAction(self.overview_action)
        for action in self.list_actions.values():
            menu.addAction(action)
        self._after_lists = menu.addSeparator()
        self._menu = menu
        for action in self.pane_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.reset_action)

    def add_choice(self, action: QAction) -> None:
        """Put ``action`` (a choice of what the lists show: Choose Accord…)
        after the lists in the menu, its key working wherever the focus is."""
        self._menu.insertAction(self._after_lists, action)
        self._window.addAction(action)

    def sync(self, panes: dict[str, QWidget]) -> None:
        """Tick each pane's entry as it is now (after a restored layout)."""
        for name, pane in panes.items():
            action = self.pane_actions[name]
            action.blockSignals(True)
            action.setChecked(not pane.isHidden())
            action.blockSignals(False)

    def reset(self) -> None:
        for action in self.pane_actions.values():
            action.setChecked(True)
        self._reset_layout()

"""The Help menu: keyboard shortcuts, date notation, about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from viewer.domain.date_notation import NOTATION
from viewer.store.api import Location
from viewer.ui.widgets.shortcuts import listed_shortcuts
from viewer.ui.window.about_dialog import AboutDialog
from viewer.ui.window.date_notation_dialog import DateNotationDialog
from viewer.ui.window.shortcuts_dialog import ShortcutsDialog

# F1 is the search field's help while it has the focus; this key is free everywhere.
SHORTCUTS_KEY = "Ctrl+/"

_Dialog = TypeVar("_Dialog", bound=QDialog)


class HelpActions(QObject):
    """Builds the Help menu's actions; each opens its window beside the main
    one (not modal, so it can stay open while the user works).

    Opening one again brings it forward; the shortcuts list and About are
    made afresh each time they open, from the window's actions and the
    database as they are then (``database_path`` is asked each time).

    Signals: none; each action's ``triggered`` does the work.
    """

    def __init__(self, window: QMainWindow, database_path: Callable[[], Location]) -> None:
        super().__init__(window)
        self._window = window
        self._database_path = database_path
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.date_notation_dialog: DateNotationDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self._setup_actions()
        self._connect_signals()

    def _setup_actions(self) -> None:
        window = self._window
        self.shortcuts = QAction("&Keyboard Shortcuts", window)
        self.shortcuts.setObjectName("keyboardShortcutsAction")
        self.shortcuts.setShortcut(QKeySequence(SHORTCUTS_KEY))
        self.shortcuts.setToolTip(f"Every command and its keys ({SHORTCUTS_KEY})")
        self.date_notation = QAction("&Date Notation", window)
        self.date_notation.setObjectName("dateNotationAction")
        self.date_notation.setToolTip("How to write partial and uncertain dates")
        self.about = QAction("&About Accords Viewer", window)
        self.about.setObjectName("aboutAction")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def _connect_signals(self) -> None:
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.date_notation.triggered.connect(self.show_date_notation)
        self.about.triggered.connect(self.show_about)

    def add_menu(self, menu: QMenu) -> None:
        """Fill the Help menu; its keys work wherever the focus is in the window."""
        menu.addAction(self.shortcuts)
        menu.addAction(self.date_notation)
        menu.addSeparator()
        menu.addAction(self.about)
        self._window.addAction(self.shortcuts)

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts_dialog is not None:
            # The keys may have changed since: list them afresh.
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(listed_shortcuts(self._window), self._window)
        return self._show(self.shortcuts_dialog)

    def show_date_notation(self) -> DateNotationDialog:
        if self.date_notation_dialog is None:
            self.date_notation_dialog = DateNotationDialog(NOTATION, self._window)
        return self._show(self.date_notation_dialog)

    def show_about(self) -> AboutDialog:
        if self.about_dialog is not None:
            # The window may show another database since: say which one now.
            self.about_dialog.close()
            self.about_dialog.deleteLater()
        self.about_dialog = AboutDialog(self._database_path(), self._window)
        return self._show(self.about_dialog)

    def _show(self, dialog: _Dialog) -> _Dialog:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

"""The Preferences command: opens the dialog, keeps and applies what was chosen."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from viewer.ui import colour_scheme
from viewer.ui.widgets.shortcuts import shortcuts
from viewer.ui.window.preferences import Preferences, load_preferences, save_preferences
from viewer.ui.window.preferences_dialog import PreferencesDialog


class PreferencesController(QObject):
    """Owns the Preferences… action (Ctrl+,) for the window to place.

    On OK the choice is saved in the settings and the colour scheme applied
    to the whole application at once; the rest (the author name, the
    timeline's day) is for whoever listens to :attr:`preferencesChanged`.

    Signals:
        preferencesChanged(Preferences): the user chose new preferences (OK).
    """

    preferencesChanged = Signal(object)

    def __init__(self, settings: QSettings, default_author: str, window: QWidget) -> None:
        super().__init__(window)
        self._settings = settings
        self._default_author = default_author
        self._window = window
        self.action = QAction("Pre&ferences…", window)
        self.action.setObjectName("preferencesAction")
        self.action.setShortcuts(shortcuts("Ctrl+,", QKeySequence.StandardKey.Preferences))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.setToolTip("Author name, the timeline's day, colours (Ctrl+,)")
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.action.triggered.connect(self.open_dialog)

    def place(self, menu: QMenu) -> None:
        """At the end of ``menu`` (Edit, where Linux and Windows apps put it;
        on macOS Qt moves it to the application menu), its keys window-wide."""
        menu.addSeparator()
        menu.addAction(self.action)
        self._window.addAction(self.action)

    def current(self) -> Preferences:
        """The preferences as saved."""
        return load_preferences(self._settings)

    def open_dialog(self) -> Preferences | None:
        """Ask for new preferences; the ones chosen, or None if cancelled."""
        dialog = PreferencesDialog(self.current(), self._default_author, self._window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            chosen = dialog.preferences()
        finally:
            dialog.deleteLater()
        self.apply(chosen)
        return chosen

    def apply(self, chosen: Preferences) -> None:
        """Save ``chosen``, give the application its colours and tell the window."""
        save_preferences(self._settings, chosen)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            colour_scheme.apply(app, chosen.colour_scheme)
        self.preferencesChanged.emit(chosen)

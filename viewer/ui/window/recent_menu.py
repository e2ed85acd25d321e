"""Open Recent: the databases opened lately, as a menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from viewer.ui.window.recent_databases import RecentDatabases


class RecentMenu(QMenu):
    """The databases of a :class:`RecentDatabases`, newest first, numbered for
    the keyboard; one whose file is not there now is shown, disabled, as not
    found. Filled afresh each time it opens (a file may have gone meanwhile),
    and by :meth:`fill` when the list changes.

    Signals:
        databaseChosen(str): an entry was chosen; carries its path.
    """

    databaseChosen = Signal(str)

    def __init__(self, recent: RecentDatabases, parent: QWidget) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("recentMenu")
        self._recent = recent
        self.clear_action = QAction("&Clear Recent", parent)
        self.aboutToShow.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        self.clear()
        paths = self._recent.paths()
        for number, path in enumerate(paths, start=1):
            text = f"&{number} {str(path).replace('&', '&&')}"  # a lone & would be a mnemonic
            action = self.addAction(text)
            if path.is_file():
                action.setToolTip(str(path))
                action.triggered.connect(
                    lambda _checked=False, path=path: self.databaseChosen.emit(str(path))
                )
            else:
                action.setText(f"{text} (not found)")
                action.setEnabled(False)
                action.setToolTip(f"{path} is not there now")
        if not paths:
            self.addAction("No databases opened yet").setEnabled(False)
        self.addSeparator()
        self.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))

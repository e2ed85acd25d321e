"""Open Recent: the databases opened lately, as a menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from viewer.domain.display_text import CUT_MARK, one_line
from viewer.store.api import Location, ServerAddress
from viewer.ui.widgets.window_text import action_part
from viewer.ui.window.recent_databases import RecentDatabases

# The most of a path an entry shows: its end, which names the file.
PATH_SHOWN = 100


def path_text(path: Location) -> str:
    """``path`` as a menu entry shows it: on one line, its "&" not an Alt key
    (nor its tab a shortcut's column), and a long one by its end."""
    text = str(path)
    if len(text) > PATH_SHOWN:
        text = CUT_MARK + text[-PATH_SHOWN:]
    return action_part(text, PATH_SHOWN + 1)


class RecentMenu(QMenu):
    """The databases of a :class:`RecentDatabases`, newest first, numbered for
    the keyboard; one whose file is not there now is shown, disabled, as not
    found. Filled afresh each time it opens (a file may have gone meanwhile),
    and by :meth:`fill` when the list changes.

    Signals:
        databaseChosen(str): an entry was chosen; carries its path or server address.
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
        paths = self._recent.locations()
        for number, path in enumerate(paths, start=1):
            text = f"&{number} {path_text(path)}"
            action = self.addAction(text)
            if isinstance(path, ServerAddress):
                action.setToolTip(f"The PostgreSQL database {one_line(str(path), PATH_SHOWN * 4)}")
                action.triggered.connect(
                    lambda _checked=False, path=path: self.databaseChosen.emit(str(path))
                )
            elif path.is_file():
                action.setToolTip(one_line(str(path), PATH_SHOWN * 4))
                action.triggered.connect(
                    lambda _checked=False, path=path: self.databaseChosen.emit(str(path))
                )
            else:
                action.setText(f"{text} (not found)")
                action.setEnabled(False)
                action.setToolTip(f"{one_line(str(path), PATH_SHOWN * 4)} is not there now")
        if not paths:
            self.addAction("No databases opened yet").setEnabled(False)
        self.addSeparator()
        self.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))

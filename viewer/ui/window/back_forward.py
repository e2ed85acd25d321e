"""Back and Forward: the records the user moved through, walked both ways."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from viewer.ui.widgets.shortcuts import shortcuts
from viewer.ui.window.navigation_history import Location, NavigationHistory


class BackForward(QObject):
    """The Back and Forward actions over a :class:`NavigationHistory`.

    The window says which records it showed (:meth:`visit`); walking calls
    ``go`` with the record to show, during which :meth:`walking` is true so
    that showing it is not recorded as a new visit.
    """

    def __init__(self, go: Callable[[Location], object], parent: QObject) -> None:
        super().__init__(parent)
        self._go = go
        self._history = NavigationHistory()
        self._walking = False
        self.back = QAction("Back", parent)
        self.back.setShortcuts(shortcuts("Alt+Left", QKeySequence.StandardKey.Back))
        self.back.setToolTip("Back to the previous record (Alt+Left)")
        self.forward = QAction("Forward", parent)
        self.forward.setShortcuts(shortcuts("Alt+Right", QKeySequence.StandardKey.Forward))
        self.forward.setToolTip("Forward to the next record (Alt+Right)")
        self.back.triggered.connect(lambda: self._walk(self._history.back()))
        self.forward.triggered.connect(lambda: self._walk(self._history.forward()))
        self.update()

    @property
    def current(self) -> Location | None:
        return self._history.current

    def walking(self) -> bool:
        """Whether the record being shown now is a step back or forward."""
        return self._walking

    def visit(self, place: Location) -> None:
        if not self._walking:
            self._history.visit(place)
        self.update()

    def reset(self) -> None:
        """Forget every step (another database is shown)."""
        self._history = NavigationHistory()
        self.update()

    def update(self) -> None:
        self.back.setEnabled(self._history.can_go_back())
        self.forward.setEnabled(self._history.can_go_forward())

    def _walk(self, place: Location | None) -> None:
        if place is None:
            return
        self._walking = True
        try:
            self._go(place)
        finally:
            self._walking = False
        self.update()

"""Whether the window may write to its database, and why not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

READ_ONLY_REASON = (
    "The database is open read-only: this program may not write to the file or its folder"
)
DAMAGED_REASON = "The database is damaged: it is open read-only, to export what can be read"
# Why a copy of a damaged file is not offered: SQLite's copy reads every
# page, and stops at the first damaged one; Export reads record by record.
DAMAGED_COPY_REASON = "the file is damaged; File ▸ Export… saves what can be read"


class WriteLock(QObject):
    """Editing allowed, or stopped with a reason (a read-only file, a damaged one,
    a file deleted or replaced while open).

    Every action that writes registers here (:meth:`guard`): while writing is
    stopped it is disabled whatever else would enable it, and its tooltip and
    status tip say why. The window's own enabling logic asks :meth:`allows`
    before enabling an action, so that a selection change does not undo the
    stop.

    A disabled action's key does nothing, and a menu shows no tooltip: with
    :meth:`say_why_by_keys`, each guarded action's keys, pressed while
    writing is stopped, say the reason (in the status bar) instead.

    Signals:
        changed(): writing was stopped or allowed again.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason: str | None = None
        self._actions: list[QAction] = []
        self._tips: dict[int, tuple[str, str]] = {}
        self._say: Callable[[str], None] | None = None
        self._keys: list[QShortcut] = []

    @property
    def reason(self) -> str | None:
        """Why writing is stopped, or None while it is allowed."""
        return self._reason

    def allows(self) -> bool:
        return self._reason is None

    def guard(self, *actions: QAction) -> None:
        """Keep ``actions`` disabled while writing is stopped."""
        for action in actions:
            self._actions.append(action)
            self._tips[id(action)] = (_own_tool_tip(action), action.statusTip())
            action.changed.connect(lambda action=action: self._hold(action))
        self._apply()

    def say_why_by_keys(self, say: Callable[[str], None]) -> None:
        """While writing is stopped, a guarded action's key calls ``say`` with why."""
        self._say = say
        self._apply()

    def key_catchers(self) -> list[QShortcut]:
        """The shortcuts that say why now (none while writing is allowed)."""
        return list(self._keys)

    def stop(self, reason: str) -> None:
        """Stop writing (until :meth:`allow`), saying ``reason`` in every guarded action."""
        if self._reason == reason:
            return
        self._reason = reason
        self._apply()
        self.changed.emit()

    def allow(self) -> None:
        """Writing is possible again (another database is shown)."""
        if self._reason is None:
            return
        self._reason = None
        self._apply()
        self.changed.emit()

    def _apply(self) -> None:
        # An empty tool tip gives the action back Qt's own, made from its text
        # as that changes ("Undo Edit X"); a kept copy would freeze it.
        for action in self._actions:
            tool_tip, status_tip = self._tips[id(action)]
            if self._reason is None:
                action.setToolTip(tool_tip)
                action.setStatusTip(status_tip)
            else:
                why = f"Not available: {self._reason}."
                action.setToolTip(why)
                action.setStatusTip(why)
                action.setEnabled(False)
        self._catch_keys()

    def _catch_keys(self) -> None:
        # Made anew at each stop: the actions have their places and keys by then.
        for shortcut in self._keys:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._keys = []
        say, reason = self._say, self._reason
        if say is None or reason is None:
            return
        why = f"Not available: {reason}."
        for action in self._actions:
            place = _key_place(action)
            if place is None:
                continue
            for keys in action.shortcuts():
                shortcut = QShortcut(keys, place)
                shortcut.setContext(action.shortcutContext())
                shortcut.setObjectName(f"why:{action.objectName() or action.text()}")
                shortcut.activated.connect(lambda: say(why))
                self._keys.append(shortcut)

    def _hold(self, action: QAction) -> None:
        # Something enabled a guarded action (an undo step, a selection):
        # while writing is stopped it stays disabled.
        if self._reason is not None and action.isEnabled():
            action.setEnabled(False)


def _key_place(action: QAction) -> QWidget | None:
    """The widget whose keys run ``action`` (the window, or the lists for
    Delete): the outermost it was added to, menus and tool bars aside."""
    places = [
        place
        for place in action.associatedObjects()
        if isinstance(place, QWidget) and not isinstance(place, (QMenu, QToolBar, QToolButton))
    ]
    outermost = [
        place
        for place in places
        if not any(other is not place and other.isAncestorOf(place) for other in places)
    ]
    return outermost[0] if outermost else None


def _own_tool_tip(action: QAction) -> str:
    """The tool tip ``action`` was given, or "" where Qt makes it from the text."""
    made_from_text = QAction(action.text()).toolTip()
    tip = action.toolTip()
    return "" if tip == made_from_text else tip

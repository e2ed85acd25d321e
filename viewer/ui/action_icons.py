"""Icons set on actions, and set again when the colours change."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from viewer.ui.icons import icon

# A new palette (a colour scheme chosen, the desktop gone dark) or icon theme.
_REPAINT_EVENTS = frozenset(
    {QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange, QEvent.Type.ThemeChange}
)


class ActionIcons(QObject):
    """Gives each action its named icon (see :data:`viewer.ui.icons.ICONS`).

    The bundled glyphs take the palette's text colour when they are made, so
    they are made again whenever ``watched`` sees the palette or the icon
    theme change; without that, dark glyphs would stay on a dark toolbar.

    Signals: none.
    """

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self._named: dict[QAction, str] = {}
        watched.installEventFilter(self)

    def set_icons(self, actions: Mapping[str, QAction]) -> None:
        """Give each action the icon named by its key, now and after each change."""
        for name, action in actions.items():
            self._named[action] = name
            action.setIcon(icon(name))

    def refresh(self) -> None:
        for action, name in self._named.items():
            action.setIcon(icon(name))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _REPAINT_EVENTS:
            self.refresh()
        return super().eventFilter(watched, event)

"""The window's toolbar: its buttons named for tests and screen readers, and
words dropped in a narrow window."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QWidget

NARROW_WIDTH = 1_150  # below it, the buttons show icons only


class WindowToolBar(QToolBar):
    """A fixed toolbar whose buttons show an icon beside their name.

    In a window narrower than :data:`NARROW_WIDTH` the buttons drop their words (their
    tooltips still say them), so that every button and the search field stay
    in view instead of going under the » menu.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Navigation", parent)
        self.setObjectName("navigationToolBar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def fill(self, groups: Iterable[Iterable[QAction]], search_field: QWidget) -> None:
        """The groups of actions, each after a separator, then the search field."""
        for number, group in enumerate(groups):
            if number:
                self.addSeparator()
            actions = list(group)
            for action in actions:
                self.addAction(action)
            self.name_buttons(actions)
        self._before_search = self.addSeparator()
        self.addWidget(search_field)

    def add_before_search(self, widget: QWidget) -> None:
        """Put ``widget`` (the accord selector) between the buttons and the
        search field, after a separator of its own."""
        placed = self.insertWidget(self._before_search, widget)
        self.insertSeparator(placed)

    def name_buttons(self, actions: Iterable[QAction]) -> None:
        """Name each action's button after it: "Change status…" -> changeStatusButton."""
        for action in actions:
            name = action.text().replace("&", "").strip("…")
            first, *rest = name.split()
            button = self.widgetForAction(action)
            button.setObjectName(f"{first.lower()}{''.join(w.title() for w in rest)}Button")
            button.setAccessibleName(name)

    def fit(self, width: int) -> None:
        """Show the buttons' words or not, for a window ``width`` pixels wide.

        Called by the window as it is resized, before the bar lays itself
        out: a bar that changed its own style when resized would first push
        the search field under its » menu.
        """
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if width < NARROW_WIDTH
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        if self.toolButtonStyle() != style:
            self.setToolButtonStyle(style)

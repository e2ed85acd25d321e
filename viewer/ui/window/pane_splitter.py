"""The window's four panes side by side, each in a focus frame, sized to the window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QListWidget, QSplitter, QWidget

from viewer.ui.window.focus_frame import FocusFrame

# How the panes share a change of width: the navigator keeps its own.
STRETCH = (0, 4, 3, 2)


class PaneSplitter(QSplitter):
    """The navigator, the lists, the detail and the citations, left to right.

    Each pane sits in a :class:`FocusFrame`. Until a saved layout is
    restored, the panes share the width the splitter is first shown at
    (a splitter sized for another width shrinks its panes unevenly): the
    navigator as wide as its labels, the citations never wider than the
    detail.
    """

    def __init__(
        self, navigator: QListWidget, panes: Sequence[QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("mainSplitter")
        self.setChildrenCollapsible(False)
        self._navigator = navigator
        self.frames = [FocusFrame(pane, self) for pane in (navigator, *panes)]
        for frame in self.frames:
            self.addWidget(frame)
        for index, stretch in enumerate(STRETCH):
            self.setStretchFactor(index, stretch)
        self._sized = False

    def default_sizes(self, width: int) -> list[int]:
        """The panes' first widths within ``width`` pixels."""
        navigator = min(max(self._navigator.sizeHintForColumn(0) + 40, 140), 220)
        rest = max(width - navigator, 400)
        return [navigator, rest * 38 // 100, rest * 35 // 100, rest * 27 // 100]

    def reset(self) -> None:
        """Every pane shown, at its first width."""
        for frame in self.frames:
            frame.show()
        self.setSizes(self.default_sizes(self.width()))

    def restore(self, state: object) -> None:
        """Take a layout saved by ``saveState`` (anything else is ignored)."""
        if isinstance(state, QByteArray) and self.restoreState(state):
            self._sized = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self.setSizes(self.default_sizes(self.width()))

"""Input the timeline's tests send: wheel turns and tooltip requests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget


def wheel(widget: QWidget, spot: QPoint, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    """Turn the wheel by ``delta`` eighths of a degree (120: one notch) over ``spot``."""
    event = QWheelEvent(
        QPointF(spot),
        QPointF(widget.mapToGlobal(spot)),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def show_tooltip(widget: QWidget, spot: QPoint) -> str:
    """The tooltip text (as Qt holds it: rich text) that hovering ``spot`` shows."""
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, spot, widget.mapToGlobal(spot)))
    return QToolTip.text()

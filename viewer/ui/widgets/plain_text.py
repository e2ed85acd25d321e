"""Stored or typed text shown where Qt would guess whether it is HTML, and warnings.

Every tooltip of the app that shows data goes through :func:`plain_tooltip`;
warning text (missing evidence, how a date was read) is coloured by
:func:`warning_colour` and error text (why a form cannot be saved) by
:func:`error_colour`, so that each looks the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

# Each a dark shade on light themes and a light one on dark themes: readable on both.
_WARNING = ("#b34700", "#ffb454")  # orange
_ERROR = ("#b3261e", "#ff8a80")  # red


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written.

    Qt reads a tooltip as HTML when it looks like HTML; escaping it inside an
    explicit rich-text wrapper means it is never read as markup. A blank line
    starts a paragraph and a line break stays one. Empty text stays empty, so
    no tooltip appears.
    """
    if not text:
        return ""
    paragraphs = (escape(part).replace("\n", "<br>") for part in text.split("\n\n"))
    return "<qt>" + "".join(f"<p>{part}</p>" for part in paragraphs) + "</qt>"


def show_tooltip_at(widget: QWidget, event: QEvent, text_at: Callable[[QPointF], str]) -> bool:
    """Handle ``event`` if it asks ``widget`` for a tooltip: the plain text
    ``text_at`` gives for the point, or none where it gives "". Whether the
    event was a tooltip request (a widget's ``event()`` then returns True)."""
    if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
        return False
    text = text_at(QPointF(event.pos()))
    if text:
        QToolTip.showText(event.globalPos(), plain_tooltip(text), widget)
    else:
        QToolTip.hideText()
        event.ignore()
    return True


def warning_colour(widget: QWidget) -> QColor:
    """The colour of warning text (missing evidence, a date read) on ``widget``'s palette."""
    return _themed(widget, _WARNING)


def error_colour(widget: QWidget) -> QColor:
    """The colour of error text (why something cannot be saved) on ``widget``'s palette."""
    return _themed(widget, _ERROR)


def show_as_warning(widget: QWidget, warning: bool = True) -> None:
    """Draw ``widget``'s text in the warning colour, or in the window's own again."""
    _paint(widget, warning_colour(widget) if warning else None)


def show_as_error(widget: QWidget) -> None:
    """Draw ``widget``'s text in the error colour."""
    _paint(widget, error_colour(widget))


def _themed(widget: QWidget, shades: tuple[str, str]) -> QColor:
    dark_theme = widget.palette().base().color().lightness() < 128
    return QColor(shades[1] if dark_theme else shades[0])


def _paint(widget: QWidget, colour: QColor | None) -> None:
    palette = QPalette()  # an empty palette inherits the window's colours
    if colour is not None:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)

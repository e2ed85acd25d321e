"""Stored or typed text shown where Qt would guess whether it is HTML, and warnings.

Every tooltip of the app that shows data goes through :func:`plain_tooltip`,
and every warning text is coloured by :func:`warning_colour`, so that both
look and behave the same everywhere.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

# Dark orange on light themes, light orange on dark ones: readable on both.
_WARNING_ON_LIGHT, _WARNING_ON_DARK = "#b34700", "#ffb454"


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


def warning_colour(widget: QWidget) -> QColor:
    """The colour of warning text (a problem, missing evidence) on ``widget``'s palette."""
    dark_theme = widget.palette().base().color().lightness() < 128
    return QColor(_WARNING_ON_DARK if dark_theme else _WARNING_ON_LIGHT)


def show_as_warning(widget: QWidget, warning: bool = True) -> None:
    """Draw ``widget``'s text in the warning colour, or in the window's own again."""
    palette = QPalette()  # an empty palette inherits the window's colours
    if warning:
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(widget))
    widget.setPalette(palette)

"""Tooltips that show stored text as written, and the warning and error colours."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from viewer.ui.widgets.plain_text import (
    error_colour,
    plain_tooltip,
    show_as_error,
    show_as_warning,
    warning_colour,
)


def test_a_tooltip_escapes_markup_and_keeps_paragraphs_and_lines() -> None:
    tip = plain_tooltip("<b>Bold?</b> & more\nsecond line\n\nnext paragraph")
    assert tip == (
        "<qt><p>&lt;b&gt;Bold?&lt;/b&gt; &amp; more<br>second line</p><p>next paragraph</p></qt>"
    )
    assert plain_tooltip("") == ""


def _label(qtbot: QtBot, base: str) -> QLabel:
    label = QLabel("text")
    qtbot.addWidget(label)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    label.setPalette(palette)
    return label


def test_warnings_are_orange_and_errors_red_readable_on_light_and_dark(qtbot: QtBot) -> None:
    light, dark = _label(qtbot, "#ffffff"), _label(qtbot, "#202020")
    assert warning_colour(light) == QColor("#b34700")
    assert warning_colour(dark) == QColor("#ffb454")
    assert error_colour(light) == QColor("#b3261e")
    assert error_colour(dark) == QColor("#ff8a80")
    # Dark shades on light paper, light shades on dark paper.
    assert warning_colour(light).lightness() < 128 < warning_colour(dark).lightness()
    assert error_colour(light).lightness() < 128 < error_colour(dark).lightness()


def test_showing_as_a_warning_or_an_error_colours_the_text_and_can_be_undone(
    qtbot: QtBot,
) -> None:
    label = _label(qtbot, "#ffffff")
    plain = label.palette().color(QPalette.ColorRole.WindowText)
    show_as_warning(label)
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("#b34700")
    show_as_warning(label, False)
    assert label.palette().color(QPalette.ColorRole.WindowText) == plain
    show_as_error(label)
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor("#b3261e")

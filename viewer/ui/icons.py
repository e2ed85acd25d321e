"""The icons of the window's commands: the desktop theme's where it has them,
else the bundled Phosphor set (MIT licence), drawn by QtAwesome.

Phosphor's glyphs are drawn in the palette's button text colour when the
icon is made; :class:`viewer.ui.action_icons.ActionIcons` makes them again when the
palette changes, so they stay legible in a dark scheme.  QtAwesome (and
QtPy under it) is imported only the first time the desktop theme lacks an
icon: a desktop with a full icon theme never loads it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QGuiApplication, QIcon, QPalette

ICON_SET = "Phosphor Icons 1.3 by Helena Zhang and Tobias Fried"
ICON_SET_LICENCE = "MIT licence"
ICON_SET_URL = "https://phosphoricons.com/"
ICON_FONT_URL = "https://github.com/spyder-ide/qtawesome"


class IconSource(NamedTuple):
    """Where an icon comes from: a freedesktop theme name and a Phosphor glyph."""

    theme: str
    glyph: str


# Theme names from the freedesktop icon naming specification where it has one.
ICONS: dict[str, IconSource] = {
    "back": IconSource("go-previous", "ph.arrow-left"),
    "forward": IconSource("go-next", "ph.arrow-right"),
    "new": IconSource("document-new", "ph.plus"),
    "edit": IconSource("document-edit", "ph.pencil-simple"),
    "delete": IconSource("edit-delete", "ph.trash"),
    "change_status": IconSource("", "ph.flag"),
    "undo": IconSource("edit-undo", "ph.arrow-counter-clockwise"),
    "redo": IconSource("edit-redo", "ph.arrow-clockwise"),
    "find": IconSource("edit-find", "ph.magnifying-glass"),
    "open": IconSource("document-open", "ph.folder-open"),
    "save": IconSource("document-save", "ph.floppy-disk"),
    "import": IconSource("document-import", "ph.download-simple"),
    "export": IconSource("document-export", "ph.upload-simple"),
    "preferences": IconSource("preferences-system", "ph.gear"),
    "help": IconSource("help-contents", "ph.question"),
    "shortcuts": IconSource("preferences-desktop-keyboard", "ph.keyboard"),
    "date_notation": IconSource("x-office-calendar", "ph.calendar-blank"),
    "about": IconSource("help-about", "ph.info"),
    "quit": IconSource("application-exit", "ph.sign-out"),
}


def icon(name: str) -> QIcon:
    """The icon for the command ``name`` (a key of :data:`ICONS`).

    A QApplication must exist.
    """
    source = ICONS[name]
    if source.theme and QIcon.hasThemeIcon(source.theme):
        return QIcon.fromTheme(source.theme)
    return _glyph(source.glyph)


def _glyph(glyph: str) -> QIcon:
    # QtPy (under QtAwesome) takes the Qt binding already imported: PySide6.
    import qtawesome

    # The colours are passed, not left to QtAwesome's default: it keeps each
    # icon it made by name and options, so only new colours make a new icon.
    palette = QGuiApplication.palette()
    made = qtawesome.icon(
        glyph,
        color=palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText),
        color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText),
        color_selected=palette.color(
            QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText
        ),
    )
    assert isinstance(made, QIcon)
    return made

"""The icons of the window's commands: the desktop theme's where it has them,
else the bundled Phosphor set (MIT licence) that the QtAwesome package ships.

The Phosphor glyphs are drawn straight from QtAwesome's copy of the font by
:class:`viewer.ui.glyph_icon_engine.GlyphIconEngine`, in the palette's
colours of the moment, so they follow a change of colour scheme.  Importing
QtAwesome itself (and QtPy under it) would add about a tenth of a second to
every start, so its API is used only if its font files cannot be found.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon, QPalette

from viewer.ui.glyph_icon_engine import GlyphIconEngine

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
    return glyph_icon(source.glyph)


def glyph_icon(glyph: str) -> QIcon:
    """The icon of a Phosphor glyph named as QtAwesome names it ("ph.gear")."""
    font = _phosphor_font()
    _, _, name = glyph.partition(".")
    if font is not None and name in font[1]:
        family, charmap = font
        return QIcon(GlyphIconEngine(family, chr(charmap[name])))
    return _qtawesome_icon(glyph)


@cache
def _phosphor_font() -> tuple[str, dict[str, int]] | None:
    """The Phosphor font's family and its glyphs' code points, loaded once;
    None if QtAwesome's copy of the font is not where it keeps it."""
    spec = importlib.util.find_spec("qtawesome")  # finds it without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    charmaps = sorted(fonts.glob("phosphor*charmap*.json"))
    faces = sorted(fonts.glob("phosphor*.ttf"))
    if len(charmaps) != 1 or len(faces) != 1:
        return None
    font_id = QFontDatabase.addApplicationFont(str(faces[0]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    charmap = json.loads(charmaps[0].read_text(encoding="utf-8"))
    return families[0], {name: int(code, 16) for name, code in charmap.items()}


def _qtawesome_icon(glyph: str) -> QIcon:
    # QtPy (under QtAwesome) takes the Qt binding already imported: PySide6.
    import qtawesome

    # The colours are passed, not left to QtAwesome's default: it keeps each
    # icon it made by name and options, so only new colours make a new icon.
    palette = QGuiApplication.palette()
    active, disabled = QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled
    made = qtawesome.icon(
        glyph,
        color=palette.color(active, QPalette.ColorRole.ButtonText),
        color_disabled=palette.color(disabled, QPalette.ColorRole.ButtonText),
        color_selected=palette.color(active, QPalette.ColorRole.HighlightedText),
    )
    assert isinstance(made, QIcon)
    return made

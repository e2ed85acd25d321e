"""Light, dark or the desktop's own colours for the whole application.

The light and dark palettes are written out in full (every role, every
colour group), so a style or platform theme cannot leave one role from the
other scheme behind: white text on a white tooltip, a dark-blue link on a
dark ground.  Links, visited links and the selection were chosen to read at
4.5:1 or better against the ground they are drawn on in each scheme.

"system" gives back what the application had before any scheme was applied:
the platform theme's palette, or the style's standard one.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Native styles that draw with the platform's own colours and ignore most of
# a palette; the written-out schemes switch those to Fusion, which uses them all.
_PALETTE_BLIND_STYLES = frozenset({"windowsvista", "windows11", "macos"})


class ColourScheme(StrEnum):
    """Which colours the window uses; the value is what the settings file keeps."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "Same as the system", "light": "Light", "dark": "Dark"}[self.value]


_LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#efefef",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1a1a1a",
    Role.PlaceholderText: "#6b6b6b",
    Role.Text: "#1a1a1a",
    Role.Button: "#efefef",
    Role.ButtonText: "#1a1a1a",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: "#2a62b8",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6b2fa8",
}

_DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1f1f1f",
    Role.AlternateBase: "#272727",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#9a9a9a",
    Role.Text: "#e8e8e8",
    Role.Button: "#353535",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ff8a80",
    Role.Light: "#505050",
    Role.Midlight: "#404040",
    Role.Mid: "#2f2f2f",
    Role.Dark: "#191919",
    Role.Shadow: "#000000",
    # A mid blue: white text on it reads at 5:1, and it stands out of the grey.
    Role.Highlight: "#3d6fb4",
    Role.HighlightedText: "#ffffff",
    # Light blue and lilac: above 7:1 on the dark ground of text fields.
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#d0a8f5",
}

# Disabled text is greyed in both schemes; these roles carry it.
_DISABLED = {
    "light": {
        Role.WindowText: "#8c8c8c",
        Role.Text: "#8c8c8c",
        Role.ButtonText: "#8c8c8c",
        Role.Highlight: "#a0a0a0",
    },
    "dark": {
        Role.WindowText: "#7c7c7c",
        Role.Text: "#7c7c7c",
        Role.ButtonText: "#7c7c7c",
        Role.Highlight: "#4a4a4a",
    },
}

# What the application looked like before the first scheme was applied,
# kept so that "system" can give it back.
_original: dict[str, QPalette | str] = {}


def palette_for(scheme: ColourScheme) -> QPalette | None:
    """The written-out palette of ``scheme``; None for the system's own."""
    if scheme is ColourScheme.SYSTEM:
        return None
    colours = _DARK if scheme is ColourScheme.DARK else _LIGHT
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    accent = getattr(Role, "Accent", None)  # Qt 6.6 and later
    if accent is not None:
        palette.setColor(accent, QColor(colours[Role.Highlight]))
    for role, name in _DISABLED[scheme.value].items():
        palette.setColor(Group.Disabled, role, QColor(name))
    return palette


def apply(app: QApplication, scheme: ColourScheme) -> None:
    """Give the whole application the colours of ``scheme``, at once."""
    if not _original:
        _original["palette"] = QPalette(app.palette())
        _original["style"] = app.style().name()
    _tell_platform(scheme)
    palette = palette_for(scheme)
    if palette is None:
        style = _original["style"]
        if isinstance(style, str) and app.style().name() != style:
            app.setStyle(style)
        saved = _original["palette"]
        assert isinstance(saved, QPalette)
        app.setPalette(saved)
        return
    if app.style().name().lower() in _PALETTE_BLIND_STYLES:
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    app.setPalette(palette)


def _tell_platform(scheme: ColourScheme) -> None:
    # Qt 6.8 and later can also tell the platform (title bars, native dialogs).
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return
    if scheme is ColourScheme.SYSTEM:
        hints.unsetColorScheme()
    else:
        dark = scheme is ColourScheme.DARK
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark ground."""
    return palette.color(Role.Window).lightness() < 128

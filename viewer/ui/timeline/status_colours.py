"""The colours of statuses and of the timeline that draws them.

The palette follows Okabe and Ito's colour-blind-safe set: hues that stay
apart under the common kinds of colour blindness, with steps of one status
family (declaration then agreement, formalised then joined) told apart by
lightness as well as hue.  Every colour is dark enough to read as a line or
a band on a light window background.  The timeline never relies on colour
alone: bands carry their label and a tooltip, and doubt is shown by pattern.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from viewer.domain.enums import StatusKind
from viewer.domain.records import StatusAction

_PALETTE: dict[StatusKind, str] = {
    # Not yet anything: neutral, so it never looks like an achievement.
    StatusKind.PROSPECTIVE: "#8a8a8a",
    # Promised steps: amber, the colour of "not there yet".
    StatusKind.EXPECTED_TO_JOIN: "#e69f00",
    StatusKind.ANNOUNCED: "#b07800",
    # Signed texts: blue, light for a declaration and deep for an agreement.
    StatusKind.DECLARATION_SIGNED: "#56b4e9",
    StatusKind.AGREEMENT_SIGNED: "#0072b2",
    # In force: bluish green, the deeper the more settled.
    StatusKind.NORMALISATION_FORMALISED: "#009e73",
    StatusKind.JOINED: "#00704f",
    # Going backwards: vermilion and a dark red.
    StatusKind.STALLED: "#d55e00",
    StatusKind.WITHDRAWN: "#a3202e",
    # A different kind of part altogether: reddish purple.
    StatusKind.BROKER: "#a4508b",
}

# The timeline paints its own light ground, so these contrasts hold under any theme.
_PAPER = "#fcfcfc"
_FRAME = "#c4c4c4"
_GRID = "#e4e4e4"
_MARKER = "#1a1a1a"
_AXIS = "#6b6b6b"
_MUTED_TEXT = "#595959"
_DARK_TEXT = "#1a1a1a"
_LIGHT_TEXT = "#ffffff"


def status_colour(kind: StatusKind) -> QColor:
    """The colour that stands for ``kind`` wherever statuses are drawn."""
    return QColor(_PALETTE[kind])


def tint(colour: QColor, strength: float) -> QColor:
    """``colour`` mixed with white: ``strength`` 1 is the colour, 0 is white.

    Tints stay opaque so that text drawn over them keeps its contrast
    whatever is painted underneath.
    """
    strength = min(max(strength, 0.0), 1.0)

    def mix(channel: int) -> int:
        return round(255 - (255 - channel) * strength)

    return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()))


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``.

    Uses the WCAG relative luminance, so amber and sky blue get dark text and
    the deep blues, greens and reds get white.
    """

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * linear(background.red())
        + 0.7152 * linear(background.green())
        + 0.0722 * linear(background.blue())
    )
    # Contrast with black beats contrast with white above this luminance.
    return QColor(_DARK_TEXT if luminance > 0.179 else _LIGHT_TEXT)


def is_tentative(action: StatusAction) -> bool:
    """Not yet done, or not firmly dated: such actions are drawn pale and dashed."""
    vague = action.date is not None and (action.date.approximate or action.date.uncertain)
    return action.certainty.is_prospective or vague


def action_fill(action: StatusAction) -> QColor:
    """The fill of the stretch in which ``action`` holds: pale while only expected."""
    colour = status_colour(action.action)
    return tint(colour, 0.35) if is_tentative(action) else colour


def doubt_fill(action: StatusAction) -> QColor:
    """The ground under the hatching of the days ``action`` may or may not have begun."""
    return tint(status_colour(action.action), 0.18)


def outline_pen(action: StatusAction) -> QPen:
    style = Qt.PenStyle.DashLine if is_tentative(action) else Qt.PenStyle.SolidLine
    return QPen(status_colour(action.action), 1.2, style)


def hatch_brush(kind: StatusKind) -> QBrush:
    """Diagonal lines for the stretch of time in which an action may have happened."""
    return QBrush(status_colour(kind), Qt.BrushStyle.BDiagPattern)


def marker_colour() -> QColor:
    """The "as of" line: near black, unlike any status."""
    return QColor(_MARKER)


def paper_colour() -> QColor:
    return QColor(_PAPER)


def frame_colour() -> QColor:
    return QColor(_FRAME)


def grid_colour() -> QColor:
    """Year lines behind the bands: just visible, never competing with them."""
    return QColor(_GRID)


def axis_colour() -> QColor:
    return QColor(_AXIS)


def muted_text_colour() -> QColor:
    """Secondary text (year labels, "date not given"): grey but above 4.5:1 on white."""
    return QColor(_MUTED_TEXT)

"""The user's preferences, as plain typed values, and where QSettings keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QSettings

from viewer.domain.csl import DEFAULT_STYLE, STYLES
from viewer.domain.dates import DateError, FuzzyDate
from viewer.ui.colour_scheme import ColourScheme

AUTHOR_KEY = "preferences/author"
AS_OF_MODE_KEY = "preferences/asOfMode"
AS_OF_DATE_KEY = "preferences/asOfDate"
COLOUR_SCHEME_KEY = "preferences/colourScheme"
BACKUPS_KEY = "preferences/backupsToKeep"
CITATION_STYLE_KEY = "preferences/citationStyle"
# How many backups of a database are kept (the oldest beyond go); the store's default.
DEFAULT_BACKUPS = 10
MIN_BACKUPS, MAX_BACKUPS = 1, 999

_Choice = TypeVar("_Choice", bound=StrEnum)


class AsOfMode(StrEnum):
    """Which day a participant's timeline reads its status on when the window opens."""

    TODAY = "today"
    FIXED = "fixed"


def read_day(text: str) -> date:
    """The single day ``text`` names, in the app's date notation.

    A partial date ("Jan 2021") is refused rather than turned into one of its
    days: the status "as of January 2021" could differ from day to day.

    Raises DateError, whose message says what is wrong.
    """
    parsed = FuzzyDate.from_text(text)
    if parsed.lower is None or parsed.lower != parsed.upper:
        raise DateError(f"{parsed.display()} is more than one day: give one, e.g. 2021-06-01")
    return parsed.lower


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user chose in Preferences; the defaults are what a new user gets.

    ``author`` empty means the system's own name for the user. ``as_of_date``
    is the fixed day as EDTF text (``2021-06-01``), kept even while the mode
    is "today" so that it is there when the user switches back.
    """

    author: str = ""
    as_of_mode: AsOfMode = AsOfMode.TODAY
    as_of_date: str = ""
    colour_scheme: ColourScheme = ColourScheme.SYSTEM
    backups_to_keep: int = DEFAULT_BACKUPS
    citation_style: str = DEFAULT_STYLE  # a key of viewer.domain.csl.STYLES

    def default_as_of(self, today: date | None = None) -> date:
        """The day the timeline opens on: today, or the fixed day if it reads as one."""
        today = today or date.today()
        if self.as_of_mode is AsOfMode.FIXED:
            try:
                return read_day(self.as_of_date)
            except DateError:
                return today  # an edited settings file: fall back, never fail
        return today

    def author_or(self, default: str) -> str:
        """The name the history records: the one chosen, else ``default``."""
        return self.author.strip() or default


def load_preferences(settings: QSettings) -> Preferences:
    """The stored preferences; anything missing or unreadable keeps its default."""
    author = settings.value(AUTHOR_KEY, "")
    as_of_date = settings.value(AS_OF_DATE_KEY, "")
    return Preferences(
        author=author if isinstance(author, str) else "",
        as_of_mode=_choice(settings.value(AS_OF_MODE_KEY), AsOfMode, AsOfMode.TODAY),
        as_of_date=as_of_date if isinstance(as_of_date, str) else "",
        colour_scheme=_choice(settings.value(COLOUR_SCHEME_KEY), ColourScheme, ColourScheme.SYSTEM),
        backups_to_keep=_count(settings.value(BACKUPS_KEY)),
        citation_style=_style(settings.value(CITATION_STYLE_KEY)),
    )


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    settings.setValue(AUTHOR_KEY, preferences.author.strip())
    settings.setValue(AS_OF_MODE_KEY, preferences.as_of_mode.value)
    settings.setValue(AS_OF_DATE_KEY, preferences.as_of_date.strip())
    settings.setValue(COLOUR_SCHEME_KEY, preferences.colour_scheme.value)
    settings.setValue(BACKUPS_KEY, preferences.backups_to_keep)
    settings.setValue(CITATION_STYLE_KEY, preferences.citation_style)
    settings.sync()


def _count(value: object) -> int:
    """The number of backups to keep, as stored (an INI file keeps it as text)."""
    try:
        number = int(value) if isinstance(value, (int, str)) else DEFAULT_BACKUPS
    except ValueError:
        return DEFAULT_BACKUPS  # an edited settings file: fall back, never fail
    return min(max(number, MIN_BACKUPS), MAX_BACKUPS)


def _style(value: object) -> str:
    """A shipped style's name; a style no longer shipped falls back to the default."""
    return value if isinstance(value, str) and value in STYLES else DEFAULT_STYLE


def _choice(value: object, kind: type[_Choice], default: _Choice) -> _Choice:
    try:
        return kind(value) if isinstance(value, str) else default
    except ValueError:
        return default  # a value from another version

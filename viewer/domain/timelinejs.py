"""Events as rows of a TimelineJS spreadsheet (its Google Sheets / CSV template).

TimelineJS reads a start date as separate Year, Month and Day columns, so a
partial date gives only the parts it knows ("2021-01" fills Year and Month,
never a made-up day). What the columns cannot say (approximate, uncertain, a
season, unspecified digits, an open end) is said in Display Date, as the app
shows the date. TimelineJS reads Headline, Text, Display Date and Group as
HTML: the text is escaped so that nothing in the database becomes markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from viewer.domain.dates import FuzzyDate
from viewer.domain.records import Accord, Event

COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)

Row = dict[str, str]

# One end of an EDTF date: year, then maybe month (or season) and day, each
# maybe with unspecified digits (X), then maybe a qualifier.
_PART = re.compile(r"([0-9X]{4})(?:-([0-9X]{2})(?:-([0-9X]{2}))?)?[~?%]?")


@dataclass(frozen=True, slots=True)
class _Parts:
    """The known parts of one end of a date, and whether any part was lost."""

    year: str = ""
    month: str = ""
    day: str = ""
    lossy: bool = False


def title_row(accord: Accord) -> Row:
    """The title slide: the accord's name and description."""
    return _row(Headline=_text(accord.name), Text=_text(accord.description), Type="title")


def event_row(event: Event) -> Row | None:
    """The row of ``event``, grouped by its kind; None when its start year
    is not known (no date, an open start, an unspecified year):
    TimelineJS needs a year to place a slide."""
    if event.date is None:
        return None
    start_text, slash, end_text = event.date.edtf.partition("/")
    start = _parts(start_text)
    if not start.year:
        return None
    end = _parts(end_text) if slash else _Parts()
    open_end = bool(slash) and not end.year
    return _row(
        Year=start.year,
        Month=start.month,
        Day=start.day,
        **{"End Year": end.year, "End Month": end.month, "End Day": end.day},
        **{"Display Date": _text(_display_date(event.date, start.lossy or end.lossy or open_end))},
        Headline=_text(event.title),
        Text=_text(event.summary),
        Group=_text(event.event_kind.label),
    )


def _display_date(date: FuzzyDate, lossy: bool) -> str:
    """The date as the app shows it, where the columns alone would say less."""
    return date.display() if lossy or date.approximate or date.uncertain else ""


def _parts(text: str) -> _Parts:
    """The known year, month and day of one end of an EDTF date (digits
    without leading zeros, as a spreadsheet shows numbers); an open or unknown
    end has none."""
    match = _PART.fullmatch(text)
    if match is None:
        return _Parts(lossy=bool(text) and text != "..")
    year, month, day = match.groups()
    if "X" in year:
        return _Parts(lossy=True)
    if month is None:
        return _Parts(str(int(year)))
    if "X" in month or not 1 <= int(month) <= 12:  # unspecified, or a season (21-24)
        return _Parts(str(int(year)), lossy=True)
    if day is None:
        return _Parts(str(int(year)), str(int(month)))
    if "X" in day:
        return _Parts(str(int(year)), str(int(month)), lossy=True)
    return _Parts(str(int(year)), str(int(month)), str(int(day)))


def _text(value: str) -> str:
    """Plain text that TimelineJS, reading it as HTML, shows as it is."""
    return html.escape(value, quote=False)


def _row(**cells: str) -> Row:
    row = dict.fromkeys(COLUMNS, "")
    for column, value in cells.items():
        if column not in row:
            raise KeyError(f"no TimelineJS column {column!r}")
        row[column] = value
    return row

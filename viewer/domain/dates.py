"""Partial, uncertain and interval dates, kept as what they are.

News gives dates like "January 2021", "next week" or "expected on Nov. 18".
A :class:`FuzzyDate` keeps the Library of Congress EDTF text (levels 0 and 1:
year, month or day precision, seasons, ``~`` approximate, ``?`` uncertain,
``%`` both, ``X`` unspecified digits and intervals) together with the first
and last day it can mean, so that dates sort and compare without ever turning
"2021-01" into 2021-01-01.

Parsing is the ``edtf`` package's job; this module adds the rules of the
project (no times, no level 2, intervals in order, years 1-9999), readable
messages, a lenient reader for what people type, and a short display form.
"""

from __future__ import annotations

import calendar
import io
import re
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from time import struct_time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edtf.parser.parser_classes import EDTFObject

# The ``edtf`` package (its grammar takes a noticeable part of start-up to
# load) is imported where a date needs it: most dates take the fast path.
_EXAMPLES = (
    "write it like 2021, 2021-01, 2021-01-15, 2021-01~ (approximate), "
    "2021? (uncertain) or 2025-11-10/2025-11-16 (an interval)"
)
_ISO_SHAPE = re.compile(r"^[0-9X\-~?%/.]+$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[~?%]?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})[~?%]?$")
_WEEK_OF = re.compile(r"^(?:the\s+)?week\s+of\s+(.+)$", re.IGNORECASE)
_APPROX_WORDS = re.compile(r"^(?:~|c\.|ca\.|circa|about|around|approx\.?|approximately)\s*", re.I)
_AMBIGUOUS_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
# English names, written out: the calendar module's follow the C library's
# locale, which Qt sets from the environment, so a French desktop would show
# "janv. 2021" and the reader (English only) would then refuse what it showed.
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_ABBREVIATIONS = tuple(name[:3] for name in _MONTH_NAMES)
# What a month or season is called when typed: its name, its abbreviation, "Sept".
_MONTH_NUMBERS = {
    **{name.casefold(): number for number, name in enumerate(_MONTH_NAMES, 1)},
    **{name.casefold(): number for number, name in enumerate(_MONTH_ABBREVIATIONS, 1)},
    "sept": 9,
}
_SEASON_NUMBERS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
# Words a typed date may hold: months (names and abbreviations), seasons,
# ordinal endings ("15th"), and the reader's own qualifiers.
_DATE_WORDS = frozenset([*_MONTH_NUMBERS, *_SEASON_NUMBERS, "st", "nd", "rd", "th", "of"])
# The forms display() writes, read back exactly: "15 Sep 2020", "Sep 2020",
# "Spring 2021", each with a four-digit year taken as written (the
# natural-language reader would take "Jan 0085" for January 1985).
_SHOWN_DAY = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})$")
_SHOWN_MONTH = re.compile(r"^([^\W\d_]+)\.?,?\s+(\d{4})$")
_FOUR_DIGITS = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_OPEN_END = re.compile(r"^(from|until)\s+(.+)$", re.IGNORECASE)


class DateError(ValueError):
    """A date text that cannot be understood; the message says why."""


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    SEASON = "season"
    UNSPECIFIED = "unspecified"
    INTERVAL = "interval"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date as precise as it is known.

    ``lower`` and ``upper`` are the first and last day the date can mean;
    ``None`` stands for an open or unknown end of an interval.
    """

    edtf: str
    lower: date | None
    upper: date | None
    precision: Precision
    approximate: bool
    uncertain: bool

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read strict EDTF (levels 0 and 1), as exchange files hold it."""
        text = text.strip()
        # The EDTF grammar is slow (milliseconds a date): the plain ISO shapes
        # that most dates have are read directly, and other readings remembered.
        return _parse_iso(text) or _parse_cached(text)

    @classmethod
    def _parse_uncached(cls, text: str) -> FuzzyDate:
        if not text:
            raise DateError("the date is empty")
        from edtf import parse_edtf
        from edtf.parser.edtf_exceptions import EDTFParseException
        from edtf.parser.parser_classes import (
            Date,
            Interval,
            Level1Interval,
            Season,
            UncertainOrApproximate,
            Unspecified,
        )

        allowed = (Date, Interval, Level1Interval, Season, UncertainOrApproximate, Unspecified)
        try:
            with redirect_stdout(io.StringIO()):  # the parser prints its failed tries
                parsed = parse_edtf(text)
        except (EDTFParseException, AttributeError, TypeError, ValueError, KeyError):
            raise DateError(_explain(text)) from None
        # Level 2 classes subclass the level 0-1 ones, and the package reads
        # significant digits ("1950S2", level 2) as a plain Date: match exactly.
        if type(parsed) not in allowed or not _ISO_SHAPE.match(text):
            raise DateError(f"'{text}' uses EDTF features beyond level 1; {_EXAMPLES}")
        # An open or unknown end has no bound. (The package gives an unknown
        # one a guess some years out, which for "/0001" falls before year 1.)
        interval = isinstance(parsed, (Interval, Level1Interval))
        start, _, end = text.partition("/") if interval else (text, "", text)
        lower = None if start in ("", "..") else _to_date(parsed.lower_strict(), text)
        upper = None if end in ("", "..") else _to_date(parsed.upper_strict(), text)
        if lower is not None and upper is not None and lower > upper:
            raise DateError(
                f"'{text}' ends ({upper.isoformat()}) before it starts ({lower.isoformat()})"
            )
        return cls(
            edtf=text,
            lower=lower,
            upper=upper,
            precision=_precision(parsed, text),
            approximate="~" in text or "%" in text,
            uncertain="?" in text or "%" in text,
        )

    @classmethod
    def from_text(cls, text: str) -> FuzzyDate:
        """Read what a person types: EDTF, or "Jan 2021", "week of 10 Nov 2025"...

        Ambiguous or partial readings are refused rather than guessed.
        """
        text = " ".join(text.split())
        if not text:
            raise DateError("the date is empty")
        numeric = _AMBIGUOUS_NUMERIC.match(text)
        if numeric and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12:
            raise DateError(
                f"'{text}' could be day/month or month/day; "
                "write it as YYYY-MM-DD or with the month's name"
            )
        compact = re.sub(r"\s*/\s*", "/", text)
        if _ISO_SHAPE.match(compact) and not numeric:
            return cls.parse(compact)
        if text.casefold() == "unknown":  # what display() calls "../..": no end known
            return cls.parse("../..")
        for separator in ("/", " to ", " – ", " - ", "–"):
            if separator in text and not numeric:
                start, end = (part.strip() for part in text.split(separator, 1))
                start = re.sub(r"^from\s+", "", start, flags=re.IGNORECASE)
                try:
                    start_date, end_date = cls.from_text(start), cls.from_text(end)
                except DateError as error:
                    raise DateError(f"in the interval '{text}': {error}") from None
                return cls.parse(f"{start_date.edtf}/{end_date.edtf}")
        open_end = _OPEN_END.match(text)
        if open_end:  # "from 2020", "until Jan 2021": as display() shows open intervals
            known = cls.from_text(open_end.group(2))
            if known.precision is Precision.INTERVAL:
                raise DateError(f"'{text}' needs one date after {open_end.group(1)!r}")
            if open_end.group(1).casefold() == "from":
                return cls.parse(f"{known.edtf}/..")
            return cls.parse(f"../{known.edtf}")
        approximate = False
        match = _APPROX_WORDS.match(text)
        if match:
            approximate, text = True, text[match.end() :]
        uncertain = text.endswith("?")
        text = text.rstrip("?").strip()
        week = _WEEK_OF.match(text)
        if week:
            day = cls.from_text(week.group(1))
            if day.precision is not Precision.DAY or day.lower is None:
                raise DateError(f"'{week.group(1)}' must be a day to give its week")
            monday = day.lower - timedelta(days=day.lower.weekday())
            mark = _qualifier(approximate, uncertain)
            return cls.parse(
                f"{monday.isoformat()}{mark}/{(monday + timedelta(days=6)).isoformat()}{mark}"
            )
        shown = _shown_form(text)
        if shown is not None:
            base = cls.parse(shown)
            return cls.parse(
                shown.rstrip("~?%")
                + _qualifier(approximate or base.approximate, uncertain or base.uncertain)
            )
        unknown = [
            word for word in re.findall(r"[^\W\d_]+", text) if word.casefold() not in _DATE_WORDS
        ]
        if unknown:
            # The natural-language reader skips words it does not know, so
            # "foo 2021" would quietly become 2021; refuse instead.
            word = "" if unknown[0] == text.strip() else f": {unknown[0]!r}"
            raise DateError(f"'{text}' is not a date this app understands{word}")
        try:
            with redirect_stdout(io.StringIO()):  # the reader prints its guesses
                found = _text_to_edtf(text)
        except Exception:  # the natural-language reader raises many kinds
            found = None
        if found and "X" in found:
            raise DateError(f"'{text}' needs a year")
        if not found or found.startswith("["):
            raise DateError(_explain(text))
        if found[:4] not in _FOUR_DIGITS.findall(text):
            # The reader would take "Jan 85" for 1985 and "Jan 32" for 2032.
            raise DateError(f"'{text}' needs its year in four digits, like 1985")
        found = found.rstrip("~?%")
        base = cls.parse(found)
        return cls.parse(
            found + _qualifier(approximate or base.approximate, uncertain or base.uncertain)
        )

    def display(self) -> str:
        """A short reading for people: "Jan 2021", "~ week of 10 Nov 2025"."""
        if "/" not in self.edtf:
            return _display_part(self.edtf)
        start, end = self.edtf.split("/", 1)
        if start in ("", "..") and end in ("", ".."):
            return "unknown"
        if start in ("", ".."):
            return f"until {_display_part(end)}"
        if end in ("", ".."):
            return f"from {_display_part(start)}"
        if (
            self.precision is Precision.INTERVAL
            and self.lower
            and self.upper
            and self.lower.weekday() == 0
            and self.upper - self.lower == timedelta(days=6)
            and _ISO_DAY.match(start)
            and _ISO_DAY.match(end)
            and start[10:] == end[10:]  # the same qualifier on both ends
        ):
            prefix = "~ " if self.approximate else ""
            suffix = "?" if self.uncertain else ""
            return f"{prefix}week of {_format_day(self.lower)}{suffix}"
        return f"{_display_part(start)} – {_display_part(end)}"

    def __str__(self) -> str:
        return self.edtf


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> FuzzyDate:
    return FuzzyDate._parse_uncached(text)


# ASCII digits only: Python's \d would also take fullwidth and Arabic-Indic digits.
_PLAIN_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%]?)")


def _parse_iso(text: str) -> FuzzyDate | None:
    """``2021``, ``2021-01`` or ``2021-01-15``, each maybe ``~ ? %``, and an
    interval of two of them, read without the grammar, exactly as it would
    read them; None for anything else (a season, an open interval, an
    impossible day), which the grammar then reads or explains."""
    start, slash, end = text.partition("/")
    if slash:
        if "/" in end:  # three parts: no date; the grammar says so
            return None
        first, last = _parse_iso(start), _parse_iso(end)
        if first is None or last is None or first.lower is None or last.upper is None:
            return None
        if first.lower > last.upper:  # the grammar's path says which end is wrong
            return None
        return FuzzyDate(
            edtf=text,
            lower=first.lower,
            upper=last.upper,
            precision=Precision.INTERVAL,
            approximate=first.approximate or last.approximate,
            uncertain=first.uncertain or last.uncertain,
        )
    match = _PLAIN_ISO.fullmatch(text)
    if match is None:
        return None
    year_text, month_text, day_text, qualifier = match.groups()
    year = int(year_text)
    if year == 0:
        return None
    try:
        if day_text is not None:
            lower = upper = date(year, int(month_text), int(day_text))
            precision = Precision.DAY
        elif month_text is not None:
            month = int(month_text)
            lower = date(year, month, 1)
            upper = date(year, month, calendar.monthrange(year, month)[1])
            precision = Precision.MONTH
        else:
            lower, upper = date(year, 1, 1), date(year, 12, 31)
            precision = Precision.YEAR
    except ValueError:  # month 13, 30 February...: the grammar's path explains it
        return None
    return FuzzyDate(
        edtf=text,
        lower=lower,
        upper=upper,
        precision=precision,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )


def _qualifier(approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    return "~" if approximate else "?" if uncertain else ""


def _to_date(value: struct_time | float, text: str) -> date | None:
    if not isinstance(value, struct_time):
        return None
    if not 1 <= value.tm_year <= 9999:
        raise DateError(f"'{text}' is outside the years 1 to 9999")
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:  # the grammar allows 29 February in every year
        raise DateError(_explain(text)) from None


def _text_to_edtf(text: str) -> str | None:
    from edtf import text_to_edtf

    found: str | None = text_to_edtf(text)
    return found


def _precision(parsed: EDTFObject, text: str) -> Precision:
    from edtf.parser.parser_classes import Interval, Level1Interval, Season

    if isinstance(parsed, (Interval, Level1Interval)):
        return Precision.INTERVAL
    if isinstance(parsed, Season):
        return Precision.SEASON
    core = text.rstrip("~?%")
    if "X" in core:
        return Precision.UNSPECIFIED
    return {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}[len(core.split("-"))]


def _explain(text: str) -> str:
    """Say precisely what is wrong with a date text."""
    for pattern in (_ISO_DAY, _ISO_MONTH):
        match = pattern.match(text)
        if not match:
            continue
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 and not (pattern is _ISO_MONTH and 21 <= month <= 24):
            return f"'{text}' has no month {month}: months run from 01 to 12"
        if pattern is _ISO_DAY:
            day, last = int(match.group(3)), calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                name = _MONTH_NAMES[month - 1]
                return f"'{text}' is not a day: {name} {year} has {last} days"
    return f"'{text}' is not a date this app understands; {_EXAMPLES}"


def _shown_form(text: str) -> str | None:
    """The EDTF text of a date written as display() writes one ("15 Sep 2020",
    "Sep 2020", "Spring 2021", "2021", "201X"), year as written; None for any
    other text."""
    if _ISO_SHAPE.match(text) and "/" not in text:
        return text
    day = _SHOWN_DAY.match(text)
    if day and day.group(2).casefold() in _MONTH_NUMBERS:
        month = _MONTH_NUMBERS[day.group(2).casefold()]
        return f"{day.group(3)}-{month:02d}-{int(day.group(1)):02d}"
    named = _SHOWN_MONTH.match(text)
    if named and named.group(1).casefold() in _MONTH_NUMBERS:
        return f"{named.group(2)}-{_MONTH_NUMBERS[named.group(1).casefold()]:02d}"
    if named and named.group(1).casefold() in _SEASON_NUMBERS:
        return f"{named.group(2)}-{_SEASON_NUMBERS[named.group(1).casefold()]}"
    return None


def _format_day(day: date) -> str:
    # Four digits for the year, as a month or year alone shows it: "1 Jan 0085",
    # never "1 Jan 85", which reads as 1985.
    return f"{day.day} {_MONTH_ABBREVIATIONS[day.month - 1]} {day.year:04d}"


def _display_part(part: str) -> str:
    core = part.rstrip("~?%")
    mark = part[len(core) :]
    pieces = core.split("-")
    if "X" in core or not all(piece.isdigit() for piece in pieces):
        text = core
    elif len(pieces) == 3:
        text = _format_day(date(int(pieces[0]), int(pieces[1]), int(pieces[2])))
    elif len(pieces) == 2 and int(pieces[1]) in _SEASONS:
        text = f"{_SEASONS[int(pieces[1])]} {pieces[0]}"
    elif len(pieces) == 2:
        text = f"{_MONTH_ABBREVIATIONS[int(pieces[1]) - 1]} {pieces[0]}"
    else:
        text = pieces[0]
    prefix = "~ " if mark in ("~", "%") else ""
    suffix = "?" if mark in ("?", "%") else ""
    return f"{prefix}{text}{suffix}"

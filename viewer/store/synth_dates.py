"""The dates of a synthetic database: 1945-2026, in every shape the app reads.

Day, month and year precision, each also approximate (``~``), uncertain
(``?``) or both (``%``); closed intervals of days, weeks, months and years;
seasons; unspecified digits (``197X``); open intervals. A bounded pool of
distinct texts is made up front and each is read by :class:`FuzzyDate` once,
so a million rows cost a few thousand readings. The shapes that need the EDTF
grammar (milliseconds each) keep a few texts apiece.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from itertools import accumulate

from viewer.domain.dates import FuzzyDate

FIRST_DAY = date(1945, 1, 1)
LAST_DAY = date(2026, 12, 31)
# Distinct texts kept of each shape that only the EDTF grammar reads.
GRAMMAR_TEXTS = 12


class DatePool:
    """Dates drawn from a fixed pool of distinct EDTF texts, each read once."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self._rng = rng
        self._read: dict[str, FuzzyDate] = {}
        shapes = _shapes(rng)
        total = sum(weight for _, weight, _, _ in shapes)
        self.shapes = tuple(name for name, _, _, _ in shapes)
        self._cumulative = list(accumulate(weight for _, weight, _, _ in shapes))
        self._texts: list[list[str]] = []
        for _, weight, make, grammar in shapes:
            wanted = max(1, round(size * weight / total))
            if grammar:
                wanted = min(wanted, GRAMMAR_TEXTS)
            texts = list(dict.fromkeys(make() for _ in range(wanted)))
            self._texts.append(texts)
            for one in texts:
                self.read(one)

    def read(self, text: str) -> FuzzyDate:
        found = self._read.get(text)
        if found is None:
            found = self._read[text] = FuzzyDate.parse(text)
        return found

    def pick(self, index: int | None = None) -> FuzzyDate:
        """A date; with ``index`` below the number of shapes, one of that shape."""
        rng = self._rng
        if index is not None and index < len(self._texts):
            shape = index
        else:
            shape = rng.choices(range(len(self._texts)), cum_weights=self._cumulative)[0]
        texts = self._texts[shape]
        return self._read[texts[rng.randrange(len(texts))]]

    def published(self) -> FuzzyDate:
        """When a source came out: mostly a day, sometimes a month or a year."""
        rng = self._rng
        day = _day(rng)
        roll = rng.random()
        if roll < 0.85:
            return self.read(day.isoformat())
        if roll < 0.95:
            return self.read(day.isoformat()[:7])
        return self.read(day.isoformat()[:4])

    def accessed_after(self, published: FuzzyDate | None) -> FuzzyDate:
        """A day on which a source was read: not before it came out, not after 2026."""
        start = published.upper if published and published.upper else _day(self._rng)
        day = min(LAST_DAY, start + timedelta(days=self._rng.randint(0, 400)))
        return self.read(max(day, start).isoformat())


def _day(rng: random.Random, first: date = FIRST_DAY, last: date = LAST_DAY) -> date:
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _shapes(rng: random.Random) -> list[tuple[str, int, Callable[[], str], bool]]:
    """Each shape: its name, how common it is, how to make one, and whether
    only the EDTF grammar reads it."""

    def day(mark: str = "") -> Callable[[], str]:
        return lambda: _day(rng).isoformat() + mark

    def month(mark: str = "") -> Callable[[], str]:
        return lambda: _day(rng).isoformat()[:7] + mark

    def year(mark: str = "") -> Callable[[], str]:
        return lambda: _day(rng).isoformat()[:4] + mark

    def days() -> str:
        start = _day(rng, last=LAST_DAY - timedelta(days=30))
        return f"{start.isoformat()}/{(start + timedelta(days=rng.randint(1, 30))).isoformat()}"

    def week() -> str:
        start = _day(rng, last=LAST_DAY - timedelta(days=6))
        start -= timedelta(days=start.weekday())
        mark = rng.choice(("", "", "~", "?"))
        return f"{start.isoformat()}{mark}/{(start + timedelta(days=6)).isoformat()}{mark}"

    def months() -> str:
        start = _day(rng, last=date(2025, 12, 31))
        end_month = start.month + rng.randint(1, 11)
        end = date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return f"{start.isoformat()[:7]}/{end.isoformat()[:7]}"

    def years() -> str:
        start = rng.randint(FIRST_DAY.year, LAST_DAY.year - 1)
        return f"{start}/{rng.randint(start + 1, LAST_DAY.year)}"

    def season() -> str:
        return f"{_day(rng).year}-{rng.randint(21, 24)}"

    def unspecified() -> str:
        if rng.random() < 0.5:
            return f"{rng.randint(195, 201)}X"  # within 1950-2019
        return f"{_day(rng).year}-XX"

    def open_end() -> str:
        return _day(rng).isoformat()[: rng.choice((4, 7, 10))] + "/.."

    def open_start() -> str:
        return "../" + _day(rng).isoformat()[: rng.choice((4, 7, 10))]

    return [
        ("day", 500, day(), False),
        ("month", 140, month(), False),
        ("year", 60, year(), False),
        ("approximate day", 40, day("~"), False),
        ("uncertain day", 40, day("?"), False),
        ("approximate and uncertain day", 10, day("%"), False),
        ("approximate month", 30, month("~"), False),
        ("uncertain month", 20, month("?"), False),
        ("approximate year", 20, year("~"), False),
        ("uncertain year", 10, year("?"), False),
        ("interval of days", 30, days, False),
        ("week", 50, week, False),
        ("interval of months", 20, months, False),
        ("interval of years", 10, years, False),
        ("season", 6, season, True),
        ("unspecified digits", 4, unspecified, True),
        ("interval open at its end", 2, open_end, True),
        ("interval open at its start", 2, open_start, True),
    ]

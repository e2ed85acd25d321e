"""The date notation people may type, as one table for the README and the Help menu.

Each row gives an EDTF example and what it means; how the app shows it is not
written down here but computed by :meth:`FuzzyDate.display`, so the table
can never promise a reading the app does not give.  A test compares these rows
with the table in the README's "Dates" section.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.domain.dates import FuzzyDate

EDTF_URL = "https://www.loc.gov/standards/datetime/"


@dataclass(frozen=True, slots=True)
class NotationExample:
    """One row of the notation table: what is written, and what it means."""

    written: str
    means: str

    @property
    def shown_as(self) -> str:
        """How lists, details and timelines show the date."""
        return FuzzyDate.parse(self.written).display()


NOTATION: tuple[NotationExample, ...] = (
    NotationExample("2021", "some day in 2021"),
    NotationExample("2021-01", "some day in January 2021"),
    NotationExample("2020-09-15", "that day"),
    NotationExample("2021?", "2021, uncertain"),
    NotationExample("2025-11~", "about November 2025"),
    NotationExample("2021-01%", "uncertain and approximate"),
    NotationExample("2021-21", "spring 2021 (21–24: spring to winter)"),
    NotationExample("201X", "some year of the 2010s"),
    NotationExample("2025-11-10~/2025-11-16~", "about the week of 10 November 2025"),
    NotationExample("2020/..", "from 2020, open-ended"),
)

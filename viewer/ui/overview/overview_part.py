"""What the overview asks of the parts it holds beside its table: the map and the timeline.

The view knows them only through these protocols, so each part can be built
(and tested) on its own, and a part that is not there yet simply leaves its
place empty.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import SignalInstance

from viewer.domain.overview import AccordOverview


class OverviewPart(Protocol):
    """A widget that draws the accord as of one day."""

    def set_overview(self, overview: AccordOverview) -> None: ...
    def set_day(self, day: date) -> None: ...


class MapPart(OverviewPart, Protocol):
    """The world map: says which participant was clicked.

    Signals:
        partyChosen(str): a participant's key.
    """

    @property
    def partyChosen(self) -> SignalInstance: ...


class TimelinePart(OverviewPart, Protocol):
    """The timeline of everything: its date line moves the day; a span or a
    marker chooses a record.

    Signals:
        dayChanged(object): the date line was moved to a ``datetime.date``.
        recordChosen(str, str): a record's kind value and key.
    """

    @property
    def dayChanged(self) -> SignalInstance: ...

    @property
    def recordChosen(self) -> SignalInstance: ...

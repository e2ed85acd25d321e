"""Back and forward through the records a user has looked at."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.domain.enums import RecordKind


@dataclass(frozen=True, slots=True)
class Location:
    kind: RecordKind
    key: str


class NavigationHistory:
    """A browser-like history: visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Location) -> None:
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

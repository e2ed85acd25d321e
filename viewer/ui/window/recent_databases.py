"""The databases opened lately, most recent first, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from viewer.store.api import AddressError, Location, ServerAddress, parse_location

KEY = "recent/databases"
LIMIT = 8


class RecentDatabases:
    """Up to :data:`LIMIT` databases, newest first, each once: files and
    servers' databases.

    Paths are kept absolute, so that the same file reached by two spellings
    (a relative path, a symbolic link) is listed once. A path whose file is
    gone stays listed: a drive that is not mounted now may be again. A
    server's database is kept as its address, which never holds a password.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def locations(self) -> list[Location]:
        value = self._settings.value(KEY)
        # An INI file gives back a list of one as a plain string, and none as None.
        texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found: list[Location] = []
        for text in texts:
            if not isinstance(text, str) or not text:
                continue
            try:
                location = parse_location(text)
            except AddressError:
                continue  # an address edited by hand into one that means nothing
            if location not in found:
                found.append(location)
        return found[:LIMIT]

    def paths(self) -> list[Path]:
        """The files among :meth:`locations`."""
        return [location for location in self.locations() if isinstance(location, Path)]

    def add(self, location: Location) -> None:
        """Put ``location`` first (moving it up if it was listed)."""
        location = _kept(location)
        self._store([location, *(known for known in self.locations() if known != location)])

    def remove(self, location: Location) -> None:
        location = _kept(location)
        self._store([known for known in self.locations() if known != location])

    def clear(self) -> None:
        self._store([])

    def _store(self, locations: list[Location]) -> None:
        # str() of an address leaves its password out.
        self._settings.setValue(KEY, [str(location) for location in locations[:LIMIT]])
        self._settings.sync()


def _kept(location: Location) -> Location:
    if isinstance(location, ServerAddress):
        return location  # compared without its password (see ServerAddress)
    return _absolute(location)


def _absolute(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:  # a loop of links, or a folder not readable: keep it as given
        return path.expanduser().absolute()

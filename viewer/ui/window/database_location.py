"""Where the window's database is (a file, or a server's), in the window's words."""

from __future__ import annotations

from pathlib import Path

from viewer.store.api import Location, ServerAddress

# Why what only a file has (its backups, Save a Copy) is not offered for a server.
SERVER_COPY_REASON = (
    "a server database is backed up by its administrator (pg_dump); "
    "`accords-viewer copy` makes an offline SQLite copy of it"
)
# The read-only status of a window on a server whose role may not write.
ROLE_READ_ONLY_REASON = "The database is open read-only: your database role may only read"


def file_of(location: Location) -> Path | None:
    """The database file, or None for a server's database."""
    return location if isinstance(location, Path) else None


def short_name(location: Location) -> str:
    """What the title bar calls the database: the file's name, or
    "accords on db.example.org" (never a password)."""
    if isinstance(location, ServerAddress):
        return f"{location.database} on {location.host or 'this computer'}"
    return location.name


def shown(location: Location) -> str:
    """The whole location as the status bar shows it (a server's without a password)."""
    return str(location)

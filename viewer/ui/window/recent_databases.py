"""The databases opened lately, most recent first, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent/databases"
LIMIT = 8


class RecentDatabases:
    """Up to :data:`LIMIT` database paths, newest first, each once.

    Paths are kept absolute, so that the same file reached by two spellings
    (a relative path, a symbolic link) is listed once. A path whose file is
    gone stays listed: a drive that is not mounted now may be again.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        value = self._settings.value(KEY)
        # An INI file gives back a list of one as a plain string, and none as None.
        texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        found: list[Path] = []
        for text in texts:
            if isinstance(text, str) and text and Path(text) not in found:
                found.append(Path(text))
        return found[:LIMIT]

    def add(self, path: Path) -> None:
        """Put ``path`` first (moving it up if it was listed)."""
        path = _absolute(path)
        self._store([path, *(known for known in self.paths() if known != path)])

    def remove(self, path: Path) -> None:
        path = _absolute(path)
        self._store([known for known in self.paths() if known != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(KEY, [str(path) for path in paths[:LIMIT]])
        self._settings.sync()


def _absolute(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except OSError:  # a loop of links, or a folder not readable: keep it as given
        return path.expanduser().absolute()

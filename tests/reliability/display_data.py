"""Stored text no form accepts, written into a database as another program could.

The store refuses a 100,000-character name or a 2 MB address, but a database
written by an older version, by hand, or by another tool may hold them: the
window and the command line must still show them as written and quickly.
So these helpers write rows straight into the tables, after the store has
made the records (the revision log then no longer matches them; these
databases are for reading, and each test has its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from viewer.domain.enums import PartyKind
from viewer.domain.records import Citation, Party, Source
from viewer.store.bootstrap import open_or_create
from viewer.store.store import Store

LONG_NAME = "N" * 100_000
LONG_NOTE = "A line of the note.\n" * 5_000  # 100,000 characters, 5,000 lines
HUGE_URL = "https://example.org/" + "b" * 2_000_000
TWO_LINES = "Line one\nline\ttwo"
MARKUP = "<b>bold</b> & <i>co</i> <img src='x'>"
SCRIPT_LINK = "<a href='javascript:alert(1)'>click</a>"
# The page's own links: everything else would be stored text read as HTML.
PAGE_SCHEMES = ("record:", "edit:", "change-status:", "search:", "web:", "full:")


@contextmanager
def odd_database(path: Path) -> Iterator[Store]:
    """A database holding records of odd text, each under a known key:

    - ``two-lines``: a participant named with a line break and a tab, whose
      notes (as saved, so in its history) are two lines, the second indented;
    - ``markup``: a participant whose name and notes look like HTML;
    - ``long``: a participant with a 100,000-character name and note, cited
      with a 100,000-character citation note by the source ``huge``;
    - ``huge``: a source whose web address is 2 MB long.
    """
    store, opened = open_or_create(path, "tester", seed=False)
    try:
        store.add(Source("huge", "A source with a huge address", url="https://example.org/"))
        store.add(Party("two-lines", "Two lines", notes="First line\n\tindented second"))
        store.add(Party("markup", "Markup", PartyKind.ORGANISATION, notes=SCRIPT_LINK))
        store.add(Party("long", "Long", citations=(Citation("huge", "p. 1", note="short"),)))
        with store.engine.begin() as connection:
            for table, key, column, value in (
                ("parties", "two-lines", "name", TWO_LINES),
                ("parties", "markup", "name", MARKUP),
                ("parties", "long", "name", LONG_NAME),
                ("parties", "long", "notes", LONG_NOTE),
                ("sources", "huge", "url", HUGE_URL),
            ):
                connection.execute(
                    # The names are this module's own: nothing outside reaches the SQL.
                    text(f"UPDATE {table} SET {column} = :value WHERE key = :key"),  # noqa: S608
                    {"value": value, "key": key},
                )
            connection.execute(text("UPDATE citations SET note = :note"), {"note": LONG_NOTE})
        yield store
    finally:
        opened.close()


def window_settings(folder: Path) -> QSettings:
    """Window settings in a file of the test's own, never the user's."""
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def anchors(document: QTextDocument) -> list[str]:
    """The href of every link in ``document``."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            iterator += 1
        block = block.next()
    return found


def active_modal() -> QWidget | None:
    return QApplication.activeModalWidget()

"""``accords-viewer report PATH [--accord KEY] [--as-of DATE]``: the accord
report written from the command line.

It needs Qt to lay out and write the PDF, which the command line itself may
not import: the composition root (viewer/app.py) calls :func:`run_report`
and prints its outcome. Without a display, Qt draws offscreen.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from viewer.domain.csl import DEFAULT_STYLE
from viewer.domain.quoting import quoted
from viewer.store import api
from viewer.ui.report.accord_report import ReportNotWritten, write_report
from viewer.ui.report.report_pictures import PictureMaker, make_pictures, report_pictures

SHOWN_KEYS = 10


class ReportFailed(Exception):
    """The report was not written; the message says why and what to do."""


def run_report(
    database: api.Location,
    target: Path,
    user: str,
    *,
    accord: str | None = None,
    day: date | None = None,
    seed: bool = True,
    pictures: list[PictureMaker] | None = None,
    style: str = DEFAULT_STYLE,
) -> int:
    """Write the report of ``accord`` (default: the accord with the most status
    actions) as of ``day`` (default: today) from the database at ``database``
    to ``target``, its sources in the citation style ``style``; the number of
    pages written.

    An existing database is only read. Raises :class:`ReportFailed`.
    """
    day = day or date.today()
    try:
        # A file that exists is only read; a server's database is opened as any
        # command opens it (a report writes nothing there either).
        existing_file = isinstance(database, Path) and database.expanduser().exists()
        store, opened = api.open_or_create(database, user, seed=seed, read_only=existing_file)
    except api.DatabaseFileError as error:
        raise ReportFailed(str(error)) from None
    try:
        with store.failures_explained("writing the report"):
            key = accord or api.busiest_accord(store) or _first_accord(store)
            if key is None:
                raise ReportFailed(f"{database} holds no accord to report on")
            data = api.report_data(store, key)
            overview = api.accord_overview(store, key)
        if data is None or overview is None:
            raise ReportFailed(_unknown_accord(store, key))
        application = _gui_application()
        makers = report_pictures() if pictures is None else pictures
        try:
            pictures_made = make_pictures(makers, overview, day)
            return write_report(target, data, overview, day, pictures_made, style)
        except ReportNotWritten as error:
            raise ReportFailed(f"{error}. Choose another file or folder.") from None
        finally:
            del application  # Qt's application goes last, after the document and the writer
    except (api.DatabaseFileError, api.StoreError) as error:
        raise ReportFailed(str(error)) from None
    finally:
        opened.close()


def _unknown_accord(store: api.Store, key: str) -> str:
    keys, total = api.accord_keys(store, SHOWN_KEYS)
    if not keys:
        return f"no accord has the key {quoted(key)}: the database holds no accord"
    listed = ", ".join(keys)
    more = f" and {total - len(keys):,} more" if total > len(keys) else ""
    return f"no accord has the key {quoted(key)}; the accords are: {listed}{more}"


def _first_accord(store: api.Store) -> str | None:
    keys, _total = api.accord_keys(store, limit=1)
    return keys[0] if keys else None


def _gui_application() -> QCoreApplication:
    """A Qt application to lay out text with: the one running, else a new one,
    offscreen when there is no display."""
    running = QApplication.instance()
    if running is not None:
        return running
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication, not a QGuiApplication: the pictures are drawn by the
    # overview's own widgets, unshown.
    return QApplication([sys.argv[0]])

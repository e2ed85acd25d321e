"""The composition root: builds the store, then the window or a command.

``main.py``, ``python -m viewer`` and the ``accords-viewer`` entry point all
call :func:`main`. Tests and ``--screenshot`` build the window the app shows
with :func:`create_main_window`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.cli import (
    EXIT_OK,
    FILE_COMMANDS,
    OWN_DATABASE_COMMANDS,
    fail,
    parse_arguments,
    run_file_command,
    run_own_database_command,
    run_store_command,
    run_synth,
)
from viewer.domain.enums import RecordKind
from viewer.domain.quoting import printable
from viewer.store import api

# Qt and the window are imported where the window is made: a command
# (`check`, `export`, `--version`...) never loads them.
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings

    from viewer.ui.window.damaged_recovery import DamageAsker
    from viewer.ui.window.main_window import MainWindow

SELECT_KINDS = {
    "participant": RecordKind.PARTY,
    "party": RecordKind.PARTY,
    "event": RecordKind.EVENT,
    "person": RecordKind.PERSON,
    "source": RecordKind.SOURCE,
}


def current_user() -> str:
    """Who the revision log names as the author of a change by default: the
    user's full name where the system has one (the password database's
    GECOS field), else their login."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    try:
        import pwd  # not on Windows, where the login is all there is
    except ImportError:
        return login
    try:
        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (KeyError, OSError):
        return login
    # GECOS is "name,room,phones,other"; an "&" in the name stands for the login.
    full_name = gecos.split(",", 1)[0].replace("&", login.capitalize()).strip()
    return full_name or login


def author_name(settings_value: str | None) -> str:
    """The author the revision log names: the preference when it is set, else
    :func:`current_user`."""
    if settings_value is not None and settings_value.strip():
        return settings_value.strip()
    return current_user()


def create_main_window(
    location: api.Location, settings: QSettings | None = None, *, seed: bool = True
) -> MainWindow:
    """The app's window on ``location``: a database file (created and seeded
    if new) or a server's database (its tables built, and seeded, if empty).

    A QApplication must exist. The database engine is closed when the window is.
    """
    settings = _settings_or_default(settings)
    store, opened = api.open_or_create(location, _author(settings), seed=seed)
    return window_on(store, opened, settings)


def window_on(
    store: api.Store,
    opened: api.OpenedDatabase | api.OpenedServer,
    settings: QSettings | None = None,
    *,
    damaged: bool = False,
) -> MainWindow:
    """The app's window on a database already open (``damaged``: read-only, to export)."""
    from viewer.ui.browse.link_opener import LinkOpener
    from viewer.ui.window.main_window import MainWindow

    window = MainWindow(
        store,
        opened.path if isinstance(opened, api.OpenedDatabase) else opened.address,
        _settings_or_default(settings),
        LinkOpener(),
        system_author=current_user(),
        damaged=damaged,
    )
    # The File menu closes it: when the window opens another, or is gone.
    window.file_actions.adopt(opened)
    return window


def open_at_start(
    path: api.Location,
    settings: QSettings | None,
    *,
    seed: bool,
    ask: DamageAsker,
    choose_file: Callable[[Path], Path | None],
) -> tuple[MainWindow, str | None] | None:
    """The window the app starts with, and what to tell the user first (or None).

    A damaged database is never written: the user is asked (``ask``) whether
    to restore its newest good backup, open another file (``choose_file``),
    or open it read-only to export what can be read. None: they chose to quit.
    Raises DatabaseFileError for a file that cannot be used otherwise (not
    ours, a newer version's...), or when a restore fails; for a server's
    database that cannot be opened, with the server's reason.
    """
    from viewer.ui.window.damaged_dialog import DamagedChoice
    from viewer.ui.window.damaged_recovery import Recovered, recover
    from viewer.ui.window.preferences import load_preferences

    settings = _settings_or_default(settings)
    while True:
        try:
            return create_main_window(path, settings, seed=seed), None
        except api.DamagedDatabase as damaged:
            keep = load_preferences(settings).backups_to_keep
            outcome = recover(damaged, _author(settings), keep, ask, at_start=True)
            folder = damaged.path.parent
        if isinstance(outcome, Recovered):
            window = window_on(outcome.store, outcome.opened, settings, damaged=outcome.damaged)
            return window, outcome.note
        if outcome is not DamagedChoice.OPEN_OTHER:
            return None
        chosen = choose_file(folder)
        if chosen is not None:
            path, seed = chosen, False  # another file is opened, never created and filled


def _settings_or_default(settings: QSettings | None) -> QSettings:
    from PySide6.QtCore import QSettings

    return settings if settings is not None else QSettings(api.APP_NAME, api.APP_NAME)


def _author(settings: QSettings) -> str:
    """The author the preferences name, else the system's name for the user."""
    from viewer.ui.window.preferences import load_preferences

    return author_name(load_preferences(settings).author)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if arguments.command == "synth":  # it writes the file it is given, and opens no other
        return run_synth(arguments)
    if arguments.command in OWN_DATABASE_COMMANDS:  # copy, init-roles: their own databases
        return run_own_database_command(arguments, current_user())
    try:
        location: api.Location = arguments.db or api.default_location()
    except api.AddressError as error:  # the URL in the environment variable
        return fail(f"${api.DB_ENVIRONMENT_VARIABLE}: {error}")
    if arguments.command is None:
        return _run_window(location, arguments.empty, arguments.screenshot, arguments.select)
    if arguments.command == "report":
        return _run_report(arguments, location)
    if arguments.command in FILE_COMMANDS:
        return run_file_command(arguments, location, current_user())
    return run_store_command(arguments, location, current_user())


def _run_report(arguments: argparse.Namespace, location: api.Location) -> int:
    """The ``report`` command: the PDF is laid out by Qt, which the command line
    may not import, so it runs from here."""
    from viewer.ui.report.report_command import ReportFailed, run_report

    try:
        pages = run_report(
            location,
            arguments.path,
            current_user(),
            accord=arguments.accord,
            day=arguments.as_of,
            seed=not arguments.empty,
            style=arguments.style,
        )
    except ReportFailed as error:
        return fail(str(error))
    print(printable(f"Wrote {pages:,} page{'s' if pages != 1 else ''} to {arguments.path}"))
    return EXIT_OK


def _run_window(
    path: api.Location, empty: bool, screenshot: Path | None, select: str | None
) -> int:
    if screenshot is not None and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(api.APP_NAME)
    app.setApplicationDisplayName("Accords Viewer")
    if screenshot is None:
        from viewer.ui import colour_scheme
        from viewer.ui.window.preferences import load_preferences

        # Before the window is made, so that it is drawn in its colours from the start.
        chosen = load_preferences(QSettings(api.APP_NAME, api.APP_NAME)).colour_scheme
        colour_scheme.apply(app, chosen)
        window = _open_window(path, empty, None, select, show_errors=True)
        if isinstance(window, int):
            return window
        # Off the GUI thread: it copies the whole file (none of a server's database).
        window.backups.start_daily()
        code = int(app.exec())
        window.file_actions.close_database()  # after closeEvent stopped the readers
        return code
    # A screenshot shows the default layout, not this user's saved one.
    with tempfile.TemporaryDirectory(prefix="accords-viewer-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = _open_window(path, empty, settings, select, show_errors=False)
        if isinstance(window, int):
            return window
        window.finish_reads()  # lists, search and detail are read off the GUI thread
        app.processEvents()
        saved = window.grab().save(str(screenshot), "PNG")
        window.close()
        window.file_actions.close_database()
        window.deleteLater()
        app.processEvents()
    if not saved:
        return fail(f"cannot write the screenshot to {screenshot}")
    print(f"Wrote {screenshot}")
    return EXIT_OK


def _open_window(
    path: api.Location,
    empty: bool,
    settings: QSettings | None,
    select: str | None,
    *,
    show_errors: bool,
) -> MainWindow | int:
    """The shown window, or the exit code of why it could not be opened."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from viewer.ui.window.damaged_dialog import DamagedChoice
    from viewer.ui.window.damaged_recovery import dialog_asker
    from viewer.ui.window.file_chooser import DATABASE_FILTER

    def choose_file(folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(None, "Open Database", str(folder), DATABASE_FILTER)
        return Path(name) if name else None

    def refuse(_damaged: api.DamagedDatabase, *_: object) -> DamagedChoice:
        return DamagedChoice.CANCEL  # a screenshot asks nothing

    # Offscreen (tests, a screenshot) nobody could answer a question.
    interactive = show_errors and QApplication.platformName() not in ("offscreen", "minimal")
    try:
        opened = open_at_start(
            path,
            settings,
            seed=not empty,
            ask=dialog_asker(None) if interactive else refuse,
            choose_file=choose_file,
        )
        if opened is None:
            backups = f" (its backups: {api.backup_folder(path)})" if isinstance(path, Path) else ""
            return fail(
                f"{path} is damaged; it was left as it was. To put a backup in its place: "
                f"accords-viewer restore BACKUP{backups}"
            )
        window, note = opened
    except api.DatabaseFileError as error:
        if interactive:
            box = QMessageBox(QMessageBox.Icon.Critical, "Accords Viewer", str(error))
            box.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes the file
            box.exec()
        return fail(str(error))
    if select is not None and not _select(window, select):
        window.close()  # stops its readers before the database is let go
        window.file_actions.close_database()
        window.deleteLater()
        return fail(
            f"--select {select}: no such record (use KIND:NAME, e.g. participant:Kazakhstan)"
        )
    window.show()
    if note is not None:
        window.file_actions.tell("Accords Viewer", note, icon=QMessageBox.Icon.Information)
    return window


def _select(window: MainWindow, target: str) -> bool:
    kind_name, _, name = target.partition(":")
    kind = SELECT_KINDS.get(kind_name.strip().lower())
    if kind is None or not name.strip():
        return False
    key = api.key_for_name(window.store, kind, name)
    return key is not None and window.select_record(kind, key)

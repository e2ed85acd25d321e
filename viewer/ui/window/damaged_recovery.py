"""Opening a database that may be damaged: ask what to do, then do it, never
writing to the damaged file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import record_noun
from viewer.store.api import (
    PAGE_SIZE,
    BackupInfo,
    DamagedDatabase,
    DatabaseFileError,
    ListQuery,
    OpenedDatabase,
    Store,
    StoreError,
    count_rows,
    fetch_rows,
    newest_good_backup,
    open_damaged,
    open_or_create,
    restore_backup,
    set_aside_damaged,
)
from viewer.ui.window.backup_text import described
from viewer.ui.window.damaged_dialog import DamagedChoice, DamagedDialog

# The lists the window opens on: each is read once before a damaged file is shown.
LISTED = (RecordKind.PARTY, RecordKind.EVENT, RecordKind.PERSON, RecordKind.SOURCE)

# Asks what to do with a damaged file: gets the refusal, the newest good
# backup (or None) and whether the app is starting; returns the choice.
DamageAsker = Callable[[DamagedDatabase, BackupInfo | None, bool], DamagedChoice]


@dataclass(frozen=True)
class Recovered:
    """A database opened after a damaged one was met: the restored file, or
    the damaged one read-only. ``note`` says what was done, for the user."""

    store: Store
    opened: OpenedDatabase
    note: str
    damaged: bool


def dialog_asker(parent: QWidget | None) -> DamageAsker:
    """Asks through a modal :class:`DamagedDialog` over ``parent``."""

    def ask(damaged: DamagedDatabase, backup: BackupInfo | None, at_start: bool) -> DamagedChoice:
        dialog = DamagedDialog(
            damaged.path, damaged.findings, backup, at_start=at_start, parent=parent
        )
        try:
            dialog.exec()
            return dialog.choice()
        finally:
            dialog.deleteLater()

    return ask


def recover(
    damaged: DamagedDatabase, user: str, keep: int, ask: DamageAsker, *, at_start: bool
) -> Recovered | DamagedChoice:
    """Ask what to do with the damaged file, and do it.

    Restore: the damaged file is renamed beside itself (kept, unchanged),
    the newest good backup put in its place and opened. Read-only: the
    damaged file opened for reading and export only. Otherwise the choice
    (open another file, or cancel) is the caller's to carry out.

    Raises DatabaseFileError (the message says where the damaged file is
    kept) when the restore or the opening fails.
    """
    path = damaged.path
    backup = newest_good_backup(path)
    choice = ask(damaged, backup, at_start)
    if choice is DamagedChoice.READ_ONLY:
        store, opened = open_damaged(path, user)
        _check_listable(store, opened, path)
        note = (
            f"{path} is damaged and open read-only: nothing can be changed, nothing is "
            "written to it. File ▸ Export… saves what can be read (a copy of the whole "
            "file would stop at the first damaged page)."
        )
        return Recovered(store, opened, note, damaged=True)
    if choice is DamagedChoice.RESTORE and backup is not None:
        return _restore(path, backup, user, keep)
    return choice


def _check_listable(store: Store, opened: OpenedDatabase, path: Path) -> None:
    """Read what the window shows first (each list's count and first page):
    a file too damaged for that is refused with a message, not shown half-read.
    Records further on may still fail to read; the window says so where."""
    for kind in LISTED:
        query = ListQuery(kind)
        try:
            count_rows(store, query)
            fetch_rows(store, query, 0, PAGE_SIZE)
        except Exception as error:  # damaged pages fail in many ways (decoding too)
            opened.close()
            raise DatabaseFileError(
                f"{path} is too damaged to be shown, even read-only: its list of "
                f"{record_noun(kind)} records cannot be read ({type(error).__name__}). "
                "It was left as it was. Restore a backup, or open another file."
            ) from error


def _restore(path: Path, backup: BackupInfo, user: str, keep: int) -> Recovered:
    kept = set_aside_damaged(path)
    try:
        restore_backup(backup.path, path, keep)
        store, opened = open_or_create(path, user, seed=False)
    except (DatabaseFileError, StoreError, OSError) as error:
        raise DatabaseFileError(
            f"{described(backup)} could not be put in place of {path}: {error}. "
            f"The damaged file is kept, unchanged, as {kept}."
        ) from error
    note = (
        f"Restored {described(backup)} in place of {path}. The damaged file was set aside, "
        f"unchanged, as {kept}. Changes made after that backup was taken are only in "
        "the damaged file."
    )
    return Recovered(store, opened, note, damaged=False)

"""What can be wrong with the database file itself, each with a message for people.

Refusals at open (:class:`DatabaseFileError` and its kinds) leave the file as
it was; refusals of a write (:class:`ReadOnlyStore`, :class:`DatabaseGone`,
:class:`DatabaseBusy`, a full disk) change nothing in it.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from viewer.domain.quoting import printable, shortened
from viewer.store.errors import StoreError

MAX_FINDINGS = 10
RESTORE_COMMAND = "accords-viewer restore BACKUP"


class DatabaseFileError(Exception):
    """The database file cannot be used as it is; the message says why and what to do."""


class DamagedDatabase(DatabaseFileError):
    """SQLite found damage in the file (its quick check, or reading its pages).

    ``findings`` are what SQLite reported (at most :data:`MAX_FINDINGS`, each
    shortened); ``newest_backup`` names the newest backup there is, if any.
    """

    def __init__(
        self, path: Path, findings: Sequence[str], newest_backup: Path | None = None
    ) -> None:
        self.path = path
        self.findings = tuple(finding_lines(findings)[:MAX_FINDINGS])
        self.newest_backup = newest_backup
        more = len(self.findings) - 3
        found = (
            "SQLite reports: "
            + "; ".join(self.findings[:3])
            + (f" (and {more} more)" if more > 0 else "")
            if self.findings
            else "SQLite cannot read it"
        )
        advice = f"restore a backup with `{RESTORE_COMMAND}`"
        if newest_backup is not None:
            advice += f" (the newest backup is {newest_backup})"
        super().__init__(
            f"the database {path} is damaged ({found}). "
            f"The file was left untouched. To go on, {advice}, or open it read-only "
            "in the window to export what can still be read."
        )


class ForeignDatabase(DatabaseFileError):
    """An SQLite file that is not an Accords Viewer database; refused untouched."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        super().__init__(
            f"{path} is a database of some other program, not an Accords Viewer database "
            f"({what}); it was left untouched. "
            "Choose another file, or a new name to start a new database."
        )


class ReadOnlyStore(StoreError):
    """A write was asked of a store opened read-only; nothing was changed."""

    def __init__(
        self, path: Path | None, operation: str = "saving", *, on_server: bool = False
    ) -> None:
        if on_server:
            message = (
                f"{operation} was refused: the database is open read-only (your database "
                "role may only read it, or it was opened so); nothing was changed. Ask its "
                "administrator for the editor role to make changes."
            )
        else:
            where = f"{path} is" if path is not None else "the database is"
            message = (
                f"{operation} was refused: {where} open read-only (the file or its folder "
                "cannot be written, or it was opened so); nothing was changed. Save a copy "
                "somewhere writable and open the copy to edit."
            )
        super().__init__(message)
        self.operation = operation


class DatabaseGone(StoreError):
    """The file the store opened was deleted or replaced while open; the write
    was stopped before it committed, so nothing went into the lost file."""

    def __init__(self, reason: str, operation: str = "saving") -> None:
        super().__init__(
            f"{operation} was stopped: {reason}; nothing was written. Save a copy of "
            "what is open (it still holds everything) and open that copy."
        )
        self.reason = reason
        self.operation = operation


class DatabaseBusy(StoreError):
    """Another program held the database's lock beyond the busy timeout."""

    def __init__(self, operation: str) -> None:
        super().__init__(
            f"{operation} waited too long: another program kept the database busy; "
            "nothing was changed, try again"
        )
        self.operation = operation


class DiskFull(StoreError):
    """The disk (or the database's size limit) is full; nothing was changed."""

    def __init__(self, folder: Path) -> None:
        free = free_megabytes(folder)
        amount = f"{free:,} MB free" if free is not None else "free space unknown"
        super().__init__(f"the disk is full ({amount} in {folder}); nothing was changed")
        self.folder = folder


def finding_lines(findings: Sequence[str]) -> list[str]:
    """SQLite's reports as short single lines, safe to print: its quick check
    gives several lines in one row, headed "*** in database main ***"; a
    decoding error means stored text that is not UTF-8."""
    lines = []
    for finding in findings:
        if "codec can't decode" in finding:
            lines.append("stored text that is not valid UTF-8")
            continue
        for line in finding.splitlines():
            line = line.strip()
            if line and not line.startswith("*** in database"):
                lines.append(shortened(printable(line), 120))
    return list(dict.fromkeys(lines))


def free_megabytes(folder: Path) -> int | None:
    """The space left on the disk that holds ``folder``, in whole megabytes."""
    for candidate in (folder, *folder.parents):
        try:
            return shutil.disk_usage(candidate).free // 1_000_000
        except OSError:
            continue
    return None

"""When a large file may skip its start-up quick check.

SQLite's ``quick_check`` reads every page: about 4 s for a 2.5 GB database of a
million events. A file that has not changed since this app last closed it
cleanly, after finding it sound, need not be read again: at each clean close
the file's size, times and inode are noted in the user state folder, and at the
next open a file that still matches (and has no write-ahead log beside it) is
trusted. Small files (the usual case) are checked at every open; damage that
appears without the file changing (a failing disk) is still met by the daily
backup's integrity check and, while reading, by the store's damage messages.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import platformdirs

from viewer.store.backups import database_tag
from viewer.store.inspection import has_journal
from viewer.store.paths import APP_NAME

# Below this size the full integrity_check (which also compares every index
# with its table, as quick_check does not) takes at most about 0.2 s: run it.
FULL_CHECK_BELOW = 16 * 1024 * 1024
# Below this size quick_check takes a fraction of a second: always run it.
ALWAYS_CHECK_BELOW = 64 * 1024 * 1024


def start_up_check(path: Path) -> bool | None:
    """Which check opening ``path`` runs: True for the full integrity check,
    False for the quick check, None for none (large and unchanged)."""
    if not needs_quick_check(path):
        return None
    try:
        return path.stat().st_size < FULL_CHECK_BELOW
    except OSError:
        return False


def needs_quick_check(path: Path) -> bool:
    """Whether opening ``path`` must run SQLite's quick check first."""
    now = _fingerprint(path)
    if now is None or now["size"] < ALWAYS_CHECK_BELOW or has_journal(path):
        return True
    try:
        noted = json.loads(_record(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return bool(noted != now)


def note_clean_close(path: Path) -> None:
    """Note that ``path`` was closed cleanly after being found sound."""
    now = _fingerprint(path)
    if now is None or has_journal(path) or Path(f"{path.resolve()}-shm").exists():
        return  # another connection still has it open: it may change yet
    record = _record(path)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        partial = record.with_name(f".{record.name}.partial")
        partial.write_text(json.dumps(now), encoding="utf-8")
        partial.replace(record)
    except OSError:
        pass  # only a missed shortcut: the next open checks the file


def forget_clean_close(path: Path) -> None:
    """Make the next open check ``path`` again (damage was met while reading)."""
    with contextlib.suppress(OSError):
        _record(path).unlink(missing_ok=True)


def _record(path: Path) -> Path:
    return platformdirs.user_state_path(APP_NAME) / "clean-close" / f"{database_tag(path)}.json"


def _fingerprint(path: Path) -> dict[str, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return {
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        "ctime_ns": status.st_ctime_ns,
        "inode": status.st_ino,
        "device": status.st_dev,
    }

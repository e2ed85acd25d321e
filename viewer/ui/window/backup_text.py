"""How a backup is named to people: its time in local time, to the second, and its size."""

from __future__ import annotations

from datetime import datetime

from viewer.domain.sizes import readable_size
from viewer.store.api import BackupInfo


def local_time(moment: datetime) -> str:
    """``moment`` (aware) in this computer's time zone, to the second (several
    backups may be taken in one minute): "2026-11-30 22:41:07"."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def described(info: BackupInfo) -> str:
    """A backup in a sentence's words: "the backup of 2026-11-30 22:41:07 (2.1 MB)"."""
    return f"the backup of {local_time(info.taken_at)} ({readable_size(info.size)})"

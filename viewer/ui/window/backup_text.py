"""How a backup is named to people: its time in local time, its size in MB."""

from __future__ import annotations

from datetime import datetime

from viewer.store.api import BackupInfo


def local_time(moment: datetime) -> str:
    """``moment`` (aware) in this computer's time zone: "2026-11-30 22:41"."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def megabytes(size: int) -> str:
    """A file size in megabytes, as people read it: "0.3 MB", "12.5 MB"."""
    return f"{size / 1_000_000:,.1f} MB"


def described(info: BackupInfo) -> str:
    """A backup in a sentence's words: "the backup of 2026-11-30 22:41 (2.1 MB)"."""
    return f"the backup of {local_time(info.taken_at)} ({megabytes(info.size)})"

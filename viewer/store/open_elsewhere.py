"""Whether another program has a database open, told from SQLite's own locks.

In write-ahead-log mode every SQLite connection that has read the database
holds a shared POSIX lock on one byte of the ``-shm`` file, the "DMS" byte
(byte 128: SQLite's ``os_unix.c`` puts its shared-memory locks at offset
120, eight of them, then this one), for as long as it stays open; the last
connection to close tells it is the last by taking that byte's lock
exclusively. Asking the system whether a write lock on that byte would be
granted (``F_GETLK``) therefore tells whether any connection is open, and
takes no lock, so it cannot get in the way of a program opening the database
at the same moment.

POSIX locks belong to a process, and closing any descriptor of a file drops
all of the process's locks on it: opening and closing the ``-shm`` here could
take away the locks of this process's own connections. So the question is
asked by a small separate Python process, which also sees the connections of
this one (a lock held by another process is what ``F_GETLK`` reports).

The answer is reliable only for a database in write-ahead-log mode (the
app's own always are) on Linux or macOS; elsewhere it is "cannot tell".
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Run with ``python -I -S``: the standard library only, nothing of this
# process's environment. Prints "open PID", "closed" or "unknown".
_PROBE = r"""
import fcntl, os, struct, sys
layouts = {"linux": "hh4xqqi4x", "darwin": "qqihh"}
layout = layouts.get(sys.platform)
if layout is None or struct.calcsize("P") != 8:
    print("unknown"); sys.exit()
DMS = 120 + 8
try:
    handle = os.open(sys.argv[1], os.O_RDONLY)
except FileNotFoundError:
    print("closed"); sys.exit()
except OSError:
    print("unknown"); sys.exit()
def pack(kind, start, pid=0):
    if sys.platform == "linux":
        return struct.pack(layout, kind, os.SEEK_SET, start, 1, pid)
    return struct.pack(layout, start, 1, pid, kind, os.SEEK_SET)
def unpack(data):
    if sys.platform == "linux":
        kind, _, _, _, pid = struct.unpack(layout, data)
    else:
        _, _, pid, kind, _ = struct.unpack(layout, data)
    return kind, pid
try:
    kind, pid = unpack(fcntl.fcntl(handle, fcntl.F_GETLK, pack(fcntl.F_WRLCK, DMS)))
except OSError:
    print("unknown"); sys.exit()
print("closed" if kind == fcntl.F_UNLCK else f"open {pid}")
"""
_WAL_HEADER_OFFSET = 18  # the file format's read and write version bytes: 2 in WAL mode
_PROBE_SECONDS = 20.0


@dataclass(frozen=True)
class Openness:
    """What could be told: ``known`` False when it could not be told at all."""

    known: bool
    open: bool = False
    process: int | None = None  # the id of a process that has it open, when known


def database_openness(database: Path) -> Openness:
    """Whether some connection, in any process, has ``database`` open now.

    Not known for a database in rollback-journal mode (its connections hold
    no lock between reads), on a system other than Linux or macOS, or when
    the probe could not run. A program may still open the database just
    after this answered.
    """
    try:
        with database.open("rb") as handle:
            header = handle.read(_WAL_HEADER_OFFSET + 2)
    except OSError:
        return Openness(known=False)
    if len(header) < _WAL_HEADER_OFFSET + 2 or header[_WAL_HEADER_OFFSET:] != b"\x02\x02":
        return Openness(known=False)  # not in WAL mode: its readers leave no lock
    shm = Path(f"{database}-shm")
    if not shm.exists():
        return Openness(known=True, open=False)  # an open WAL database has its -shm
    try:
        answer = subprocess.run(
            [sys.executable, "-I", "-S", "-c", _PROBE, str(shm)],
            capture_output=True,
            text=True,
            timeout=_PROBE_SECONDS,
            check=False,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return Openness(known=False)
    if answer == ["closed"]:
        return Openness(known=True, open=False)
    if len(answer) == 2 and answer[0] == "open" and answer[1].isdigit():
        return Openness(known=True, open=True, process=int(answer[1]) or None)
    return Openness(known=False)

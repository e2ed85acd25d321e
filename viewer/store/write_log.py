"""A write's entries in the revision log, who they name, and what the write
tells the other windows.

The revision log's ``user`` column holds at most :data:`MAX_AUTHOR`
characters; on a server it names the display name and the database role
("Ana Ruiz (ana)"). A write on a server announces the records it logged
(:func:`announce`, delivered at its commit) to the windows listening.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from viewer.domain.enums import RevisionAction
from viewer.domain.records import Record
from viewer.store import chain
from viewer.store.schema import RevisionRow


def log_entry(
    session: Session,
    user: str,
    action: RevisionAction,
    record: Record,
    changes: Mapping[str, tuple[Any, Any]],
) -> None:
    """Log a change as the next entry of the revision log's hash chain.

    The tip is read inside this write transaction, which holds the write
    lock from its start (see :func:`viewer.store.chain.tip`), and each
    entry is flushed at once, so that the next one in the same
    transaction chains from it.
    """
    values: dict[str, Any] = {
        "at": datetime.now(UTC),
        "user": user,
        "action": action.value,
        "record_kind": record.kind.value,
        "record_key": record.key,
        "changes": {name: list(pair) for name, pair in changes.items()},
    }
    session.flush()  # an entry still pending would be missed by the tip
    chain.seal(chain.tip(session.connection()), values)
    session.add(RevisionRow(**values))
    session.flush()


# The longest name of an author the revision log holds (its ``user`` column).
MAX_AUTHOR = 200


def author_with_role(name: str, role: str) -> str:
    """Who the revision log names on a server: the display name and the
    database role it connected as ("Ana Ruiz (ana)"), or the role alone; a
    name too long for the log is shortened, never the role."""
    name = name.strip()
    if not name or name == role:
        return role
    suffix = f" ({role})"
    return logged_author(name, MAX_AUTHOR - len(suffix)) + suffix


def logged_author(name: str, room: int = MAX_AUTHOR) -> str:
    """``name`` as the revision log keeps it: within ``room`` characters, a
    longer one cut with "…" (the log's column holds no more)."""
    if len(name) <= room:
        return name
    return name[: room - 1].rstrip() + "…"


def last_revision(session: Session) -> int:
    return session.scalar(select(func.max(RevisionRow.id))) or 0


def announce(session: Session, user: str, logged_before: int, writer: str) -> None:
    """Tell the other windows on the server what this write changed (at its commit)."""
    from viewer.store.server_engine import notify

    changed = session.execute(
        select(RevisionRow.record_kind, RevisionRow.record_key)
        .where(RevisionRow.id > logged_before)
        .order_by(RevisionRow.id)
        .limit(41)
    ).all()
    if changed:
        notify(session.connection(), user, [(kind, key) for kind, key in changed], writer)

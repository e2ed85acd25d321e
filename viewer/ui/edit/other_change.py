"""Who else changed the record open in a form, and when: the form's mark
("Changed by Ana at 14:02") and the merge dialog's words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from viewer.domain.enums import RecordKind
from viewer.store.api import Notice, Store, StoreError


@dataclass(frozen=True)
class OtherChange:
    """One save by another writer: who (as the revision log names them) and when."""

    user: str
    at: datetime | None

    def who_and_when(self) -> str:
        """ "Ana Ruiz (ana) at 14:02" (the local time), or the name alone."""
        user = self.user.strip() or "someone else"
        return f"{user} at {hour_minute(self.at)}" if self.at is not None else user

    def mark(self) -> str:
        """What the form shows over its buttons."""
        return f"Changed by {self.who_and_when()} — saving will ask you to merge"


def hour_minute(at: datetime) -> str:
    """``at`` as this machine's local HH:MM (a time with no zone is UTC, as the log keeps it)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%H:%M")


class FormWatch:
    """The record open in a form, and the newest entry of the revision log
    about it when the form opened: a later entry is someone else's change.

    Plain Python; the editor keeps one while a form is open.
    """

    def __init__(self, store: Store, kind: RecordKind, key: str) -> None:
        self.kind = kind
        self.key = key
        self.seen: int | None = None
        try:
            known = store.revisions(kind, key)
        except StoreError:
            return  # the log cannot be read: no mark, and the save's check still holds
        self.seen = known[-1].id if known else 0

    def in_notices(self, notices: Sequence[Notice]) -> OtherChange | None:
        """The newest of ``notices`` that names this record, if any."""
        wanted = (self.kind.value, self.key)
        for notice in reversed(notices):
            if wanted in notice.records:
                return OtherChange(notice.user, notice.at)
        return None

    def in_log(self, store: Store) -> OtherChange | None:
        """The newest change of this record logged since the form opened, if any."""
        if self.seen is None:
            return None
        try:
            newer = store.revisions(self.kind, self.key, after=self.seen)
        except StoreError:
            return None
        if not newer:
            return None
        return OtherChange(newer[-1].user, newer[-1].at)

    def found(self, store: Store, notices: Sequence[Notice]) -> OtherChange | None:
        """Another writer's change of this record: named by a notice, or (on a
        file, whose probe says only that something changed, or a notice too
        big to list its records) found in the log."""
        if notices and all(notice.records for notice in notices):
            return self.in_notices(notices)
        return self.in_log(store)

"""The revision log as a hash chain: each entry seals its content and the one before it.

Every entry of the log carries ``hash``, the SHA-256 (lower-case hex) of its
canonical form, and ``prev_hash``, the hash of the entry before it (for the
first entry, :data:`GENESIS`). Changing, deleting or reordering an entry
then breaks the chain at that entry, which :func:`walk` finds in one pass.

The canonical form of an entry is one JSON object with exactly the keys
``action``, ``at``, ``changes``, ``id``, ``prev``, ``record_key``,
``record_kind`` and ``user``; keys sorted, no spaces (separators ``,`` and
``:``), characters outside ASCII written as themselves, encoded in UTF-8.
``at`` is the time in UTC written ``YYYY-MM-DDTHH:MM:SS.ffffffZ``;
``changes`` is the stored JSON object (each field's ``[old, new]``); ``prev``
is the previous entry's hash. A value the database holds that does not read
(a time or changes that were never written by the app) is put in as its raw
text, so that every row has exactly one canonical form and the migration
that sealed an existing log never fails on one.

What a chain cannot show by itself is its end being cut off: deleting the
last entries leaves a shorter chain that verifies. Hence ``check
--chain-head``: a user notes the head (the last entry's id and hash) and can
later show that the log still holds it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, String, Table, bindparam, select, type_coerce

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.quoting import quoted
from viewer.domain.validation import KEY_PATTERN
from viewer.store.schema import RevisionRow

# The "previous hash" of the first entry.
GENESIS = "0" * 64
# Entries read at a time: memory stays bounded however long the log is.
PAGE = 1_000
# How far (in ids) a broken entry's own id is searched for, to tell an entry
# moved elsewhere in the log from one whose content was changed.
MOVE_WINDOW = 1_000
# Unreadable entries listed at most; the rest are counted.
UNREADABLE_LIMIT = 20
# The words SQLite's triggers refuse a change of the log with (migration 0008).
REFUSAL = "the revision log is append-only"

_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]
_ACTIONS = frozenset(action.value for action in RevisionAction)
_KINDS = frozenset(kind.value for kind in RecordKind)


@dataclass(frozen=True, slots=True)
class Tip:
    """The last entry of the chain: what the next entry chains from."""

    id: int
    hash: str


START = Tip(0, GENESIS)


def tip(connection: Connection) -> Tip:
    """The chain's last entry, or :data:`START` for an empty log.

    Only a writer holding the write lock may extend the chain from it: on
    SQLite every write transaction begins with BEGIN IMMEDIATE, so no other
    writer can add an entry between this read and the commit. PostgreSQL will
    need the same explicitly: take ``LOCK TABLE revisions IN SHARE ROW
    EXCLUSIVE MODE`` (or a transaction-level advisory lock) before reading
    the tip, and keep assigning ids here rather than from a sequence, whose
    values can be skipped by a rollback.
    """
    row = connection.execute(
        select(_REVISIONS.c.id, _REVISIONS.c.hash).order_by(_REVISIONS.c.id.desc()).limit(1)
    ).first()
    return START if row is None else Tip(row[0], row[1])


def seal(after: Tip, values: dict[str, Any]) -> Tip:
    """Make ``values`` (a revision row's ``at``, ``user``, ``action``,
    ``record_kind``, ``record_key`` and ``changes``) the entry after ``after``:
    sets its ``id``, ``prev_hash`` and ``hash``, and returns the new tip."""
    entry_id = after.id + 1
    digest = entry_hash(
        after.hash,
        entry_id,
        values["at"],
        values["user"],
        values["action"],
        values["record_kind"],
        values["record_key"],
        values["changes"],
    )
    values.update(id=entry_id, prev_hash=after.hash, hash=digest)
    return Tip(entry_id, digest)


def entry_hash(
    prev: str,
    entry_id: int,
    at: datetime | str | None,
    user: Any,
    action: Any,
    record_kind: Any,
    record_key: Any,
    changes: Any,
) -> str:
    """The hash of one entry: SHA-256 of its canonical form (see the module)."""
    return hashlib.sha256(
        canonical(prev, entry_id, at, user, action, record_kind, record_key, changes)
    ).hexdigest()


def canonical(
    prev: str,
    entry_id: int,
    at: datetime | str | None,
    user: Any,
    action: Any,
    record_kind: Any,
    record_key: Any,
    changes: Any,
) -> bytes:
    """The bytes an entry's hash is taken over."""
    document = {
        "action": action,
        "at": canonical_time(at),
        "changes": changes,
        "id": entry_id,
        "prev": prev,
        "record_key": record_key,
        "record_kind": record_kind,
        "user": user,
    }
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return text.encode("utf-8", "surrogatepass")


def canonical_time(at: datetime | str | None) -> str | None:
    """``at`` in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (a time stored without
    a zone is in UTC); a text that is not a time is given back as it is."""
    if at is None:
        return None
    if isinstance(at, str):
        try:
            moment = datetime.fromisoformat(at)
        except ValueError:
            return at
    else:
        moment = at
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


# -- verifying ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry as the database holds it (time and changes as their raw text)."""

    id: int
    at: Any
    user: Any
    action: Any
    record_kind: Any
    record_key: Any
    changes: Any
    prev_hash: Any
    hash: Any

    def describe(self) -> str:
        """The entry as a person finds it again: its id, time, author and record."""
        kind = self.record_kind
        label = RecordKind(kind).label if kind in _KINDS else f"record of kind {quoted(kind)}"
        at = canonical_time(self.at) if self.at is not None else None
        return (
            f"entry {self.id} (written {quoted(at)} by {quoted(self.user)}, "
            f"{self.action if self.action in _ACTIONS else quoted(self.action)} "
            f"of {label} {quoted(self.record_key)})"
        )


@dataclass(frozen=True, slots=True)
class Break:
    """The first place the chain does not hold, and what is wrong there."""

    entry: Entry
    problem: str


@dataclass
class Walk:
    """What one pass over the log found."""

    count: int = 0
    head: Tip = START
    first_break: Break | None = None
    # (row id, what cannot be read), at most UNREADABLE_LIMIT of them.
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    unreadable_count: int = 0
    # The hash of the entry a noted head names, if the log still has it.
    noted_hash: str | None = None


def walk(connection: Connection, noted: Tip | None = None) -> Walk:
    """Verify the whole chain in one pass, in id order, a page at a time.

    Finds the first broken entry, lists the entries whose values cannot be
    read, counts the entries and gives the head; with ``noted``, also the
    hash the log now holds for that entry's id.
    """
    result = Walk()
    previous: Entry | None = None
    for entry in _entries(connection):
        result.count += 1
        changes = _read_changes(entry, result)
        if result.first_break is None:
            problem = _problem(entry, previous, changes)
            if problem is not None:
                result.first_break = Break(entry, problem)
        if noted is not None and entry.id == noted.id:
            result.noted_hash = entry.hash
        previous = entry
    if previous is not None:
        result.head = Tip(previous.id, previous.hash)
    return result


def _entries(connection: Connection) -> Iterator[Entry]:
    for page in _pages(connection):
        yield from page


def _pages(connection: Connection) -> Iterator[list[Entry]]:
    """The log in id order, a page of entries at a time."""
    columns = [
        _REVISIONS.c.id,
        # Read as stored: a value that no longer reads is a finding, not a crash.
        type_coerce(_REVISIONS.c.at, String),
        _REVISIONS.c.user,
        _REVISIONS.c.action,
        _REVISIONS.c.record_kind,
        _REVISIONS.c.record_key,
        type_coerce(_REVISIONS.c.changes, String),
        _REVISIONS.c.prev_hash,
        _REVISIONS.c.hash,
    ]
    query = select(*columns).order_by(_REVISIONS.c.id).limit(PAGE)
    last: int | None = None
    while True:
        page = connection.execute(
            query if last is None else query.where(_REVISIONS.c.id > last)
        ).all()
        if not page:
            return
        last = page[-1][0]
        yield [Entry(*row) for row in page]


def _read_changes(entry: Entry, result: Walk) -> Any:
    """The entry's changes read from their JSON text (or the raw text if they
    do not read); notes each value of the entry that cannot be read."""
    problems: list[str] = []
    changes = stored_changes(entry.changes)
    if changes is entry.changes and isinstance(changes, str):
        problems.append(f"changes {quoted(entry.changes)} are not JSON")
    elif not _is_change_map(changes):
        problems.append(f"changes {quoted(entry.changes)} are not each field's old and new value")
    if entry.action not in _ACTIONS:
        problems.append(
            f"action {quoted(entry.action)} is not one of {', '.join(sorted(_ACTIONS))}"
        )
    if entry.record_kind not in _KINDS:
        problems.append(f"record kind {quoted(entry.record_kind)} is not a kind of record")
    if not isinstance(entry.record_key, str) or not KEY_PATTERN.match(entry.record_key):
        problems.append(f"record key {quoted(entry.record_key)} is not a key")
    if not _reads_as_time(entry.at):
        problems.append(f"time {quoted(entry.at)} is not a date and time")
    for problem in problems:
        result.unreadable_count += 1
        if len(result.unreadable) < UNREADABLE_LIMIT:
            result.unreadable.append((entry.id, problem))
    return changes


def stored_changes(raw: Any) -> Any:
    """An entry's changes from their stored JSON text; the text itself if it
    is not JSON (so that the entry still has one canonical form)."""
    if not isinstance(raw, str):
        return raw  # a driver that reads JSON itself
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _is_change_map(changes: Any) -> bool:
    if not isinstance(changes, Mapping):
        return False
    for pair in changes.values():  # noqa: SIM110 (all() of a generator: a tenth of the walk)
        if type(pair) is not list or len(pair) != 2:
            return False
    return True


def _reads_as_time(at: Any) -> bool:
    if isinstance(at, datetime):
        return True
    if not isinstance(at, str):
        return False
    try:
        datetime.fromisoformat(at)
    except ValueError:
        return False
    return True


def _problem(entry: Entry, previous: Entry | None, changes: Any) -> str | None:
    """What breaks the chain at ``entry``, coming after ``previous``; None if it holds."""
    expected_id = 1 if previous is None else previous.id + 1
    if entry.id != expected_id:
        missing = (
            f"entry {expected_id} is"
            if entry.id == expected_id + 1
            else f"entries {expected_id} to {entry.id - 1} are"
        )
        before = "the log starts at it" if previous is None else f"it follows entry {previous.id}"
        return f"{missing} missing ({before}): deleted from the log"
    expected_prev = GENESIS if previous is None else previous.hash
    if _hash_as(entry, entry.id, changes) != entry.hash:
        moved = _sealed_as(entry, changes)
        if moved is not None:
            return (
                f"it was written as entry {moved}: entries were reordered or renumbered, "
                "or one before it was deleted"
            )
        return (
            "its content was altered after it was written (its time, author, action, "
            "record or changes no longer match its hash)"
        )
    if entry.prev_hash != expected_prev:
        after = "the start of the log" if previous is None else f"entry {previous.id}"
        return (
            f"it was not written after {after} as it stands now: an entry before it "
            "was removed, replaced or rewritten"
        )
    return None


def _hash_as(entry: Entry, entry_id: int, changes: Any) -> str:
    prev = entry.prev_hash if isinstance(entry.prev_hash, str) else str(entry.prev_hash)
    return entry_hash(
        prev,
        entry_id,
        entry.at,
        entry.user,
        entry.action,
        entry.record_kind,
        entry.record_key,
        changes,
    )


def _sealed_as(entry: Entry, changes: Any) -> int | None:
    """The id ``entry`` was written with, if it is near its own (a moved entry)."""
    for distance in range(1, MOVE_WINDOW + 1):
        for candidate in (entry.id - distance, entry.id + distance):
            if candidate > 0 and _hash_as(entry, candidate, changes) == entry.hash:
                return candidate
    return None


def seal_stored(connection: Connection) -> int:
    """Seal every entry already in the log, in id order, as one chain; returns
    how many (the migration that brought in the chain). Linear: a page is
    read, hashed in Python and written back before the next is read."""
    after = START
    count = 0
    for page in _pages(connection):
        values = []
        for entry in page:
            digest = entry_hash(
                after.hash,
                entry.id,
                entry.at,
                entry.user,
                entry.action,
                entry.record_kind,
                entry.record_key,
                stored_changes(entry.changes),
            )
            values.append({"entry_id": entry.id, "prev": after.hash, "digest": digest})
            after = Tip(entry.id, digest)
        connection.execute(
            _REVISIONS.update()
            .where(_REVISIONS.c.id == bindparam("entry_id"))
            .values(prev_hash=bindparam("prev"), hash=bindparam("digest")),
            values,
        )
        count += len(page)
    return count


def refused(error: BaseException) -> bool:
    """Whether ``error`` is the database refusing to change or delete a log entry."""
    return REFUSAL in str(error)

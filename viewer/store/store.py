"""The store: plain records in, plain records out, one transaction per action.

Every write is validated, done whole or not at all, and logged in the
append-only revision log with the fields it changed from what to what.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.quoting import quoted
from viewer.domain.records import Record, Revision
from viewer.domain.serial import Problem, record_fields
from viewer.domain.unlink import unlink
from viewer.domain.validation import validate
from viewer.store import chain, claim_checks, derived, search_index
from viewer.store.backend import Probe, guard_for, probe_for
from viewer.store.bulk import insert_all
from viewer.store.bulk_remove import remove_all
from viewer.store.bulk_update import update_all
from viewer.store.dependents import Dependents, find_dependents
from viewer.store.dialects import on_server
from viewer.store.engine import database_files, writer
from viewer.store.errors import (
    ConflictError,
    HasDependents,
    InvalidRecord,
    RecordNotFound,
    RecordUnreadable,
    StoreError,
)
from viewer.store.file_errors import DamagedDatabase, ReadOnlyStore
from viewer.store.mapping import (
    ROW_TYPES,
    MissingReference,
    Resolver,
    apply,
    select_rows,
    to_revision,
    unreadable_problem,
)
from viewer.store.mapping import to_record as row_to_record
from viewer.store.schema import RevisionRow, Versioned
from viewer.store.server_engine import is_raised_refusal
from viewer.store.uniqueness import check_unique, uniqueness_problems
from viewer.store.write_log import (
    announce,
    author_with_role,
    last_revision,
    log_entry,
    logged_author,
)
from viewer.store.write_steps import (
    check_record,
    diff,
    refresh_derived,
    refused_change,
    reread,
    row_of,
)

# Records are written in this order so that what they refer to exists first.
WRITE_ORDER = (
    RecordKind.SOURCE,
    RecordKind.ACCORD,
    RecordKind.PARTY,
    RecordKind.PERSON,
    RecordKind.STATUS_ACTION,
    RecordKind.EVENT,
)


class Store:
    """Reads and writes records on one database; holds no session between calls."""

    def __init__(self, engine: Engine, user: str, *, read_only: bool = False) -> None:
        self.engine = engine
        self.user = logged_author(user)
        self.read_only = read_only
        # The file opened (whether the path still names it, what SQLite's
        # failures mean), or the server's refusals.
        self._guard = guard_for(engine)
        self.path: Path | None = self._guard.path
        self.on_server = on_server(engine)
        # On a server, the database role this store connected as (the log names it too).
        self.role: str | None = None
        # Names this store's writes in the server's change notices, so that its
        # window can tell them from everyone else's.
        self.writer_id = uuid.uuid4().hex
        self._reads = sessionmaker(bind=engine, expire_on_commit=False)
        self._writes = sessionmaker(bind=writer(engine), expire_on_commit=False)

    # -- reads ---------------------------------------------------------------

    def reading(self) -> Session:
        """A session for one read-only action of the store's query modules."""
        return self._reads()

    def writing(self, operation: str = "saving") -> AbstractContextManager[Session]:
        """One write transaction for the store's own modules (whole or not at all);
        ``operation`` says what it does, for the messages of a refusal."""
        return self._write(operation)

    # Each read raises, for what it cannot read, one of the store's errors with
    # a message: :class:`RecordUnreadable` for a stored value the app cannot
    # read, :class:`DamagedDatabase` for a damaged page of the file (see
    # :meth:`failures_explained`); never SQLite's or SQLAlchemy's own.

    def get(self, kind: RecordKind, key: str) -> Record | None:
        with (
            self.failures_explained(f"reading {kind.label} {quoted(key)}"),
            self._reads() as session,
        ):
            row = row_of(session, kind, key)
            return row_to_record(row) if row else None

    def all(self, kind: RecordKind) -> list[Record]:
        """Every record of ``kind`` in the order they were added."""
        return self.page(kind, 0, None)

    def page(self, kind: RecordKind, offset: int, limit: int | None) -> list[Record]:
        with self.failures_explained(f"reading {kind.label} records"), self._reads() as session:
            query = select_rows(kind).order_by(ROW_TYPES[kind].id).offset(offset).limit(limit)
            return [row_to_record(row) for row in session.scalars(query)]

    def count(self, kind: RecordKind) -> int:
        with self.failures_explained(f"counting {kind.label} records"), self._reads() as session:
            return session.scalar(select(func.count()).select_from(ROW_TYPES[kind])) or 0

    def keys(self, kind: RecordKind) -> set[str]:
        with self.failures_explained(f"reading {kind.label} records"), self._reads() as session:
            return set(session.scalars(select(ROW_TYPES[kind].key)))

    def revisions(
        self, kind: RecordKind | None = None, key: str | None = None, *, after: int | None = None
    ) -> list[Revision]:
        """The change log, oldest first, optionally for one record.

        With ``after``, only the revisions of a greater id: those written after
        that one (the log is append-only and its ids only grow).
        """
        query = select(RevisionRow).order_by(RevisionRow.id)
        if after is not None:
            query = query.where(RevisionRow.id > after)
        if kind is not None:
            query = query.where(RevisionRow.record_kind == kind.value)
        if key is not None:
            query = query.where(RevisionRow.record_key == key)
        with self.failures_explained("reading the history"), self._reads() as session:
            try:
                rows = session.scalars(query).all()
            except ValueError as error:
                if isinstance(error, UnicodeDecodeError):
                    raise  # damage in the file's pages: failures_explained says so
                # A time or a list of changes stored in a form that does not
                # read: SQLAlchemy raises as it loads the row.
                problem = unreadable_problem(error)
                if isinstance(error, json.JSONDecodeError):
                    problem = f"the changes of an entry are not JSON ({error.msg})"
                which = f"the revisions of {kind.label} {quoted(key)}" if kind and key else ""
                raise RecordUnreadable(
                    "revisions", "?", problem, rows=which or "the revision log"
                ) from None
            return [to_revision(row) for row in rows]

    # -- writes --------------------------------------------------------------

    def add(self, record: Record) -> Record:
        with self._write(_saving(record)) as session:
            return self._add(session, Resolver(session), record)

    def update(self, record: Record) -> Record:
        """Save ``record`` over the stored one, if nobody changed it meanwhile."""
        with self._write(_saving(record)) as session:
            return self._update(session, record)

    def delete(
        self,
        kind: RecordKind,
        key: str,
        expected_version: int | None = None,
        *,
        with_links: bool = False,
    ) -> Record:
        """Delete a record; returns what was deleted.

        Refused while other records cannot exist without it (a party's status
        actions). Records that merely refer to it (claims citing a source, an
        event's roles) refuse it too, unless ``with_links``: then they let go
        of it, each change logged, in the same transaction.
        """
        return self.delete_linked(kind, key, expected_version, with_links=with_links)[0]

    def delete_linked(
        self,
        kind: RecordKind,
        key: str,
        expected_version: int | None = None,
        *,
        with_links: bool = False,
    ) -> tuple[Record, tuple[Record, ...]]:
        """As :meth:`delete`, also returning the records that let go of the
        deleted one as they were just before, read in the same transaction
        (what undoing the deletion puts back)."""
        with self._write(f"deleting {kind.label} {quoted(key)}") as session:
            row = row_of(session, kind, key)
            if row is None:
                raise RecordNotFound(f"no {kind.label} has the key {key!r}")
            record = row_to_record(row)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(record)
            dependents = find_dependents(session, row)
            if dependents.blocking or (dependents.links and not with_links):
                raise HasDependents(record, dependents.descriptions())
            before: dict[tuple[RecordKind, str], Record] = {}
            for linked_kind, linked_key, _ in dependents.links:
                linked = row_of(session, linked_kind, linked_key)
                assert linked is not None
                current = row_to_record(linked)
                before.setdefault((linked_kind, linked_key), current)
                self._update(session, unlink(current, kind, key))
            self._remove(session, row, record)
            return record, tuple(before.values())

    def restore(self, record: Record, linked_before: Sequence[Record] = ()) -> Record:
        """Add a deleted record back, and give the records that let go of it
        their earlier state again, in one transaction (undoing a deletion).

        A linked record that someone changed since is not overwritten: the
        whole restore is refused with a conflict.
        """
        with self._write(f"restoring {_saving(record).removeprefix('saving ')}") as session:
            restored = self._add(session, Resolver(session), record)
            for before in linked_before:
                row = row_of(session, before.kind, before.key)
                if row is None:
                    continue
                current = row_to_record(row)
                if record_fields(current) != record_fields(unlink(before, record.kind, record.key)):
                    raise ConflictError(current)
                self._update(session, dataclasses.replace(before, version=row.version))
            return restored

    def add_all(
        self,
        records: Mapping[RecordKind, Sequence[Record]],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Add many records in one transaction (an import): all of them or none.

        Checked as :meth:`add` checks one record, then written in bulk
        (:mod:`viewer.store.bulk`), linear in the records; ``progress`` is
        told (records written, records in all) after each batch.
        """
        groups = [(kind, records.get(kind, ())) for kind in WRITE_ORDER]
        with self._write("importing") as session:
            return insert_all(session.connection(), groups, self.user, progress)

    def merge_all(
        self,
        adds: Mapping[RecordKind, Sequence[Record]],
        updates: Sequence[Record] = (),
        removals: Sequence[Record] = (),
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Record]:
        """Add, update and delete many records in one transaction (an import that
        merges, and its undo): all of it or none; returns ``updates`` as stored.

        Each goes in bulk (:mod:`viewer.store.bulk`, ``bulk_update``,
        ``bulk_remove``), linear in the records. Each of ``updates`` and
        ``removals`` carries the version it expects (as :meth:`update`):
        one that someone changed since refuses the whole with
        :class:`StaleRecord`. Removals go last, the records that refer to
        others first; one still referred to refuses the whole.
        """
        groups = [(kind, adds.get(kind, ())) for kind in WRITE_ORDER]
        with self._write("importing") as session:
            insert_all(session.connection(), groups, self.user, progress)
            stored = update_all(session, updates, self.user, WRITE_ORDER) if updates else []
            if removals:
                session.flush()  # the log's tip, and the rows the updates left
                remove_all(
                    session.connection(),
                    removals,
                    self.user,
                    lambda kind, key: self._refuse_removal(session, kind, key),
                )
            return stored

    def _refuse_removal(self, session: Session, kind: RecordKind, key: str) -> None:
        row = row_of(session, kind, key)
        assert row is not None
        record = row_to_record(row)
        raise HasDependents(record, find_dependents(session, row).descriptions())

    def set_author(self, name: str) -> None:
        """Name ``name`` as the author of every change written from now on
        (the revision log's "who"); changes already logged keep theirs. On a
        server, the log names the database role with it."""
        self.user = author_with_role(name, self.role) if self.role else logged_author(name)

    def files(self) -> list[Path]:
        """The database's files on disk (the file itself and its journals);
        none on a server, whose files are its own."""
        return [] if self.on_server else database_files(self.engine)

    def watch(self) -> Probe:
        """Something to ask, cheaply and often, whether anyone committed since."""
        return probe_for(self.engine)

    def problems(self, record: Record) -> list[Problem]:
        """Why saving ``record`` would be refused, as far as can be told before trying."""
        with self._reads() as session:
            return (
                validate(record)
                + uniqueness_problems(session, record)
                + claim_checks.claim_problems(session, record)
            )

    def dependents(self, kind: RecordKind, key: str) -> Dependents:
        """What refers to a record: what blocks deleting it, and what would let go."""
        with self._reads() as session:
            row = row_of(session, kind, key)
            return find_dependents(session, row) if row else Dependents((), ())

    # -- steps of a larger write, for the store's own modules ----------------
    # Each is one logged change within a transaction the caller holds open
    # with :meth:`writing` (a merge of two records: several changes, one undo).

    def add_within(self, session: Session, record: Record) -> Record:
        """:meth:`add`, as one step of the caller's write."""
        return self._add(session, Resolver(session), record)

    def update_within(self, session: Session, record: Record) -> Record:
        """:meth:`update` (refused if ``record``'s version is not the stored
        one), as one step of the caller's write."""
        return self._update(session, record)

    def delete_within(
        self,
        session: Session,
        kind: RecordKind,
        key: str,
        note: Mapping[str, tuple[Any, Any]] | None = None,
    ) -> Record:
        """Delete a record nothing refers to any more, as one step of the
        caller's write; ``note`` joins the fields the deletion logs (as
        ``{"merged_into": (key, None)}``). Returns what was deleted."""
        row = row_of(session, kind, key)
        if row is None:
            raise RecordNotFound(f"no {kind.label} has the key {key!r}")
        record = row_to_record(row)
        self._remove(session, row, record, note or {})
        return record

    # -- internals -----------------------------------------------------------

    def _remove(
        self,
        session: Session,
        row: Versioned,
        record: Record,
        note: Mapping[str, tuple[Any, Any]] | None = None,
    ) -> None:
        changes = {name: (old, None) for name, old in record_fields(record).items()}
        self._log(session, RevisionAction.DELETE, record, {**changes, **(note or {})})
        search_index.remove(session.connection(), record.kind, [row.id])
        session.delete(row)
        session.flush()  # its citations go with it: their sources count one less
        derived.refresh_sources(session.connection(), derived.sources_of((record,)))

    @contextmanager
    def _write(self, operation: str = "saving") -> Iterator[Session]:
        """One write transaction; refused before it starts on a read-only store,
        and stopped before it commits if the file was deleted or replaced."""
        if self.read_only:
            raise ReadOnlyStore(self.path, operation, on_server=self.on_server)
        self._guard.refuse_if_gone(operation)
        try:
            with self._writes.begin() as session:
                logged_before = last_revision(session) if self.on_server else 0
                yield session
                session.flush()
                claim_checks.check_written(session)  # a group is checked whole
                if self.on_server:
                    announce(session, self.user, logged_before, self.writer_id)
                self._guard.refuse_if_gone(operation)  # the commit would go into a lost file
        except MissingReference as missing:
            # Said without a field's path: the record it names is gone, not mistyped.
            raise InvalidRecord([Problem("", f"{missing}: it may have been deleted")]) from None
        except IntegrityError as error:
            if chain.refused(error):
                raise StoreError(
                    "the database refused to change an entry of the revision log, which only "
                    "takes new entries; nothing was changed"
                ) from None
            raise refused_change(error) from None
        except DatabaseError as error:
            if is_raised_refusal(error):
                raise refused_change(error) from None
            self._guard.refuse(error, operation)

    def damage_found(self, finding: str) -> DamagedDatabase:
        """The refusal for damage a read found (``finding`` says what); the
        next open checks the whole file again."""
        return self._guard.damage_found(finding)

    def failures_explained(self, operation: str) -> AbstractContextManager[None]:
        """Within it, a failure met on the database's pages (damage found while
        reading, as SQLite's error or as text that does not decode) becomes
        :class:`DamagedDatabase`, a lock held too long :class:`DatabaseBusy`,
        a full disk :class:`DiskFull`: messages, never a traceback."""
        return self._guard.failures_explained(operation)

    # -- the file ------------------------------------------------------------

    def file_gone(self) -> str | None:
        """None while the path still names the file opened; else what happened to it.

        Two stat calls: cheap enough for the window's change probe timer.
        """
        return self._guard.gone()

    def save_copy(self, target: Path) -> None:
        """Write a consistent copy of what this store sees to ``target`` (even
        when its file was deleted), checked with SQLite's integrity check."""
        self._guard.save_copy(target)

    def _update(self, session: Session, record: Record) -> Record:
        check_record(record)
        row = row_of(session, record.kind, record.key)
        if row is None or row.version != record.version:
            raise ConflictError(row_to_record(row) if row else None)
        before = row_to_record(row)
        changes = diff(record_fields(before), record_fields(record))
        if not changes:
            return before
        check_unique(session, record)
        claim_checks.note_written(session, record)
        apply(row, record, Resolver(session))
        row.version += 1
        session.flush()
        refresh_derived(session, record.kind, row.id, derived.sources_of((before, record)))
        self._log(session, RevisionAction.UPDATE, record, changes)
        return reread(session, row)

    def _add(self, session: Session, refs: Resolver, record: Record) -> Record:
        return reread(session, self._insert(session, refs, record))

    def _insert(self, session: Session, refs: Resolver, record: Record) -> Versioned:
        check_record(record)
        row_type = ROW_TYPES[record.kind]
        if session.scalar(select(row_type.id).where(row_type.key == record.key)) is not None:
            raise InvalidRecord(
                [Problem("key", f"{record.key!r} is already used by another {record.kind.label}")]
            )
        check_unique(session, record)
        claim_checks.note_written(session, record)
        row = row_type(key=record.key, version=1)
        apply(row, record, refs)
        session.add(row)
        session.flush()
        refresh_derived(session, record.kind, row.id, derived.sources_of((record,)))
        self._log(
            session,
            RevisionAction.CREATE,
            record,
            {name: (None, new) for name, new in record_fields(record).items()},
        )
        return row

    def _log(
        self,
        session: Session,
        action: RevisionAction,
        record: Record,
        changes: Mapping[str, tuple[Any, Any]],
    ) -> None:
        log_entry(session, self.user, action, record, changes)


def _saving(record: Record) -> str:
    return f"saving {record.kind.label} {quoted(record.label)}"

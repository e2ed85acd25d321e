"""Copying a whole database into another: a SQLite file to a PostgreSQL
database (a project moves to the team) and back (an offline copy), or any
two of either.

The copy is an import of the source's export, without the file between them:
every record of every kind, with its citations and roles, is read from one
consistent snapshot of the source, checked whole against the destination
(:func:`viewer.store.exchange.plan_import`) and written in ONE transaction
(:func:`viewer.store.exchange.merge_import`): all of it or nothing. The
destination's revision log records the copy as its import, each record's
creation by the one who copied; the source's own log stays with it.

A destination that holds any record is refused, unless ``merge``: then the
import's merge rules apply as ``import --on-conflict update`` applies them
(new records are added, those that differ are updated, logged field by
field, identical ones left as they are). Linear in the records, as export
and import are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError

from viewer.domain.enums import RecordKind
from viewer.domain.quoting import printable
from viewer.store.bootstrap import Opened, open_or_create
from viewer.store.dialects import on_server
from viewer.store.errors import InvalidRecord, StoreError
from viewer.store.exchange import MergeOutcome, merge_import, plan_import
from viewer.store.exchange_checks import FORMAT_NAME, FORMAT_VERSION
from viewer.store.file_errors import DatabaseFileError
from viewer.store.locations import DEFAULT_PORT, Location, ServerAddress
from viewer.store.store import Store
from viewer.store.streams import exchange_forms, table_of

# Told what the copy is doing, a line at a time (a bounded number of lines).
Report = Callable[[str], None]
# The most progress lines one step prints (one each tenth of the way).
_STEPS = 10
# The problems of a refused copy named in its message.
_PROBLEMS_SHOWN = 5


class CopyRefused(StoreError):
    """The copy was refused or failed; the destination was left as it was."""


@dataclass(frozen=True)
class CopyOutcome:
    """What a copy did: the records it read, per kind, and the import's outcome."""

    read: dict[RecordKind, int]
    merge: MergeOutcome

    @property
    def total(self) -> int:
        return sum(self.read.values())


def copy_database(
    source: Location,
    destination: Location,
    user: str,
    *,
    merge: bool = False,
    report: Report | None = None,
) -> CopyOutcome:
    """Copy every record at ``source`` to ``destination`` (each a file or a
    server database), as :func:`copy_records` does.

    The source is opened read-only and must exist. A destination file that
    does not exist is created empty (never with the bundled dataset) and
    taken away again if the copy fails; a destination on a server must exist
    (its tables are built on open, as any first open builds them).
    """
    if same_database(source, destination):
        raise CopyRefused(f"{source} is both the source and the destination; nothing was copied")
    from_store, from_opened = open_or_create(source, user, seed=False, read_only=True)
    try:
        new_file = isinstance(destination, Path) and not destination.expanduser().exists()
        to_store, to_opened = _open_destination(destination, user)
        try:
            return copy_records(from_store, to_store, merge=merge, report=report)
        except BaseException:
            if new_file:
                to_opened.close()
                _remove_files(to_store.files())
            raise
        finally:
            to_opened.close()
    finally:
        from_opened.close()


def copy_records(
    source: Store, destination: Store, *, merge: bool = False, report: Report | None = None
) -> CopyOutcome:
    """Copy every record of ``source`` into ``destination`` in one transaction
    on the destination; :class:`CopyRefused` (nothing written) if it holds any
    record and not ``merge``, or if the records do not fit it."""
    say = report or (lambda _: None)
    if destination.read_only:
        raise CopyRefused("the destination is open read-only; nothing was copied")
    if not merge:
        with _reading("the destination"):
            held = record_counts(destination)
        if any(held.values()):
            raise CopyRefused(
                f"the destination already holds {_listed(held)}; nothing was copied. Copy "
                "into a new or empty database, or add --merge to merge into it (as "
                "import --on-conflict update does)"
            )
    with _reading("the source"):
        data, read = _read_all(source, say)
    try:
        plan = plan_import(data, destination, _stepped(say, "Checking"))
        del data  # the plan holds the records now
        if plan.problems:
            shown = "; ".join(printable(str(p)) for p in plan.problems[:_PROBLEMS_SHOWN])
            more = len(plan.problems) - _PROBLEMS_SHOWN
            raise CopyRefused(
                f"the records do not fit the destination: {shown}"
                + (f"; and {more:,} more" if more > 0 else "")
                + "; nothing was copied"
            )
        outcome = merge_import(plan, destination, _stepped(say, "Writing"))
    except InvalidRecord as refused:  # the destination's constraints, as the store says them
        raise CopyRefused(f"{refused}; nothing was copied") from None
    except DBAPIError as error:
        # A refusal the store's own errors do not name (a server's trigger, a
        # constraint of the destination): its words, on one line.
        raise CopyRefused(
            f"the destination refused the copy ({_first_line(error)}); nothing was copied"
        ) from None
    return CopyOutcome(read, outcome)


@contextmanager
def _reading(which: str) -> Iterator[None]:
    """A read of ``which`` that fails (a connection lost, a table the role may
    not read, a damaged file) said in one line, as the copy's refusal."""
    try:
        yield
    except DBAPIError as error:
        raise CopyRefused(
            f"cannot read {which} ({_first_line(error)}); nothing was copied"
        ) from None


def _first_line(error: DBAPIError) -> str:
    words = str(error.orig).strip().splitlines()
    return words[0] if words else "no reason given"


def _open_destination(destination: Location, user: str) -> tuple[Store, Opened]:
    try:
        return open_or_create(destination, user, seed=False)
    except DatabaseFileError as error:
        if isinstance(destination, ServerAddress) and "does not exist" in str(error):
            raise DatabaseFileError(
                f"{error}. A copy goes into a database that exists: ask its administrator "
                f"to create it (createdb {destination.database}); nothing was copied"
            ) from None
        raise


def record_counts(store: Store) -> dict[RecordKind, int]:
    """How many records of each kind ``store`` holds (one count a kind)."""
    with store.engine.connect() as connection:
        return {kind: _count(connection, kind) for kind in RecordKind}


def same_database(first: Location, second: Location) -> bool:
    """Whether two locations name the same database (a file by any path to it,
    a server's database by its host, port and name, whoever connects)."""
    if isinstance(first, ServerAddress) and isinstance(second, ServerAddress):
        return _server_key(first) == _server_key(second)
    if isinstance(first, Path) and isinstance(second, Path):
        one, other = first.expanduser(), second.expanduser()
        if one.exists() and other.exists():
            return one.samefile(other)
        return one.absolute() == other.absolute()
    return False


def _server_key(address: ServerAddress) -> tuple[str, int, str]:
    return (address.host.lower() or "localhost", address.port or DEFAULT_PORT, address.database)


def _read_all(source: Store, say: Report) -> tuple[dict[str, Any], dict[RecordKind, int]]:
    """Every record of ``source`` in exchange form, from one snapshot."""
    data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    read: dict[RecordKind, int] = {}
    with _snapshot(source) as connection:
        for kind in RecordKind:
            items = [item for page in exchange_forms(connection, kind) for item in page]
            data[kind.section] = items
            read[kind] = len(items)
            say(f"Read {len(items):,} {kind.section.replace('_', ' ')}")
    return data, read


@contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """A connection whose reads all see the database as it was at the first:
    SQLite's read transaction is one; PostgreSQL's takes REPEATABLE READ (each
    statement of its default level sees the commits made since the last)."""
    with store.engine.connect() as connection:
        if on_server(connection):
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def _stepped(say: Report, doing: str) -> Callable[[int, int], None]:
    """A progress callback that says ``doing`` and how far, each tenth of the way."""
    said = -1

    def step(done: int, total: int) -> None:
        nonlocal said
        tenth = done * _STEPS // total if total else _STEPS
        if tenth > said:
            said = tenth
            percent = done * 100 // total if total else 100
            say(f"{doing}: {done:,} of {total:,} records ({percent}%)")

    return step


def _count(connection: Connection, kind: RecordKind) -> int:
    return connection.execute(select(func.count()).select_from(table_of(kind))).scalar() or 0


def _listed(counts: dict[RecordKind, int]) -> str:
    held = [
        f"{count:,} {kind.section.replace('_', ' ')}" for kind, count in counts.items() if count
    ]
    return ", ".join(held)


def _remove_files(files: list[Path]) -> None:
    """Take away a file this copy created (and its journals): a failed copy
    leaves no database behind that nobody asked for."""
    for path in files:
        with suppress(OSError):
            path.unlink(missing_ok=True)

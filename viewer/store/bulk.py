"""Many records written at once (an import): checked whole, then inserted in batches.

The work is linear in the records given: every check is a dict or set
look-up against what was read once (the rows of the keys the records name,
the participants' names and codes), and the rows are written with
SQLAlchemy Core ``executemany`` a batch at a time, no ORM unit of work. The
revision log gets the same CREATE entry for each record as a single
:meth:`Store.add` writes, in the same order, so that ``check``'s replay of the
log accounts for them. Everything happens on the caller's connection, in its
transaction: a problem found, or a failure half-way, leaves nothing behind.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from viewer.domain.authors import stored_authors
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.names import skeleton
from viewer.domain.quoting import quoted
from viewer.domain.records import (
    Accord,
    Citation,
    Event,
    Party,
    Person,
    Record,
    Source,
    StatusAction,
)
from viewer.domain.serial import Problem, join_path
from viewer.domain.validation import validate
from viewer.store import chain, claim_checks, derived, search_index
from viewer.store.errors import InvalidRecord
from viewer.store.record_form import exchange_fields
from viewer.store.schema import EventRoleRow, PartyRow, RevisionRow
from viewer.store.streams import citation_column, table_of

# Records written per executemany; also how often progress is reported.
BATCH = 1_000
# Keys looked up per query (well under any database's limit of bound values).
KEYS_PER_QUERY = 500

Progress = Callable[[int, int], None]
Ids = dict[RecordKind, dict[str, int]]

_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]
_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]
_PARTIES: Table = PartyRow.__table__  # type: ignore[assignment]


def insert_all(
    connection: Connection,
    groups: Sequence[tuple[RecordKind, Sequence[Record]]],
    user: str,
    progress: Progress | None = None,
) -> int:
    """Insert each group's records, group after group, and log their creation.

    A record may refer to records already in the database or to records of
    an earlier group. Raises :class:`InvalidRecord` with every problem found
    (each path reads ``events[3].date``: the kind's section and the record's
    index in its group) before writing anything.
    """
    with without_cycle_collection():
        return _insert_all(connection, groups, user, progress)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for a bulk read or write.

    The records of an import stay alive until it ends, and each of the
    collector's full passes walks all of them again: a quarter of the time of
    an import of 20,000 events, looking for cycles that an import never
    makes (what it drops is freed by reference counting as before). ``check``,
    which makes a few objects for every row it reads, gains alike. Only for
    work that leaves no cycles behind, or its garbage would pile up.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _insert_all(
    connection: Connection,
    groups: Sequence[tuple[RecordKind, Sequence[Record]]],
    user: str,
    progress: Progress | None,
) -> int:
    ids = existing_ids(connection, _mentioned_keys(groups))
    problems = _problems(connection, groups, ids)
    if problems:
        raise InvalidRecord(problems)
    total = sum(len(records) for _, records in groups)
    before = {kind: _max_id(connection, table_of(kind)) for kind, records in groups if records}
    at = datetime.now(UTC)
    # The import's entries extend the log's hash chain, hashed here in Python
    # a batch at a time. The tip is read once: this transaction holds the
    # write lock (see viewer.store.chain.tip), so nobody else extends it.
    log_tip = chain.tip(connection)
    done = 0
    competing: list[StatusAction] = []
    for kind, records in groups:
        table = table_of(kind)
        last_id = before.get(kind, 0)
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            connection.execute(insert(table), [_values(record, ids) for record in batch])
            added: dict[str, int] = {
                key: row_id
                for key, row_id in connection.execute(
                    select(table.c.key, table.c.id).where(table.c.id > last_id)
                )
            }
            last_id = max(added.values())
            if kind in _REFERENCED:
                ids[kind].update(added)
            _insert_children(connection, kind, batch, added, ids)
            if kind is RecordKind.STATUS_ACTION:
                competing += [r for r in batch if isinstance(r, StatusAction) and r.alternative_of]
            entries = [_creation(record, at, user) for record in batch]
            for entry in entries:
                log_tip = chain.seal(log_tip, entry)
            connection.execute(insert(_REVISIONS), entries)
            done += len(batch)
            if progress is not None:
                progress(done, total)
    claim_checks.link_alternatives(connection, competing, ids[RecordKind.STATUS_ACTION])
    # The search index stays in step with the data, in the same transaction.
    for kind, after_id in before.items():
        search_index.add_after(connection, kind, after_id)
    if RecordKind.EVENT in before:
        derived.refresh_events_after(connection, before[RecordKind.EVENT])
    derived.refresh_sources(connection, derived.sources_of(r for _, rs in groups for r in rs))
    return total


def existing_ids(connection: Connection, keys: dict[RecordKind, set[str]]) -> Ids:
    """The row id of each of ``keys`` that is in the database, kind by kind.

    Only the keys asked about are read, a bounded number a query, however
    big the database is.
    """
    found: Ids = {kind: {} for kind in RecordKind}
    for kind, wanted in keys.items():
        table = table_of(kind)
        for chunk in _chunks(sorted(wanted), KEYS_PER_QUERY):
            query = select(table.c.key, table.c.id).where(table.c.key.in_(chunk))
            found[kind].update((key, row_id) for key, row_id in connection.execute(query))
    return found


def party_names_and_codes(connection: Connection) -> list[tuple[str, str, str | None]]:
    """Every participant's key, name and ISO code (participants are few: states
    and organisations), to check a new one against them with set look-ups."""
    query = select(_PARTIES.c.key, _PARTIES.c.name, _PARTIES.c.iso_code)
    return [(key, name, code) for key, name, code in connection.execute(query)]


def references(record: Record) -> list[tuple[str, RecordKind, str]]:
    """Each record ``record`` refers to: (the field's path, its kind, its key)."""
    refs: list[tuple[str, RecordKind, str]] = []
    if isinstance(record, StatusAction):
        refs += [
            ("accord", RecordKind.ACCORD, record.accord),
            ("party", RecordKind.PARTY, record.party),
        ]
        if record.alternative_of:
            refs.append(("alternative_of", RecordKind.STATUS_ACTION, record.alternative_of))
    if isinstance(record, Person) and record.party:
        refs.append(("party", RecordKind.PARTY, record.party))
    if isinstance(record, Event):
        if record.accord:
            refs.append(("accord", RecordKind.ACCORD, record.accord))
        for index, role in enumerate(record.roles):
            base = join_path("roles", index)
            if role.party:
                refs.append((join_path(base, "party"), RecordKind.PARTY, role.party))
            if role.person:
                refs.append((join_path(base, "person"), RecordKind.PERSON, role.person))
    for index, citation in enumerate(_citations_of(record)):
        refs.append(
            (join_path(join_path("citations", index), "source"), RecordKind.SOURCE, citation.source)
        )
    return refs


# The kinds other records refer to: their new rows' ids are kept for the
# records after them (a status action for its competing claims). Events are
# referred to by nothing.
_REFERENCED = frozenset(
    {
        RecordKind.SOURCE,
        RecordKind.ACCORD,
        RecordKind.PARTY,
        RecordKind.PERSON,
        RecordKind.STATUS_ACTION,
    }
)


def _mentioned_keys(
    groups: Sequence[tuple[RecordKind, Sequence[Record]]],
) -> dict[RecordKind, set[str]]:
    """The keys the records have or refer to, by kind."""
    mentioned: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
    for kind, records in groups:
        for record in records:
            mentioned[kind].add(record.key)
            for _, ref_kind, key in references(record):
                mentioned[ref_kind].add(key)
    return mentioned


def _problems(
    connection: Connection,
    groups: Sequence[tuple[RecordKind, Sequence[Record]]],
    in_database: Ids,
) -> list[Problem]:
    problems: list[Problem] = []
    added: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
    names: dict[str, tuple[str, str]] = {}
    codes: dict[str, tuple[str, str]] = {}
    if any(kind is RecordKind.PARTY and records for kind, records in groups):
        for key, name, code in party_names_and_codes(connection):
            names.setdefault(skeleton(name), (key, name))
            if code:
                codes[code] = (key, name)
    # A claim may compete with one later in the file (it was made one later).
    claims = claim_checks.ImportedClaims(connection, groups, in_database)
    for kind, records in groups:
        for index, record in enumerate(records):
            path = join_path(kind.section, index)
            found = validate(record)
            if record.key in in_database[kind] or record.key in added[kind]:
                found.append(
                    Problem("key", f"{record.key!r} is already used by another {kind.label}")
                )
            for ref_path, ref_kind, key in references(record):
                if ref_kind is RecordKind.STATUS_ACTION:
                    continue  # anywhere in the file: claims.problems says
                if key not in added[ref_kind] and key not in in_database[ref_kind]:
                    found.append(Problem(ref_path, f"no {ref_kind.label} has the key {key!r}"))
            if isinstance(record, Party):
                found += _party_problems(record, names, codes)
            if isinstance(record, StatusAction):
                found += claims.problems(record)
            problems += [Problem(join_path(path, p.path), p.message) for p in found]
            added[kind].add(record.key)
    return problems


def _party_problems(
    party: Party, names: dict[str, tuple[str, str]], codes: dict[str, tuple[str, str]]
) -> list[Problem]:
    """A second participant whose name looks the same (its skeleton) or with the
    same ISO code is refused, as :meth:`Store.add` refuses it; ``names`` and
    ``codes`` learn this one."""
    problems = []
    same_name = names.get(skeleton(party.name))
    if same_name is not None and same_name[0] != party.key:
        problems.append(
            Problem(
                "name",
                f"another participant ({same_name[0]}) is already called "
                f"{quoted(same_name[1])}, or looks the same",
            )
        )
    same_code = codes.get(party.iso_code) if party.iso_code else None
    if same_code is not None and same_code[0] != party.key:
        problems.append(
            Problem("iso_code", f"{party.iso_code} is already the code of {same_code[1]}")
        )
    names.setdefault(skeleton(party.name), (party.key, party.name))
    if party.iso_code:
        codes.setdefault(party.iso_code, (party.key, party.name))
    return problems


def _max_id(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.max(table.c.id))).scalar() or 0


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _values(record: Record, ids: Ids) -> dict[str, Any]:
    """The row of ``record`` as Core insert values, its references as row ids."""
    values: dict[str, Any] = {"key": record.key, "version": 1}
    match record:
        case Accord():
            values.update(name=record.name, description=record.description)
            _put_date(values, "first_signed", record.first_signed)
        case Party():
            values.update(
                name=record.name,
                party_kind=record.party_kind.value,
                iso_code=record.iso_code,
                notes=record.notes,
            )
        case Person():
            values.update(
                name=record.name,
                office=record.office,
                party_id=ids[RecordKind.PARTY][record.party] if record.party else None,
                notes=record.notes,
            )
        case Source():
            values.update(
                title=record.title,
                source_kind=record.source_kind.value,
                publisher=record.publisher,
                authors=stored_authors(record.authors),
                url=record.url,
                notes=record.notes,
                container_title=record.container_title,
                doi=record.doi,
                archived_text=record.archived_text,
            )
            _put_date(values, "published", record.published)
            _put_date(values, "accessed", record.accessed)
        case StatusAction():
            values.update(
                accord_id=ids[RecordKind.ACCORD][record.accord],
                party_id=ids[RecordKind.PARTY][record.party],
                action=record.action.value,
                certainty=record.certainty.value,
                note=record.note,
                rank=record.rank.value,
                rank_reason=record.rank_reason,
            )
            _put_date(values, "date", record.date)
        case Event():
            values.update(
                title=record.title,
                event_kind=record.event_kind.value,
                accord_id=ids[RecordKind.ACCORD][record.accord] if record.accord else None,
                location=record.location,
                summary=record.summary,
                certainty=record.certainty.value,
            )
            _put_date(values, "date", record.date)
    return values


def _put_date(values: dict[str, Any], prefix: str, value: FuzzyDate | None) -> None:
    bounds: tuple[str | None, date | None, date | None] = (
        (value.edtf, value.lower, value.upper) if value else (None, None, None)
    )
    values[f"{prefix}_edtf"], values[f"{prefix}_lower"], values[f"{prefix}_upper"] = bounds


def _insert_children(
    connection: Connection,
    kind: RecordKind,
    batch: Sequence[Record],
    added: dict[str, int],
    ids: Ids,
) -> None:
    """The roles and citations of a batch just inserted, ``added`` giving its row ids."""
    parties, people, sources = (
        ids[RecordKind.PARTY],
        ids[RecordKind.PERSON],
        ids[RecordKind.SOURCE],
    )
    roles = [
        {
            "event_id": added[record.key],
            "position": position,
            "role": role.role.value,
            "party_id": parties[role.party] if role.party else None,
            "person_id": people[role.person] if role.person else None,
        }
        for record in batch
        if isinstance(record, Event)
        for position, role in enumerate(record.roles)
    ]
    if roles:
        connection.execute(insert(_ROLES), roles)
    if kind is RecordKind.SOURCE:
        return  # a source cites nothing
    claim = citation_column(kind)
    citations = [
        {
            "source_id": sources[citation.source],
            claim.name: added[record.key],
            "position": position,
            "locator": citation.locator,
            "quote": citation.quote,
            "note": citation.note,
        }
        for record in batch
        for position, citation in enumerate(_citations_of(record))
    ]
    if citations:
        connection.execute(insert(claim.table), citations)


def _citations_of(record: Record) -> tuple[Citation, ...]:
    return () if isinstance(record, Source) else record.citations


def _creation(record: Record, at: datetime, user: str) -> dict[str, Any]:
    """The revision log's entry for ``record``'s creation, as :meth:`Store.add` writes it."""
    return {
        "at": at,
        "user": user,
        "action": RevisionAction.CREATE.value,
        "record_kind": record.kind.value,
        "record_key": record.key,
        "changes": {name: [None, new] for name, new in exchange_fields(record).items()},
    }

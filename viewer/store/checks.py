"""The ``check`` command's findings: database integrity, then the data's own rules.

Each data check is one function of a read connection (see ``DATA_CHECKS``),
run as SQL in one pass, or a bounded number of passes, over its tables; what
needs Python (reading a date's EDTF text) is done once per distinct value.
The revision log's replay reads the log and the records side by side in key
order, one record's history at a time, so its memory stays bounded however
large the database is.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, exists, func, or_, select, type_coerce

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction, RoleKind
from viewer.domain.quoting import QUOTE_LIMIT, quoted
from viewer.domain.records import RECORD_TYPES
from viewer.domain.validation import KEY_PATTERN
from viewer.store import chain, derived, search_index
from viewer.store.bulk import without_cycle_collection
from viewer.store.engine import integrity_problems
from viewer.store.schema import CitationRow, EventRoleRow, RevisionRow, SourceRow
from viewer.store.store import Store
from viewer.store.streams import Fields, citation_column, exchange_forms, table_of

# Rows read at a time when the checks walk a whole table.
BATCH = 1_000
DATE_COLUMNS = {
    RecordKind.ACCORD: ("first_signed",),
    RecordKind.SOURCE: ("published", "accessed"),
    RecordKind.STATUS_ACTION: ("date",),
    RecordKind.EVENT: ("date",),
}
# Records that state claims and so need evidence (sources are the evidence).
CLAIM_KINDS = tuple(kind for kind in RecordKind if kind is not RecordKind.SOURCE)

_CITATIONS: Table = CitationRow.__table__  # type: ignore[assignment]
_SOURCES: Table = SourceRow.__table__  # type: ignore[assignment]
_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]
_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Finding:
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.topic}: {self.message}"


Check = Callable[[Connection], Iterable[Finding]]


def run_checks(store: Store, noted_head: tuple[int, str] | None = None) -> list[Finding]:
    """Every check's findings. With ``noted_head`` (an entry's id and hash, as
    ``check --chain-head`` printed them), the log's chain must still hold it."""
    findings = [Finding("integrity", message) for message in integrity_problems(store.engine)]
    if findings:
        return findings  # the data checks would read a damaged file
    checks = DATA_CHECKS
    if noted_head is not None:
        noted = chain.Tip(*noted_head)
        checks = [
            (lambda connection: _chain_findings(connection, noted)) if c is _chain else c
            for c in DATA_CHECKS
        ]
    # One read transaction: every check sees the same state of the data.
    with store.engine.connect() as connection, without_cycle_collection():
        for check in checks:
            findings += check(connection)
    return findings


def verify_chain(store: Store, noted_head: tuple[int, str] | None = None) -> list[Finding]:
    """The revision log's hash chain verified in one pass: its first broken
    entry, and the entries whose values cannot be read (``run_checks`` does
    the same among its checks). With ``noted`` (a head a user wrote down),
    also whether the log still holds that entry unchanged."""
    noted = None if noted_head is None else chain.Tip(*noted_head)
    with store.engine.connect() as connection, without_cycle_collection():
        return _chain_findings(connection, noted)


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The revision log's last entry and its length: noted down, it lets a user
    later show that the history up to it was not rewritten."""

    id: int
    hash: str
    count: int

    def __str__(self) -> str:
        return f"{self.id}:{self.hash} ({entries(self.count)} in the log)"


def entries(count: int) -> str:
    """``1 entry``, ``2 entries``: a number of the revision log's entries."""
    return "1 entry" if count == 1 else f"{count:,} entries"


def chain_head(store: Store) -> ChainHead:
    """The head of the revision log's chain as stored (:func:`verify_chain` says
    whether the chain leading to it holds)."""
    with store.engine.connect() as connection:
        head = chain.tip(connection)
        count = connection.execute(select(func.count()).select_from(_REVISIONS)).scalar()
    return ChainHead(head.id, head.hash, int(count or 0))


def history_mismatches(store: Store) -> list[Finding]:
    """Records whose revision log, replayed from the start, does not give them as stored."""
    with store.engine.connect() as connection, without_cycle_collection():
        return _history_mismatches(connection)


CHAIN_TOPIC = "history chain"
# A head noted earlier (``check --chain-head ID:HASH``) the log does not hold.
NOTED_HEAD_TOPIC = "noted head"
UNREADABLE_TOPIC = "unreadable"


def _chain(connection: Connection) -> list[Finding]:
    return _chain_findings(connection, None)


def _chain_findings(connection: Connection, noted: chain.Tip | None) -> list[Finding]:
    walked = chain.walk(connection, noted)
    findings = [
        Finding(UNREADABLE_TOPIC, f"revisions row {row_id}: {problem}")
        for row_id, problem in walked.unreadable
    ]
    if walked.unreadable_count > len(walked.unreadable):
        more = walked.unreadable_count - len(walked.unreadable)
        findings.append(Finding(UNREADABLE_TOPIC, f"revisions: … and {more:,} more"))
    broken = walked.first_break
    if broken is not None:
        findings.append(
            Finding(
                CHAIN_TOPIC,
                f"the first broken entry of the revision log is {broken.entry.describe()}: "
                f"{broken.problem}. The history from there on cannot be vouched for.",
            )
        )
    if noted is not None and walked.noted_hash != noted.hash:
        findings.append(Finding(NOTED_HEAD_TOPIC, _noted_head_problem(walked, noted)))
    return findings


def _noted_head_problem(walked: chain.Walk, noted: chain.Tip) -> str:
    """What the log says of a head noted earlier that it does not hold: only
    what is known (a mistyped head looks the same as a changed log)."""
    if walked.noted_hash is not None:
        return (
            f"entry {noted.id} has the hash {walked.noted_hash}, not the noted "
            f"{noted.hash}: either the history up to entry {noted.id} was rewritten since "
            "the head was noted, or the head was noted from another database or mistyped"
        )
    if walked.count == 0:
        return (
            f"the log has no entry {noted.id}: it is empty. Either it was emptied since "
            "the head was noted, or the head was noted from another database or mistyped"
        )
    has = f"it has {entries(walked.count)}, the last entry {walked.head.id}"
    if noted.id > walked.head.id:
        why = "either the log was cut short since the head was noted"
    else:
        why = f"either entry {noted.id} was deleted from the log"
    return (
        f"the log has no entry {noted.id} ({has}): {why}, or the head was noted from "
        "another database or mistyped"
    )


def _unreadable_rows(connection: Connection) -> list[Finding]:
    """Stored values that cannot be read into a record, each with its table and
    row: a key that is not a key, a value outside its vocabulary, a date bound
    that is not a date, authors that are not a list of names. (Date texts
    that do not read are reported as invalid dates; the log's rows by the
    chain's check.) One pass over each table's keys; the vocabularies are
    checked in SQL."""
    findings: list[Finding] = []
    for kind in RecordKind:
        table = table_of(kind)
        query = select(table.c.id, table.c.key).order_by(table.c.id)
        for row_id, key in connection.execute(query.execution_options(yield_per=BATCH)):
            if not isinstance(key, str) or not KEY_PATTERN.match(key):
                findings.append(
                    Finding(
                        UNREADABLE_TOPIC,
                        f"{table.name} row {row_id}: key {quoted(key)} is not a key "
                        "(1 to 80 lower-case letters, digits and hyphens)",
                    )
                )
        for column, vocabulary in _vocabulary_columns(kind).items():
            wrong = select(table.c.id, table.c.key, table.c[column]).where(
                table.c[column].not_in(list(vocabulary))
            )
            for row_id, key, value in connection.execute(wrong.order_by(table.c.id)):
                findings.append(
                    _outside_finding(table.name, row_id, key, column, value, vocabulary)
                )
    roles = select(_ROLES.c.id, _ROLES.c.event_id, _ROLES.c.role).where(
        _ROLES.c.role.not_in(list(RoleKind))
    )
    for row_id, event_id, value in connection.execute(roles.order_by(_ROLES.c.id)):
        findings.append(
            Finding(
                UNREADABLE_TOPIC,
                f"{_ROLES.name} row {row_id} (of events row {event_id}): role {quoted(value)} "
                f"is not one of {_listed(RoleKind)}",
            )
        )
    authors = select(_SOURCES.c.id, _SOURCES.c.key, type_coerce(_SOURCES.c.authors, String))
    for row_id, key, raw in connection.execute(authors.order_by(_SOURCES.c.id)):
        if not _names_list(raw):
            findings.append(
                Finding(
                    UNREADABLE_TOPIC,
                    f"{_SOURCES.name} row {row_id} (source {quoted(key)}): authors "
                    f"{quoted(raw)} are not a JSON list of names",
                )
            )
    return findings


def _vocabulary_columns(kind: RecordKind) -> dict[str, type[StrEnum]]:
    """The columns of ``kind``'s table that hold a value of a vocabulary."""
    record_type = RECORD_TYPES[kind]
    hints = typing.get_type_hints(record_type)
    found: dict[str, type[StrEnum]] = {}
    for field in dataclasses.fields(record_type):
        hint = _without_none(hints[field.name])
        if isinstance(hint, type) and issubclass(hint, StrEnum):
            found[field.name] = hint
    return found


def _outside_finding(
    table: str, row_id: int, key: Any, column: str, value: Any, vocabulary: type[StrEnum]
) -> Finding:
    return Finding(
        UNREADABLE_TOPIC,
        f"{table} row {row_id} (key {quoted(key)}): {column} {quoted(value)} "
        f"is not one of {_listed(vocabulary)}",
    )


def _listed(vocabulary: type[StrEnum]) -> str:
    return ", ".join(member.value for member in vocabulary)


def _names_list(raw: Any) -> bool:
    """Whether stored authors read as a list of names."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return False
    return isinstance(value, list) and all(isinstance(name, str) for name in value)


def _uncited_claims(connection: Connection) -> list[Finding]:
    findings = []
    for kind in CLAIM_KINDS:
        table = table_of(kind)
        cited = exists().where(citation_column(kind) == table.c.id)
        query = select(table.c.key).where(~cited).order_by(table.c.id)
        for key in connection.execute(query).scalars():
            findings.append(Finding("citation needed", f"{kind.label} {key!r} has no citation"))
    return findings


def _missing_sources(connection: Connection) -> list[Finding]:
    known = exists().where(_SOURCES.c.id == _CITATIONS.c.source_id)
    query = select(_CITATIONS.c.id, _CITATIONS.c.source_id).where(~known)
    return [
        Finding(
            "missing source",
            f"citation {citation_id} refers to source {source_id}, which does not exist",
        )
        for citation_id, source_id in connection.execute(query)
    ]


def _dates_out_of_order(connection: Connection) -> list[Finding]:
    """Each stored date against its own bounds: one grouped pass per date column,
    so that each distinct (text, first day, last day) is read only once; the
    records of a wrong one are then looked up by it."""
    findings: list[Finding] = []
    for kind, prefixes in DATE_COLUMNS.items():
        table = table_of(kind)
        for prefix in prefixes:
            # The bounds are read as stored, so that one that is not a date
            # is a finding rather than an error of the read.
            columns = [
                table.c[f"{prefix}_edtf"],
                *(type_coerce(table.c[f"{prefix}_{part}"], String) for part in ("lower", "upper")),
            ]
            groups = connection.execute(
                select(*columns)
                .where(or_(*(column.is_not(None) for column in columns)))
                .group_by(*columns)
            )
            found: list[tuple[int, Finding]] = []
            for stored in groups.all():
                problem = _stored_date_problem(table, prefix, *stored)
                if problem is None:
                    continue
                same = select(table.c.id, table.c.key).where(
                    *(
                        column.is_not_distinct_from(value)
                        for column, value in zip(columns, stored, strict=True)
                    )
                )
                for row_id, key in connection.execute(same):
                    topic, message = problem
                    where = f"{kind.label} {key!r} {prefix.replace('_', ' ')}"
                    if topic == UNREADABLE_TOPIC:
                        where = f"{table.name} row {row_id} ({kind.label} {quoted(key)})"
                    found.append((row_id, Finding(topic, message(where))))
            findings += [finding for _, finding in sorted(found, key=itemgetter(0))]
    published, accessed = _SOURCES.c.published_lower, _SOURCES.c.accessed_upper
    early = (
        select(_SOURCES.c.key, _SOURCES.c.accessed_edtf, _SOURCES.c.published_edtf)
        .where(accessed < published)
        .order_by(_SOURCES.c.id)
    )
    for key, accessed_text, published_text in connection.execute(early):
        findings.append(
            Finding(
                "dates out of order",
                f"source {key!r} was accessed ({accessed_text}) before it was published "
                f"({published_text})",
            )
        )
    return findings


_NOT_A_DATE: Any = object()


def _stored_date_problem(
    table: Table, prefix: str, text: str | None, raw_lower: Any, raw_upper: Any
) -> tuple[str, Callable[[str], str]] | None:
    """:func:`_date_problem` of a date as stored, its bounds first read as dates."""
    lower, upper = _stored_date(raw_lower), _stored_date(raw_upper)
    if lower is _NOT_A_DATE or upper is _NOT_A_DATE:
        part, raw = ("lower", raw_lower) if lower is _NOT_A_DATE else ("upper", raw_upper)
        said = f"{prefix}_{part} {quoted(raw)} is not a date"
        return UNREADABLE_TOPIC, lambda where: f"{where}: {said}"
    return _date_problem(text, lower, upper)


def _stored_date(value: Any) -> Any:
    """A stored date bound as a date (None if empty); _NOT_A_DATE if it is not one."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return _NOT_A_DATE


def _date_problem(
    text: str | None, lower: date | None, upper: date | None
) -> tuple[str, Callable[[str], str]] | None:
    """What is wrong with a stored date, as a topic and a message for the place
    it is stored at; None if nothing is."""
    if text is None:
        if lower is not None or upper is not None:
            return "dates out of order", lambda where: f"{where} has bounds but no date"
        return None
    try:
        parsed = FuzzyDate.parse(text)
    except DateError as error:
        reason = _date_reason(text, error)
        return "invalid date", lambda where: f"{where}: {reason}"
    if lower is not None and upper is not None and lower > upper:
        return (
            "dates out of order",
            lambda where: f"{where} ends ({upper}) before it starts ({lower})",
        )
    if (parsed.lower, parsed.upper) != (lower, upper):
        return (
            "dates out of order",
            lambda where: (
                f"{where} is stored with bounds {lower}..{upper} that do not match {text!r}"
            ),
        )
    return None


def _history_mismatches(connection: Connection) -> list[Finding]:
    """The log replayed against the records, kind by kind.

    The log is complete when every write left an entry: replaying creations,
    updates and deletions then rebuilds exactly the records in the database.
    Linear in the log and the records, and holding one record's history at a
    time: for each kind, the log is read in key order (through its index) and
    merged with the records read in key order (through theirs).
    """
    findings: list[Finding] = []
    for kind in RecordKind:
        try:
            findings += _compare_history(kind, _logged(connection, kind), _stored(connection, kind))
        except (ValueError, TypeError):
            # A stored value the reading of records trips over (a source's
            # authors that are not JSON): named with its row by
            # _unreadable_rows; this kind's history is then not compared.
            findings.append(
                Finding(
                    "history",
                    f"the {kind.section.replace('_', ' ')} were not compared with the revision "
                    "log: a stored value cannot be read (see the unreadable findings)",
                )
            )
    return findings


LogEntry = tuple[str, Fields | None, list[str]]


def _logged(connection: Connection, kind: RecordKind) -> Iterator[LogEntry]:
    """Each record of ``kind`` the log names, in key order: its fields as the log
    leaves them (None if deleted), and what in its history did not add up."""
    rows = connection.execute(
        select(
            _REVISIONS.c.record_key,
            _REVISIONS.c.id,
            _REVISIONS.c.action,
            # Read as stored: changes that are not JSON are the chain check's
            # finding, and are left out of the replay here.
            type_coerce(_REVISIONS.c.changes, String),
        )
        .where(_REVISIONS.c.record_kind == kind.value)
        .order_by(_REVISIONS.c.record_key, _REVISIONS.c.id)
        .execution_options(yield_per=BATCH)
    )
    for key, history in groupby(rows, key=itemgetter(0)):
        fields: Fields | None = None
        gaps: list[str] = []
        for _, revision_id, action, raw in history:
            changes = _changes(raw)
            if changes is None or action not in _ACTIONS:
                continue  # unreadable: reported with its row by the chain's check
            if action == _CREATE:
                fields = {name: new for name, (_, new) in changes.items()}
            elif fields is None:
                gaps.append(
                    f"revision {revision_id} changes {kind.label} {key!r}, "
                    "which the log never created"
                )
            elif action == _UPDATE:
                fields.update({name: new for name, (_, new) in changes.items()})
            else:
                fields = None
        yield key, fields, gaps


_CREATE, _UPDATE = RevisionAction.CREATE.value, RevisionAction.UPDATE.value
_ACTIONS = frozenset(action.value for action in RevisionAction)


def _changes(raw: Any) -> dict[str, list[Any]] | None:
    """A revision's stored changes, or None if they are not each field's
    ``[old, new]``."""
    changes = chain.stored_changes(raw)
    if not isinstance(changes, dict):
        return None
    for pair in changes.values():
        if not isinstance(pair, list) or len(pair) != 2:
            return None
    return changes


def _stored(connection: Connection, kind: RecordKind) -> Iterator[tuple[str, Fields | str]]:
    """Each record of ``kind`` in the database, in key order, as the fields of its
    exchange form; or, for a record that cannot be read (a stored date no
    longer valid, a value outside its vocabulary), why."""
    unreadable = _unreadable(connection, kind)
    for page in exchange_forms(connection, kind, by_key=True):
        for fields in page:
            key = fields.pop("key")
            yield key, unreadable.get(key, fields)


def _unreadable(connection: Connection, kind: RecordKind) -> dict[str, str]:
    """The records of ``kind`` whose stored values no longer make a record, and
    why: a value outside its vocabulary, or a date text that does not read.

    One query for the vocabularies, one for each date column's distinct texts
    (each read once); the records are looked up only for what is wrong.
    """
    table = table_of(kind)
    record_type = RECORD_TYPES[kind]
    hints = typing.get_type_hints(record_type)
    vocabularies: dict[str, type[StrEnum]] = {}
    dates: list[str] = []
    for field in dataclasses.fields(record_type):
        hint = _without_none(hints[field.name])
        if hint is FuzzyDate:
            dates.append(field.name)
        elif isinstance(hint, type) and issubclass(hint, StrEnum):
            vocabularies[field.name] = hint
    found: dict[str, str] = {}
    if "roles" in hints:
        roles = _ROLES.join(table, _ROLES.c.event_id == table.c.id)
        outside = _ROLES.c.role.not_in(list(RoleKind))
        for key, role in connection.execute(
            select(table.c.key, _ROLES.c.role).select_from(roles).where(outside)
        ):
            found.setdefault(key, _outside(role, RoleKind))
    if vocabularies:
        columns = [table.c[name] for name in vocabularies]
        wrong = or_(*(table.c[name].not_in(list(enum)) for name, enum in vocabularies.items()))
        for key, *values in connection.execute(select(table.c.key, *columns).where(wrong)):
            for value, vocabulary in zip(values, vocabularies.values(), strict=True):
                if value is not None and value not in vocabulary._value2member_map_:
                    found.setdefault(key, _outside(value, vocabulary))
                    break
    for name in dates:
        column = table.c[f"{name}_edtf"]
        texts = connection.execute(select(column).where(column.is_not(None)).distinct())
        errors = {text: error for text in texts.scalars() if (error := _date_error(text))}
        if errors:
            query = select(table.c.key, column).where(column.in_(list(errors)))
            for key, text in connection.execute(query):
                found.setdefault(key, errors[text])
    return found


def _outside(value: Any, vocabulary: type[StrEnum]) -> str:
    return f"{quoted(value)} is not a valid {vocabulary.__name__}"  # as the enum says it


def _date_reason(text: str, error: DateError) -> str:
    """Why ``text`` is not a date, repeating at most a quoted part of it."""
    if len(text) > QUOTE_LIMIT:
        return f"{quoted(text)} is not a date this app understands"
    return str(error)


def _date_error(text: str) -> str | None:
    try:
        FuzzyDate.parse(text)
    except DateError as error:
        return _date_reason(text, error)
    return None


def _without_none(hint: Any) -> Any:
    options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return options[0] if typing.get_args(hint) and len(options) == 1 else hint


def _compare_history(
    kind: RecordKind,
    logged: Iterator[LogEntry],
    stored: Iterator[tuple[str, Fields | str]],
) -> list[Finding]:
    findings: list[Finding] = []
    log_entry, record = next(logged, None), next(stored, None)
    while log_entry is not None or record is not None:
        if record is None or (log_entry is not None and log_entry[0] < record[0]):
            assert log_entry is not None
            key, fields, gaps = log_entry
            findings += [Finding("history", gap) for gap in gaps]
            if fields is not None:
                findings.append(
                    Finding(
                        "history",
                        f"the revision log holds {kind.label} {key!r}, "
                        "which is not in the database",
                    )
                )
            log_entry = next(logged, None)
            continue
        if log_entry is None or record[0] < log_entry[0]:
            findings.append(_unaccounted(kind, record[0]))
            record = next(stored, None)
            continue
        key, fields, gaps = log_entry
        findings += [Finding("history", gap) for gap in gaps]
        if isinstance(record[1], str):
            findings.append(
                Finding(
                    "history",
                    f"{kind.label} {key!r} cannot be read to compare with its log: {record[1]}",
                )
            )
        elif fields != record[1]:
            findings.append(_unaccounted(kind, key))
        log_entry, record = next(logged, None), next(stored, None)
    return findings


def _unaccounted(kind: RecordKind, key: str) -> Finding:
    return Finding(
        "history",
        f"the revision log does not account for {kind.label} {key!r} as stored",
    )


def _search_index_mismatches(connection: Connection) -> list[Finding]:
    return [Finding("search", message) for message in search_index.mismatches(connection)]


def _derived_mismatches(connection: Connection) -> list[Finding]:
    return [Finding("derived", message) for message in derived.mismatches(connection)]


# The data checks, in the order their findings are reported. Each takes a
# connection inside run_checks' read transaction and returns its findings.
DATA_CHECKS: list[Check] = [
    _chain,
    _unreadable_rows,
    _uncited_claims,
    _missing_sources,
    _dates_out_of_order,
    _history_mismatches,
    _search_index_mismatches,
    _derived_mismatches,
]


def repair_search_index(store: Store) -> None:
    """Build the search index, and the columns derived from other rows, again
    from the tables, in one write transaction (``check --repair``): they hold
    nothing else, so nothing is lost."""
    with store.writing() as session:
        derived.refresh_all(session.connection())
        search_index.rebuild(session.connection())

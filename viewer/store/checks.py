"""The ``check`` command's findings: database integrity, then the data's own rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.serial import record_fields
from viewer.store.engine import integrity_problems
from viewer.store.history import Fields, replay
from viewer.store.mapping import ROW_TYPES, select_rows, to_record, to_revision
from viewer.store.schema import CitationRow, RevisionRow, SourceRow
from viewer.store.store import Store

# Records that state claims and so need evidence, with their citation column.
CLAIMS = {
    RecordKind.ACCORD: CitationRow.accord_id,
    RecordKind.PARTY: CitationRow.party_id,
    RecordKind.PERSON: CitationRow.person_id,
    RecordKind.STATUS_ACTION: CitationRow.status_action_id,
    RecordKind.EVENT: CitationRow.event_id,
}
# Rows read at a time when the checks walk a whole table.
BATCH = 1_000
DATE_COLUMNS = {
    RecordKind.ACCORD: ("first_signed",),
    RecordKind.SOURCE: ("published", "accessed"),
    RecordKind.STATUS_ACTION: ("date",),
    RecordKind.EVENT: ("date",),
}


@dataclass(frozen=True, slots=True)
class Finding:
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.topic}: {self.message}"


def run_checks(store: Store) -> list[Finding]:
    findings = [Finding("integrity", message) for message in integrity_problems(store.engine)]
    if findings:
        return findings  # the data checks would read a damaged file
    with store.reading() as session:
        findings += _uncited_claims(session)
        findings += _missing_sources(session)
        findings += _dates_out_of_order(session)
    return findings + history_mismatches(store)


def _uncited_claims(session: Session) -> list[Finding]:
    findings = []
    for kind, column in CLAIMS.items():
        row_type = ROW_TYPES[kind]
        cited = exists().where(column == row_type.id)
        for key in session.scalars(select(row_type.key).where(~cited).order_by(row_type.id)):
            findings.append(Finding("citation needed", f"{kind.label} {key!r} has no citation"))
    return findings


def _missing_sources(session: Session) -> list[Finding]:
    known = exists().where(SourceRow.id == CitationRow.source_id)
    return [
        Finding(
            "missing source",
            f"citation {citation_id} refers to source {source_id}, which does not exist",
        )
        for citation_id, source_id in session.execute(
            select(CitationRow.id, CitationRow.source_id).where(~known)
        )
    ]


def _dates_out_of_order(session: Session) -> list[Finding]:
    findings = []
    for kind, prefixes in DATE_COLUMNS.items():
        row_type = ROW_TYPES[kind]
        for prefix in prefixes:
            # Only the date's three columns, a batch at a time: not whole rows.
            columns = [getattr(row_type, f"{prefix}_{part}") for part in ("edtf", "lower", "upper")]
            rows = session.execute(
                select(row_type.key, *columns)
                .where(or_(*(column.is_not(None) for column in columns)))
                .order_by(row_type.id)
                .execution_options(yield_per=BATCH)
            )
            for key, text, lower, upper in rows:
                where = f"{kind.label} {key!r} {prefix.replace('_', ' ')}"
                findings += _check_date(where, text, lower, upper)
    for row in session.scalars(
        select(SourceRow).where(
            SourceRow.accessed_upper.is_not(None), SourceRow.published_lower.is_not(None)
        )
    ):
        assert row.accessed_upper is not None and row.published_lower is not None
        if row.accessed_upper < row.published_lower:
            findings.append(
                Finding(
                    "dates out of order",
                    f"source {row.key!r} was accessed "
                    f"({row.accessed_edtf}) before it was published "
                    f"({row.published_edtf})",
                )
            )
    return findings


def _check_date(
    where: str, text: str | None, lower: date | None, upper: date | None
) -> list[Finding]:
    if text is None:
        if lower is not None or upper is not None:
            return [Finding("dates out of order", f"{where} has bounds but no date")]
        return []
    try:
        parsed = FuzzyDate.parse(text)
    except DateError as error:
        return [Finding("invalid date", f"{where}: {error}")]
    if lower is not None and upper is not None and lower > upper:
        return [Finding("dates out of order", f"{where} ends ({upper}) before it starts ({lower})")]
    if (parsed.lower, parsed.upper) != (lower, upper):
        return [
            Finding(
                "dates out of order",
                f"{where} is stored with bounds {lower}..{upper} that do not match {text!r}",
            )
        ]
    return []


def history_mismatches(store: Store) -> list[Finding]:
    """Records whose revision log, replayed from the start, does not give them as stored.

    The log is complete when every write left an entry: replaying creations,
    updates and deletions then rebuilds exactly the records in the database.
    Linear in the log and the records, and holding one record's history at a
    time: for each kind, the log is read in key order (through its index) and
    merged with the records read in key order.
    """
    findings: list[Finding] = []
    with store.reading() as session:
        for kind in RecordKind:
            findings += _compare_history(kind, _logged(session, kind), _stored(session, kind))
    return findings


def _logged(session: Session, kind: RecordKind) -> Iterator[tuple[str, Fields | None, list[str]]]:
    """Each record of ``kind`` the log names, in key order: its fields as the log
    leaves them (None if deleted), and what in its history did not add up."""
    rows = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.record_kind == kind.value)
        .order_by(RevisionRow.record_key, RevisionRow.id)
        .execution_options(yield_per=BATCH)
    )
    for key, history in groupby(rows, key=lambda row: row.record_key):
        state, gaps = replay(to_revision(row) for row in history)
        yield key, state.get((kind, key)), gaps


def _stored(session: Session, kind: RecordKind) -> Iterator[tuple[str, Fields | str]]:
    """Each record of ``kind`` in the database, in key order, as fields; or,
    for a record that cannot be read (a stored date no longer valid), why."""
    rows = session.scalars(
        select_rows(kind).order_by(ROW_TYPES[kind].key).execution_options(yield_per=BATCH)
    )
    for row in rows:
        try:
            yield row.key, record_fields(to_record(row))
        except ValueError as error:  # DateError, or a value outside its enum
            yield row.key, str(error)


def _compare_history(
    kind: RecordKind,
    logged: Iterator[tuple[str, Fields | None, list[str]]],
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

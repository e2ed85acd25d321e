"""The ``check`` command's findings: database integrity, then the data's own rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.serial import record_fields
from viewer.store.engine import integrity_problems
from viewer.store.history import replay
from viewer.store.mapping import ROW_TYPES
from viewer.store.schema import CitationRow, SourceRow, Versioned
from viewer.store.store import Store

# Records that state claims and so need evidence, with their citation column.
CLAIMS = {
    RecordKind.ACCORD: CitationRow.accord_id,
    RecordKind.PARTY: CitationRow.party_id,
    RecordKind.PERSON: CitationRow.person_id,
    RecordKind.STATUS_ACTION: CitationRow.status_action_id,
    RecordKind.EVENT: CitationRow.event_id,
}
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
        for row in session.scalars(select(row_type).order_by(row_type.id)):
            for prefix in prefixes:
                findings += _check_date(kind, row, prefix)
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


def _check_date(kind: RecordKind, row: Versioned, prefix: str) -> list[Finding]:
    text: str | None = getattr(row, f"{prefix}_edtf")
    lower: date | None = getattr(row, f"{prefix}_lower")
    upper: date | None = getattr(row, f"{prefix}_upper")
    where = f"{kind.label} {row.key!r} {prefix.replace('_', ' ')}"
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
    """
    replayed, gaps = replay(store.revisions())
    findings = [Finding("history", gap) for gap in gaps]
    for kind in RecordKind:
        for record in store.all(kind):
            logged = replayed.pop((kind, record.key), None)
            if logged != record_fields(record):
                findings.append(
                    Finding(
                        "history",
                        f"the revision log does not account for {kind.label} {record.key!r} "
                        "as stored",
                    )
                )
    for kind, key in replayed:
        findings.append(
            Finding(
                "history",
                f"the revision log holds {kind.label} {key!r}, which is not in the database",
            )
        )
    return findings

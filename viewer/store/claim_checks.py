"""Competing claims against the database: what a save or an import must not
break (the rules are :func:`viewer.domain.claims.competition_problems`), and
the import's second pass that links alternatives to their first claims."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.orm import Session, aliased

from viewer.domain.claims import competition_problems
from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.records import Record, StatusAction
from viewer.domain.serial import Problem
from viewer.store.errors import InvalidRecord
from viewer.store.mapping import select_rows, to_record
from viewer.store.schema import AccordRow, PartyRow, StatusActionRow

# The most competing claims a message names (a group is a handful of claims).
COMPETITORS_READ = 50
# Keys looked up per query, as in viewer.store.bulk.
_KEYS_PER_QUERY = 500


def claim_problems(session: Session, record: Record) -> list[Problem]:
    """What is wrong with saving ``record`` (a status action) among the claims
    stored: the one it competes with must exist, be a first claim, and be a
    step of the same participant in the same accord; the claims competing with
    it must stay so."""
    if not isinstance(record, StatusAction):
        return []
    target = None
    if record.alternative_of:
        row = session.scalar(
            select_rows(RecordKind.STATUS_ACTION).where(
                StatusActionRow.key == record.alternative_of
            )
        )
        target = _claim(row)
    first = aliased(StatusActionRow, name="first_claim")
    competitors = [
        claim
        for row in session.scalars(
            select_rows(RecordKind.STATUS_ACTION)
            .join(first, StatusActionRow.alternative_of_id == first.id)
            .where(first.key == record.key)
            .order_by(StatusActionRow.id)
            .limit(COMPETITORS_READ)
        )
        if (claim := _claim(row)) is not None
    ]
    return competition_problems(record, target, competitors)


# Where a write transaction's session lists the status actions it wrote.
_WRITTEN = "claims written"


def note_written(session: Session, record: Record) -> None:
    """Remember that this transaction wrote ``record`` (a status action), to
    check its group once the whole write is done (:func:`check_written`)."""
    if isinstance(record, StatusAction):
        session.info.setdefault(_WRITTEN, set()).add(record.key)


def check_written(session: Session) -> None:
    """Refuse the write (:class:`InvalidRecord`) if a status action it wrote
    breaks the rules of competing claims as the write leaves them. Checked at
    the end, not record by record: a merge moves a group's claims to another
    participant one at a time, and in between the group is split."""
    for key in sorted(session.info.pop(_WRITTEN, ())):
        row = session.scalar(
            select_rows(RecordKind.STATUS_ACTION).where(StatusActionRow.key == key)
        )
        claim = _claim(row)
        if claim is not None:
            problems = claim_problems(session, claim)
            if problems:
                raise InvalidRecord(problems, RecordKind.STATUS_ACTION)


def _claim(row: StatusActionRow | None) -> StatusAction | None:
    record = to_record(row) if row is not None else None
    return record if isinstance(record, StatusAction) else None


class ImportedClaims:
    """The status actions of an import, and those of the database they
    compete with, to check each claim with set look-ups (linear)."""

    def __init__(
        self,
        connection: Connection,
        groups: Sequence[tuple[RecordKind, Sequence[Record]]],
        in_database: Mapping[RecordKind, Mapping[str, int]],
    ) -> None:
        self.new: dict[str, StatusAction] = {}
        self.competitors: dict[str, list[StatusAction]] = {}
        for kind, records in groups:
            if kind is RecordKind.STATUS_ACTION:
                for record in records:
                    if isinstance(record, StatusAction):
                        self.new.setdefault(record.key, record)
                        if record.alternative_of:
                            self.competitors.setdefault(record.alternative_of, []).append(record)
        wanted = {
            record.alternative_of
            for record in self.new.values()
            if record.alternative_of and record.alternative_of not in self.new
        }
        stored = in_database.get(RecordKind.STATUS_ACTION, {})
        self.stored = _stored_claims(connection, sorted(k for k in wanted if k in stored))

    def problems(self, record: StatusAction) -> list[Problem]:
        if not record.alternative_of:
            target = None
        else:
            target = self.new.get(record.alternative_of) or self.stored.get(record.alternative_of)
        return competition_problems(record, target, self.competitors.get(record.key, ()))


def _stored_claims(connection: Connection, keys: list[str]) -> dict[str, StatusAction]:
    """The stored status actions of ``keys``, with what the rules compare."""
    first = aliased(StatusActionRow, name="first_claim")
    found: dict[str, StatusAction] = {}
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        query = (
            select(
                StatusActionRow.key, AccordRow.key, PartyRow.key, StatusActionRow.action, first.key
            )
            .join(AccordRow, StatusActionRow.accord_id == AccordRow.id)
            .join(PartyRow, StatusActionRow.party_id == PartyRow.id)
            .outerjoin(first, StatusActionRow.alternative_of_id == first.id)
            .where(StatusActionRow.key.in_(chunk))
        )
        for key, accord, party, action, alternative_of in connection.execute(query):
            found[key] = StatusAction(
                key=key,
                accord=accord,
                party=party,
                action=StatusKind(action),
                alternative_of=alternative_of,
            )
    return found


def link_alternatives(
    connection: Connection, claims: Iterable[StatusAction], ids: Mapping[str, int]
) -> None:
    """Point each imported alternative at its first claim, once both are
    written (a claim may compete with one later in the file)."""
    table: Any = StatusActionRow.__table__
    values = [
        {"row_id": ids[claim.key], "first_id": ids[claim.alternative_of]}
        for claim in claims
        if claim.alternative_of
    ]
    if values:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(alternative_of_id=bindparam("first_id")),
            values,
        )

"""The search language's field filters, as SQL conditions on each kind's table.

``party:``, ``person:``, ``accord:`` and ``source:`` name records by key, name,
ISO code, initials or publisher; ``status:`` and ``certainty:`` read the
enums; ``after:``, ``before:`` and ``year:`` read a date by its earliest day
(an index range); ``has:`` and ``missing:`` ask for citations, quotes, dates.
A filter that cannot apply to a kind matches none of it. A participant
found by its steps (in an accord, of a status, by a date) is found by the
steps that count (:mod:`viewer.store.claim_rule`); a step itself matches by
its own values, whatever its rank. These conditions are plain SQL: only
naming a record by words of its name goes through the full-text index
(:mod:`viewer.store.search_index`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, not_, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute

from viewer.domain.enums import Certainty, RecordKind, StatusKind
from viewer.domain.query import Filter, Term, enum_value, kind_named, read_date, searchable
from viewer.store import claim_rule, search_index
from viewer.store.mapping import LABEL_COLUMNS, ROW_TYPES
from viewer.store.schema import (
    AccordRow,
    CitationRow,
    EventRoleRow,
    EventRow,
    PartyRow,
    PersonRow,
    SourceRow,
    StatusActionRow,
    Versioned,
)

# Filters read a date by its earliest day, which each table indexes or can.
DATES: dict[RecordKind, InstrumentedAttribute[object]] = {
    RecordKind.ACCORD: AccordRow.first_signed_lower,
    RecordKind.SOURCE: SourceRow.published_lower,
    RecordKind.STATUS_ACTION: StatusActionRow.date_lower,
    RecordKind.EVENT: EventRow.date_lower,
}
# The citation column that points at each kind of claim.
_CLAIMS: dict[RecordKind, InstrumentedAttribute[int | None]] = {
    RecordKind.ACCORD: CitationRow.accord_id,
    RecordKind.PARTY: CitationRow.party_id,
    RecordKind.PERSON: CitationRow.person_id,
    RecordKind.STATUS_ACTION: CitationRow.status_action_id,
    RecordKind.EVENT: CitationRow.event_id,
}


def filter_condition(kind: RecordKind, found: Filter) -> ColumnElement[bool]:
    if not found.value:
        return true()  # explained in the query's notes; it narrows nothing
    build = _FILTERS[found.name]
    # A comparison with a missing value (an undated record, a person of no
    # participant) is unknown in SQL, and NOT unknown is unknown too: count
    # it as "does not match", so that the filter's negation keeps the row.
    return func.coalesce(build(kind, found.value), false())


def _kind_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    return true() if kind_named(value) is kind else false()


def _named(row_type: type[Versioned], value: str) -> Select[Any]:
    """Rows of a kind named by ``value``: exactly (its key, its name in any case,
    a participant's ISO code) if any row is; otherwise by words of its name
    (through the index), a participant's initials ("UAE"), a source's publisher."""
    kind = next(k for k, t in ROW_TYPES.items() if t is row_type)
    label = LABEL_COLUMNS[kind]
    folded = searchable(value)  # as the SQL function casefold folds
    exact = [row_type.key == value, func.casefold(label) == folded]
    if row_type is PartyRow:
        exact.append(PartyRow.iso_code == value.upper())
    loose = []
    if row_type is PartyRow:
        loose.append(func.initials(PartyRow.name) == value.upper())
    if row_type is SourceRow:
        loose.append(func.casefold(SourceRow.publisher) == folded)
    words = search_index.AnyOf((Term(value, phrase=True), Term(value)), label=True)
    loose.append(row_type.id.in_(search_index.indexed_ids(kind, words)))
    any_exact = select(row_type.id).where(or_(*exact)).exists()
    return select(row_type.id).where(
        or_(and_(any_exact, or_(*exact)), and_(~any_exact, or_(*loose)))
    )


def _party_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    parties = _named(PartyRow, value)
    actions = select(StatusActionRow.id).where(StatusActionRow.party_id.in_(parties))
    events = select(EventRoleRow.event_id).where(EventRoleRow.party_id.in_(parties))
    match kind:
        case RecordKind.PARTY:
            return PartyRow.id.in_(parties)
        case RecordKind.PERSON:
            return PersonRow.party_id.in_(parties)
        case RecordKind.STATUS_ACTION:
            return StatusActionRow.party_id.in_(parties)
        case RecordKind.EVENT:
            return EventRow.id.in_(events)
        case RecordKind.ACCORD:  # by a step of the party in it that counts
            return AccordRow.id.in_(
                select(StatusActionRow.accord_id).where(
                    StatusActionRow.party_id.in_(parties), claim_rule.counts(StatusActionRow)
                )
            )
        case RecordKind.SOURCE:
            return SourceRow.id.in_(
                select(CitationRow.source_id).where(
                    or_(
                        CitationRow.party_id.in_(parties),
                        CitationRow.status_action_id.in_(actions),
                        CitationRow.event_id.in_(events),
                    )
                )
            )
    return false()


def _person_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    people = _named(PersonRow, value)
    events = select(EventRoleRow.event_id).where(EventRoleRow.person_id.in_(people))
    match kind:
        case RecordKind.PERSON:
            return PersonRow.id.in_(people)
        case RecordKind.EVENT:
            return EventRow.id.in_(events)
        case RecordKind.PARTY:
            return PartyRow.id.in_(select(PersonRow.party_id).where(PersonRow.id.in_(people)))
        case RecordKind.SOURCE:
            return SourceRow.id.in_(
                select(CitationRow.source_id).where(
                    or_(CitationRow.person_id.in_(people), CitationRow.event_id.in_(events))
                )
            )
    return false()


def _accord_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    accords = _named(AccordRow, value)
    actions = select(StatusActionRow.id).where(StatusActionRow.accord_id.in_(accords))
    events = select(EventRow.id).where(EventRow.accord_id.in_(accords))
    match kind:
        case RecordKind.ACCORD:
            return AccordRow.id.in_(accords)
        case RecordKind.STATUS_ACTION:
            return StatusActionRow.accord_id.in_(accords)
        case RecordKind.EVENT:
            return EventRow.accord_id.in_(accords)
        case RecordKind.PARTY:  # with a step in it that counts, or a role in its events
            return or_(
                PartyRow.id.in_(
                    select(StatusActionRow.party_id).where(
                        StatusActionRow.accord_id.in_(accords), claim_rule.counts(StatusActionRow)
                    )
                ),
                PartyRow.id.in_(
                    select(EventRoleRow.party_id).where(EventRoleRow.event_id.in_(events))
                ),
            )
        case RecordKind.PERSON:  # of a participant (a step in it that counts)
            return PersonRow.party_id.in_(
                select(StatusActionRow.party_id).where(
                    StatusActionRow.accord_id.in_(accords), claim_rule.counts(StatusActionRow)
                )
            )
        case RecordKind.SOURCE:  # cited for the accord, its status actions or its events
            return SourceRow.id.in_(
                select(CitationRow.source_id).where(
                    or_(
                        CitationRow.accord_id.in_(accords),
                        CitationRow.status_action_id.in_(actions),
                        CitationRow.event_id.in_(events),
                    )
                )
            )
    return false()


def _status_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    action = enum_value(StatusKind, value)
    if action is None:
        return false()
    if kind is RecordKind.STATUS_ACTION:
        return StatusActionRow.action == action
    if kind is RecordKind.PARTY:
        return PartyRow.id.in_(
            select(StatusActionRow.party_id).where(
                StatusActionRow.action == action, claim_rule.counts(StatusActionRow)
            )
        )
    return false()


def _certainty_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    certainty = enum_value(Certainty, value)
    if certainty is None:
        return false()
    if kind is RecordKind.STATUS_ACTION:
        return StatusActionRow.certainty == certainty
    if kind is RecordKind.EVENT:
        return EventRow.certainty == certainty
    return false()


def _dated(kind: RecordKind, test: str, value: str) -> ColumnElement[bool]:
    if test == "year":
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 9999):
            return false()
        wanted = read_date(f"{int(value):04d}")
    else:
        wanted = read_date(value)
    if wanted is None:
        return false()
    if kind is RecordKind.PARTY:
        return PartyRow.id.in_(
            select(StatusActionRow.party_id).where(
                _dated(RecordKind.STATUS_ACTION, test, value), claim_rule.counts(StatusActionRow)
            )
        )
    if kind not in DATES:
        return false()
    lower = DATES[kind]
    if test == "after" and wanted.lower is not None:
        return lower >= wanted.lower
    if test == "before" and wanted.lower is not None:
        return lower < wanted.lower
    if test == "year" and wanted.lower is not None and wanted.upper is not None:
        # By the earliest day the date can mean: a range of the date's index.
        return and_(lower >= wanted.lower, lower <= wanted.upper)
    return false()


def _presence(kind: RecordKind, value: str, wanted: bool) -> ColumnElement[bool]:
    what = value.casefold().rstrip("s")
    found: ColumnElement[bool]
    if what == "date" and kind is RecordKind.PARTY:  # dated by its steps that count
        found = PartyRow.id.in_(
            select(StatusActionRow.party_id).where(
                StatusActionRow.date_lower.is_not(None), claim_rule.counts(StatusActionRow)
            )
        )
    elif what == "date":
        found = DATES[kind].is_not(None) if kind in DATES else false()
    elif what in ("citation", "quote"):
        quoted = CitationRow.quote != "" if what == "quote" else true()
        if kind is RecordKind.SOURCE:
            found = SourceRow.id.in_(select(CitationRow.source_id).where(quoted))
        else:
            claim = _CLAIMS[kind]
            found = ROW_TYPES[kind].id.in_(select(claim).where(claim.is_not(None), quoted))
    else:
        return false()
    return found if wanted else not_(found)


def _source_filter(kind: RecordKind, value: str) -> ColumnElement[bool]:
    sources = _named(SourceRow, value)
    if kind is RecordKind.SOURCE:
        return SourceRow.id.in_(sources)
    claim = _CLAIMS[kind]
    return ROW_TYPES[kind].id.in_(
        select(claim).where(claim.is_not(None), CitationRow.source_id.in_(sources))
    )


_FILTERS: dict[str, Callable[[RecordKind, str], ColumnElement[bool]]] = {
    "kind": _kind_filter,
    "party": _party_filter,
    "person": _person_filter,
    "accord": _accord_filter,
    "status": _status_filter,
    "certainty": _certainty_filter,
    "source": _source_filter,
    "after": lambda kind, value: _dated(kind, "after", value),
    "before": lambda kind, value: _dated(kind, "before", value),
    "year": lambda kind, value: _dated(kind, "year", value),
    "has": lambda kind, value: _presence(kind, value, True),
    "missing": lambda kind, value: _presence(kind, value, False),
}

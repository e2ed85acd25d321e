"""The lists the window shows: columns, filtering, sorting and paging in SQL.

Each list is read a page at a time, filtered and sorted by the database, so
that a list of a million events opens as fast as a list of ten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import aliased

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import Certainty, EventKind, RecordKind, StatusKind
from viewer.domain.views import ListRow
from viewer.store import claim_rule
from viewer.store.mapping import LABEL_COLUMNS, ROW_TYPES
from viewer.store.schema import (
    AccordRow,
    EventRow,
    PartyRow,
    PersonRow,
    SourceRow,
    StatusActionRow,
)
from viewer.store.search import condition, equals_text
from viewer.store.store import Store

PAGE_SIZE = 200
# The first limit of the counts that place a record in a list (see row_index).
FIRST_COUNT_LIMIT = 1_024


@dataclass(frozen=True)
class Column:
    """A list column: its header, what it selects, how it sorts and reads."""

    header: str
    value: Any
    sort: Any
    show: Callable[[Any], str] = str


def show_date(edtf: str | None) -> str:
    if not edtf:
        return ""
    try:
        return FuzzyDate.parse(edtf).display()
    except DateError:
        return edtf  # shown as stored; `check` reports it


def _label(enum: Any) -> Callable[[Any], str]:
    def label(value: Any) -> str:
        if not value:
            return ""
        try:
            return str(enum(value).label)
        except ValueError:
            return str(value)  # shown as stored; `check` reports it

    return label


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _count(value: Any) -> str:
    return "" if value is None else f"{int(value):,}"


def _show_since(edtf: str | None) -> str:
    # The same words as the detail pane's "Now" line for a step without a date.
    return "date not given" if edtf == "" else show_date(edtf)


# A party's current status, by the rule of viewer.domain.status: the latest
# step dated by today; steps without a date come after every dated step, so
# they hold unless a step of the party is dated after today. With an accord
# chosen (the "accord" parameter), only the steps in that accord count, the
# undated rule included; without one, every step of the party. Of competing
# claims, only those that count take part (claim_rule.counts). One indexed
# lookup by party (ix on party_id) per row of a page, LIMIT 1.
_current = aliased(StatusActionRow, name="current_action")
_later = aliased(StatusActionRow, name="later_action")
_today = bindparam("today", type_=Date)
_accord_key = bindparam("accord", type_=String)
_chosen_accord = select(AccordRow.id).where(AccordRow.key == _accord_key).scalar_subquery()


def _in_chosen_accord(action: Any) -> ColumnElement[bool]:
    return or_(_accord_key.is_(None), action.accord_id == _chosen_accord)


_latest_action = (
    select(StatusActionRow.id)
    .where(
        StatusActionRow.party_id == PartyRow.id,
        _in_chosen_accord(StatusActionRow),
        claim_rule.counts(StatusActionRow),
        or_(
            StatusActionRow.date_lower <= _today,
            and_(
                StatusActionRow.date_lower.is_(None),
                ~select(_later.id)
                .where(
                    _later.party_id == PartyRow.id,
                    _in_chosen_accord(_later),
                    _later.date_lower > _today,
                    claim_rule.counts(_later),
                )
                .correlate(PartyRow)
                .exists(),
            ),
        ),
    )
    .order_by(
        StatusActionRow.date_lower.is_(None).desc(),
        StatusActionRow.date_lower.desc(),
        StatusActionRow.id.desc(),
    )
    .limit(1)
    .correlate(PartyRow)
    .scalar_subquery()
)
# An accord's counts: each a correlated count through an index on accord_id
# (ix_status_actions_accord_id, ix_events_accord_id), for the page's rows only.
# A participant is a party with a step in the accord that counts: one whose
# every step there is deprecated is not one.
_accord_participants = (
    select(func.count(func.distinct(StatusActionRow.party_id)))
    .where(StatusActionRow.accord_id == AccordRow.id, claim_rule.counts(StatusActionRow))
    .correlate(AccordRow)
    .scalar_subquery()
)
_accord_events = (
    select(func.count(EventRow.id))
    .where(EventRow.accord_id == AccordRow.id)
    .correlate(AccordRow)
    .scalar_subquery()
)
# Statuses sort in the order of their steps (StatusKind's declaration order),
# not by the alphabet of their stored names.
_status_order = case(
    {kind.value: position for position, kind in enumerate(StatusKind)},
    value=_current.action,
)
# "" for a current step without a date, None for a party with no status.
_since = case((_current.id.is_(None), None), else_=func.coalesce(_current.date_edtf, ""))
_person_party = aliased(PartyRow, name="person_party")

COLUMNS: dict[RecordKind, tuple[Column, ...]] = {
    RecordKind.ACCORD: (
        Column("Name", AccordRow.name, AccordRow.name),
        Column(
            "First signed", AccordRow.first_signed_edtf, AccordRow.first_signed_lower, show_date
        ),
        Column("Participants", _accord_participants, _accord_participants, _count),
        Column("Events", _accord_events, _accord_events, _count),
    ),
    RecordKind.PARTY: (
        Column("Name", PartyRow.name, PartyRow.name),
        Column("ISO code", PartyRow.iso_code, PartyRow.iso_code, _text),
        Column("Current status", _current.action, _status_order, _label(StatusKind)),
        Column("Since", _since, _current.date_lower, _show_since),
    ),
    RecordKind.EVENT: (
        Column("Date", EventRow.date_edtf, EventRow.date_lower, show_date),
        Column("Title", EventRow.title, EventRow.title),
        Column("Kind", EventRow.event_kind, EventRow.event_kind, _label(EventKind)),
        Column("Certainty", EventRow.certainty, EventRow.certainty, _label(Certainty)),
        Column("Parties", EventRow.parties, EventRow.parties, _text),
    ),
    RecordKind.PERSON: (
        Column("Name", PersonRow.name, PersonRow.name),
        Column("Office", PersonRow.office, PersonRow.office),
        Column("Party", _person_party.name, _person_party.name, _text),
    ),
    RecordKind.SOURCE: (
        Column("Title", SourceRow.title, SourceRow.title),
        Column("Publisher", SourceRow.publisher, SourceRow.publisher),
        Column("Date", SourceRow.published_edtf, SourceRow.published_lower, show_date),
        Column("Claims", SourceRow.claims, SourceRow.claims, _text),
    ),
}


@dataclass(frozen=True)
class ListQuery:
    """Which rows of a list, in which order: a filter text and a sort column.

    ``accord`` (a key) makes the participants' current status and its date
    those of their steps in that accord only; None counts every accord.
    """

    kind: RecordKind
    text: str = ""
    sort_column: int = 0
    descending: bool = False
    accord: str | None = None


def headers(kind: RecordKind) -> tuple[str, ...]:
    return tuple(column.header for column in COLUMNS[kind])


def count_rows(store: Store, query: ListQuery) -> int:
    row_type = ROW_TYPES[query.kind]
    statement = select(func.count()).select_from(row_type).where(_filter(query))
    with store.failures_explained("counting the list"), store.reading() as session:
        return session.scalar(statement) or 0


def fetch_rows(
    store: Store, query: ListQuery, offset: int, limit: int, total: int | None = None
) -> list[ListRow]:
    """The rows ``offset`` to ``offset + limit`` of the list.

    Given the list's ``total``, a page in the list's second half is read
    from its end, in the reverse order, so that the last page of a million
    rows skips a few rows rather than 999,800.
    """
    columns = COLUMNS[query.kind]
    row_type = ROW_TYPES[query.kind]
    from_end = total is not None and offset > total // 2
    if total is not None and from_end:
        limit = max(min(limit, total - offset), 0)
        offset = max(total - offset - limit, 0)
    # Choose the page by id first, so that the display columns (some of them
    # subqueries) are computed for the page's rows only, not the whole table.
    page = (
        _joined(query, select(row_type.id))
        .where(_filter(query))
        .order_by(*_order_by(query, reverse=from_end))
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    statement = _ordered(query, _base(query).join(page, page.c.id == row_type.id))
    with store.failures_explained("reading a page of the list"), store.reading() as session:
        rows = [
            ListRow(key, tuple(c.show(v) for c, v in zip(columns, values, strict=True)))
            for key, *values in session.execute(statement, _params(query))
        ]
        if len(rows) < limit:
            # A short page (the last one, mostly): in one read, rows its index
            # lists but the table does not hold are a damaged table page, which
            # SQLite can read as empty without an error.
            listed = session.scalar(select(func.count()).select_from(page), _params(query)) or 0
            if listed > len(rows):
                raise store.damage_found(
                    f"{listed - len(rows)} rows of the {row_type.__tablename__} table that "
                    "its index lists are missing"
                )
        return rows


def row_index(store: Store, query: ListQuery, key: str, total: int | None = None) -> int | None:
    """Where ``key`` falls in the list (0-based), or None if the filter hides it.

    A count of the rows that sort before it, by the same order as the list
    (the sort column, missing values last, then the id in the same
    direction): on an indexed column, an index range. Given the list's
    ``total``, the rows after it are counted too, each count stopped at a
    limit that grows eightfold, so that the cost follows the record's
    distance from the nearer end of the list: the last of a million rows is
    found as fast as the first.
    """
    row_type = ROW_TYPES[query.kind]
    columns = COLUMNS[query.kind]
    sort = columns[query.sort_column if 0 <= query.sort_column < len(columns) else 0].sort
    target = _joined(query, select(row_type.id, sort)).where(row_type.key == key, _filter(query))
    with store.failures_explained("finding a record in the list"), store.reading() as session:
        found = session.execute(target, _params(query)).first()
        if found is None:
            return None
        target_id, value = found
        # Each side of the record as parts that do not overlap, each a range
        # of the sort column's index where there is one: (value, id) pairs
        # compared as row values, and the missing values (which sort last).
        pair, here = tuple_(sort, row_type.id), tuple_(value, target_id)
        earlier_id = row_type.id > target_id if query.descending else row_type.id < target_id
        later_id = row_type.id < target_id if query.descending else row_type.id > target_id
        if value is None:
            before = [sort.is_not(None), and_(sort.is_(None), earlier_id)]
            after = [and_(sort.is_(None), later_id)]
        else:
            before = [pair > here if query.descending else pair < here]
            after = [pair < here if query.descending else pair > here, sort.is_(None)]

        def count(parts: list[ColumnElement[bool]], limit: int | None) -> int:
            """The rows of ``parts``, counted up to ``limit`` at most."""
            counted = 0
            for part in parts:
                rows = _joined(query, select(row_type.id)).where(_filter(query), part)
                if limit is not None:
                    rows = rows.limit(limit - counted)
                counted += int(
                    session.scalar(
                        select(func.count()).select_from(rows.subquery()), _params(query)
                    )
                    or 0
                )
                if limit is not None and counted >= limit:
                    break
            return counted

        if total is None:
            return count(before, None)
        limit = FIRST_COUNT_LIMIT
        while True:
            later = count(after, limit)
            if later < limit:
                return total - 1 - later
            earlier = count(before, limit)
            if earlier < limit:
                return earlier
            limit *= 8


def _params(query: ListQuery) -> dict[str, Any]:
    """The parameters of the list queries: today and the chosen accord, for a
    party's current status."""
    return {"today": date.today(), "accord": query.accord}


def _base(query: ListQuery) -> Select[Any]:
    row_type = ROW_TYPES[query.kind]
    columns = (column.value for column in COLUMNS[query.kind])
    return _joined(query, select(row_type.key, *columns)).where(_filter(query))


def _joined(query: ListQuery, statement: Select[Any]) -> Select[Any]:
    """``statement`` with the joins that the kind's columns need."""
    if query.kind is RecordKind.PARTY:
        return statement.outerjoin(_current, _current.id == _latest_action)
    if query.kind is RecordKind.PERSON:
        return statement.outerjoin(_person_party, _person_party.id == PersonRow.party_id)
    return statement


def _order_by(query: ListQuery, *, reverse: bool = False) -> list[Any]:
    """The list's order (missing values last, ties by id the same way, so that
    one index serves both directions), or exactly its reverse."""
    columns = COLUMNS[query.kind]
    sort = columns[query.sort_column if 0 <= query.sort_column < len(columns) else 0].sort
    row_id = ROW_TYPES[query.kind].id
    if query.descending != reverse:
        ordered, tie = sort.desc(), row_id.desc()
    else:
        ordered, tie = sort.asc(), row_id.asc()
    return [ordered.nulls_first() if reverse else ordered.nulls_last(), tie]


def _ordered(query: ListQuery, statement: Select[Any]) -> Select[Any]:
    return statement.order_by(*_order_by(query))


def _filter(query: ListQuery) -> ColumnElement[bool]:
    return condition(query.kind, query.text)


def key_for_name(store: Store, kind: RecordKind, name: str) -> str | None:
    """The key of the record of ``kind`` called ``name`` (any case), or with that key."""
    row_type, label = ROW_TYPES[kind], LABEL_COLUMNS[kind]
    with store.reading() as session:
        for condition in (row_type.key == name.strip(), equals_text(label, name)):
            found = session.scalar(select(row_type.key).where(condition).limit(1))
            if found is not None:
                return str(found)
    return None

"""Search: the query language (:mod:`viewer.domain.query`) run on the index.

The words of a query become one full-text match on the index
(:mod:`viewer.store.search_index`), each word quoted so that nothing typed is
read as the index's own syntax; its filters become SQL conditions on each
kind's table. The lists, "search everything", the facets and the ``search``
command all go through :func:`condition` and :func:`search`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    text,
    true,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from viewer.domain.enums import Certainty, RecordKind, StatusKind
from viewer.domain.query import (
    MATCH_END,
    MATCH_START,
    Filter,
    Query,
    Term,
    enum_value,
    kind_named,
    parse,
    read_date,
)
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
from viewer.store.search_index import KIND_CODES, TABLE


class Reader(Protocol):
    """What a search reads through: the store's read transactions. (The store
    itself uses this module's text comparisons, so it is not imported here.)"""

    def reading(self) -> Session: ...


DEFAULT_LIMIT = 200
_INDEX = table(TABLE, column("rowid"), column("rank"))
SNIPPET_WORDS = 12

# Each kind's date, for after:, before: and year: (participants and people
# have none of their own; a participant is dated by its status actions).
# Filters read a date by its earliest day, which each table indexes or can.
_DATES: dict[RecordKind, InstrumentedAttribute[object]] = {
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


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: RecordKind
    key: str
    label: str
    # The best matching stretch of the record's text, its matches between
    # MATCH_START and MATCH_END (see viewer.domain.query.spans).
    snippet: str = ""


@dataclass(frozen=True)
class Facets:
    """How the hits of a query divide, for narrowing it further."""

    kinds: dict[RecordKind, int]
    statuses: dict[StatusKind, int]
    certainties: dict[Certainty, int]
    years: dict[int, int]


def as_query(query: str | Query) -> Query:
    return parse(query) if isinstance(query, str) else query


def search(
    store: Reader,
    query: str | Query,
    limit: int = DEFAULT_LIMIT,
    kinds: tuple[RecordKind, ...] = tuple(KIND_CODES),
) -> list[SearchHit]:
    """The records matching ``query``, by kind, the best matches of each first."""
    parsed = as_query(query)
    if parsed.empty:
        return []
    hits: list[SearchHit] = []
    with store.reading() as session:
        for kind in kinds:
            if len(hits) >= limit:
                break
            hits.extend(_hits(session, kind, parsed, limit - len(hits)))
    return hits


def counts(store: Reader, query: str | Query) -> dict[RecordKind, int]:
    """How many records of each kind match ``query``."""
    parsed = as_query(query)
    with store.reading() as session:
        return {
            kind: int(
                session.scalar(
                    select(func.count()).select_from(ROW_TYPES[kind]).where(condition(kind, parsed))
                )
                or 0
            )
            for kind in KIND_CODES
        }


def facets(store: Reader, query: str | Query) -> Facets:
    """How the matches divide. Each count is what adding that facet's filter
    would leave: a status or a year counts the participants it names too
    (by their status actions), as ``status:`` and ``year:`` find them."""
    parsed = as_query(query)
    kinds = counts(store, parsed)
    statuses: dict[StatusKind, int] = {}
    certainties: dict[Certainty, int] = {}
    years: dict[int, int] = {}
    action_year = func.strftime("%Y", StatusActionRow.date_lower)
    with store.reading() as session:
        matching_parties = select(PartyRow.id).where(condition(RecordKind.PARTY, parsed))
        for statement in (
            select(StatusActionRow.action, func.count())
            .where(condition(RecordKind.STATUS_ACTION, parsed))
            .group_by(StatusActionRow.action),
            select(StatusActionRow.action, func.count(func.distinct(StatusActionRow.party_id)))
            .where(StatusActionRow.party_id.in_(matching_parties))
            .group_by(StatusActionRow.action),
        ):
            for value, number in session.execute(statement):
                statuses[StatusKind(value)] = statuses.get(StatusKind(value), 0) + number
        for kind, certainty in (
            (RecordKind.STATUS_ACTION, StatusActionRow.certainty),
            (RecordKind.EVENT, EventRow.certainty),
        ):
            for value, number in session.execute(
                select(certainty, func.count()).where(condition(kind, parsed)).group_by(certainty)
            ):
                certainties[Certainty(value)] = certainties.get(Certainty(value), 0) + number
        by_year = [
            select(func.strftime("%Y", _DATES[kind]), func.count())
            .where(condition(kind, parsed), _DATES[kind].is_not(None))
            .group_by(func.strftime("%Y", _DATES[kind]))
            for kind in _DATES
        ]
        by_year.append(
            select(action_year, func.count(func.distinct(StatusActionRow.party_id)))
            .where(
                StatusActionRow.party_id.in_(matching_parties),
                StatusActionRow.date_lower.is_not(None),
            )
            .group_by(action_year)
        )
        for statement in by_year:
            for value, number in session.execute(statement):
                years[int(value)] = years.get(int(value), 0) + number
    return Facets(kinds, statuses, certainties, dict(sorted(years.items())))


def condition(kind: RecordKind, query: str | Query) -> ColumnElement[bool]:
    """Which rows of ``kind``'s table match ``query``: its words through the
    index, and each filter (a filter that cannot apply to the kind matches none)."""
    parsed = as_query(query)
    row_type = ROW_TYPES[kind]
    parts: list[ColumnElement[bool]] = []
    matching = _match(parsed)
    if matching is not None:
        parts.append(row_type.id.in_(_indexed_ids(kind, matching)))
    elif parsed.excluded:
        excluded = _any_of(parsed.excluded)
        parts.append(row_type.id.not_in(_indexed_ids(kind, excluded)))
    for found in parsed.filters:
        applied = _filter(kind, found)
        parts.append(not_(applied) if found.negated else applied)
    return and_(true(), *parts)


# -- the full-text part --------------------------------------------------------


def _quoted(term: Term) -> str:
    """One term in the index's syntax: a quoted string, a prefix unless it is a
    phrase or a single character (a lone letter matches as a whole word)."""
    body = '"' + term.text.replace('"', '""') + '"'
    return body if term.phrase or len(term.text) < 2 else body + " *"


def _any_of(terms: tuple[Term, ...]) -> str:
    return "(" + " OR ".join(_quoted(term) for term in terms) + ")"


def _match(query: Query) -> str | None:
    """The index match for the query's words, or None if it has none to match."""
    if not query.groups:
        return None
    expression = " AND ".join(_any_of(group) for group in query.groups)
    if query.excluded:
        expression = f"({expression}) NOT {_any_of(query.excluded)}"
    return expression


def _indexed_ids(kind: RecordKind, expression: str) -> Select[Any]:
    matched = text(f"{TABLE} MATCH :match").bindparams(bindparam("match", expression, unique=True))
    return (
        select(_INDEX.c.rowid.op(">>")(3))
        .select_from(_INDEX)
        .where(matched, _INDEX.c.rowid.op("&")(7) == KIND_CODES[kind])
    )


def _hits(session: Session, kind: RecordKind, query: Query, limit: int) -> list[SearchHit]:
    row_type, label = ROW_TYPES[kind], LABEL_COLUMNS[kind]
    matching = _match(query)
    if matching is None:
        rows = session.execute(
            select(row_type.key, label)
            .where(condition(kind, query))
            .order_by(label, row_type.id)
            .limit(limit)
        )
        return [SearchHit(kind, key, text_) for key, text_ in rows]
    snippet: ColumnElement[str] = literal_column(
        f"snippet({TABLE}, -1, '{MATCH_START}', '{MATCH_END}', '…', {SNIPPET_WORDS})"
    )
    filters = [
        not_(_filter(kind, found)) if found.negated else _filter(kind, found)
        for found in query.filters
    ]
    # Records whose name or title holds every word come first, then the rest.
    # Each part is read in the index's own order and stops at the limit, so a
    # word found a million times costs no more than a rare one (ranking every
    # match by relevance would read them all).
    in_label = f"{{label}} : ({' AND '.join(_any_of(group) for group in query.groups)})"
    hits: list[SearchHit] = []
    for expression in (f"({in_label}) AND ({matching})", f"({matching}) NOT ({in_label})"):
        if len(hits) >= limit:
            break
        statement = (
            select(row_type.key, label, snippet)
            .select_from(_INDEX)
            .join(row_type, row_type.id == _INDEX.c.rowid.op(">>")(3))
            .where(
                text(f"{TABLE} MATCH :match").bindparams(
                    bindparam("match", expression, unique=True)
                ),
                _INDEX.c.rowid.op("&")(7) == KIND_CODES[kind],
                *filters,
            )
            .order_by(_INDEX.c.rowid.desc())
            .limit(limit - len(hits))
        )
        found = session.execute(statement)
        hits += [SearchHit(kind, key, text_, cut or "") for key, text_, cut in found]
    return hits


# -- the filters -----------------------------------------------------------------


def _filter(kind: RecordKind, found: Filter) -> ColumnElement[bool]:
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
    folded = value.casefold()
    exact = [row_type.key == value, func.casefold(label) == folded]
    if row_type is PartyRow:
        exact.append(PartyRow.iso_code == value.upper())
    loose = []
    if row_type is PartyRow:
        loose.append(func.initials(PartyRow.name) == value.upper())
    if row_type is SourceRow:
        loose.append(func.casefold(SourceRow.publisher) == folded)
    words = f"label : ({_quoted(Term(value, phrase=True))} OR {_quoted(Term(value))})"
    loose.append(row_type.id.in_(_indexed_ids(kind, words)))
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
        case RecordKind.ACCORD:
            return AccordRow.id.in_(
                select(StatusActionRow.accord_id).where(StatusActionRow.party_id.in_(parties))
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
        case RecordKind.PARTY:  # with a status action in it, or a role in its events
            return or_(
                PartyRow.id.in_(
                    select(StatusActionRow.party_id).where(StatusActionRow.accord_id.in_(accords))
                ),
                PartyRow.id.in_(
                    select(EventRoleRow.party_id).where(EventRoleRow.event_id.in_(events))
                ),
            )
        case RecordKind.PERSON:
            return PersonRow.party_id.in_(
                select(StatusActionRow.party_id).where(StatusActionRow.accord_id.in_(accords))
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
            select(StatusActionRow.party_id).where(StatusActionRow.action == action)
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
            select(StatusActionRow.party_id).where(_dated(RecordKind.STATUS_ACTION, test, value))
        )
    if kind not in _DATES:
        return false()
    lower = _DATES[kind]
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
    if what == "date" and kind is RecordKind.PARTY:  # dated by its status actions
        found = PartyRow.id.in_(
            select(StatusActionRow.party_id).where(StatusActionRow.date_lower.is_not(None))
        )
    elif what == "date":
        found = _DATES[kind].is_not(None) if kind in _DATES else false()
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


# -- plain text comparisons, for names ------------------------------------------


def equals_text(
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], text_: str
) -> ColumnElement[bool]:
    """``column`` is ``text_`` in any case (Unicode case folding, as Python's)."""
    return func.casefold(column) == text_.strip().casefold()

"""Search: the query language (:mod:`viewer.domain.query`) run on the index.

The words of a query become one full-text match on the index
(:mod:`viewer.store.search_index`), each word folded as the index's text is
and quoted so that nothing typed is read as the index's own syntax; its
filters become SQL conditions on each kind's table. A hit's snippet is cut
from the record's real text (:mod:`viewer.domain.snippets`). The lists,
"search everything", the facets and the ``search`` command all go through
:func:`condition` and :func:`search`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import (
    ColumnElement,
    and_,
    extract,
    func,
    not_,
    select,
    true,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from viewer.domain.enums import Certainty, RecordKind, StatusKind
from viewer.domain.query import (
    Filter,
    Query,
    parse,
    searchable,
)
from viewer.domain.search_limits import MAX_HITS
from viewer.domain.snippets import snippet
from viewer.store import claim_rule, search_index
from viewer.store.mapping import LABEL_COLUMNS, ROW_TYPES
from viewer.store.schema import (
    EventRow,
    PartyRow,
    StatusActionRow,
)
from viewer.store.search_filters import DATES, filter_condition
from viewer.store.search_index import KIND_CODES


class Reader(Protocol):
    """What a search reads through: the store's read transactions. (The store
    itself uses this module's text comparisons, so it is not imported here.)"""

    def reading(self) -> Session: ...


DEFAULT_LIMIT = 200

# Each kind's date, for after:, before: and year: (participants and people
# have none of their own; a participant is dated by its status actions).


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
    """``query`` read (a :class:`~viewer.domain.query.QueryError` if it is too long)."""
    return parse(query) if isinstance(query, str) else query


def search(
    store: Reader,
    query: str | Query,
    limit: int = DEFAULT_LIMIT,
    kinds: tuple[RecordKind, ...] = tuple(KIND_CODES),
    *,
    snippets: bool = True,
) -> list[SearchHit]:
    """The records matching ``query``, by kind, the best matches of each first:
    at most ``limit`` of them (and never more than ``MAX_HITS``), each
    with a snippet of its text unless ``snippets`` is false.

    Raises :class:`~viewer.domain.query.QueryError` for a query too long to search.
    """
    parsed = as_query(query)
    limit = min(limit, MAX_HITS)
    if parsed.empty or limit < 1:
        return []
    hits: list[SearchHit] = []
    with store.reading() as session:
        for kind in kinds:
            if len(hits) >= limit:
                break
            hits.extend(_hits(session, kind, parsed, limit - len(hits), snippets=snippets))
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
    (by their status actions that count, viewer.store.claim_rule), as
    ``status:`` and ``year:`` find them; a step itself is counted by its own
    status and year, whatever its rank."""
    parsed = as_query(query)
    kinds = counts(store, parsed)
    statuses: dict[StatusKind, int] = {}
    certainties: dict[Certainty, int] = {}
    years: dict[int, int] = {}
    # extract() is a year on both engines (SQLite's strftime, PostgreSQL's EXTRACT).
    action_year = extract("year", StatusActionRow.date_lower)
    counting = claim_rule.counts(StatusActionRow)
    with store.reading() as session:
        matching_parties = select(PartyRow.id).where(condition(RecordKind.PARTY, parsed))
        for statement in (
            select(StatusActionRow.action, func.count())
            .where(condition(RecordKind.STATUS_ACTION, parsed))
            .group_by(StatusActionRow.action),
            select(StatusActionRow.action, func.count(func.distinct(StatusActionRow.party_id)))
            .where(StatusActionRow.party_id.in_(matching_parties), counting)
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
            select(extract("year", DATES[kind]), func.count())
            .where(condition(kind, parsed), DATES[kind].is_not(None))
            .group_by(extract("year", DATES[kind]))
            for kind in DATES
        ]
        by_year.append(
            select(action_year, func.count(func.distinct(StatusActionRow.party_id)))
            .where(
                StatusActionRow.party_id.in_(matching_parties),
                StatusActionRow.date_lower.is_not(None),
                counting,
            )
            .group_by(action_year)
        )
        for year_counts in by_year:
            for year, number in session.execute(year_counts):
                # An integer on SQLite, a numeric on PostgreSQL.
                years[int(year)] = years.get(int(year), 0) + number
    return Facets(kinds, statuses, certainties, dict(sorted(years.items())))


def condition(kind: RecordKind, query: str | Query) -> ColumnElement[bool]:
    """Which rows of ``kind``'s table match ``query``: its words through the
    index, and each filter (a filter that cannot apply to the kind matches none)."""
    parsed = as_query(query)
    row_type = ROW_TYPES[kind]
    parts: list[ColumnElement[bool]] = []
    matching = search_index.match_expression(parsed)
    if matching is not None:
        parts.append(row_type.id.in_(search_index.indexed_ids(kind, matching)))
    elif parsed.excluded:
        excluded = search_index.any_of(parsed.excluded)
        parts.append(row_type.id.not_in(search_index.indexed_ids(kind, excluded)))
    parts += [_applied(kind, found) for found in parsed.filters]
    return and_(true(), *parts)


def _hits(
    session: Session, kind: RecordKind, query: Query, limit: int, *, snippets: bool
) -> list[SearchHit]:
    row_type, label = ROW_TYPES[kind], LABEL_COLUMNS[kind]
    matching = search_index.match_expression(query)
    if matching is None:
        rows = session.execute(
            select(row_type.key, label)
            .where(condition(kind, query))
            .order_by(label, row_type.id)
            .limit(limit)
        )
        return [SearchHit(kind, key, text_) for key, text_ in rows]
    filters = [_applied(kind, found) for found in query.filters]
    # Records whose name or title holds every word come first, then the rest.
    # Each part is read in the index's own order and stops at the limit, so a
    # word found a million times costs no more than a rare one (ranking every
    # match by relevance would read them all).
    in_label = search_index.in_label(query)
    found: list[tuple[int, str, str]] = []
    for expression in (
        search_index.both(in_label, matching),
        search_index.without(matching, in_label),
    ):
        if len(found) >= limit:
            break
        statement = (
            select(row_type.id, row_type.key, label)
            .select_from(search_index.INDEX)
            .join(row_type, row_type.id == search_index.record_id())
            .where(search_index.matched(expression), search_index.of_kind(kind), *filters)
            .order_by(search_index.INDEX.c.rowid.desc())
            .limit(limit - len(found))
        )
        found += [(record_id, key, text_) for record_id, key, text_ in session.execute(statement)]
    if not snippets:
        return [SearchHit(kind, key, text_) for _id, key, text_ in found]
    # Cut from the records' real text: the index holds it folded.
    texts = search_index.shown_texts(session.connection(), kind, [row[0] for row in found])
    return [
        SearchHit(kind, key, text_, snippet(texts.get(record_id, (text_,)), query.words))
        for record_id, key, text_ in found
    ]


def _applied(kind: RecordKind, found: Filter) -> ColumnElement[bool]:
    condition_ = filter_condition(kind, found)
    return not_(condition_) if found.negated else condition_


# -- plain text comparisons, for names ------------------------------------------


def equals_text(
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], text_: str
) -> ColumnElement[bool]:
    """``column`` is ``text_`` in any case: both folded as the search index
    folds words (:func:`~viewer.domain.query.searchable`, which the SQL
    function ``casefold`` is too), so that "STRASSE" names "Straße"."""
    return func.casefold(column) == searchable(text_.strip())

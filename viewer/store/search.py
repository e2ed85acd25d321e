"""A simple case-insensitive search over names, titles and summaries.

Full-text search (FTS5) comes later and will live here too; until then this
is a substring match, with the query passed as a bound parameter and its
wildcards escaped, so any input is safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from viewer.domain.enums import RecordKind
from viewer.store.mapping import LABEL_COLUMNS, ROW_TYPES
from viewer.store.schema import (
    AccordRow,
    EventRow,
    PartyRow,
    PersonRow,
    SourceRow,
    StatusActionRow,
)


class Reader(Protocol):
    """What a search reads through: the store's read transactions. (The store
    itself uses this module's text comparisons, so it is not imported here.)"""

    def reading(self) -> Session: ...


DEFAULT_LIMIT = 200

# Every text a search looks in, for each kind.
SEARCHED: dict[RecordKind, tuple[InstrumentedAttribute[str], ...]] = {
    RecordKind.ACCORD: (AccordRow.name, AccordRow.description),
    RecordKind.PARTY: (PartyRow.name, PartyRow.notes),
    RecordKind.PERSON: (PersonRow.name, PersonRow.office, PersonRow.notes),
    RecordKind.SOURCE: (SourceRow.title, SourceRow.publisher, SourceRow.notes),
    RecordKind.STATUS_ACTION: (StatusActionRow.note,),
    RecordKind.EVENT: (EventRow.title, EventRow.summary, EventRow.location),
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: RecordKind
    key: str
    label: str


def search(
    store: Reader,
    query: str,
    limit: int = DEFAULT_LIMIT,
    kinds: tuple[RecordKind, ...] = tuple(SEARCHED),
) -> list[SearchHit]:
    """Records whose texts contain ``query`` (any case), by kind then label."""
    # SQLite ends a LIKE pattern at a NUL character, which would match everything.
    needle = query.replace("\x00", "").strip().casefold()
    if not needle:
        return []
    hits: list[SearchHit] = []
    with store.reading() as session:
        for kind in kinds:
            row_type, label, columns = ROW_TYPES[kind], LABEL_COLUMNS[kind], SEARCHED[kind]
            condition = or_(*(contains_text(column, needle) for column in columns))
            rows = session.execute(
                select(row_type.key, label)
                .where(condition)
                .order_by(label)
                .limit(limit - len(hits))
            )
            hits.extend(SearchHit(kind, key, text) for key, text in rows)
            if len(hits) >= limit:
                break
    return hits


def equals_text(
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], text: str
) -> ColumnElement[bool]:
    """``column`` is ``text`` in any case (Unicode case folding, as Python's)."""
    return func.casefold(column) == text.strip().casefold()


def contains_text(
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], needle: str
) -> ColumnElement[bool]:
    """``column`` contains ``needle`` (already case-folded), in any case."""
    if needle.isascii():
        # SQLite's built-in lower() folds ASCII letters, which is all an ASCII
        # needle can match, and runs far faster than a Python function.
        return func.lower(column).contains(needle, autoescape=True)
    # "casefold" is registered on each SQLite connection by the engine module.
    return func.casefold(column).contains(needle, autoescape=True)

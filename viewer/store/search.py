"""A simple case-insensitive search over names, titles and summaries.

Full-text search (FTS5) comes later and will live here too; until then this
is a substring match, with the query passed as a bound parameter and its
wildcards escaped, so any input is safe.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from viewer.domain.enums import RecordKind
from viewer.store.schema import (
    AccordRow,
    EventRow,
    PartyRow,
    PersonRow,
    SourceRow,
    StatusActionRow,
    Versioned,
)

DEFAULT_LIMIT = 200

# What each kind is listed by, then every text a search looks in.
SEARCHED: dict[
    RecordKind,
    tuple[type[Versioned], InstrumentedAttribute[str], tuple[InstrumentedAttribute[str], ...]],
] = {
    RecordKind.ACCORD: (AccordRow, AccordRow.name, (AccordRow.name, AccordRow.description)),
    RecordKind.PARTY: (PartyRow, PartyRow.name, (PartyRow.name, PartyRow.notes)),
    RecordKind.PERSON: (
        PersonRow,
        PersonRow.name,
        (PersonRow.name, PersonRow.office, PersonRow.notes),
    ),
    RecordKind.SOURCE: (
        SourceRow,
        SourceRow.title,
        (SourceRow.title, SourceRow.publisher, SourceRow.notes),
    ),
    RecordKind.STATUS_ACTION: (StatusActionRow, StatusActionRow.key, (StatusActionRow.note,)),
    RecordKind.EVENT: (
        EventRow,
        EventRow.title,
        (EventRow.title, EventRow.summary, EventRow.location),
    ),
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: RecordKind
    key: str
    label: str


def search(
    engine: Engine,
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
    with Session(engine) as session:
        for kind in kinds:
            row_type, label, columns = SEARCHED[kind]
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

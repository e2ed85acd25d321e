"""Saved searches: a query kept under a name, shown as a list that stays current.

They live in the database beside the data they search, but they are the
user's way of looking at it, not curated data: not in the revision log, not
in exchange files.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select

from viewer.domain.serial import Problem
from viewer.store.errors import InvalidRecord
from viewer.store.schema import SavedSearchRow
from viewer.store.store import Store

MAX_NAME = 200
MAX_SAVED = 500


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str


def saved_searches(store: Store) -> list[SavedSearch]:
    """Every saved search, by name (at most MAX_SAVED: a navigator, not a database)."""
    with store.reading() as session:
        rows = session.execute(
            select(SavedSearchRow.name, SavedSearchRow.query)
            .order_by(func.casefold(SavedSearchRow.name))
            .limit(MAX_SAVED)
        )
        return [SavedSearch(name, query) for name, query in rows]


def save_search(store: Store, name: str, query: str) -> SavedSearch:
    """Keep ``query`` under ``name``, replacing a saved search of that name."""
    name = " ".join(name.split())
    problems = []
    if not name:
        problems.append(Problem("name", "is required"))
    elif len(name) > MAX_NAME:
        problems.append(Problem("name", f"is longer than {MAX_NAME} characters"))
    if not query.strip():
        problems.append(Problem("query", "is empty: there is nothing to save"))
    if problems:
        raise InvalidRecord(problems)
    with store.writing() as session:
        row = session.scalar(select(SavedSearchRow).where(SavedSearchRow.name == name))
        if row is None:
            session.add(SavedSearchRow(name=name, query=query))
        else:
            row.query = query
    return SavedSearch(name, query)


def delete_saved_search(store: Store, name: str) -> None:
    with store.writing() as session:
        session.execute(delete(SavedSearchRow).where(SavedSearchRow.name == name))

"""A record's detail: related records are bounded, with the count of all of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.details import RELATED_LIMIT, load_detail
from viewer.store.schema import EventRoleRow, EventRow, PartyRow
from viewer.store.store import Store

MANY = 10_000


@pytest.fixture
def crowded(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Iterator[Store]:
    """The seeded data, with Kazakhstan the subject of 10,000 more events (unlogged)."""
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    with store.engine.begin() as connection:
        party = connection.scalar(select(PartyRow.id).where(PartyRow.key == "kazakhstan"))
        first = (connection.scalar(select(EventRow.id).order_by(EventRow.id.desc())) or 0) + 1
        connection.execute(
            insert(EventRow),
            [
                {
                    "id": first + n,
                    "key": f"talks-{n:05d}",
                    "version": 1,
                    "title": f"Round {n:05d} of talks",
                    "event_kind": "meeting",
                    "date_edtf": f"{1990 + n % 30}-01-01",
                    "date_lower": date(1990 + n % 30, 1, 1),
                    "date_upper": date(1990 + n % 30, 1, 1),
                    "location": "",
                    "summary": "",
                    "certainty": "confirmed",
                }
                for n in range(MANY)
            ],
        )
        connection.execute(
            insert(EventRoleRow),
            [
                {"event_id": first + n, "position": 0, "role": "subject", "party_id": party}
                for n in range(MANY)
            ],
        )
    yield store
    opened.close()


def test_a_participant_of_10000_events_shows_the_first_and_the_count(crowded: Store) -> None:
    detail = load_detail(crowded, RecordKind.PARTY, "kazakhstan")
    assert detail is not None
    events = detail.links["Events"]
    assert len(events) == RELATED_LIMIT
    assert detail.link_totals["Events"] == MANY + 3  # and the three of the bundled data
    # The earliest first: the generated rounds start in 1990, before the bundled events.
    assert events[0].note == "subject, 1 Jan 1990"
    assert "People" not in detail.link_totals  # one person: all of them shown


def test_a_detail_with_few_related_records_has_no_totals(seeded_store: Store) -> None:
    detail = load_detail(seeded_store, RecordKind.PARTY, "kazakhstan")
    assert detail is not None
    assert len(detail.links["Events"]) == 3
    assert detail.link_totals == {}

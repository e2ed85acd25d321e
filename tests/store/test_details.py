"""A record's detail: related records are bounded, with the count of all of them."""

from __future__ import annotations

from tests.samples import CROWD
from viewer.domain.enums import RecordKind
from viewer.store.details import RELATED_LIMIT, load_detail
from viewer.store.store import Store

MANY = CROWD  # events about Kazakhstan in the `crowded` fixture


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

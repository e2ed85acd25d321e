"""A record's detail: related records are bounded, with the count of all of them."""

from __future__ import annotations

from tests import samples
from tests.samples import CROWD
from viewer.domain.enums import RecordKind
from viewer.domain.views import Detail
from viewer.store.details import COUNT_LIMIT, RELATED_LIMIT, load_detail
from viewer.store.store import Store

MANY = CROWD  # events about Kazakhstan in the `crowded` fixture


def test_a_participant_of_10000_events_shows_the_first_and_the_count(crowded: Store) -> None:
    detail = load_detail(crowded, RecordKind.PARTY, "kazakhstan")
    assert detail is not None
    events = detail.links["Events"]
    assert len(events) == RELATED_LIMIT
    # 10,003 (and the three of the bundled data) are counted up to the limit only.
    assert MANY + 3 > COUNT_LIMIT
    assert detail.link_totals["Events"] == COUNT_LIMIT + 1
    assert detail.total_text("Events") == f"more than {COUNT_LIMIT:,}"
    # The earliest first: the generated rounds start in 1990, before the bundled events.
    assert events[0].note == "subject, 1 Jan 1990"
    assert "People" not in detail.link_totals  # one person: all of them shown


def test_a_detail_with_few_related_records_has_no_totals(seeded_store: Store) -> None:
    detail = load_detail(seeded_store, RecordKind.PARTY, "kazakhstan")
    assert detail is not None
    assert len(detail.links["Events"]) == 3
    assert detail.link_totals == {}


def test_a_total_under_the_limit_is_said_exactly() -> None:
    detail = Detail(samples.STATE, link_totals={"Events": 123}, counted_up_to=COUNT_LIMIT)
    assert detail.total_text("Events") == "123"
    assert Detail(samples.STATE, link_totals={"Events": 20_000}).total_text("Events") == "20,000"

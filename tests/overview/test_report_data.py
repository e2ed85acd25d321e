"""The report's read: the accord, each participant's steps and the events with
their citations, and every cited source, of one accord only."""

from __future__ import annotations

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import PartyKind, StatusKind
from viewer.domain.records import Accord, Citation, Event, Party, Source, StatusAction
from viewer.domain.report import source_numbers
from viewer.store.api import Store, accord_keys, busiest_accord, report_data


def test_the_report_holds_the_accord_its_steps_events_and_cited_sources(
    seeded_store: Store,
) -> None:
    data = report_data(seeded_store, "abraham-accords")
    assert data is not None
    assert data.accord.name == "Abraham Accords"
    assert len(data.accord.citations) == 2
    names = [party.name for party in data.parties]
    assert names == sorted(names) and len(names) == 9
    assert sum(len(party.actions) for party in data.parties) == 12
    sudan = next(party for party in data.parties if party.key == "sudan")
    assert [a.action for a in sudan.actions] == [StatusKind.DECLARATION_SIGNED, StatusKind.STALLED]
    assert all(action.citations for party in data.parties for action in party.actions)
    assert len(data.events) == data.events_total == 9
    lowers = [e.date.lower for e in data.events if e.date is not None and e.date.lower]
    assert lowers == sorted(lowers)
    assert data.events[-1].date is None  # undated events last
    # Every cited source is there, by key, and nothing else.
    assert set(data.sources) == set(data.cited_keys())
    assert len(data.sources) == 3
    numbers = source_numbers(data)
    assert sorted(numbers.values()) == [1, 2, 3]
    assert numbers[data.accord.citations[0].source] == 1  # numbered as first cited


def test_no_such_accord_reads_none(seeded_store: Store) -> None:
    assert report_data(seeded_store, "no-such-accord") is None


def test_the_events_are_bounded_with_their_total(seeded_store: Store) -> None:
    data = report_data(seeded_store, "abraham-accords", event_limit=4)
    assert data is not None
    assert len(data.events) == 4
    assert data.events_total == 9
    assert data.events_left_out == 5


def test_a_second_accord_keeps_its_own_steps_events_and_sources(seeded_store: Store) -> None:
    seeded_store.add(Accord(key="other-pact", name="Other Pact"))
    seeded_store.add(Source(key="other-source", title="Other source"))
    seeded_store.add(
        StatusAction(
            key="israel-other",
            accord="other-pact",
            party="israel",
            action=StatusKind.WITHDRAWN,
            date=FuzzyDate.parse("2022-03-01"),
            citations=(Citation("other-source", "p. 1", "left it"),),
        )
    )
    seeded_store.add(Event(key="other-event", title="Other meeting", accord="other-pact"))
    mine = report_data(seeded_store, "abraham-accords")
    theirs = report_data(seeded_store, "other-pact")
    assert mine is not None and theirs is not None
    assert "other-source" not in mine.sources
    assert all(a.accord == "abraham-accords" for p in mine.parties for a in p.actions)
    assert "other-event" not in {event.key for event in mine.events}
    assert [(p.key, [a.key for a in p.actions]) for p in theirs.parties] == [
        ("israel", ["israel-other"])
    ]
    assert [event.key for event in theirs.events] == ["other-event"]
    assert list(theirs.sources) == ["other-source"]
    assert busiest_accord(seeded_store) == "abraham-accords"
    assert accord_keys(seeded_store) == (["abraham-accords", "other-pact"], 2)
    assert accord_keys(seeded_store, 1) == (["abraham-accords"], 2)


def test_the_busiest_accord_of_a_database_without_steps(store: Store) -> None:
    assert busiest_accord(store) is None
    store.add(Accord(key="lonely", name="Lonely"))
    store.add(Party(key="p", name="P", party_kind=PartyKind.STATE))
    # An accord without steps is never the busiest; the report command then
    # takes the first accord there is (accord_keys).
    assert busiest_accord(store) is None
    assert accord_keys(store, 1) == (["lonely"], 1)

"""Merge on import: records the database has are matched, compared field by
field, and updated, skipped or added beside as chosen, in one transaction."""

from __future__ import annotations

import dataclasses
import json
import time
from typing import Any

import pytest

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction, RoleKind
from viewer.domain.import_merge import Choice, FieldChange, Standing
from viewer.domain.records import Citation, Event, EventRole, Party, Record, Source
from viewer.store.checks import run_checks
from viewer.store.errors import HasDependents, StaleRecord
from viewer.store.exchange import dumps, export_data, merge_import, plan_import
from viewer.store.exchange_merge import apply_merge, plan_merge
from viewer.store.record_import import plan_records
from viewer.store.store import Store

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"


def exported(store: Store) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(export_data(store)))
    return data


def test_a_changed_title_is_planned_as_an_update_and_logged_old_and_new(
    seeded_store: Store,
) -> None:
    data = exported(seeded_store)
    old_title = data["sources"][0]["title"]
    data["sources"][0]["title"] = "Kazakhstan joins, officials say"
    plan = plan_import(data, seeded_store)
    assert plan.problems == []
    assert plan.counts()[Standing.CHANGED] == 1
    (changed,) = plan.conflicts()
    assert changed.record.key == FOX and changed.matched_by == "key"
    assert changed.changes == (FieldChange("title", old_title, "Kazakhstan joins, officials say"),)
    assert changed.changes_text == f"title: {old_title!r} -> 'Kazakhstan joins, officials say'"
    outcome = merge_import(plan, seeded_store)
    assert outcome.summary() == (
        f"Added 0, updated 1 (source {FOX}: title), unchanged {plan.total - 1}."
    )
    last = seeded_store.revisions(RecordKind.SOURCE, FOX)[-1]
    assert last.action is RevisionAction.UPDATE
    assert last.changes == {"title": (old_title, "Kazakhstan joins, officials say")}
    stored = seeded_store.get(RecordKind.SOURCE, FOX)
    assert stored is not None and stored.label == "Kazakhstan joins, officials say"


def test_skipping_the_changed_writes_nothing(seeded_store: Store) -> None:
    data = exported(seeded_store)
    data["sources"][0]["title"] = "Another title"
    revisions = len(seeded_store.revisions())
    plan = plan_import(data, seeded_store)
    plan.choose_for_changed(Choice.SKIP)
    outcome = merge_import(plan, seeded_store)
    assert (
        outcome.summary()
        == f"Added 0, updated 0, unchanged {plan.total - 1}, skipped 1: nothing changed."
    )
    assert len(seeded_store.revisions()) == revisions
    assert exported(seeded_store)["sources"][0]["title"] != "Another title"


def source(key: str, title: str, **fields: Any) -> Source:
    return Source(key, title, **fields)


def test_a_source_under_another_key_matches_by_url_and_its_citations_follow(
    store: Store,
) -> None:
    store.add(source("bbc-2020", "Deal signed", url="https://www.bbc.co.uk/news/deal/"))
    theirs = source(
        "their-bbc", "Deal signed", url="HTTP://bbc.co.uk/news/deal?utm_source=feed#top"
    )
    event = Event("signing", "Signing", citations=(Citation("their-bbc", "para. 2"),))
    entries = plan_merge({RecordKind.SOURCE: [theirs], RecordKind.EVENT: [event]}, store)
    matched, new = entries
    assert matched.standing is Standing.CHANGED and matched.matched_by == "URL"
    assert matched.existing is not None and matched.existing.key == "bbc-2020"
    assert [c.field for c in matched.changes] == ["url"]
    assert new.standing is Standing.NEW
    apply_merge(entries, [Choice.SKIP, Choice.ADD], store)
    added = store.get(RecordKind.EVENT, "signing")
    assert isinstance(added, Event)
    assert added.citations == (Citation("bbc-2020", "para. 2"),)
    assert store.get(RecordKind.SOURCE, "their-bbc") is None


@pytest.mark.parametrize(
    ("ours", "theirs", "how"),
    [
        (
            {"title": "A", "url": "https://example.org/a"},
            {"title": "B", "url": "https://example.org/a/"},
            "URL",
        ),
        (
            {"title": "A", "doi": "10.1000/ABC.1"},
            {"title": "B", "doi": "https://doi.org/10.1000/abc.1"},
            "DOI",
        ),
        (
            {
                "title": "Élysée: the “deal”, at last",
                "published": FuzzyDate.parse("2020-09"),
            },
            {"title": "ELYSEE -- The Deal at Last", "published": FuzzyDate.parse("2020-09")},
            "title and date",
        ),
    ],
)
def test_sources_alike_match(
    store: Store, ours: dict[str, Any], theirs: dict[str, Any], how: str
) -> None:
    store.add(Source("ours", **ours))
    (entry,) = plan_merge({RecordKind.SOURCE: [Source("theirs", **theirs)]}, store)
    assert entry.matched_by == how and entry.existing is not None


def test_the_same_title_on_another_date_is_another_source(store: Store) -> None:
    store.add(Source("ours", "Weekly update", published=FuzzyDate.parse("2020-09-01")))
    theirs = Source("theirs", "Weekly update", published=FuzzyDate.parse("2020-09-08"))
    (entry,) = plan_merge({RecordKind.SOURCE: [theirs]}, store)
    assert entry.standing is Standing.NEW


def test_added_as_new_gets_a_fresh_key_and_the_files_citations_follow(store: Store) -> None:
    store.add(source("report", "Report"))
    store.add(source("report-2", "Report, second part"))
    theirs = source("report", "Report (revised)")
    event = Event("talks", "Talks", citations=(Citation("report"),))
    entries = plan_merge({RecordKind.SOURCE: [theirs], RecordKind.EVENT: [event]}, store)
    assert entries[0].fresh_key == "report-3"
    outcome = apply_merge(entries, [Choice.ADD_AS_NEW, Choice.ADD], store)
    assert [record.key for record in outcome.added] == ["report-3", "talks"]
    assert store.get(RecordKind.SOURCE, "report") == Source("report", "Report", version=1)
    added = store.get(RecordKind.EVENT, "talks")
    assert isinstance(added, Event) and added.citations == (Citation("report-3"),)


def test_a_record_changed_since_the_plan_stops_the_whole_import(seeded_store: Store) -> None:
    data = exported(seeded_store)
    data["sources"][0]["title"] = "Planned title"
    data["parties"].append({"key": "new-party", "name": "Newland", "party_kind": "state"})
    plan = plan_import(data, seeded_store)
    stored = seeded_store.get(RecordKind.SOURCE, FOX)
    assert isinstance(stored, Source)
    seeded_store.update(dataclasses.replace(stored, notes="Someone else's note"))
    before = exported(seeded_store)
    with pytest.raises(StaleRecord, match=f"source '{FOX}' was changed by someone since"):
        merge_import(plan, seeded_store)
    assert exported(seeded_store) == before


def test_undoing_a_merge_removes_the_added_and_restores_the_updated(seeded_store: Store) -> None:
    before = exported(seeded_store)
    data = exported(seeded_store)
    data["sources"][0]["title"] = "New title"
    data["sources"].append({"key": "extra", "title": "Extra source"})
    data["events"][0]["citations"].append({"source": "extra", "locator": "p. 1"})
    outcome = merge_import(plan_import(data, seeded_store), seeded_store)
    assert len(outcome.added) == 1 and len(outcome.updated) == 2
    restored = [dataclasses.replace(old, version=new.version) for old, new in outcome.updated]
    seeded_store.merge_all({}, restored, outcome.added)
    assert exported(seeded_store) == before


def test_a_big_file_plans_in_linear_time(store: Store) -> None:
    sources = [Source(f"s{n}", f"Source number {n}") for n in range(10_000)]
    store.add_all({RecordKind.SOURCE: sources[:5_000]})
    changed: list[Record] = [
        dataclasses.replace(s, title=f"{s.label} (revised)") if i % 2 else s
        for i, s in enumerate(sources)
    ]
    events: list[Record] = [
        Event(f"e{n}", f"Event {n}", citations=(Citation(f"s{n % 10_000}"),)) for n in range(10_000)
    ]
    started = time.perf_counter()
    entries = plan_merge({RecordKind.SOURCE: changed, RecordKind.EVENT: events}, store)
    took = time.perf_counter() - started
    print(f"planned a merge of 20,000 records against 5,000 in {took:.2f} s")
    standings = [entry.standing for entry in entries]
    assert standings.count(Standing.CHANGED) == 2_500
    assert standings.count(Standing.UNCHANGED) == 2_500
    assert standings.count(Standing.NEW) == 15_000


def test_an_added_record_another_now_cites_is_not_taken_out(seeded_store: Store) -> None:
    data = exported(seeded_store)
    data["sources"].append({"key": "extra", "title": "Extra source"})
    outcome = merge_import(plan_import(data, seeded_store), seeded_store)
    seeded_store.add(Event("later", "Later event", citations=(Citation("extra"),)))
    before = exported(seeded_store)
    with pytest.raises(HasDependents, match="Extra source"):
        seeded_store.merge_all({}, [], outcome.added)
    assert exported(seeded_store) == before


def test_many_added_records_are_taken_out_in_bulk(store: Store) -> None:
    sources: list[Record] = [Source(f"s{n}", f"Source {n}", version=1) for n in range(3_000)]
    events: list[Record] = [
        Event(f"e{n}", f"Event {n}", citations=(Citation(f"s{n}"),), version=1)
        for n in range(3_000)
    ]
    store.merge_all({RecordKind.SOURCE: sources, RecordKind.EVENT: events})
    started = time.perf_counter()
    store.merge_all({}, [], sources + events)
    print(f"took out 6,000 records in {time.perf_counter() - started:.2f} s")
    assert store.count(RecordKind.SOURCE) == store.count(RecordKind.EVENT) == 0
    assert [r.action for r in store.revisions()].count(RevisionAction.DELETE) == 6_000
    assert run_checks(store) == []  # the search index, the counts kept, the log's chain


def test_many_updates_are_written_in_bulk_and_logged(seeded_store: Store) -> None:
    store = seeded_store
    sources = [Source(f"s{n}", f"Source {n}") for n in range(2_000)]
    events = [Event(f"e{n}", f"Event {n}", citations=(Citation(f"s{n}"),)) for n in range(2_000)]
    store.add_all({RecordKind.SOURCE: sources, RecordKind.EVENT: events})
    israel = store.get(RecordKind.PARTY, "israel")
    assert isinstance(israel, Party)
    changed: dict[RecordKind, list[Record]] = {
        RecordKind.SOURCE: [dataclasses.replace(s, publisher="Press") for s in sources],
        RecordKind.EVENT: [
            Event(
                f"e{n}",
                f"Event {n}",
                roles=(EventRole(RoleKind.HOST, party="israel"),),
                citations=(Citation(f"s{(n + 1) % 2_000}", "p. 1"),),
            )
            for n in range(2_000)
        ],
        RecordKind.PARTY: [dataclasses.replace(israel, notes="Renamed notes")],
    }
    revisions = len(store.revisions())
    entries = plan_merge(changed, store)
    started = time.perf_counter()
    outcome = apply_merge(entries, [entry.default for entry in entries], store)
    print(f"updated 4,001 records in {time.perf_counter() - started:.2f} s")
    assert len(outcome.updated) == 4_001
    assert len(store.revisions()) == revisions + 4_001
    event = store.get(RecordKind.EVENT, "e5")
    assert isinstance(event, Event)
    assert event.citations == (Citation("s6", "p. 1"),) and event.version == 2
    assert event.roles == (EventRole(RoleKind.HOST, party="israel"),)
    assert store.revisions(RecordKind.EVENT, "e5")[-1].changes.keys() == {"roles", "citations"}
    assert run_checks(store) == []
    # And its undo puts every one back.
    restored = [dataclasses.replace(old, version=new.version) for old, new in outcome.updated]
    store.merge_all({}, restored)
    assert store.get(RecordKind.EVENT, "e5") == dataclasses.replace(events[5], version=3)
    assert run_checks(store) == []


def test_records_of_another_reader_are_checked_and_keep_what_they_cannot_say(
    store: Store,
) -> None:
    store.add(Source("ours", "Deal signed", url="https://example.org/deal", notes="Our notes"))
    # As a BibTeX reader would make them: no notes, keys of its own.
    read = [
        Source("smith2020", "Deal signed, at last", url="https://example.org/deal/"),
        Source("BAD KEY", "Broken"),
    ]
    plan = plan_records({RecordKind.SOURCE: read}, store, not_given={"notes"})
    assert [str(problem).split(":")[0] for problem in plan.problems] == ["sources[1].key"]
    plan = plan_records({RecordKind.SOURCE: read[:1]}, store, not_given={"notes"})
    assert plan.problems == []
    (entry,) = plan.entries
    assert entry.matched_by == "URL"
    assert [change.field for change in entry.changes] == ["title", "url"]  # not the notes
    merge_import(plan, store)
    stored = store.get(RecordKind.SOURCE, "ours")
    assert isinstance(stored, Source)
    assert (stored.title, stored.notes) == ("Deal signed, at last", "Our notes")

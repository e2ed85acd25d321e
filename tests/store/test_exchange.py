"""The JSON exchange format: export, checked import, and the bundled dataset."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NewDatabase
from viewer.domain.enums import RecordKind
from viewer.domain.import_merge import Choice, Standing
from viewer.domain.records import Author, Event, Party, Person, Record, Source, StatusAction
from viewer.domain.serial import to_json
from viewer.store import bulk, search_index, streams
from viewer.store.bootstrap import open_or_create
from viewer.store.errors import InvalidRecord
from viewer.store.exchange import (
    FORMAT_VERSION,
    SECTIONS,
    apply_import,
    dumps,
    export_data,
    export_json,
    plan_import,
    read_file,
)
from viewer.store.locations import Location
from viewer.store.paths import bundled_dataset
from viewer.store.store import WRITE_ORDER, Store


def bundled() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    return data


def test_the_bundled_dataset_is_an_export(seeded_store: Store) -> None:
    assert dumps(export_data(seeded_store)) == bundled_dataset().read_text(encoding="utf-8")


def test_export_then_import_into_an_empty_database_gives_identical_data(
    seeded_store: Store, store: Store
) -> None:
    exported = export_data(seeded_store)
    plan = plan_import(json.loads(dumps(exported)), store)
    assert plan.problems == []
    assert apply_import(plan, store) == sum(store.count(kind) for kind in RecordKind)
    assert dumps(export_data(store)) == dumps(exported)
    assert exported["format_version"] == FORMAT_VERSION


def test_importing_the_same_file_twice_finds_every_record_unchanged(seeded_store: Store) -> None:
    plan = plan_import(bundled(), seeded_store)
    assert plan.problems == []
    assert plan.counts() == {Standing.NEW: 0, Standing.CHANGED: 0, Standing.UNCHANGED: plan.total}
    assert set(plan.choices) == {Choice.SKIP}


TEN_MISTAKES = sorted(
    [
        "events[3].date",
        "events[0].event_kind",
        "events[1].roles[0].party",
        "events[2].citations[0].source",
        "parties[0].name",
        "parties[1].iso_code",
        "sources[0].url",
        "sources[1].colour",
        "status_actions[0].date",
        "people[0].name",
    ]
)


def with_ten_mistakes(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of an exchange file with one mistake at each path of TEN_MISTAKES."""
    data = copy.deepcopy(data)
    events, parties, sources = data["events"], data["parties"], data["sources"]
    events[3]["date"] = "2021-02-30"
    events[0]["event_kind"] = "party"
    events[1]["roles"][0]["party"] = "atlantis"
    events[2]["citations"][0]["source"] = "no-such-source"
    parties[0]["name"] = ""
    parties[1]["iso_code"] = "ZZ"
    sources[0]["url"] = "javascript:alert(1)"
    sources[1]["colour"] = "blue"
    data["status_actions"][0]["date"] = "2025-11-16/2025-11-10"
    data["people"][0].pop("name")
    return data


def test_a_file_with_ten_mistakes_reports_all_ten(store: Store) -> None:
    plan = plan_import(with_ten_mistakes(bundled()), store)
    assert sorted(p.path for p in plan.problems) == TEN_MISTAKES, plan.problems
    assert "28 days" in next(p.message for p in plan.problems if p.path == "events[3].date")


def test_unreadable_files_are_explained(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "accords-viewer",\n "parties": [}')
    _, problems = read_file(broken)
    assert "line 2" in str(problems[0])
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "not UTF-8" in str(read_file(binary)[1][0])
    assert "does not exist" in str(read_file(tmp_path / "missing.json")[1][0])


def test_wrong_headers_are_refused(store: Store) -> None:
    assert [p.path for p in plan_import([], store).problems] == [""]
    newer = plan_import({"format": "accords-viewer", "format_version": FORMAT_VERSION + 1}, store)
    assert "newer" in newer.problems[0].message
    foreign = plan_import({"format": "zotero", "format_version": 1, "songs": []}, store)
    assert {p.path for p in foreign.problems} == {"format", "songs"}


def test_the_bundled_dataset_says_what_the_article_says(seeded_store: Store) -> None:
    def action(key: str) -> Any:
        return seeded_store.get(RecordKind.STATUS_ACTION, key)

    by_party: dict[str, list[StatusAction]] = {}
    for record in seeded_store.all(RecordKind.STATUS_ACTION):
        assert isinstance(record, StatusAction)
        by_party.setdefault(record.party, []).append(record)
    kazakhstan = by_party["kazakhstan"]
    assert [(a.action.value, str(a.date), a.certainty.value) for a in kazakhstan] == [
        ("expected_to_join", "2025-11-06", "expected")
    ]
    assert any(c.locator == "para. 1" for c in kazakhstan[0].citations)
    sudan = [(a.action.value, a.date.edtf if a.date else None) for a in by_party["sudan"]]
    assert ("declaration_signed", "2021-01") in sudan
    assert [a.date for a in by_party["morocco"]] == [None]
    assert [a.action.value for a in by_party["united-states"]] == ["broker"]
    for party in ("syria", "saudi-arabia"):
        assert [a.action.value for a in by_party[party]] == ["prospective"]
    for party in ("israel", "united-arab-emirates", "bahrain"):
        assert ("agreement_signed", "2020-09-15") in [
            (a.action.value, str(a.date)) for a in by_party[party]
        ]
    events = {e.key: e for e in seeded_store.all(RecordKind.EVENT) if isinstance(e, Event)}
    dates = {str(e.date) for e in events.values()}
    assert {"2020-09-15", "2021-01", "2025-11-10~/2025-11-16~", "2025-11-18"} <= dates
    people = {p.name for p in seeded_store.all(RecordKind.PERSON) if isinstance(p, Person)}
    assert {
        "Donald Trump",
        "Steve Witkoff",
        "Benjamin Netanyahu",
        "Kassym-Jomart Tokayev",
        "Abdullatif bin Rashid Al Zayani",
        "Abdullah bin Zayed Al Nahyan",
        "Ahmed al-Sharaa",
        "Mohammed bin Salman",
    } <= people
    sources = [s for s in seeded_store.all(RecordKind.SOURCE) if isinstance(s, Source)]
    article = next(
        s for s in sources if s.publisher == "Fox News" and s.source_kind.value == "news_article"
    )
    assert article.authors == (Author("Carnahan", "Ashley"), Author("Tomlinson", "Lucas Y."))
    assert article.container_title == "Fox News"
    assert str(article.published) == "2025-11-06"
    assert any(s.publisher == "Axios" for s in sources)
    for kind in (RecordKind.STATUS_ACTION, RecordKind.EVENT, RecordKind.PERSON):
        for record in seeded_store.all(kind):
            assert isinstance(record, StatusAction | Event | Person)
            assert record.citations, f"{kind.label} {record.key} has no citation"
            assert all(
                c.locator.startswith(("para.", "photo caption", "video caption", "headline"))
                for c in record.citations
                if c.source == article.key
            )
    assert action("kazakhstan-expected-to-join-2025") is not None


# -- linear import and export ---------------------------------------------------


def one_at_a_time(records: dict[RecordKind, list[Record]], location: Location) -> Store:
    """A new store given ``records`` the way single saves give them (Store.add)."""
    store, _ = open_or_create(location, "tester", seed=False)
    for kind in WRITE_ORDER:
        for record in records.get(kind, []):
            store.add(record)
    return store


def logged(store: Store) -> list[tuple[object, ...]]:
    return [(r.user, r.action, r.record_kind, r.record_key, r.changes) for r in store.revisions()]


def indexed(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT rowid, label, body, evidence FROM search_index ORDER BY rowid"
        )
        return [tuple(row) for row in rows]


def test_a_bulk_import_writes_what_saving_each_record_writes(
    store: Store, new_database: NewDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records, revision log and search index, batch boundaries included."""
    monkeypatch.setattr(bulk, "BATCH", 4)
    plan = plan_import(bundled(), store)
    assert plan.problems == []
    assert apply_import(plan, store) == plan.total
    reference = one_at_a_time(plan.records, new_database(False))  # on the same backend
    for kind in RecordKind:
        assert store.all(kind) == reference.all(kind), kind
        assert [r.version for r in store.all(kind)] == [1] * len(plan.records[kind])
    assert logged(store) == logged(reference)
    assert len(logged(store)) == plan.total
    assert indexed(store) == indexed(reference)
    assert len(indexed(store)) == plan.total
    with store.engine.connect() as connection:
        assert list(search_index.mismatches(connection)) == []
    reference.engine.dispose()


def test_a_bulk_import_into_a_filled_database_refers_to_what_is_there(
    seeded_store: Store,
) -> None:
    """References to records already in the database resolve to their rows."""
    data = {"format": "accords-viewer", "format_version": FORMAT_VERSION}
    data["events"] = [
        {
            "key": f"added-{n}",
            "title": f"Added meeting {n}",
            "accord": "abraham-accords",
            "date": "2026-01",
            "roles": [
                {"role": "host", "party": "kazakhstan"},
                {"role": "signatory", "person": "kassym-jomart-tokayev"},
            ],
            "citations": [
                {"source": "fox-news-kazakhstan-abraham-accords-2025-11-06", "locator": "p. 1"}
            ],
        }
        for n in range(3)
    ]
    before = len(seeded_store.revisions())
    plan = plan_import(data, seeded_store)
    assert plan.problems == []
    apply_import(plan, seeded_store)
    added = seeded_store.get(RecordKind.EVENT, "added-2")
    assert isinstance(added, Event)
    assert [(r.party, r.person) for r in added.roles] == [
        ("kazakhstan", None),
        (None, "kassym-jomart-tokayev"),
    ]
    assert added.citations[0].source == "fox-news-kazakhstan-abraham-accords-2025-11-06"
    assert [r.record_key for r in seeded_store.revisions(after=before)] == [
        "added-0",
        "added-1",
        "added-2",
    ]


def test_import_progress_counts_up_to_the_total(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BATCH", 5)
    checked: list[tuple[int, int]] = []
    written: list[tuple[int, int]] = []
    plan = plan_import(bundled(), store, progress=lambda done, total: checked.append((done, total)))
    apply_import(plan, store, progress=lambda done, total: written.append((done, total)))
    for calls in (checked, written):
        counts = [done for done, _ in calls]
        assert counts == sorted(set(counts)), calls  # strictly increasing
        assert calls[-1] == (plan.total, plan.total)
        assert {total for _, total in calls} == {plan.total}
    assert len(written) > 1  # one call a batch, not one at the end


def test_a_failure_half_way_through_an_import_leaves_the_database_as_it_was(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database itself refuses a row after earlier batches were written."""
    monkeypatch.setattr(bulk, "BATCH", 2)
    data = bundled()
    for section in SECTIONS:
        for item in data[section]:
            item["key"] = f"copy-{item['key']}"[:80]
    data["parties"] = data["parties"][:0]  # parties' names are taken: refer to those there
    data["people"] = []
    for action in data["status_actions"]:
        action["accord"] = "copy-abraham-accords"
    for event in data["events"]:
        event["accord"] = "copy-abraham-accords"
        event["roles"] = [role for role in event["roles"] if role.get("party")]
    for section in ("accords", "status_actions", "events"):
        for item in data[section]:
            for citation in item["citations"]:
                citation["source"] = f"copy-{citation['source']}"[:80]
    plan = plan_import(data, seeded_store)
    assert plan.problems == []
    last = plan.records[RecordKind.EVENT][-1].key
    with seeded_store.engine.begin() as connection:
        if seeded_store.on_server:
            connection.exec_driver_sql(
                "CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_last AFTER INSERT ON events FOR EACH ROW "
                f"WHEN (NEW.key = '{last}') EXECUTE FUNCTION refuse_last()"
            )
        else:
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_last AFTER INSERT ON events "
                f"WHEN NEW.key = '{last}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
    exported, revisions = dumps(export_data(seeded_store)), logged(seeded_store)
    index = indexed(seeded_store)
    with pytest.raises(InvalidRecord, match="refused by the test"):
        apply_import(plan, seeded_store)
    assert dumps(export_data(seeded_store)) == exported
    assert logged(seeded_store) == revisions
    assert indexed(seeded_store) == index


def test_a_bulk_import_refuses_what_a_single_save_refuses_naming_each_place(
    seeded_store: Store,
) -> None:
    records: dict[RecordKind, list[Record]] = {
        RecordKind.PARTY: [
            Party(key="kazakhstan", name="Kazakhstan again"),
            Party(key="new-one", name="KAZAKHSTAN", iso_code="KZ"),
        ],
        RecordKind.PERSON: [Person(key="someone", name="Someone", party="atlantis")],
    }
    before = len(seeded_store.revisions())
    with pytest.raises(InvalidRecord) as refused:
        seeded_store.add_all(records)
    assert {problem.path for problem in refused.value.problems} == {
        "parties[0].key",
        "parties[1].name",
        "parties[1].iso_code",
        "people[0].party",
    }
    assert "no participant has the key 'atlantis'" in str(refused.value)
    assert len(seeded_store.revisions()) == before


def test_the_streamed_export_file_is_the_export_data_written_out(
    seeded_store: Store, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page boundaries included, an empty database too, with progress."""
    monkeypatch.setattr(streams, "PAGE", 2)
    calls: list[tuple[int, int]] = []
    path = tmp_path / "out.json"
    export_json(seeded_store, path, progress=lambda done, total: calls.append((done, total)))
    assert path.read_text(encoding="utf-8") == dumps(export_data(seeded_store))
    assert path.read_text(encoding="utf-8") == bundled_dataset().read_text(encoding="utf-8")
    total = sum(seeded_store.count(kind) for kind in RecordKind)
    assert [done for done, _ in calls] == sorted({done for done, _ in calls})
    assert calls[-1] == (total, total)
    export_json(store, path)
    assert path.read_text(encoding="utf-8") == dumps(export_data(store))
    assert json.loads(path.read_text(encoding="utf-8"))["events"] == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".json")) == ["out.json"]


def test_the_export_reads_each_record_as_the_store_gives_it(seeded_store: Store) -> None:
    exported = export_data(seeded_store)
    for kind in RecordKind:
        assert exported[kind.section] == [to_json(r) for r in seeded_store.all(kind)]

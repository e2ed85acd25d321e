"""The JSON exchange format: export, checked import, and the bundled dataset."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from viewer.domain.enums import RecordKind
from viewer.domain.records import Event, Person, Source, StatusAction
from viewer.store.exchange import (
    FORMAT_VERSION,
    apply_import,
    dumps,
    export_data,
    plan_import,
    read_file,
)
from viewer.store.paths import bundled_dataset
from viewer.store.store import Store


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


def test_importing_the_same_file_twice_is_refused_key_by_key(seeded_store: Store) -> None:
    plan = plan_import(bundled(), seeded_store)
    assert len(plan.problems) >= plan.total
    assert all(
        "already in the database" in p.message or "also the" in p.message for p in plan.problems
    )


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
    assert article.authors == ("Ashley Carnahan", "Lucas Y. Tomlinson")
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

"""Finding likely duplicates: by web address, DOI, near title on one date, folded name."""

from __future__ import annotations

import dataclasses
import random
import string
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from tests import samples
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.records import Citation, Party, Person, Source
from viewer.store.api import DuplicateGroup, Store, find_duplicates, open_or_create
from viewer.store.duplicates import NEAR_TITLE, SAME_DOI, SAME_NAME, SAME_URL
from viewer.store.schema import SourceRow


def _keys(groups: list[DuplicateGroup]) -> list[set[str]]:
    return [{record.key for record in group.records} for group in groups]


def _source(key: str, title: str, day: str | None = "2025-11-06", url: str = "") -> Source:
    published = FuzzyDate.parse(day) if day else None
    return Source(key=key, title=title, published=published, url=url)


def test_sources_with_one_address_written_differently_are_found(store: Store) -> None:
    store.add(_source("a", "First", url="https://www.example.org/news/1/"))
    store.add(
        _source("b", "Second", day="2024", url="HTTP://example.org/news/1?utm_source=feed#top")
    )
    store.add(_source("c", "Third", url="https://example.org/news/2"))
    groups = find_duplicates(store, [RecordKind.SOURCE])
    assert _keys(groups) == [{"a", "b"}]
    assert groups[0].reason == SAME_URL
    assert groups[0].kind is RecordKind.SOURCE


def test_sources_with_one_doi_are_found(store: Store) -> None:
    store.add(dataclasses.replace(_source("a", "One"), doi="10.1000/ABC"))
    store.add(
        dataclasses.replace(_source("b", "Two", day="2020"), doi="https://doi.org/10.1000/abc")
    )
    store.add(dataclasses.replace(_source("c", "Three"), doi="10.1000/abd"))
    groups = find_duplicates(store, [RecordKind.SOURCE])
    assert _keys(groups) == [{"a", "b"}]
    assert groups[0].reason == SAME_DOI


def test_near_identical_titles_of_one_date_are_found_not_of_two_dates(store: Store) -> None:
    title = "Kazakhstan to join Abraham Accords, Trump says"
    store.add(_source("a", title))
    store.add(_source("b", "Kazakhstan to join the Abraham Accords - Trump says"))
    store.add(_source("c", title, day="2025-11-07"))  # another day: another article
    store.add(_source("d", "Azerbaijan to join Abraham Accords, officials say"))
    store.add(_source("e", title, day=None))  # no date: nothing to compare on
    groups = find_duplicates(store, [RecordKind.SOURCE])
    assert _keys(groups) == [{"a", "b"}]
    assert groups[0].reason == NEAR_TITLE


def test_reasons_join_and_the_most_cited_comes_first(store: Store) -> None:
    store.add(_source("a", "Same title", url="https://example.org/x"))
    store.add(_source("b", "Same title!", url="https://example.org/x/"))
    store.add(_source("c", "Other", day="2020", url="https://example.org/x?utm_medium=mail"))
    store.add(dataclasses.replace(samples.STATE, citations=(Citation("c"), Citation("c", "2"))))
    [group] = find_duplicates(store, [RecordKind.SOURCE])
    assert [r.key for r in group.records] == ["c", "a", "b"]
    assert [r.citations for r in group.records] == [2, 0, 0]
    assert group.reason == "same web address; same title and date"
    assert group.records[1].date == FuzzyDate.parse("2025-11-06").display()
    assert group.records[1].url == "https://example.org/x"


def test_parties_and_people_with_one_name_folded_are_found(store: Store) -> None:
    store.add(samples.SOURCE)
    store.add(Party(key="ci", name="Côte d’Ivoire", iso_code="CI"))
    store.add(Party(key="ivory", name="COTE D'IVOIRE"))
    store.add(Party(key="tr", name="Türkiye", iso_code="TR"))
    store.add(Party(key="tr2", name="Turkiye", iso_code="TM"))  # another code: another state
    store.add(Person(key="mbz", name="Mohammed bin Zayed"))
    store.add(Person(key="mbz2", name="mohammed  bin-zayed", citations=(Citation("report"),)))
    groups = find_duplicates(store, [RecordKind.PARTY, RecordKind.PERSON])
    assert [(g.kind, {r.key for r in g.records}) for g in groups] == [
        (RecordKind.PARTY, {"ci", "ivory"}),
        (RecordKind.PERSON, {"mbz", "mbz2"}),
    ]
    assert {g.reason for g in groups} == {SAME_NAME}
    assert groups[1].records[0].key == "mbz2"  # the one with a citation
    assert groups[0].records[0].iso_code in ("CI", None)


def test_the_bundled_data_has_no_duplicates(seeded_store: Store) -> None:
    assert find_duplicates(seeded_store) == []


def test_a_hundred_thousand_sources_are_searched_in_linear_time(tmp_path: Path) -> None:
    """Planted duplicates among 100,000 synthetic sources are found; the time is printed."""
    store, _ = open_or_create(tmp_path / "large.sqlite3", "tester", seed=False)
    chance = random.Random(12)
    words = [
        "".join(chance.choices(string.ascii_lowercase, k=chance.randint(3, 9))) for _ in range(3000)
    ]
    start = date(2015, 1, 1)
    rows = [
        {
            "key": f"s{i}",
            "title": " ".join(chance.choices(words, k=chance.randint(5, 12))).capitalize(),
            "source_kind": "news_article",
            "authors": [],
            "published_edtf": (start + timedelta(days=i % 3650)).isoformat(),
            "url": f"https://news.example/{i}",
            "version": 1,
        }
        for i in range(100_000)
    ]
    rows[50_000]["url"] = "https://www.news.example/7/"  # the address of s7
    # s1's title with one word more, on s1's date.
    rows[3651]["title"] = str(rows[1]["title"]).replace(" ", " and ", 1)
    with store.writing("loading") as session:
        session.execute(insert(SourceRow), rows)
    began = time.perf_counter()
    groups = find_duplicates(store, [RecordKind.SOURCE])
    print(f"\nfind_duplicates over 100,000 sources: {time.perf_counter() - began:.2f} s")
    assert sorted(map(sorted, _keys(groups))) == [["s1", "s3651"], ["s50000", "s7"]]
    store.engine.dispose()

"""The query language finds the same records, in the same order, on both
backends: FTS5 on a SQLite file and a tsvector on PostgreSQL, each given the
bundled dataset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import NewDatabase, SeededCopy
from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.search import counts, facets, search
from viewer.store.store import Store

# Words, prefixes, phrases, OR, exclusion, every filter, and their mixtures.
QUERIES = [
    "kazakhstan",
    "KAZAKH",
    "signing cerem",
    "signing white house",
    '"signing ceremony"',
    '"ceremony signing"',
    '"first signed in 2020"',
    "visit",
    "visit -salman",
    "-salman",
    "morocco OR sudan",
    "morocco -sudan",
    "UAE",
    "ÉMIRATES",
    "abraham",
    "accords",
    "a",
    "trump",
    "normalisation OR normalization",
    "kind:event",
    "kind:event signing",
    "-kind:event",
    "kind:party",
    "kind:source trump",
    "party:bahrain",
    "party:BH",
    "party:saudi",
    "party:kazakhstan -kind:status",
    "person:tokayev",
    "accord:abraham-accords",
    "status:stalled",
    "status:expected-to-join",
    "status:agreement-signed",
    "certainty:planned",
    "certainty:expected",
    "source:axios",
    "-source:axios",
    "after:2025-11-10",
    "before:2021",
    "year:2021",
    "year:2025",
    "-year:2025",
    "year:2020 signed",
    "missing:date",
    "has:date",
    "has:citation",
    "missing:citation",
    "has:quote",
    'person:"Bret Baier"',
    "israel OR kazakhstan year:2020",
]


@pytest.fixture
def both(
    tmp_path: Path, seeded_copy: SeededCopy, new_server_database: NewDatabase
) -> Iterator[tuple[Store, Store]]:
    """The seeded dataset on a SQLite file and on a server database."""
    on_file, file_opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    on_server, server_opened = open_or_create(new_server_database(True), "tester")
    assert on_server.on_server and not on_file.on_server
    yield on_file, on_server
    file_opened.engine.dispose()
    server_opened.close()


def hits(store: Store, query: str) -> list[tuple[RecordKind, str, str]]:
    return [(hit.kind, hit.key, hit.snippet) for hit in search(store, query)]


def test_every_query_finds_the_same_records_in_the_same_order_on_both(
    both: tuple[Store, Store],
) -> None:
    on_file, on_server = both
    found_any = 0
    for query in QUERIES:
        found = hits(on_file, query)
        assert hits(on_server, query) == found, query
        found_any += bool(found)
    assert found_any >= len(QUERIES) - 3  # the queries find something: a real comparison


def test_every_query_counts_and_divides_its_hits_alike_on_both(
    both: tuple[Store, Store],
) -> None:
    on_file, on_server = both
    for query in QUERIES:
        assert counts(on_server, query) == counts(on_file, query), query
        assert facets(on_server, query) == facets(on_file, query), query
    assert facets(on_file, "visit").years  # facets with something in them

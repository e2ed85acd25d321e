"""The lists' order and where a record falls in it."""

from __future__ import annotations

import pytest

from viewer.domain.enums import RecordKind
from viewer.store import listing
from viewer.store.listing import COLUMNS, ListQuery, count_rows, fetch_rows, row_index
from viewer.store.store import Store


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_every_records_row_is_its_place_in_the_list_for_every_order(
    seeded_store: Store, kind: RecordKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing, "FIRST_COUNT_LIMIT", 2)
    # The seeded lists hold ties (same dates, same kinds) and missing values
    # (no ISO code, no current status, no date), which sort last.
    for column in range(len(COLUMNS[kind])):
        for descending in (False, True):
            for text in ("", "a"):
                query = ListQuery(kind, text, column, descending)
                listed = [row.key for row in fetch_rows(seeded_store, query, 0, 1_000)]
                assert len(listed) == count_rows(seeded_store, query)
                where = {key: row_index(seeded_store, query, key) for key in listed}
                assert where == {key: n for n, key in enumerate(listed)}, (column, descending)
                # Counted from the nearer end, with limits that grow (from 2 here).
                from_ends = {
                    key: row_index(seeded_store, query, key, len(listed)) for key in listed
                }
                assert from_ends == where, (column, descending, text)
                # A page in the second half is read from the end: the same rows.
                for offset in range(len(listed)):
                    page = fetch_rows(seeded_store, query, offset, 3, len(listed))
                    assert [row.key for row in page] == listed[offset : offset + 3]
    hidden = ListQuery(kind, "no record says this")
    assert all(row_index(seeded_store, hidden, key) is None for key in seeded_store.keys(kind))

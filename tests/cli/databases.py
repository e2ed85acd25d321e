"""The CLI tests' view of a database named as ``--db`` names it (a path, or a
server URL): opened to look, or summed up to tell it was left unchanged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from viewer.store.bootstrap import open_or_create
from viewer.store.exchange import export_data
from viewer.store.locations import parse_location
from viewer.store.store import Store


@contextmanager
def opened(db: str) -> Iterator[Store]:
    """A store on the database ``db`` names (never created or seeded here)."""
    store, handle = open_or_create(parse_location(db), "tester", seed=False)
    try:
        yield store
    finally:
        handle.close()


def snapshot(db: str) -> object:
    """What ``db`` holds, to compare before and after: a file's bytes and its
    journals' (nothing written at all), or a server database's records and
    revision log (nothing committed)."""
    location = parse_location(db)
    if isinstance(location, Path):
        return {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(location.parent.glob(f"{location.name}*"))
        }
    with opened(db) as store:
        return export_data(store), store.revisions()

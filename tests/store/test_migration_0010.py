"""Migration 0010: sources get a container title, a DOI, an archived text and
authors' names in parts, without losing a field, and the log accounts for it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from viewer.domain.enums import RecordKind
from viewer.domain.records import Author, Source
from viewer.store import chain
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import verify_chain
from viewer.store.database import open_database
from viewer.store.engine import writer
from viewer.store.history_replay import history_mismatches
from viewer.store.schema import RevisionRow
from viewer.store.search import search

OLD_FIELDS: dict[str, Any] = {
    "title": "Gulf states and the accords",
    "source_kind": "news_article",
    "publisher": "Gulf News",
    "authors": ["Mohammed bin Salman", "Associated Press", "Tomlinson, Lucas Y."],
    "published": "2025-11~",
    "url": "https://example.org/gulf",
    "accessed": "2025-11-20",
    "notes": "Read on paper.",
}


def _database_at_0009(path: Path) -> None:
    """A database as version 0009 wrote it: one source, created through the log."""
    opened = open_database(path, upgrade_to="0009")
    with writer(opened.engine).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (key, version, title, source_kind, publisher, authors, "
                "published_edtf, published_lower, published_upper, url, accessed_edtf, "
                "accessed_lower, accessed_upper, notes, claims) VALUES ('gulf', 1, :title, "
                ":source_kind, :publisher, :authors, '2025-11~', '2025-11-01', '2025-11-30', "
                ":url, '2025-11-20', '2025-11-20', '2025-11-20', :notes, 0)"
            ),
            {**OLD_FIELDS, "authors": json.dumps(OLD_FIELDS["authors"])},
        )
        entry: dict[str, Any] = {
            "at": datetime(2025, 11, 21, tzinfo=UTC),
            "user": "an earlier version",
            "action": "create",
            "record_kind": "source",
            "record_key": "gulf",
            "changes": {name: [None, value] for name, value in OLD_FIELDS.items()},
        }
        chain.seal(chain.tip(connection), entry)
        connection.execute(insert(RevisionRow), [entry])
    opened.close()


def test_a_source_keeps_every_field_and_gets_names_in_parts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_0009(path)

    store, opened = open_or_create(path, "tester")
    try:
        source = store.get(RecordKind.SOURCE, "gulf")
        assert isinstance(source, Source)
        assert source.authors == (
            Author("bin Salman", "Mohammed"),
            Author(literal="Associated Press"),
            Author("Tomlinson", "Lucas Y."),
        )
        assert source.container_title == "Gulf News"  # the newspaper, as before
        assert (source.title, source.publisher, source.url, source.notes) == (
            OLD_FIELDS["title"],
            "Gulf News",
            OLD_FIELDS["url"],
            OLD_FIELDS["notes"],
        )
        assert (str(source.published), str(source.accessed)) == ("2025-11~", "2025-11-20")
        assert (source.doi, source.archived_text) == ("", "")
    finally:
        opened.close()


def test_the_log_accounts_for_what_the_migration_changed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_0009(path)

    store, opened = open_or_create(path, "tester")
    try:
        assert history_mismatches(store) == []
        assert verify_chain(store) == []
        created, update = store.revisions(RecordKind.SOURCE, "gulf")
        assert created.user == "an earlier version"
        assert update.user == "Accords Viewer (database upgrade 0010)"
        assert set(update.changes) == {"authors", "container_title"}
        assert update.changes["container_title"] == ("", "Gulf News")
    finally:
        opened.close()


def test_the_search_finds_an_author_by_name_not_by_the_words_of_json(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_0009(path)

    store, opened = open_or_create(path, "tester")
    try:
        assert [hit.key for hit in search(store, "Salman")] == ["gulf"]
        assert search(store, "family") == []
    finally:
        opened.close()

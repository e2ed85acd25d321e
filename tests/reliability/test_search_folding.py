"""Issue 10, `search`: full Unicode case folding, both ways, in new and in
upgraded databases; snippets show the record's own text."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event

from tests.conftest import SeededCopy
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.query import spans
from viewer.domain.records import Party
from viewer.store import search_index
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import run_checks
from viewer.store.database import alembic_config
from viewer.store.engine import initials
from viewer.store.listing import key_for_name
from viewer.store.search import search
from viewer.store.store import Store

P = RecordKind.PARTY
KELVIN = "\u212a"  # KELVIN SIGN, which folds to "k"
# Keys are indexed too: these hold none of the words searched for.
NAMES = {
    "org-street": "Hauptstraße Council",
    "org-big": "GROSSE FREIHEIT Club",
    "org-sign": f"{KELVIN}elvin Institute",
    "org-plain": "Kelvinside League",
    "org-tied": "ﬁnancial Board",
    "org-wide": "Ｗｉｄｅ Ｏｆｆｉｃｅ",
    "org-french": "Émirats arabes unis",
}


def add_names(store: Store) -> None:
    for key, name in NAMES.items():
        store.add(Party(key=key, name=name, party_kind=PartyKind.ORGANISATION))


def found(store: Store, text: str) -> set[str]:
    return {hit.key for hit in search(store, text, kinds=(P,))}


CASES = [
    ("HAUPTSTRASSE", {"org-street"}),
    ("hauptstrasse", {"org-street"}),
    ("Hauptstraße", {"org-street"}),
    ("große", {"org-big"}),
    ("GROẞE", {"org-big"}),  # the capital sharp s
    ("kelvin", {"org-sign", "org-plain"}),
    (f"{KELVIN}ELVIN", {"org-sign", "org-plain"}),
    ('"kelvin institute"', {"org-sign"}),
    ("financial", {"org-tied"}),
    ("ﬁnancial", {"org-tied"}),
    ("wide office", {"org-wide"}),
    ("emirats", {"org-french"}),  # accents are ignored, as before
    ("ÉMIRATS", {"org-french"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text for text, _ in CASES])
def test_full_case_folding_finds_both_ways(store: Store, text: str, expected: set[str]) -> None:
    add_names(store)
    assert found(store, text) == expected


def test_a_snippet_shows_the_records_own_text_with_the_match_marked(store: Store) -> None:
    add_names(store)
    [hit] = search(store, "HAUPTSTRASSE", kinds=(P,))
    assert hit.snippet.replace("\ue000", "").replace("\ue001", "") == "Hauptstraße Council"
    assert [text for text, match in spans(hit.snippet) if match] == ["Hauptstraße"]
    [hit] = search(store, "ﬁnancial", kinds=(P,))
    assert [text for text, match in spans(hit.snippet) if match] == ["ﬁnancial"]


def test_names_are_equal_under_the_same_folding(store: Store) -> None:
    add_names(store)
    assert key_for_name(store, P, "HAUPTSTRASSE COUNCIL") == "org-street"
    assert key_for_name(store, P, "kelvin institute") == "org-sign"
    assert found(store, 'party:"hauptstrasse council"') == {"org-street"}


def _old_index_text(value: object) -> str:
    """The index's text before this change: NFC only, as 0007 wrote it."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else ""


def _write_the_old_index(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _functions(connection: sqlite3.Connection, _record: object) -> None:
        connection.create_function("index_text", 1, _old_index_text)
        connection.create_function("initials", 1, initials)

    with engine.begin() as connection:
        # The database as it was at ``revision`` (0008): sources without the
        # columns 0010 adds, so that opening it runs 0009 and 0010 for real.
        for column in ("container_title", "doi", "archived_text"):
            connection.exec_driver_sql(f"ALTER TABLE sources DROP COLUMN {column}")
        search_index.rebuild(connection, search_index.SOURCE_BODY_BEFORE_0010)
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (revision,))
    engine.dispose()


def test_an_older_database_is_rebuilt_folded_when_opened(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    add_names(store)
    opened.close()
    scripts = ScriptDirectory.from_config(alembic_config())
    folding = next(
        s for s in scripts.walk_revisions() if s.path.endswith("_folded_search_index.py")
    )
    assert isinstance(folding.down_revision, str)
    _write_the_old_index(path, folding.down_revision)
    with sqlite3.connect(path) as raw:  # the old index cannot fold "ß"
        assert raw.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH '\"hauptstrasse\"'"
        ).fetchone() == (0,)

    store, opened = open_or_create(path, "tester")  # upgrades, after a backup
    try:
        assert opened.backup_path is not None and opened.backup_path.exists()
        assert found(store, "HAUPTSTRASSE") == {"org-street"}
        assert found(store, "große") == {"org-big"}
        assert [f for f in run_checks(store) if f.topic == "search"] == []
    finally:
        opened.close()

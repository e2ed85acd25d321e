"""``accords-viewer check`` on either backend: clean on the bundled data, the
same exit codes, the revision log's chain head noted and found again, and a
search index emptied behind the app's back found and rebuilt."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from tests.cli.databases import opened
from viewer.app import main
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party


def test_the_chain_head_noted_is_found_unchanged_after_more_writes(
    seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", seeded_db, "check", "--chain-head"]) == 0
    out = capsys.readouterr().out
    assert "The revision log's chain verifies" in out and out.endswith("No problems found.\n")
    head = out.split("Chain head: ", 1)[1].split(" ", 1)[0]
    with opened(seeded_db) as store:
        kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
        assert isinstance(kazakhstan, Party)
        store.update(replace(kazakhstan, notes="Joined in November 2025."))
    assert main(["--db", seeded_db, "check", "--chain-head", head]) == 0
    out = capsys.readouterr().out
    assert f"The noted head {head} is in the log unchanged" in out
    assert f"Chain head: {head} " not in out  # the head moved on with the write


def test_an_emptied_search_index_fails_the_check_and_repair_rebuilds_it(
    seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with opened(seeded_db) as store, store.engine.begin() as connection:
        connection.execute(text("DELETE FROM search_index"))
    capsys.readouterr()
    assert main(["--db", seeded_db, "search", "kazakhstan"]) == 0
    assert capsys.readouterr().out == ""  # nothing to find in an empty index
    assert main(["--db", seeded_db, "check"]) == 1
    out, err = capsys.readouterr()
    assert "search:" in out
    assert err.startswith("accords-viewer: ") and err.rstrip().endswith(("finding", "findings"))
    assert main(["--db", seeded_db, "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "Rebuilt the search index." in out and out.endswith("No problems found.\n")
    assert main(["--db", seeded_db, "search", "kazakhstan"]) == 0
    assert "participant\tkazakhstan\tKazakhstan" in capsys.readouterr().out

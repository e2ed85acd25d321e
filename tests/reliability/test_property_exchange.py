"""Property test of the exchange format: export, then import into a new
database, gives the same database.

Random small valid datasets (every kind of record, with roles, citations and
EDTF dates, see :func:`property_strategies.datasets`) are imported into a new
database and exported as JSON; that file is imported into another new
database and exported again. The two files must be identical byte for byte,
and hold exactly the records generated.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.reliability.conftest import EmptyCopy
from tests.reliability.property_strategies import datasets, exchange_form
from viewer.domain.enums import RecordKind
from viewer.domain.names import cleaned
from viewer.domain.records import Record
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import run_checks
from viewer.store.exchange import apply_import, export_json, plan_import, read_file


@settings(
    max_examples=50,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(datasets())
def test_property_export_then_import_gives_the_same_database(
    empty_copy: EmptyCopy, records: dict[RecordKind, list[Record]]
) -> None:
    generated = exchange_form(records)
    # An import cleans names and keys (NFC, no invisible characters, no spaces
    # around): what comes back is the generated data as cleaned.
    expected = exchange_form({kind: [cleaned(r) for r in rs] for kind, rs in records.items()})
    with tempfile.TemporaryDirectory() as folder:
        first = _import_and_export(empty_copy, Path(folder) / "first", generated)
        second = _import_and_export(
            empty_copy, Path(folder) / "second", json.loads(first.read_text("utf-8"))
        )
        assert second.read_bytes() == first.read_bytes()
        assert json.loads(first.read_text("utf-8")) == expected


def _import_and_export(empty_copy: EmptyCopy, name: Path, data: object) -> Path:
    """Import ``data`` into a new database at ``name``.sqlite3 as the
    command line does (from a file), check it, and export it to ``name``.json."""
    source = name.with_suffix(".in.json")
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    store, opened = open_or_create(empty_copy(name.with_suffix(".sqlite3")), "tester")
    try:
        read, problems = read_file(source)
        assert problems == []
        plan = plan_import(read, store)
        assert [str(problem) for problem in plan.problems] == []
        apply_import(plan, store)
        # Random data need not cite every claim; anything else is a fault (the
        # search index, the kept counts, the revision log replayed...).
        findings = [str(f) for f in run_checks(store) if f.topic != "citation needed"]
        assert findings == []
        exported = name.with_suffix(".json")
        export_json(store, exported)
    finally:
        opened.close()
    return exported

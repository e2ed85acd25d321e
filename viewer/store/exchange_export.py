"""Writing the JSON exchange file: every record of every kind in the order
they were added, a page at a time (:mod:`viewer.store.streams`), the file
appearing whole or not at all. (:mod:`viewer.store.exchange` reads it.)"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, func, select

from viewer.domain.enums import RecordKind
from viewer.domain.serial import JsonValue
from viewer.store.exchange_checks import FORMAT_NAME, FORMAT_VERSION
from viewer.store.store import Store
from viewer.store.streams import exchange_forms, table_of

Progress = Callable[[int, int], None]


def export_data(store: Store) -> dict[str, Any]:
    """The whole database in exchange form, as one JSON value (small databases and
    tests; :func:`export_json` writes a file without holding it all)."""
    data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    with store.engine.connect() as connection:
        for kind in RecordKind:
            data[kind.section] = [
                item for page in exchange_forms(connection, kind) for item in page
            ]
    return data


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_json(store: Store, path: Path, progress: Progress | None = None) -> None:
    """Write the whole database to ``path`` as :func:`dumps` would write
    :func:`export_data`, a page of records at a time, from one consistent read.

    The file appears whole or not at all; ``progress`` is told (records
    written, records in all) after each page.
    """
    temporary = _partial(path)
    try:
        # Not without the cycle collector, as the import and check are: each
        # json.dumps with an indent leaves a cycle of closures behind.
        with temporary.open("w", encoding="utf-8") as out, store.engine.connect() as connection:
            _write_export(connection, out, progress)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_export(connection: Connection, out: TextIO, progress: Progress | None) -> None:
    # The same text as json.dumps(indent=2) of the whole: each record is dumped
    # on its own and indented to its depth (JSON text holds no raw newline, so
    # every line break is the layout's).
    total = sum(_count(connection, kind) for kind in RecordKind)
    done = 0
    header = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    out.write(
        "{\n" + "".join(f"  {_dump(name)}: {_dump(value)},\n" for name, value in header.items())
    )
    for number, kind in enumerate(RecordKind):
        out.write(f"  {_dump(kind.section)}: [")
        first = True
        for page in exchange_forms(connection, kind):
            for item in page:
                text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
                out.write(("\n    " if first else ",\n    ") + text)
                first = False
            done += len(page)
            if progress is not None:
                progress(done, total)
        out.write("]" if first else "\n  ]")
        out.write(",\n" if number < len(RecordKind) - 1 else "\n")
    out.write("}\n")


def _dump(value: JsonValue) -> str:
    return json.dumps(value, ensure_ascii=False)


def _count(connection: Connection, kind: RecordKind) -> int:
    return connection.execute(select(func.count()).select_from(table_of(kind))).scalar() or 0


def _partial(path: Path) -> Path:
    """Where a file is written before it takes its name, so that a crash leaves
    the old file or the new, never half of one."""
    return path.with_name(f".{path.name}.partial")

"""CSV export: one file per record kind, plus citations and event roles.

Meant for spreadsheets, so a cell that a spreadsheet would run as a formula
(starting with =, +, - or @) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from viewer.domain.enums import RecordKind
from viewer.domain.records import RECORD_TYPES, Event
from viewer.domain.serial import to_json
from viewer.store.store import Store

NESTED = ("citations", "roles")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_csv(
    store: Store, folder: Path, progress: Callable[[int, int], None] | None = None
) -> list[Path]:
    """Write the CSV files into ``folder`` (created if needed); returns their paths.

    Each file is written under a temporary name, and all of them take their
    names at the end: an export that fails or is stopped half-way (its
    ``progress``, told (records written, records in all) after each kind,
    raising) leaves none of its files behind, and a folder it made is removed.
    """
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    partial: list[Path] = []
    try:
        _write_all(store, folder, partial, progress)
        for path in partial:
            path.replace(_final(path))
    except BaseException:
        for path in partial:
            path.unlink(missing_ok=True)
        if made and not any(folder.iterdir()):
            folder.rmdir()
        raise
    return [_final(path) for path in partial]


def _write_all(
    store: Store,
    folder: Path,
    written: list[Path],
    progress: Callable[[int, int], None] | None,
) -> None:
    total = sum(store.count(kind) for kind in RecordKind)
    done = 0
    citations: list[dict[str, Any]] = []
    roles: list[dict[str, Any]] = []
    for kind in RecordKind:
        columns = [
            f.name
            for f in dataclasses.fields(RECORD_TYPES[kind])
            if f.name not in NESTED and f.name != "version"
        ]
        rows = []
        for record in store.all(kind):
            data = to_json(record)
            rows.append({name: _cell(data[name]) for name in columns})
            for position, citation in enumerate(data.get("citations", [])):
                citations.append(
                    {
                        "record_kind": kind.value,
                        "record_key": record.key,
                        "position": position,
                        **citation,
                    }
                )
            if isinstance(record, Event):
                for position, role in enumerate(data["roles"]):
                    roles.append({"event": record.key, "position": position, **role})
        _write(_partial(folder / f"{kind.section}.csv", written), columns, rows)
        done += len(rows)
        if progress is not None:
            progress(done, total)
    _write(
        _partial(folder / "citations.csv", written),
        ["record_kind", "record_key", "position", "source", "locator", "quote", "note"],
        [{k: _cell(v) for k, v in row.items()} for row in citations],
    )
    _write(
        _partial(folder / "event_roles.csv", written),
        ["event", "position", "role", "party", "person"],
        [{k: _cell(v) for k, v in row.items()} for row in roles],
    )


def _partial(path: Path, written: list[Path]) -> Path:
    """Where ``path`` is written until the export is whole; noted in ``written``
    before anything is written to it, so that a failure removes it too."""
    partial = path.with_name(f".{path.name}.partial")
    written.append(partial)
    return partial


def _final(partial: Path) -> Path:
    return partial.with_name(partial.name.removeprefix(".").removesuffix(".partial"))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    text = str(value)
    if text.startswith(_FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _write(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path

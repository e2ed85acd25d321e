"""CSV export: one file per record kind, plus citations and event roles.

Meant for spreadsheets, so a cell that a spreadsheet would run as a formula
(starting with =, +, - or @) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Any

from viewer.domain.enums import RecordKind
from viewer.domain.records import RECORD_TYPES, Event
from viewer.domain.serial import to_json
from viewer.store.store import Store

NESTED = ("citations", "roles")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_csv(store: Store, folder: Path) -> list[Path]:
    """Write the CSV files into ``folder`` (created if needed); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
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
        written.append(_write(folder / f"{kind.section}.csv", columns, rows))
    written.append(
        _write(
            folder / "citations.csv",
            ["record_kind", "record_key", "position", "source", "locator", "quote", "note"],
            [{k: _cell(v) for k, v in row.items()} for row in citations],
        )
    )
    written.append(
        _write(
            folder / "event_roles.csv",
            ["event", "position", "role", "party", "person"],
            [{k: _cell(v) for k, v in row.items()} for row in roles],
        )
    )
    return written


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

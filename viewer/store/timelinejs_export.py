"""An accord's events written as a TimelineJS CSV (the rows are
:mod:`viewer.domain.timelinejs`'s).

The events are read in date order a page at a time and written as they come,
so memory stays flat however many there are; the file is written under a
temporary name and takes its own only when whole.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from viewer.domain.enums import RecordKind
from viewer.domain.quoting import quoted
from viewer.domain.records import Accord, Event
from viewer.domain.timelinejs import COLUMNS, Row, event_row, title_row
from viewer.store.errors import RecordNotFound
from viewer.store.mapping import select_rows, to_record
from viewer.store.overview import busiest_accord
from viewer.store.schema import AccordRow, EventRow
from viewer.store.store import Store

# Events read at a time.
PAGE = 500
# A cell a spreadsheet (Google Sheets is TimelineJS's usual home) would run
# as a formula gets a leading apostrophe, as the CSV export does.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class TimelineExport:
    """What an export wrote: the accord, its events written, and those left
    out because their start year is not known (undated ones among them)."""

    accord: str
    written: int
    left_out: int


def export_timelinejs(store: Store, path: Path, accord_key: str | None = None) -> TimelineExport:
    """Write the events of accord ``accord_key`` (default: the accord with the
    most status actions) to ``path``, after a title row for the accord.
    :class:`RecordNotFound` if there is no such accord."""
    key = accord_key if accord_key is not None else busiest_accord(store)
    if key is None:
        raise RecordNotFound("there is no accord with status steps to export; name one")
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            written, left_out = _write(store, key, csv.DictWriter(handle, fieldnames=COLUMNS))
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return TimelineExport(key, written, left_out)


def _write(store: Store, key: str, writer: csv.DictWriter[str]) -> tuple[int, int]:
    with (
        store.failures_explained(f"exporting the events of accord {quoted(key)}"),
        store.reading() as session,
    ):
        row = session.scalar(select_rows(RecordKind.ACCORD).where(AccordRow.key == key))
        if row is None:
            raise RecordNotFound(f"there is no accord {quoted(key)}")
        accord = to_record(row)
        assert isinstance(accord, Accord)
        writer.writeheader()
        writer.writerow(_guarded(title_row(accord)))
        written = left_out = 0
        events = session.scalars(
            select_rows(RecordKind.EVENT)
            .where(EventRow.accord_id == row.id)
            .order_by(EventRow.date_lower.is_(None), EventRow.date_lower, EventRow.id)
            .execution_options(yield_per=PAGE)
        )
        for stored in events:
            event = to_record(stored)
            assert isinstance(event, Event)
            cells = event_row(event)
            if cells is None:
                left_out += 1
            else:
                writer.writerow(_guarded(cells))
                written += 1
        return written, left_out


def _guarded(row: Row) -> Row:
    return {column: _cell(value) for column, value in row.items()}


def _cell(text: str) -> str:
    if text.startswith(_FORMULA_STARTS) and not text.lstrip("+-").isdigit():
        return "'" + text
    return text

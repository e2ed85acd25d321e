"""How much slower a list of many events opens than a list of ten.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/list_open.py [COUNT]

Both databases are built in a temporary folder in the same run, and the
figure reported is the ratio of the median open times, so that a busy,
shared machine shifts both alike. Paged reading means the ratio should stay
small (opening reads one page), whatever COUNT is.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from calendar import monthrange
from datetime import date
from pathlib import Path

from sqlalchemy import insert

from PySide6.QtWidgets import QApplication

from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.schema import EventRow
from viewer.store.store import Store
from viewer.ui.browse.record_table_model import RecordTableModel

REPEATS = 7


def build(folder: Path, count: int) -> Store:
    store, _ = open_or_create(folder / f"events-{count}.sqlite3", "benchmark", seed=False)
    batch = 50_000
    for start in range(0, count, batch):
        rows = []
        for n in range(start, min(count, start + batch)):
            year, month = 1950 + n % 75, n % 12 + 1
            rows.append(
                {
                    "key": f"event-{n:07d}",
                    "version": 1,
                    "title": f"Event {n:07d}",
                    "event_kind": "meeting",
                    "date_edtf": f"{year}-{month:02d}",
                    "date_lower": date(year, month, 1),
                    "date_upper": date(year, month, monthrange(year, month)[1]),
                    "location": "",
                    "summary": "",
                    "certainty": "confirmed",
                }
            )
        with store.engine.begin() as connection:
            connection.execute(insert(EventRow), rows)
    return store


def median_open_seconds(store: Store) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        model = RecordTableModel(store, RecordKind.EVENT)
        model.data(model.index(0, 1))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        small, large = build(Path(folder), 10), build(Path(folder), count)
        baseline, measured = median_open_seconds(small), median_open_seconds(large)
        print(f"open 10 events:    {baseline * 1000:8.1f} ms (baseline)")
        print(f"open {count:,} events: {measured * 1000:8.1f} ms")
        print(f"ratio: {measured / baseline:.1f}x the baseline")
        for store in (small, large):
            store.engine.dispose()


if __name__ == "__main__":
    main()

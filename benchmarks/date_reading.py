"""How much slower the app reads stored dates than Python reads ISO dates.

Run: .venv/bin/python benchmarks/date_reading.py [COUNT]

Lists, details, export and `check` read each stored date (EDTF text) into a
FuzzyDate. Plain ISO shapes (2021, 2021-01, 2021-01-15, with ~ ? %) and
intervals of two of them are read without the EDTF grammar; the other shapes
(open-ended intervals, seasons, X digits) still go through it, once per
distinct text. Each figure is the ratio of the median time to read COUNT
distinct dates against `date.fromisoformat` on the same number of day
strings, measured alternately in the same run, so that a busy machine shifts
both alike.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from viewer.domain.dates import FuzzyDate, _parse_cached

REPEATS = 5


def texts(count: int) -> dict[str, list[str]]:
    start = date(1945, 1, 1)
    days = [(start + timedelta(days=n)).isoformat() for n in range(count)]
    months = [f"{1 + n // 12:04d}-{n % 12 + 1:02d}" for n in range(count)]
    qualified = [f"{day}{'~?%'[n % 3]}" for n, day in enumerate(days)]
    intervals = [f"{days[n]}/{days[n + 6]}" for n in range(len(days) - 6)]
    # Still the grammar's: a few hundred say enough (milliseconds each).
    open_ended = [f"{1000 + n:04d}/.." for n in range(min(count, 300))]
    return {
        "days": days,
        "months": months,
        "qualified days": qualified,
        "intervals": intervals,
        "open-ended": open_ended,
    }


def timed(read: Callable[[str], object], values: list[str]) -> float:
    _parse_cached.cache_clear()  # every run reads each text afresh
    began = time.perf_counter()
    for value in values:
        read(value)
    return time.perf_counter() - began


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    shapes = texts(count)
    baseline_values = shapes["days"]
    print(f"{count:,} distinct dates of each shape, median of {REPEATS} runs")
    for shape, values in shapes.items():
        ours, baseline = [], []
        base_values = baseline_values[: len(values)]
        for _ in range(REPEATS):
            ours.append(timed(FuzzyDate.parse, values))
            baseline.append(timed(date.fromisoformat, base_values))
        ratio = statistics.median(ours) / statistics.median(baseline)
        print(
            f"  {shape:15} {statistics.median(ours) * 1e6 / len(values):8.1f} µs a date, "
            f"{ratio:6.1f}x date.fromisoformat"
        )


if __name__ == "__main__":
    main()

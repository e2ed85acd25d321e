"""How long exporting sources as CSL-JSON, BibTeX and RIS takes, and whether it
grows linearly with the number of sources.

Run: .venv/bin/python benchmarks/reference_export.py [SOURCES]

Writes two generated databases (`synth`), one with SOURCES sources (default
50,000) and one with half as many, then exports every source of each in each
format and prints the seconds and the microseconds a source. Linear export
shows about the same time a source at both sizes. Nothing is asserted: a busy
machine shifts the figures.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from viewer.store.api import REFERENCE_FORMATS, export_references, open_or_create
from viewer.store.synth import synthesise
from viewer.store.synth_records import SynthSize


def main(sources: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for count in (sources // 2, sources):
            database = Path(folder) / f"synth-{count}.sqlite3"
            synthesise(database, SynthSize(events=10, parties=5, sources=count))
            store, opened = open_or_create(database, "benchmark", seed=False)
            try:
                for file_format in REFERENCE_FORMATS:
                    started = time.perf_counter()
                    written = export_references(
                        store, Path(folder) / f"out.{file_format}", file_format
                    )
                    seconds = time.perf_counter() - started
                    print(
                        f"{file_format:>8}: {written:>7,} sources in {seconds:6.2f} s "
                        f"({seconds / max(written, 1) * 1e6:5.0f} µs a source)"
                    )
            finally:
                opened.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)

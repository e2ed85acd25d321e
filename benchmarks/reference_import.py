"""How long reading CSL-JSON, BibTeX and RIS files of sources takes, and
whether it grows linearly with the number of sources.

Run: .venv/bin/python benchmarks/reference_import.py [SOURCES]

Writes a generated database (`synth`) with SOURCES sources (default 50,000),
exports them in each format with the app's own export, then reads each file
whole and its first half with `read_references`, and prints the seconds and
the microseconds a source. Linear reading shows about the same time a source
at both sizes. Nothing is asserted: a busy machine shifts the figures.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from viewer.store.api import (
    REFERENCE_FORMATS,
    ReferenceFormat,
    export_references,
    open_or_create,
    read_references,
)
from viewer.store.synth import synthesise
from viewer.store.synth_records import SynthSize

# Where the first half of each file ends: before its item number half + 1.
_ITEM_START = {"csl-json": '\n  {\n    "id"', "bibtex": "\n@", "ris": "\nTY  - "}


def main(sources: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "synth.sqlite3"
        synthesise(database, SynthSize(events=10, parties=5, sources=sources))
        store, opened = open_or_create(database, "benchmark", seed=False)
        try:
            for file_format in REFERENCE_FORMATS:
                path = Path(folder) / f"out.{file_format}"
                export_references(store, path, file_format)
                text = path.read_text(encoding="utf-8")
                for label, part in (("half", _half(text, file_format)), ("whole", text)):
                    started = time.perf_counter()
                    read, problems = read_references(part, file_format)
                    seconds = time.perf_counter() - started
                    print(
                        f"{file_format:>8} {label:>5}: {len(read):>7,} sources "
                        f"({len(problems)} problems) in {seconds:6.2f} s "
                        f"({seconds / max(len(read), 1) * 1e6:5.0f} µs a source)"
                    )
        finally:
            opened.close()


def _half(text: str, file_format: ReferenceFormat) -> str:
    marker = _ITEM_START[file_format]
    starts = [index for index in _find_all(text, marker)]
    cut = starts[len(starts) // 2]
    if file_format == "csl-json":
        return text[:cut].rstrip().rstrip(",") + "\n]\n"
    return text[: cut + 1]


def _find_all(text: str, marker: str) -> list[int]:
    found, index = [], text.find(marker)
    while index != -1:
        found.append(index)
        index = text.find(marker, index + 1)
    return found


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)

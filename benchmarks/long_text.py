"""How long the window takes to show records of huge text (issue 10).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/long_text.py [REPEATS]

Before issue 10, selecting a participant with a 100,000-character name took
16 s, showing a source with a 300 KB web address 350 s, and the link
question for a 2 MB address 26 s: each widget laid out the whole text. Now
each lays out a bounded part. A database is written with such records (as
another program could: the store refuses them), and each figure is the
median of REPEATS runs, against the same for a record of ordinary text in
the same run, so that a busy machine shifts both alike:

* panes: the detail and citations panes filled from a record already read,
  and painted, on the GUI thread (target: one frame, 16 ms, on a machine
  at rest; the ratio to the ordinary record holds on a busy one);
* select: the record selected in its list until both panes show it (the
  read runs on a reader thread; the list row, the panes and the paint too);
* question: the "Open link" question built and shown for the 2 MB address;
* show all: the whole text opened in its viewer, on demand (its own target:
  under a second for 2 MB).
"""

# ruff: noqa: S608 (the SQL here is built from this file's own constants only)
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer.domain.enums import RecordKind
from viewer.domain.records import Citation, Party, Source
from viewer.store import api
from viewer.store.bootstrap import open_or_create
from viewer.store.store import Store
from viewer.ui.browse.full_text_dialog import FullTextDialog
from viewer.ui.browse.link_opener import LinkOpener, question_text
from viewer.ui.window.main_window import MainWindow

FRAME_MS = 16.0
CASES = {
    "ordinary participant": (RecordKind.PARTY, "plain"),
    "100,000-character name and note": (RecordKind.PARTY, "long"),
    "300 KB web address": (RecordKind.SOURCE, "big-url"),
    "2 MB web address": (RecordKind.SOURCE, "huge-url"),
}
HUGE_URL = "https://example.org/" + "b" * 2_000_000


def build(path: Path) -> Store:
    store, _ = open_or_create(path, "bench", seed=False)
    store.add(Source("big-url", "A 300 KB address", url="https://example.org/"))
    store.add(Source("huge-url", "A 2 MB address", url="https://example.org/"))
    store.add(Party("plain", "Kazakhstan", notes="An ordinary note.\nOf two lines."))
    store.add(Party("long", "Long", citations=(Citation("big-url", "p. 1", note="n"),)))
    rows = (
        ("sources", "big-url", "url", "https://example.org/" + "a" * 300_000),
        ("sources", "huge-url", "url", HUGE_URL),
        ("parties", "long", "name", "N" * 100_000),
        ("parties", "long", "notes", "A line of the note.\n" * 5_000),
    )
    with store.engine.begin() as connection:
        for table, key, column, value in rows:
            connection.execute(
                text(f"UPDATE {table} SET {column} = :value WHERE key = :key"),
                {"value": value, "key": key},
            )
        connection.execute(text("UPDATE citations SET note = :note"), {"note": "q" * 100_000})
    return store


def median_ms(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="long-text-") as scratch:
        folder = Path(scratch)
        store = build(folder / "db.sqlite3")
        opener = LinkOpener(open_url=lambda _url: False, ask=lambda *_: False)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, folder / "db.sqlite3", settings, opener)
        window.resize(1300, 850)
        window.show()
        window.finish_reads()
        app.processEvents()

        print(f"median (min) of {repeats} runs, in ms; x: against the ordinary record")
        ordinary: dict[str, float] = {}
        for name, (kind, key) in CASES.items():
            detail = api.load_detail(store, kind, key)
            assert detail is not None

            def panes(detail: object = detail) -> None:
                window.detail_pane.show_detail(detail)  # type: ignore[arg-type]
                window.citations_pane.show_detail(detail)  # type: ignore[arg-type]
                window.detail_pane.repaint()
                window.citations_pane.repaint()
                app.processEvents()

            def select(kind: RecordKind = kind, key: str = key) -> None:
                window.select_record(kind, key)
                window.finish_reads()
                app.processEvents()
                window.show_kind(RecordKind.EVENT)  # away again, for the next run
                window.finish_reads()

            for step, action in (("panes", panes), ("select", select)):
                low, mid = median_ms(action, repeats)
                ordinary.setdefault(step, mid)
                times = f"x{mid / ordinary[step]:.1f}"
                if step == "panes":
                    times += f"  target {FRAME_MS:.0f}  {'PASS' if mid <= FRAME_MS else 'MISS'}"
                print(f"{step:7} {name:34} {mid:8.1f} ({low:.1f})  {times}")

        def question() -> None:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Open link",
                question_text(HUGE_URL, QUrl(HUGE_URL, QUrl.ParsingMode.TolerantMode)),
            )
            box.show()
            app.processEvents()
            box.close()

        low, mid = median_ms(question, repeats)
        print(f"question for the 2 MB address            {mid:8.1f} ({low:.1f})")
        for name, whole in (("100,000-character name", "N" * 100_000), ("2 MB address", HUGE_URL)):

            def show_all(whole: str = whole) -> None:
                dialog = FullTextDialog("Whole text", whole)
                dialog.show()
                app.processEvents()
                dialog.close()
                dialog.deleteLater()

            low, mid = median_ms(show_all, max(3, repeats // 2))
            print(f"show all {name:33} {mid:8.1f} ({low:.1f})")
        window.close()
        store.engine.dispose()


if __name__ == "__main__":
    main()

"""One start of a window, timed from the process's first line: run by run.py.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window_startup.py bare
     QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window_startup.py app DB

``bare`` is the baseline: PySide6 imported, a QMainWindow holding an empty
QTableView, shown and painted. ``app`` builds the app's own window on DB (as
``accords-viewer`` does, with default settings) and reports two milestones:
the first paint of its list, and the moment the list's rows and the first
record's detail are shown. Prints one line of JSON: seconds since the first
line of this file for each milestone, and the process's peak memory.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402 (the clock starts before any import)
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from peak_memory import peak_mb  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget  # noqa: E402

LIMIT_S = 600.0


class PaintWatch(QObject):
    """Notes when a widget is first painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.painted_at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter() - STARTED
        return False


def wait_until(app: QApplication, done: object) -> None:
    deadline = time.perf_counter() + LIMIT_S
    while not done():  # type: ignore[operator]
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("the window did not get there in time")
        time.sleep(0.001)


def bare(app: QApplication) -> dict[str, float]:
    window = QMainWindow()
    view = QTableView(window)
    window.setCentralWidget(view)
    window.resize(1400, 860)
    watch = PaintWatch(view.viewport())
    window.show()
    wait_until(app, lambda: watch.painted_at is not None)
    assert watch.painted_at is not None
    return {"first_paint": watch.painted_at}


def app_window(app: QApplication, database: Path) -> dict[str, float]:
    from viewer.app import create_main_window
    from viewer.domain.enums import RecordKind

    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_main_window(database, settings, seed=False)
        view = window.views[RecordKind.PARTY]
        watch = PaintWatch(view.viewport())
        window.show()
        wait_until(app, lambda: watch.painted_at is not None)
        assert watch.painted_at is not None
        model = view.model()
        wait_until(
            app,
            lambda: (
                model.rowCount() > 0
                and window.detail_pane.detail is not None
                and not window.detail_reader.is_waiting()
            ),
        )
        app.processEvents()  # the detail's text laid out and painted
        shown = time.perf_counter() - STARTED
        window.close()
        return {"first_paint": watch.painted_at, "rows_and_detail": shown}


def main() -> None:
    mode = sys.argv[1]
    app = QApplication([sys.argv[0]])
    figures = bare(app) if mode == "bare" else app_window(app, Path(sys.argv[2]))
    figures["peak_mb"] = peak_mb()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

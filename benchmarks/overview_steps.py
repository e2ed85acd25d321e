"""How smoothly the overview follows its date slider (issue 11, "Speed").

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/overview_steps.py [--steps 200]
     [--parties 200] [--events 20000] [--only bundled,synthetic]

It takes about 20 seconds. The real window (``create_main_window``) is
opened at 1400x900 with the overview shown (Ctrl+0) and the accord chosen
in its tool bar, for two scenes, each on a database of its own in a
temporary folder:

* bundled: the bundled Abraham Accords (9 participants, 9 events);
* synthetic: an accord of ``--parties`` states and ``--events`` events
  written by ``api.synthesise_accord`` (seed 1).

Then, alternately, so that a busy machine shifts both alike:

* step: the overview's day moved to the next of ``--steps`` days spread
  evenly over the slider's span (``OverviewView.set_day``: the slider, the
  field, the table's words, the map's colours and the timeline's line move),
  then the whole overview repainted synchronously, then the events the move
  posted processed as the event loop would before the next move (a layout,
  and a paint after it);
* baseline: the same, with the day unchanged: the same scene in the same
  colours, what a frame of the overview costs anyway.

"Repainted" means every widget of the overview marked dirty, then
``repaint()``: a plain ``repaint()`` of the overview would leave the table's
cells out, as Qt leaves an item view's viewport to its own dirty region.

Printed per scene: the median and p95 of each, in ms; the ratio of the
medians (the issue's target: at most 2x); the paint events that the table
(its cells), the map and the timeline received, counted by an event filter
(one each per step and per baseline: a part left out would look fast, a
part painted twice would be a wasted frame); and how often the parts were
resized and the timeline painted its picture under the as-of line again
during the steps (both 0: the day moves colours and a line, never the
layout). The offscreen platform has no GPU and no vsync, so the times are
the CPU's work for one frame.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from viewer.app import create_main_window
from viewer.store import api
from viewer.ui.window.main_window import MainWindow

SIZE = (1400, 900)
TARGET = 2.0
SCENES = ("bundled", "synthetic")
BUNDLED_ACCORD = "abraham-accords"
SYNTHETIC_ACCORD = ("synthetic-accord", "Synthetic Accord")
SEED = 1


class PaintCounter(QObject):
    """Counts the paint events each watched widget receives, and its resizes."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.counts = dict.fromkeys(widgets, 0)
        self.resizes = 0
        self._names = {id(widget): name for name, widget in widgets.items()}
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt names it)
        name = self._names.get(id(watched))
        if name is not None and event.type() == QEvent.Type.Paint:
            self.counts[name] += 1
        elif name is not None and event.type() == QEvent.Type.Resize:
            self.resizes += 1
        return False

    def reset(self) -> None:
        self.counts = dict.fromkeys(self.counts, 0)


@dataclass
class Result:
    scene: str
    step: list[float]
    baseline: list[float]
    parts: dict[str, int]  # paint events of each part over the steps
    baseline_parts: dict[str, int]  # and over the baselines
    resizes: int  # parts resized during the steps (the layout jumped)
    rebuilds: int  # times the timeline painted its picture under the as-of line again

    @property
    def ratio(self) -> float:
        return statistics.median(self.step) / max(statistics.median(self.baseline), 1e-9)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def build(scene: str, folder: Path, parties: int, events: int) -> tuple[Path, str]:
    """The database of ``scene`` and the key of the accord to show."""
    path = folder / f"{scene}.sqlite3"
    if scene == "bundled":
        _, opened = api.open_or_create(path, "benchmark")
        opened.close()
        return path, BUNDLED_ACCORD
    store, opened = api.open_or_create(path, "benchmark", seed=False)
    try:
        began = time.perf_counter()
        api.synthesise_accord(store, *SYNTHETIC_ACCORD, parties=parties, events=events, seed=SEED)
        note(f"  synthetic accord written in {time.perf_counter() - began:.1f} s")
    finally:
        opened.close()
    return path, SYNTHETIC_ACCORD[0]


def open_overview(path: Path, accord: str, folder: Path) -> MainWindow:
    """The window on ``path`` with the overview of ``accord`` shown and read."""
    app = QApplication.instance()
    assert app is not None
    settings = QSettings(str(folder / f"{path.stem}.ini"), QSettings.Format.IniFormat)
    window = create_main_window(path, settings)
    window.resize(*SIZE)
    window.show()
    window.finish_reads()
    window.accord_choice.set_key(accord)
    window.show_overview()
    window.finish_reads()
    app.processEvents()
    overview = window.overview.view.overview()
    if overview is None or overview.accord.key != accord:
        raise RuntimeError(f"the overview did not show {accord}")
    return window


def spread_days(window: MainWindow, count: int) -> list[date]:
    """``count`` days spread evenly over the slider's span (first to last change)."""
    overview = window.overview.view.overview()
    assert overview is not None
    changes = overview.change_days()
    first, last = changes[0], changes[-1]
    span = (last - first).days
    return [first + timedelta(days=round(span * n / max(count - 1, 1))) for n in range(count)]


def measure(window: MainWindow, days: list[date]) -> Result:
    """The step and baseline times (ms), how often each part painted in the
    steps and in the baselines, and how often the parts were resized and the timeline's
    picture painted again during them (both should be 0)."""
    view = window.overview.view
    parts = {
        "table": view.table.viewport(),
        "map": window.overview.map,
        "timeline": window.overview.timeline,
    }
    counter = PaintCounter(parts)
    app = QApplication.instance()
    assert app is not None
    painted_steps = dict.fromkeys(parts, 0)
    painted_baselines = dict.fromkeys(parts, 0)

    everything = [view, *view.findChildren(QWidget)]

    def timed(work: Callable[[], object], painted: dict[str, int]) -> float:
        counter.reset()
        began = time.perf_counter()
        work()
        # The layouts the move asked for before the paint, as a frame has them.
        app.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # An ancestor's repaint() leaves an item view's viewport (the table's
        # cells, its header) to its own dirty region: mark every widget of the
        # overview dirty, so that step and baseline paint the same whole scene.
        for widget in everything:
            QWidget.update(widget)
        view.repaint()
        # Then what else the move posted, as the event loop would before the
        # slider's next move: a layout that came late, and the paint after it
        # (a second pass, for a paint posted by the first), timed in this step.
        app.processEvents()
        app.processEvents()
        elapsed = (time.perf_counter() - began) * 1000
        for name, count in counter.counts.items():
            painted[name] = painted.get(name, 0) + count
        return elapsed

    # Start a day before the first, so the first step moves too; one warm-up each.
    view.set_day(days[0] - timedelta(days=1))
    timed(lambda: None, {})
    timed(lambda: None, {})
    counter.resizes = 0
    builds = window.overview.timeline.cache_builds
    steps, baseline = [], []
    for day in days:
        steps.append(timed(partial(view.set_day, day), painted_steps))
        baseline.append(timed(lambda: None, painted_baselines))
    if view.day() != days[-1]:
        raise RuntimeError(f"the overview is on {view.day()}, not {days[-1]}")
    rebuilds = window.overview.timeline.cache_builds - builds
    return Result("", steps, baseline, painted_steps, painted_baselines, counter.resizes, rebuilds)


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_scene(
    scene: str, folder: Path, steps: int, parties: int, events: int
) -> tuple[Result, str]:
    note(f"{scene}: building the database ...")
    path, accord = build(scene, folder, parties, events)
    note(f"{scene}: opening the overview ...")
    window = open_overview(path, accord, folder)
    try:
        overview = window.overview.view.overview()
        assert overview is not None
        described = (
            f"{len(overview.parties):,} participants, {overview.events_total:,} events, "
            f"{overview.change_days()[0]} to {overview.change_days()[-1]}"
        )
        note(f"{scene}: stepping through {steps} days ...")
        result = measure(window, spread_days(window, steps))
        result.scene = scene
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return result, described


def report(result: Result, described: str, steps: int) -> list[str]:
    verdict = "PASS" if result.ratio <= TARGET else "MISS"
    parts = ", ".join(f"{name} {count}" for name, count in result.parts.items())
    again = ", ".join(f"{name} {count}" for name, count in result.baseline_parts.items())
    return [
        f"{result.scene} ({described})",
        f"  step      median {statistics.median(result.step):7.1f} ms   "
        f"p95 {percentile(result.step, 0.95):7.1f} ms",
        f"  baseline  median {statistics.median(result.baseline):7.1f} ms   "
        f"p95 {percentile(result.baseline, 0.95):7.1f} ms",
        f"  ratio of medians {result.ratio:5.2f}x   target <= {TARGET:g}x   {verdict}",
        f"  paints in {steps} steps: {parts}; in {steps} baselines: {again}",
        f"  during the steps: parts resized {result.resizes} times, "
        f"timeline picture painted again {result.rebuilds} times (both should be 0)",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--parties", type=int, default=200)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument(
        "--only", default=",".join(SCENES), help="comma-separated: bundled,synthetic"
    )
    arguments = parser.parse_args(argv)
    only = [name.strip() for name in arguments.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(SCENES))
    if unknown:
        parser.error(f"--only: no scene {', '.join(unknown)} (scenes: {', '.join(SCENES)})")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="overview-steps-") as scratch:
        for scene in only:
            result, described = run_scene(
                scene, Path(scratch), arguments.steps, arguments.parties, arguments.events
            )
            lines += report(result, described, arguments.steps)
    del app
    print(
        f"\nThe overview at {SIZE[0]}x{SIZE[1]}, {arguments.steps} steps over the slider's span; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, PySide6 {pyside_version}, "
        f"platform {os.environ['QT_QPA_PLATFORM']}"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()

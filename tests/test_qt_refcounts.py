"""The installed PySide6 must not change the reference counts of None, True or False.

PySide6 6.12.0 drops a reference to None on every ``QComboBox.addItem``, item
data call and ``QStandardItem.setData``, and one to True on every signal
emission; after enough of them Python frees None and aborts ("Fatal Python
error: none_dealloc"). PySide6 6.10 and 6.11 err the other way: they keep
references to None for every line edit and combo box made and never give them
back, so the count only grows. pyproject.toml keeps below both; this test
catches them, or a later release like them, wherever the suite runs.

The calls are made in a process of their own (``tests/qt_refcount_probe.py``),
since a broken PySide6 would abort or corrupt the pytest process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.qt_refcount_probe import CALLS_PER_PROBE, CONTROL, WARM_UP

PROBE = Path(__file__).with_name("qt_refcount_probe.py")
CALLS = (
    'QComboBox.addItem("x")',
    'QComboBox.addItem("x", None)',
    "QComboBox.setItemData(0, None)",
    "QComboBox.findData(None)",
    "QComboBox.currentData()",
    "QStandardItem.setData(None, UserRole)",
    "Signal(object).emit(None) to a lambda",
    "a form with a QLineEdit and a QComboBox made and dropped",
)
# Measured on PySide6 6.9.3 and 6.7.0: every delta is exactly 0, run after run.
TOLERANCE = 0


def _run_probe() -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    completed = subprocess.run(
        [sys.executable, str(PROBE)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    lines: list[dict[str, Any]] = []
    for text in completed.stdout.splitlines():
        try:
            lines.append(json.loads(text))
        except json.JSONDecodeError:
            continue  # not the probe's (a library's own print): shown if the test fails
    return completed, lines


def _crash_report(completed: subprocess.CompletedProcess[str], why: str) -> str:
    return (
        f"the reference count probe {why} (exit code {completed.returncode})\n"
        f"--- its output ---\n{completed.stdout or '(none)'}\n"
        f"--- its errors ---\n{completed.stderr or '(none)'}"
    )


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None, True and False are immortal from Python 3.12: their counts never change "
    "and a dropped reference cannot free them",
)
def test_pyside6_keeps_the_reference_counts_of_none_true_and_false() -> None:
    completed, lines = _run_probe()
    if completed.returncode != 0:
        pytest.fail(_crash_report(completed, "crashed"), pytrace=False)
    if not lines or "pyside6" not in lines[0] or lines[-1] != {"done": True}:
        pytest.fail(_crash_report(completed, "did not finish its report"), pytrace=False)
    header, measured = lines[0], lines[1:-1]
    reported = {line["call"]: line for line in measured}
    if sorted(reported) != sorted((CONTROL, *CALLS)):
        pytest.fail(_crash_report(completed, "measured other calls"), pytrace=False)
    # The probe sees a change when there is one: the control keeps one
    # reference to None per call (its warm-up calls are not counted).
    assert reported[CONTROL]["deltas"] == {"None": CALLS_PER_PROBE, "True": 0, "False": 0}
    assert WARM_UP > 0

    wrong = []
    for call in CALLS:
        line = reported[call]
        if "error" in line:
            wrong.append(f"  {call}: raised {line['error']}")
            continue
        changed = {name: delta for name, delta in line["deltas"].items() if abs(delta) > TOLERANCE}
        if changed:
            deltas = ", ".join(f"{name} {delta:+d}" for name, delta in changed.items())
            wrong.append(f"  {call}: {deltas}")
    if wrong:
        pytest.fail(
            f"PySide6 {header['pyside6']} (Qt {header['qt']}, Python {header['python']}) "
            f"changes reference counts over {CALLS_PER_PROBE:,} calls each:\n"
            + "\n".join(wrong)
            + "\nA count that falls frees None or True while they are in use, and Python "
            "aborts; one that grows never comes back. Install another PySide6 (see "
            "constraints.txt).",
            pytrace=False,
        )

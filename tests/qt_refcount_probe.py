"""Counts the references to None, True and False that PySide6 calls leave behind.

Run as a script, in a process of its own, by ``tests/test_qt_refcounts.py``:
a PySide6 that drops references (6.12.0 does, on every QVariant it takes and
every signal it emits) frees None or True under the interpreter's feet, which
aborts the process ("Fatal Python error: none_dealloc") or corrupts it.

To be able to report instead of aborting, the probe first holds a million
extra references to each of None, True and False, and it leaves with
``os._exit`` so a corrupted interpreter is not asked to shut down cleanly.

It prints one JSON object per line:

* ``{"pyside6": "6.11.3", "qt": "6.11.3", "python": "3.11.7"}`` first;
* then, per call, ``{"call": NAME, "deltas": {"None": 0, "True": 0, "False": 0}}``
  (the change in ``sys.getrefcount`` over ``CALLS_PER_PROBE`` calls), or
  ``{"call": NAME, "error": "..."}`` when the call itself raised;
* ``{"done": true}`` last.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable

# Calls made per probe, after WARM_UP calls that may fill caches for good.
CALLS_PER_PROBE = 2_000
WARM_UP = 20
WATCHED: dict[str, object] = {"None": None, "True": True, "False": False}
# Extra references, held until the process ends, so that a PySide6 which drops
# some cannot free None, True or False before the probe has said so.
HELD: list[object] = []
# The control: a call that keeps one reference to None each time, on purpose,
# so that the test can tell a probe that sees changes from one that cannot.
CONTROL = "control: a list that keeps None"
KEPT_BY_CONTROL: list[None] = []


def emit(line: dict[str, object]) -> None:
    print(json.dumps(line), flush=True)


def probes() -> dict[str, Callable[[], object]]:
    """Each call to measure, named as the test reports it, on objects of its own."""
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtGui import QStandardItem
    from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

    class Emitter(QObject):
        value = Signal(object)

    plain, with_data, data_set, searched, current = (QComboBox() for _ in range(5))
    for combo in (data_set, searched, current):
        combo.addItem("first", None)
    current.setCurrentIndex(0)
    item = QStandardItem("item")
    emitter = Emitter()
    emitter.value.connect(lambda value: None)
    user_role = Qt.ItemDataRole.UserRole

    def form_made_and_dropped() -> None:
        # A parentless widget is Python's: it goes, with its children, on return.
        form = QWidget()
        QLineEdit(form)
        QComboBox(form).addItem("x", "key")

    return {
        CONTROL: lambda: KEPT_BY_CONTROL.append(None),
        'QComboBox.addItem("x")': lambda: plain.addItem("x"),
        'QComboBox.addItem("x", None)': lambda: with_data.addItem("x", None),
        "QComboBox.setItemData(0, None)": lambda: data_set.setItemData(0, None),
        "QComboBox.findData(None)": lambda: searched.findData(None),
        "QComboBox.currentData()": lambda: current.currentData(),
        "QStandardItem.setData(None, UserRole)": lambda: item.setData(None, user_role),
        "Signal(object).emit(None) to a lambda": lambda: emitter.value.emit(None),
        # PySide6 6.10 and 6.11 keep references to None for every line edit
        # and combo box made, and never give them back.
        "a form with a QLineEdit and a QComboBox made and dropped": form_made_and_dropped,
    }


def counts() -> dict[str, int]:
    return {name: sys.getrefcount(value) for name, value in WATCHED.items()}


def measure(call: Callable[[], object]) -> dict[str, int]:
    for _ in range(WARM_UP):
        call()
    before = counts()
    for _ in range(CALLS_PER_PROBE):
        call()
    after = counts()
    return {name: after[name] - before[name] for name in WATCHED}


def main() -> None:
    HELD.extend([None, True, False] * 1_000_000)

    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    emit(
        {
            "pyside6": PySide6.__version__,
            "qt": qVersion(),
            "python": sys.version.split()[0],
        }
    )
    app = QApplication([])
    for name, call in probes().items():
        try:
            emit({"call": name, "deltas": measure(call)})
        except Exception as error:  # a missing or changed API is a finding too
            emit({"call": name, "error": f"{type(error).__name__}: {error}"})
    emit({"done": True})
    # No interpreter shutdown: with counts already wrong it could abort, and
    # HELD must stay until the very end.
    del app
    os._exit(0)


if __name__ == "__main__":
    main()

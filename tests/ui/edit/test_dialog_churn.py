"""Opening and cancelling the edit dialogs 1,500 times leaves Python's counts sound.

The participant, event and status-action dialogs are each opened 500 times on
the seeded database through :class:`RecordEditor`, as the window opens them:
by turns an existing record (``edit``) and a new one (``new``; a new status
action for a participant, as Edit ▸ New status action makes it). Each is run
modally with ``exec()`` and cancelled from a timer once it is the active modal
window, as a user pressing Cancel would.

A PySide6 that drops references to None or True (6.12.0 does, on item data and
signal emission; see tests/test_qt_refcounts.py) frees them while they are in
use and Python aborts with "Fatal Python error: none_dealloc", taking the test
run with it. Before it gets that far, the counts show it:

* None, True and False must keep their reference counts, per kind of
  dialog, within ``TOLERANCE``. On 6.12.0 True falls by about 250, 1,400 and
  3,100 over the three kinds. PySide6 6.10 and 6.11 (not 6.9.3 or earlier)
  keep references to None that they never give back, two per line edit made
  inside a widget and three per combo box given an item: about 390 to 710 per
  dialog here, so the count of None grows by hundreds of thousands; that is
  why pyproject.toml stays below 6.10.

RecordEditor deletes each dialog once it is closed (``deleteLater``); the
test checks that none is left. Kept as children of the window, as they once
were, they held references of their own and made every later modal dialog
slower to open and close than the last (1,500 took three minutes).
"""

from __future__ import annotations

import gc
import re
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from pytestqt.qtbot import QtBot

import PySide6
from PySide6.QtCore import QEvent, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from viewer.domain.enums import RecordKind
from viewer.store.api import Store
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.record_editor import RecordEditor

KINDS = (RecordKind.PARTY, RecordKind.EVENT, RecordKind.STATUS_ACTION)
TIMES = 500
# Dialogs of each kind opened before counting, so that caches filled once
# (compiled SQL, the country list, Qt's styles) are not counted.
WARM_UP = 6
# Measured over 500 dialogs of each kind, alone and in the whole suite: None,
# True and False move by exactly 0 on PySide6 6.9.3 and by at most 3 on 6.7.0;
# on 6.12.0 True falls by 250 to 3,105, on 6.11.3 None rises by 195,000 and more.
TOLERANCE = 10


@contextmanager
def _qt_warnings(ignored: list[str]) -> Iterator[list[str]]:
    """Qt's warnings while inside, but those matching ``ignored`` only counted.

    pytest-qt keeps a record of every message, ignored ones too, and each
    record holds references to None and True: 1,500 dialogs shown offscreen
    make 1,500 "does not support propagateSizeHints" records, which would be
    counted. This keeps nothing for an ignored message and, like pytest-qt's
    ``qt_log_level_fail = WARNING``, the test fails on any other warning.
    """
    unexpected: list[str] = []

    def handle(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if not any(re.search(pattern, message) for pattern in ignored):
            unexpected.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(handle)
    try:
        yield unexpected
    finally:
        qInstallMessageHandler(previous)


def _counts() -> dict[str, int]:
    gc.collect()
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


class Churn:
    """A RecordEditor whose dialogs are shown modally and cancelled, and what it saw."""

    def __init__(self, store: Store, parent: QWidget) -> None:
        self.seen: Counter[str] = Counter()
        self.failures: list[str] = []
        self.editor = RecordEditor(
            store,
            parent,
            confirm=self._unexpected_question,
            confirm_discard=self._asked_to_discard,
            run_dialog=self._run_dialog,
        )
        self.editor.failed.connect(self.failures.append)
        self.keys = {kind: sorted(store.keys(kind)) for kind in KINDS}
        self.parties = sorted(store.keys(RecordKind.PARTY))

    def open_and_cancel(self, kind: RecordKind, times: int) -> None:
        for turn in range(times):
            if turn % 2 == 0:
                keys = self.keys[kind]
                result = self.editor.edit(kind, keys[turn // 2 % len(keys)])
            elif kind is RecordKind.STATUS_ACTION:
                party = self.parties[turn // 2 % len(self.parties)]
                result = self.editor.new(kind, party=party)
            else:
                result = self.editor.new(kind)
            assert result is None, f"a cancelled {kind.label} dialog returned {result!r}"
            # RecordEditor deleted the closed dialog later; with no event loop
            # running between dialogs here, "later" is now.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _run_dialog(self, dialog: RecordDialog) -> int:
        name = type(dialog).__name__

        def cancel() -> None:
            if dialog.isVisible() and QApplication.activeModalWidget() is dialog:
                self.seen[f"{name} shown"] += 1
            dialog.reject()

        QTimer.singleShot(0, cancel)
        result = dialog.exec()
        if result == QDialog.DialogCode.Rejected:
            self.seen[f"{name} cancelled"] += 1
        return result

    def _asked_to_discard(self, _parent: QWidget) -> bool:
        self.seen["asked to discard"] += 1
        return True

    def _unexpected_question(self, _parent: QWidget, title: str, _text: str) -> bool:
        self.seen[f"asked {title!r}"] += 1
        return False


@pytest.mark.no_qt_log  # Qt's warnings are watched by _qt_warnings instead
def test_1500_dialogs_opened_and_cancelled_keep_the_counts_of_none_true_and_false(
    qtbot: QtBot, seeded_store: Store, pytestconfig: pytest.Config
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    churn = Churn(seeded_store, parent)
    changes: dict[RecordKind, dict[str, int]] = {}
    with _qt_warnings(pytestconfig.getini("qt_log_ignore")) as unexpected:
        for kind in KINDS:
            # Each kind is warmed up just before it is measured, so that what
            # the dialogs of the kind before leave to be freed later is freed
            # in the warm-up, not counted against this kind. (On PySide6 6.7.0,
            # measuring participants right after the status action dialogs'
            # warm-up saw None fall by 11 once; a second round of 500 moved it
            # by less than the tolerance: a release, not a loss per dialog.)
            churn.open_and_cancel(kind, WARM_UP)
            before = _counts()
            churn.open_and_cancel(kind, TIMES)
            after = _counts()
            changes[kind] = {name: after[name] - before[name] for name in before}

    assert unexpected == [], "Qt warned while the dialogs opened and closed"
    names = ("PartyDialog", "EventDialog", "StatusActionDialog")
    shown_and_cancelled = {
        f"{n} {what}": WARM_UP + TIMES for n in names for what in ("shown", "cancelled")
    }
    assert churn.seen == Counter(shown_and_cancelled)
    assert churn.failures == []
    assert churn.editor.undo_stack.count() == 0
    assert parent.findChildren(RecordDialog) == []

    wrong = [
        f"  {kind.label} dialogs: {name} {delta:+d}"
        for kind, deltas in changes.items()
        for name, delta in deltas.items()
        if abs(delta) > TOLERANCE
    ]
    if wrong:
        pytest.fail(
            f"PySide6 {PySide6.__version__}: after {TIMES:,} dialogs of each kind opened "
            f"and cancelled, reference counts moved by more than {TOLERANCE}:\n"
            + "\n".join(wrong)
            + "\nA count that falls frees None or True while in use, and Python aborts; "
            "one that grows is a leak.",
            pytrace=False,
        )

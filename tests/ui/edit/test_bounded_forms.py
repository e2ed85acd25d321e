"""Opening and typing into a form on a large database reads a bounded number of choices."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from tests.conftest import SeededCopy
from tests.ui.children import child
from tests.ui.conftest import add_many_events
from viewer.domain.enums import RecordKind
from viewer.store.api import COMPLETION_LIMIT, Store, open_or_create
from viewer.store.schema import PartyRow, PersonRow, SourceRow
from viewer.ui.edit.forms.event_dialog import EventDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.widgets.choice_lookup import ChoiceLookup

LEFT = Qt.MouseButton.LeftButton
MANY = 5_000  # of each kind a picker offers, a hundred times what it shows

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


@pytest.fixture
def large(tmp_path: Path, seeded_copy: SeededCopy) -> Iterator[Store]:
    """The seeded data with 100,000 more events and 5,000 more parties, people and sources."""
    store, opened = open_or_create(seeded_copy(tmp_path / "large.sqlite3"), "tester")
    add_many_events(store, 100_000)
    with store.engine.begin() as connection:
        connection.execute(
            insert(PartyRow),
            [
                {"key": f"p-{n}", "version": 1, "name": f"Party {n:05d}", "party_kind": "state"}
                for n in range(MANY)
            ],
        )
        connection.execute(
            insert(PersonRow),
            [{"key": f"h-{n}", "version": 1, "name": f"Person {n:05d}"} for n in range(MANY)],
        )
        connection.execute(
            insert(SourceRow),
            [
                {"key": f"s-{n}", "version": 1, "title": f"Report {n:05d}", "source_kind": "report"}
                for n in range(MANY)
            ],
        )
    yield store
    opened.close()


@dataclasses.dataclass
class Reads:
    """Every choice the form's pickers were handed, by kind."""

    rows: dict[RecordKind, int] = dataclasses.field(default_factory=dict)

    def counted(self, lookup: Callable[[RecordKind], ChoiceLookup]) -> Callable[..., ChoiceLookup]:
        def counting(kind: RecordKind) -> ChoiceLookup:
            inner = lookup(kind)

            def complete(text: str, limit: int) -> list[tuple[str, str]]:
                found = list(inner.complete(text, limit))
                self.rows[kind] = self.rows.get(kind, 0) + len(found)
                return found

            def labels(keys: Collection[str]) -> dict[str, str]:
                found = inner.labels(keys)
                self.rows[kind] = self.rows.get(kind, 0) + len(found)
                return found

            return ChoiceLookup(complete, labels, inner.limit)

        return counting

    def total(self) -> int:
        return sum(self.rows.values())


def test_the_new_event_form_reads_a_bounded_number_of_choices(qtbot: QtBot, large: Store) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    reads = Reads()
    seen: dict[str, int] = {}

    def run(dialog: RecordDialog) -> int:
        assert isinstance(dialog, EventDialog)
        dialog.show()
        seen["at open"] = reads.total()
        combos = dialog.findChildren(QComboBox)
        seen["items at open"] = max(combo.count() for combo in combos)
        # A role and a citation, each picked by typing, as a person would.
        qtbot.mouseClick(child(dialog.roles_editor, QPushButton, "addRoleButton"), LEFT)
        qtbot.mouseClick(child(dialog.citations_editor, QPushButton, "addCitationButton"), LEFT)
        for name, text in (
            ("Party or person of role 1", "Party 00421"),
            ("Source of citation 1", "Report 01234"),
        ):
            combo = next(c for c in dialog.findChildren(QComboBox) if c.accessibleName() == name)
            qtbot.keyClicks(combo.lineEdit(), text)
        qtbot.keyClicks(dialog.accord_picker.lineEdit(), "abr")
        dialog.title_edit.setText("A new round of talks")
        seen["after typing"] = reads.total()
        seen["items after typing"] = max(c.count() for c in dialog.findChildren(QComboBox))
        seen["roles"] = len(dialog.roles_editor.roles())
        seen["citations"] = len(dialog.citations_editor.citations())
        return 0

    editor = RecordEditor(large, host, run_dialog=run)
    editor.services = dataclasses.replace(
        editor.services, lookup=reads.counted(editor.services.lookup)
    )
    editor.new(RecordKind.EVENT)

    assert seen["at open"] <= COMPLETION_LIMIT  # today none at all: nothing is chosen yet
    assert seen["items at open"] <= COMPLETION_LIMIT + 1
    keystrokes = len("Party 00421") + len("Report 01234") + len("abr")
    # Each keystroke, and each new row, reads at most one page of matches per kind it offers.
    assert seen["after typing"] <= 2 * COMPLETION_LIMIT * (keystrokes + 2)
    assert seen["items after typing"] <= 2 * COMPLETION_LIMIT + 1
    assert seen["roles"] == 1 and seen["citations"] == 1
    assert reads.total() < MANY

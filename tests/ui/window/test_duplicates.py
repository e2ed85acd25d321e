"""Tools ▸ Find Duplicates…: found in the background, merged by keyboard, undone whole."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.records import Citation, Party, Person, Source
from viewer.store.api import DuplicateCandidate, DuplicateGroup, Store
from viewer.ui.window.duplicates_dialog import NONE_FOUND, SEARCHING, DuplicatesDialog
from viewer.ui.window.duplicates_model import MOST_PAIRS, DuplicatesModel
from viewer.ui.window.main_window import MainWindow

FOX = "fox-news-kazakhstan-abraham-accords-2025-11-06"
COPY = Source(
    key="fox-copy",
    title="Kazakhstan joining the Abraham Accords - US official confirms",
    published=FuzzyDate.parse("2025-11-06"),
)


def plant_duplicates(store: Store) -> None:
    """A near copy of the bundled article, cited on Kazakhstan; a participant
    and a person written twice."""
    store.add(COPY)
    kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    store.update(
        dataclasses.replace(
            kazakhstan, citations=(*kazakhstan.citations, Citation("fox-copy", "para. 2"))
        )
    )
    store.add(Party(key="kazakstan-2", name="KAZAKHSTÁN"))
    store.add(Person(key="trump-2", name="donald  trump"))


def _candidate(key: str, citations: int = 0) -> DuplicateCandidate:
    return DuplicateCandidate(RecordKind.SOURCE, key, f"Title {key}", "2025", "", citations, 1)


def test_the_model_lists_pairs_bounded_and_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = DuplicatesModel()
    many = [
        DuplicateGroup(
            RecordKind.SOURCE, "same web address", (_candidate(f"a{i}", 2), _candidate(f"b{i}"))
        )
        for i in range(MOST_PAIRS + 5)
    ]
    model.set_groups(many)
    assert model.rowCount() == MOST_PAIRS and model.total() == MOST_PAIRS + 5
    assert model.data(model.index(0, 2)) == "Title a0 (2 citations)"
    assert model.data(model.index(0, 1)) == "same web address"
    three = DuplicateGroup(RecordKind.SOURCE, "same DOI", tuple(_candidate(k) for k in "xyz"))
    model.set_groups([three])
    assert [model.data(model.index(r, 3)) for r in range(2)] == [
        "Title y (0 citations)",
        "Title z (0 citations)",
    ]
    tested = DuplicatesModel()
    qtmodeltester.check(tested)
    tested.set_groups(many[:12])
    qtmodeltester.check(tested)


def test_the_dialog_says_searching_then_what_it_found(qtbot: QtBot) -> None:
    dialog = DuplicatesDialog()
    qtbot.addWidget(dialog)
    dialog.show_searching()
    assert dialog.status.text() == SEARCHING
    assert not dialog.merge_button.isEnabled()
    dialog.show_groups([])
    assert dialog.status.text() == NONE_FOUND
    dialog.show_groups(
        [DuplicateGroup(RecordKind.SOURCE, "same DOI", (_candidate("a"), _candidate("b")))]
    )
    assert dialog.status.text().startswith("1 pair of likely duplicates")
    assert dialog.pair_view.value_texts(0)[0] == "Title a"
    assert dialog.pair_view.value_texts(1)[4] == "b"
    dialog.allow_merge("the database is read-only")
    assert not dialog.merge_button.isEnabled()
    assert dialog.merge_button.toolTip() == "Not available: the database is read-only."
    many = [
        DuplicateGroup(RecordKind.SOURCE, "same DOI", (_candidate(f"a{i}"), _candidate(f"b{i}")))
        for i in range(MOST_PAIRS + 1)
    ]
    dialog.show_groups(many)
    assert dialog.status.text().startswith(
        f"{MOST_PAIRS + 1:,} pairs of likely duplicates (the first {MOST_PAIRS:,} listed)"
    )


def test_found_merged_and_undone_by_keyboard(qtbot: QtBot, active_window: MainWindow) -> None:
    window = active_window
    store = window.store
    plant_duplicates(store)
    before = {
        (kind, record.key): record
        for kind in (RecordKind.SOURCE, RecordKind.PARTY)
        for record in store.all(kind)
    }
    duplicates = window.commands.duplicates
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, question: str) -> bool:
        asked.append(question)
        return True

    duplicates.confirm = answer_yes

    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = duplicates.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.status.text() == SEARCHING  # the reply comes through the event loop
    assert duplicates.reader.finish()
    kinds = [dialog.model.pair(r).noun for r in range(dialog.model.rowCount())]  # type: ignore[union-attr]
    assert kinds == ["source", "participant", "person"]
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    dialog.list.setFocus()
    assert dialog.list.hasFocus()
    pair = dialog.current_pair()
    assert pair is not None
    assert (pair.first.key, pair.second.key) == (FOX, "fox-copy")  # the more cited kept
    assert dialog.pair_view.value_texts(0)[3] == str(pair.first.citations)

    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # opens the one to keep
    location = window.current_location()
    assert location is not None and (location.kind, location.key) == (RecordKind.SOURCE, FOX)

    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    assert "“Kazakhstan joining the Abraham Accords - US official confirms”" in asked[0]
    assert "“Kazakhstan joining Abraham Accords, US official confirms”" in asked[0]
    assert store.get(RecordKind.SOURCE, "fox-copy") is None
    kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    assert [c.source for c in kazakhstan.citations].count("fox-copy") == 0
    assert window.undo_action.text().startswith("Undo Merge source Kazakhstan joining")
    assert duplicates.reader.finish()  # searched again: the pair is gone
    assert [dialog.model.pair(r).noun for r in range(dialog.model.rowCount())] == [  # type: ignore[union-attr]
        "participant",
        "person",
    ]

    window.undo_action.trigger()
    assert duplicates.reader.finish()  # read again: the pair is back
    assert [dialog.model.pair(r).noun for r in range(dialog.model.rowCount())] == [  # type: ignore[union-attr]
        "source",
        "participant",
        "person",
    ]
    after_undo = {
        (kind, record.key): record
        for kind in (RecordKind.SOURCE, RecordKind.PARTY)
        for record in store.all(kind)
    }
    assert after_undo.keys() == before.keys()
    for at, record in before.items():
        assert dataclasses.replace(after_undo[at], version=0) == dataclasses.replace(
            record, version=0
        )

    window.redo_action.trigger()
    assert store.get(RecordKind.SOURCE, "fox-copy") is None


def test_choosing_the_other_record_to_keep_by_keyboard(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    window = active_window
    plant_duplicates(window.store)
    duplicates = window.commands.duplicates
    duplicates.confirm = lambda *_: True
    dialog = duplicates.open_dialog()
    assert duplicates.reader.finish()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the participants
    pair = dialog.current_pair()
    assert pair is not None and pair.noun == "participant"
    qtbot.keyClick(dialog.list, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # A button's Alt key clicks it as a click shows: after a moment.
    qtbot.waitUntil(dialog.pair_view.keep_second.isChecked)
    assert dialog.survivor() == pair.second
    dialog.merge_button.click()
    assert window.store.get(RecordKind.PARTY, pair.first.key) is None
    assert window.store.get(RecordKind.PARTY, pair.second.key) is not None


def test_a_record_changed_since_the_list_is_not_merged(
    qtbot: QtBot, active_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = active_window
    plant_duplicates(window.store)
    duplicates = window.commands.duplicates
    duplicates.confirm = lambda *_: True
    told: list[str] = []
    monkeypatch.setattr(
        "viewer.ui.window.duplicates_actions.show_problem", lambda _parent, text: told.append(text)
    )
    dialog = duplicates.open_dialog()
    assert duplicates.reader.finish()
    copy = window.store.get(RecordKind.SOURCE, "fox-copy")
    assert copy is not None
    window.store.update(dataclasses.replace(copy, notes="edited meanwhile"))  # type: ignore[arg-type]
    dialog.merge_button.click()
    assert told and "changed since the list was made" in told[0]
    assert window.store.get(RecordKind.SOURCE, "fox-copy") is not None
    assert not window.undo_action.isEnabled() or "Merge" not in window.undo_action.text()

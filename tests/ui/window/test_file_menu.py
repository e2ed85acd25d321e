"""The File menu: switching databases, import and export with progress, properties, Quit."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from viewer.app import create_main_window
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Party
from viewer.store import api
from viewer.store.api import Store
from viewer.store.database import head_revision
from viewer.ui.window.file_chooser import CSV_FILTER, JSON_FILTER, ExportFormat, export_choice
from viewer.ui.window.long_task import LongTask
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.problems_dialog import ProblemsDialog
from viewer.ui.window.properties_dialog import PropertiesDialog
from viewer.ui.window.recent_databases import LIMIT, RecentDatabases
from viewer.ui.window.task_progress_dialog import TaskProgressDialog

SEEDED_RECORDS = 44  # every record of the bundled dataset, all kinds


class AnsweringChooser:
    """Answers the File menu's questions at once, as a user who already chose would."""

    def __init__(self) -> None:
        self.new: Path | None = None
        self.open: Path | None = None
        self.to_import: Path | None = None
        self.export: tuple[Path, ExportFormat] | None = None
        self.references: tuple[Path, ExportFormat] | None = None
        self.references_asked = ""
        self.copy: Path | None = None

    def new_database(self, folder: Path) -> Path | None:
        return self.new

    def open_database(self, folder: Path) -> Path | None:
        return self.open

    def import_file(self, folder: Path) -> Path | None:
        return self.to_import

    def export_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None:
        return self.export

    def references_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None:
        self.references_asked = name
        return self.references

    def save_copy(self, folder: Path, name: str) -> Path | None:
        return self.copy


@pytest.fixture
def db_path(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Path:
    return seeded_copy(tmp_path / "db.sqlite3")


@pytest.fixture
def chooser() -> AnsweringChooser:
    return AnsweringChooser()


@pytest.fixture
def window(
    qtbot: QtBot, db_path: Path, settings: QSettings, chooser: AnsweringChooser
) -> Iterator[MainWindow]:
    built = create_main_window(db_path, settings)
    built.file_actions.chooser = chooser
    qtbot.addWidget(built)
    built.show()
    yield built


def make_database(path: Path, *names: str) -> Path:
    """A database holding only participants called ``names``."""
    store, opened = api.open_or_create(path, "tester", seed=False)
    for name in names:
        store.add(Party(key=name.lower(), name=name, party_kind=PartyKind.STATE))
    opened.close()
    return path


def listed(window: MainWindow, kind: RecordKind) -> list[str]:
    window.finish_reads()
    model = window.models[kind]
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def open_handles(path: Path) -> list[str]:
    """This process's open files that are ``path`` or its journals."""
    found = []
    for descriptor in Path("/proc/self/fd").iterdir():
        try:
            target = str(descriptor.readlink())
        except OSError:
            continue  # closed since it was listed
        if target.startswith(str(path.resolve())):
            found.append(target)
    return found


def message_text(window: MainWindow) -> str:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes, "no message is shown"
    return boxes[-1].text()


def close_messages(window: MainWindow) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()


def exchange_file(path: Path, sources: int) -> Path:
    """An exchange file of ``sources`` new sources (nothing else)."""
    items: list[dict[str, object]] = [
        {
            "key": f"generated-source-{n:06d}",
            "title": f"Generated source {n}",
            "source_kind": "report",
            "publisher": "Test press",
            "authors": [],
            "published": "2024-05",
            "url": "",
            "accessed": None,
            "notes": "",
        }
        for n in range(sources)
    ]
    data = {"format": "accords-viewer", "format_version": 1, "sources": items}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_to_end(qtbot: QtBot, task: LongTask | None) -> None:
    assert task is not None
    with qtbot.waitSignal(task.ended, timeout=120_000):
        pass


def counts(store: Store) -> dict[RecordKind, int]:
    return {kind: store.count(kind) for kind in RecordKind}


# -- the menu ------------------------------------------------------------------------


def test_file_is_the_first_menu_and_lists_its_commands(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    known = [title for title in titles if title in ("&File", "&Edit", "&View", "&Search", "&Help")]
    assert known == [t for t in ("&File", "&Edit", "&View", "&Search", "&Help") if t in titles]
    # Found by title, not through QAction.menu() (which can crash PySide6 6.7).
    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File")
    entries = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    assert entries == [
        "&New Database…",
        "&Open Database…",
        "Open Ser&ver Database…",
        "Open &Recent",
        "&Import…",
        "&Export…",
        "Export Repor&t…",
        "Export Re&ferences of Selection…",
        "Save a &Copy…",
        "&Backups…",
        "Back &Up Now",
        "Database &Properties…",
        "&Quit",
    ]


def test_the_file_commands_keys_are_their_own(window: MainWindow) -> None:
    actions = window.file_actions
    keys = {
        "Ctrl+Shift+N": actions.new_action,
        "Ctrl+O": actions.open_action,
        "Ctrl+Shift+O": actions.open_server_action,
        "Ctrl+I": actions.import_action,
        "Ctrl+Q": actions.quit_action,
    }
    for text, action in keys.items():
        assert text in [key.toString() for key in action.shortcuts()]
        holders = [
            other
            for other in window.findChildren(type(action))
            if text in [key.toString() for key in other.shortcuts()]
        ]
        assert holders == [action], f"{text} is also the key of {[h.text() for h in holders]}"


def test_ctrl_q_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


# -- switching databases ----------------------------------------------------------------


def test_the_title_names_the_file_once(window: MainWindow, db_path: Path) -> None:
    # Qt adds the application's display name itself ("db.sqlite3 — Accords Viewer").
    assert window.windowTitle() == db_path.name
    assert window.windowFilePath() == str(db_path)


def test_open_database_shows_the_other_database_and_lets_go_of_the_first(
    qtbot: QtBot, window: MainWindow, db_path: Path, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    first = window.store
    # An undo step and a walk of records on the first database.
    kazakhstan = first.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    first.update(replace(kazakhstan, notes="Changed outside the window"))
    assert window.editor.revert(
        RecordKind.PARTY, "kazakhstan", first.revisions(RecordKind.PARTY, "kazakhstan")[0].id
    )
    assert window.editor.undo_stack.count() == 1
    window.select_record(RecordKind.PARTY, "israel")
    window.select_record(RecordKind.EVENT, "mohammed-bin-salman-visit-2025-11-18")
    assert window.back_action.isEnabled()
    assert open_handles(db_path)

    chooser.open = make_database(tmp_path / "other.sqlite3", "Narnia", "Florin")
    window.file_actions.open_action.trigger()

    assert window.store is not first
    assert window.current_kind() is RecordKind.PARTY
    assert listed(window, RecordKind.PARTY) == ["Florin", "Narnia"]
    assert listed(window, RecordKind.EVENT) == []
    assert window.editor.undo_stack.count() == 0
    assert not window.back_action.isEnabled()
    assert not window.forward_action.isEnabled()
    assert window.windowTitle() == "other.sqlite3"
    assert window.path_label.text() == f"Database: {chooser.open}"
    assert "Participants (2)" in [
        window.navigator.item(row).text() for row in range(window.navigator.count())
    ]
    shown = window.shown_location()
    assert shown is not None and shown.key == "florin"  # the first participant
    # Nothing of the window holds the first file open any more.
    assert open_handles(db_path) == []
    assert window.file_actions.recent.paths() == [chooser.open.resolve(), db_path.resolve()]


def test_a_switch_forgets_the_search_and_watches_the_new_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.search_field.setText("Kazakhstan")
    window.search_field.settle()
    assert window.search.save_current("Kazakhstan")
    assert window.navigator.saved_searches() == ["Kazakhstan"]
    other = make_database(tmp_path / "other.sqlite3", "Narnia")
    other_store, opened = api.open_or_create(other, "tester", seed=False)
    api.save_search(other_store, "N", "Nar")
    opened.close()
    assert window.file_actions.open_path(other)
    assert window.search_field.text() == ""
    assert window.navigator.saved_searches() == ["N"]
    assert listed(window, RecordKind.PARTY) == ["Narnia"]
    # Another program adds a participant to the new file: the window notices.
    elsewhere, opened = api.open_or_create(other, "someone else", seed=False)
    elsewhere.add(Party(key="florin", name="Florin", party_kind=PartyKind.STATE))
    opened.close()
    qtbot.waitUntil(
        lambda: listed(window, RecordKind.PARTY) == ["Florin", "Narnia"], timeout=10_000
    )


def test_the_new_database_starts_empty(
    window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    chooser.new = tmp_path / "fresh.sqlite3"
    window.file_actions.new_action.trigger()
    assert window.windowTitle() == "fresh.sqlite3"
    assert all(count == 0 for count in counts(window.store).values())
    assert listed(window, RecordKind.PARTY) == []
    assert "empty" in window.statusBar().currentMessage()


def test_a_new_database_never_replaces_a_file(
    window: MainWindow, chooser: AnsweringChooser, db_path: Path
) -> None:
    chooser.new = db_path
    before = db_path.read_bytes()
    window.file_actions.new_action.trigger()
    assert "already exists" in message_text(window)
    assert db_path.read_bytes() == before
    assert window.store.count(RecordKind.PARTY) == 9


def _random_bytes(path: Path) -> Path:
    path.write_bytes(os.urandom(8192))
    return path


def _text_file(path: Path) -> Path:
    path.write_text("Notes for the meeting, not a database.\n", encoding="utf-8")
    return path


def _newer_schema(path: Path) -> Path:
    make_database(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    return path


def _foreign_database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_random_bytes, "not an SQLite database"),
        (_text_file, "not an SQLite database"),
        (_newer_schema, "newer version of Accords Viewer"),
        (_foreign_database, "some other program"),
    ],
)
def test_a_file_that_cannot_be_opened_is_refused_and_the_database_stays(
    qtbot: QtBot,
    window: MainWindow,
    chooser: AnsweringChooser,
    tmp_path: Path,
    db_path: Path,
    make: Callable[[Path], Path],
    reason: str,
) -> None:
    chooser.open = make(tmp_path / "candidate.sqlite3")
    before = chooser.open.read_bytes()
    store = window.store
    window.file_actions.open_action.trigger()
    text = message_text(window)
    assert reason in text
    assert "The database shown stays open." in text
    close_messages(window)
    assert chooser.open.read_bytes() == before  # left untouched
    assert window.store is store
    assert window.windowTitle() == db_path.name
    assert len(listed(window, RecordKind.PARTY)) == 9
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    assert chooser.open.resolve() not in window.file_actions.recent.paths()


def test_open_recent_lists_the_latest_first_each_once(
    qtbot: QtBot, window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    other = make_database(tmp_path / "other.sqlite3", "Narnia")
    gone = make_database(tmp_path / "gone.sqlite3", "Atlantis")
    actions = window.file_actions
    assert actions.open_path(gone)
    assert actions.open_path(other)
    assert actions.open_path(db_path)  # again: moves up, not listed twice
    gone.unlink()
    actions.recent_menu.aboutToShow.emit()
    entries = [a for a in actions.recent_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in entries] == [
        f"&1 {db_path.resolve()}",
        f"&2 {other.resolve()}",
        f"&3 {gone.resolve()} (not found)",
        "&Clear Recent",
    ]
    assert [a.isEnabled() for a in entries] == [True, True, False, True]
    entries[1].trigger()
    assert window.windowTitle() == "other.sqlite3"
    assert listed(window, RecordKind.PARTY) == ["Narnia"]
    actions.clear_recent_action.trigger()
    assert actions.recent.paths() == [other.resolve()]  # the one shown stays


def test_recent_databases_keep_the_last_eight(tmp_path: Path, settings: QSettings) -> None:
    recent = RecentDatabases(settings)
    paths = [tmp_path / f"db{n}.sqlite3" for n in range(LIMIT + 3)]
    for path in paths:
        recent.add(path)
    recent.add(paths[5])
    recent.add(tmp_path / "sub" / ".." / "db5.sqlite3")  # the same file, spelt otherwise
    expected = [paths[5], *reversed(paths[LIMIT + 3 - LIMIT :])]
    expected = list(dict.fromkeys(expected))[:LIMIT]
    assert recent.paths() == expected
    assert len(recent.paths()) == LIMIT
    assert RecentDatabases(settings).paths() == expected  # read back from the settings


# -- import --------------------------------------------------------------------------


def test_import_adds_the_records_of_an_exchange_file(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    source, opened = api.open_or_create(tmp_path / "theirs.sqlite3", "tester", seed=False)
    source.add(Party(key="narnia", name="Narnia", party_kind=PartyKind.STATE))
    chooser.to_import = tmp_path / "theirs.json"
    api.export_json(source, chooser.to_import)
    opened.close()
    run_to_end(qtbot, window.file_actions.import_file())
    assert "Narnia" in listed(window, RecordKind.PARTY)
    assert window.store.count(RecordKind.PARTY) == 10
    assert window.statusBar().currentMessage() == "Imported 1 record from theirs.json"
    assert window.select_record(RecordKind.PARTY, "narnia")


def test_an_import_keeps_the_window_drawing(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    chooser.to_import = exchange_file(tmp_path / "many.json", 20_000)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    task = window.file_actions.import_file()
    # Meanwhile no other database is opened (it would close the one written to).
    assert not window.file_actions.open_path(tmp_path / "meanwhile.sqlite3", create=True)
    assert not (tmp_path / "meanwhile.sqlite3").exists()
    assert "under way" in window.statusBar().currentMessage()
    run_to_end(qtbot, task)
    timer.stop()
    assert window.store.count(RecordKind.SOURCE) == 3 + 20_000
    # The GUI thread handled its timer all along (a frozen one would tick once).
    assert len(ticks) >= 10
    assert window.statusBar().currentMessage() == "Imported 20,000 records from many.json"
    assert api.run_checks(window.store) == []


def test_a_cancelled_import_changes_nothing(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    chooser.to_import = exchange_file(tmp_path / "many.json", 60_000)
    before = counts(window.store)
    phases: list[str] = []
    task = window.file_actions.import_file()
    assert task is not None
    task.progressed.connect(lambda doing, _done, _total: phases.append(doing))
    dialog = window.findChild(TaskProgressDialog)
    assert dialog is not None
    # Cancelled while records are being written: inside the import's transaction.
    qtbot.waitUntil(lambda: "Importing" in phases and dialog.isVisible(), timeout=60_000)
    assert "Importing" in dialog.labelText()
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert counts(window.store) == before
    assert api.run_checks(window.store) == []
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was changed"
    qtbot.waitUntil(lambda: window.findChild(TaskProgressDialog) is None)


def test_an_import_with_problems_lists_them_all_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    chooser.to_import = exchange_file(tmp_path / "bad.json", 3)
    data = json.loads(chooser.to_import.read_text(encoding="utf-8"))
    data["sources"][0]["source_kind"] = "rumour"
    data["sources"][2]["key"] = data["sources"][1]["key"]
    data["sources"][1]["title"] = "<b>not bold</b>"
    data["parties"] = [{"key": "x", "name": "X", "party_kind": "state", "iso_code": "ZZZ"}]
    chooser.to_import.write_text(json.dumps(data), encoding="utf-8")
    before = counts(window.store)
    run_to_end(qtbot, window.file_actions.import_file())
    dialog = window.findChild(ProblemsDialog)
    assert dialog is not None and dialog.isVisible()
    assert "nothing was imported" in dialog.summary.text()
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    problems = dialog.problems.toPlainText().splitlines()
    assert len(problems) >= 3
    assert any(line.startswith("sources[0].source_kind") for line in problems)
    assert any(line.startswith("sources[2].key") for line in problems)
    assert any(line.startswith("parties[0]") for line in problems)
    assert counts(window.store) == before


# -- export --------------------------------------------------------------------------


def test_export_writes_a_file_that_imports_back(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    chooser.export = (tmp_path / "out.json", "json")
    run_to_end(qtbot, window.file_actions.export_file())
    assert window.statusBar().currentMessage() == (
        f"Exported {SEEDED_RECORDS} records to {tmp_path / 'out.json'}"
    )
    empty, opened = api.open_or_create(tmp_path / "back.sqlite3", "tester", seed=False)
    data, unreadable = api.read_file(tmp_path / "out.json")
    assert unreadable == []
    plan = api.plan_import(data, empty)
    assert plan.problems == []
    assert api.apply_import(plan, empty) == SEEDED_RECORDS
    assert counts(empty) == counts(window.store)
    opened.close()


def test_export_as_csv_writes_a_folder_of_files(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    chooser.export = (tmp_path / "tables", "csv")
    run_to_end(qtbot, window.file_actions.export_file())
    written = sorted(path.name for path in (tmp_path / "tables").iterdir())
    assert "parties.csv" in written and "events.csv" in written
    assert not [name for name in written if name.endswith(".partial")]
    assert "CSV files in" in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("file_format", "name", "shown"),
    [
        ("csl-json", "refs.json", "CSL-JSON"),
        ("bibtex", "refs.bib", "BibTeX"),
        ("ris", "refs.ris", "RIS"),
    ],
)
def test_export_writes_the_sources_for_reference_managers(
    qtbot: QtBot,
    window: MainWindow,
    chooser: AnsweringChooser,
    tmp_path: Path,
    file_format: ExportFormat,
    name: str,
    shown: str,
) -> None:
    chooser.export = (tmp_path / name, file_format)
    run_to_end(qtbot, window.file_actions.export_file())
    sources = window.store.count(RecordKind.SOURCE)
    assert window.statusBar().currentMessage() == (
        f"Exported {sources} sources as {shown} to {tmp_path / name}"
    )
    text = (tmp_path / name).read_text(encoding="utf-8")
    keys = sorted(record.key for record in window.store.all(RecordKind.SOURCE))
    if file_format == "csl-json":
        assert [item["id"] for item in json.loads(text)] == keys
    elif file_format == "bibtex":
        assert [entry.key for entry in parse_string(text).entries] == keys
    else:
        assert [record["id"] for record in rispy.loads(text)] == keys


def test_export_references_of_selection_writes_the_sources_it_cites(
    qtbot: QtBot, window: MainWindow, chooser: AnsweringChooser, tmp_path: Path
) -> None:
    assert window.file_actions.export_selection_references() is None
    assert "Select a record first" in window.statusBar().currentMessage()

    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    actions = [
        action
        for action in window.store.all(RecordKind.STATUS_ACTION)
        if getattr(action, "party", None) == "kazakhstan"
    ]
    # Its own citations and its status actions': what its citations pane shows.
    cited = {
        citation.source
        for record in (party, *actions)
        for citation in getattr(record, "citations", ())
    }
    assert cited
    chooser.references = (tmp_path / "kazakhstan.bib", "bibtex")
    run_to_end(qtbot, window.file_actions.export_selection_references())
    assert chooser.references_asked == "kazakhstan"
    written = {
        entry.key
        for entry in parse_string((tmp_path / "kazakhstan.bib").read_text(encoding="utf-8")).entries
    }
    assert written == cited
    assert window.statusBar().currentMessage() == (
        f"Exported {len(cited)} source{'s' if len(cited) != 1 else ''} as BibTeX "
        f"to {tmp_path / 'kazakhstan.bib'}"
    )


@pytest.mark.parametrize(
    ("chosen", "used_filter", "meant"),
    [
        ("/d/accords.json", "Sources only, as BibTeX (*.bib)", ("/d/accords.bib", "bibtex")),
        ("/d/refs", "Sources only, as RIS (*.ris)", ("/d/refs.ris", "ris")),
        ("/d/accords.json", "Sources only, as CSL-JSON (*.json)", ("/d/accords.json", "csl-json")),
        ("/d/mine.txt", "Sources only, as RIS (*.ris)", ("/d/mine.txt", "ris")),
        ("/d/accords.json", CSV_FILTER, ("/d/accords", "csv")),
        ("/d/accords", JSON_FILTER, ("/d/accords.json", "json")),
    ],
)
def test_the_export_dialog_answer_names_the_file_and_format(
    chosen: str, used_filter: str, meant: tuple[str, str]
) -> None:
    assert export_choice(chosen, used_filter) == (Path(meant[0]), meant[1])
    assert export_choice("", used_filter) is None


def test_export_refuses_to_write_over_the_database(
    window: MainWindow, chooser: AnsweringChooser, db_path: Path
) -> None:
    chooser.export = (db_path, "json")
    before = db_path.stat().st_size
    assert window.file_actions.export_file() is None
    assert "the database itself" in message_text(window)
    assert db_path.stat().st_size == before


def test_a_cancelled_export_leaves_no_file(
    qtbot: QtBot, big_store: Store, settings: QSettings, tmp_path: Path
) -> None:
    path = big_store.engine.url.database
    assert path is not None
    built = create_main_window(Path(path), settings)
    qtbot.addWidget(built)
    built.show()
    chooser = AnsweringChooser()
    chooser.export = (tmp_path / "big.json", "json")
    built.file_actions.chooser = chooser
    reports: list[int] = []
    task = built.file_actions.export_file()
    assert task is not None
    task.progressed.connect(lambda _doing, done, _total: reports.append(done))
    dialog = built.findChild(TaskProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(reports) and dialog.isVisible(), timeout=60_000)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert [p.name for p in tmp_path.iterdir() if "big.json" in p.name] == []
    assert built.statusBar().currentMessage() == "Export cancelled: no file was written"


# -- properties ----------------------------------------------------------------------


def test_properties_name_the_file_its_records_and_schema(window: MainWindow, db_path: Path) -> None:
    dialog = window.file_actions.show_properties()
    assert isinstance(dialog, PropertiesDialog)
    assert dialog.isVisible()
    values = {label: shown.text() for label, shown in dialog.values.items()}
    assert values["File"] == str(db_path.resolve())
    assert values["Participants"] == "9"
    assert values["Events"] == "9"
    assert values["People"] == "10"
    assert values["Sources"] == "3"
    assert values["Status actions"] == "12"
    assert values["Accords"] == "1"
    assert values["Schema revision"].startswith(head_revision())
    assert values["Database engine"].startswith("SQLite 3.")
    assert "bytes" in values["Size on disk"]
    assert all(shown.textFormat() == Qt.TextFormat.PlainText for shown in dialog.values.values())
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert f"File: {db_path.resolve()}\n" in copied
    assert "Participants: 9\n" in copied
    dialog.close()

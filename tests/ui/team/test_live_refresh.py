"""Two users' windows on one database: each sees the other's saves at once,
a form open on a record says who changed it, and the merge names them."""

from __future__ import annotations

import re
import threading

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests import postgres_server
from tests.ui.team.conftest import ANA, list_text, save_in_form, selected_key
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store.api import Probe
from viewer.ui.edit.conflict_dialog import ConflictDialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.window.change_watcher import PROBE_INTERVAL_MS
from viewer.ui.window.main_window import MainWindow

PARTY = RecordKind.PARTY
KEY = "kazakhstan"
RENAMED = "Kazakhstan (renamed by Ana)"
ANA_NOTES = "Ana's note: joined on 6 November 2025."
# "Changed by Ana Ruiz (role) at 14:02 — saving will ask you to merge"
MARK = re.compile(rf"Changed by {ANA}( \(\w+\))? at \d\d:\d\d — saving will ask you to merge")


def _rename(form: RecordDialog) -> None:
    assert isinstance(form, PartyDialog)
    form.name_edit.setText(RENAMED)


def _note(form: RecordDialog) -> None:
    assert isinstance(form, PartyDialog)
    form.notes_edit.setPlainText(ANA_NOTES)


def test_a_save_in_one_window_shows_in_the_other_within_a_second_keeping_its_selection(
    qtbot: QtBot, on_server: tuple[MainWindow, MainWindow]
) -> None:
    ana, ben = on_server
    assert ben.select_record(PARTY, KEY)
    ben.finish_reads()
    assert list_text(ben, PARTY, KEY) == "Kazakhstan"

    save_in_form(ana, PARTY, KEY, _rename)

    qtbot.waitUntil(lambda: list_text(ben, PARTY, KEY) == RENAMED, timeout=1000)
    assert selected_key(ben, PARTY) == KEY
    shown = ben.shown_location()
    assert shown is not None and shown.key == KEY


def test_a_window_does_not_read_afresh_for_its_own_save(
    qtbot: QtBot, on_server: tuple[MainWindow, MainWindow]
) -> None:
    ana, ben = on_server
    heard: list[str] = []
    ana.watcher.changedElsewhere.connect(lambda: heard.append("ana"))
    ben.watcher.changedElsewhere.connect(lambda: heard.append("ben"))
    save_in_form(ana, PARTY, KEY, _rename)
    qtbot.waitUntil(lambda: "ben" in heard, timeout=1000)
    qtbot.wait(300)  # more than one look of Ana's watcher
    assert heard == ["ben"]


def _mark_and_merge_in_bens_form(
    qtbot: QtBot, ana: MainWindow, ben: MainWindow, timeout: int
) -> dict[str, str]:
    """Ben opens the form; Ana saves the record meanwhile; Ben's form is
    looked at, then Ben saves his own change and the merge is looked at."""
    seen: dict[str, str] = {}

    def look_at_merge() -> None:
        merge = QApplication.activeModalWidget()
        assert isinstance(merge, ConflictDialog)
        seen["merge title"] = merge.windowTitle()
        seen["merge intro"] = merge.intro.text()
        merge.reject()

    def in_bens_form() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, PartyDialog)
        try:
            seen["before"] = form.changed_mark.text() if form.changed_mark.isVisible() else ""
            save_in_form(ana, PARTY, KEY, _note)
            qtbot.waitUntil(form.changed_mark.isVisible, timeout=timeout)
            seen["mark"] = form.changed_mark.text()
            seen["typed"] = "Kazakhstan (Ben's spelling)"
            form.name_edit.setText(seen["typed"])
            QTimer.singleShot(0, look_at_merge)
            form.accept()  # the merge is asked, and cancelled
            seen["after"] = form.name_edit.text()
            seen["summary"] = form.summary.text()
        finally:
            form.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, in_bens_form)
    ben.editor.edit(PARTY, KEY)
    return seen


def test_the_form_open_on_a_record_another_user_saved_says_who_and_when(
    qtbot: QtBot, on_server: tuple[MainWindow, MainWindow]
) -> None:
    ana, ben = on_server
    seen = _mark_and_merge_in_bens_form(qtbot, ana, ben, timeout=1000)
    assert seen["before"] == ""
    assert MARK.fullmatch(seen["mark"]), seen["mark"]
    assert ana.store.user in seen["mark"]  # "Ana Ruiz (role)", as the log names her
    # The merge says who made the other change, and when.
    assert ana.store.user in seen["merge title"]
    assert re.search(
        rf"{re.escape(ana.store.user)} saved “Kazakhstan” at \d\d:\d\d", seen["merge intro"]
    )
    # Cancelled: what Ben typed is still there, and nothing of his was saved.
    assert seen["after"] == seen["typed"]
    assert seen["summary"].startswith("Not saved:")
    saved = ben.store.get(PARTY, KEY)
    assert isinstance(saved, Party) and saved.name == "Kazakhstan"


def test_on_a_file_the_form_says_who_changed_it_from_the_revision_log(
    qtbot: QtBot, on_file: tuple[MainWindow, MainWindow]
) -> None:
    ana, ben = on_file
    seen = _mark_and_merge_in_bens_form(qtbot, ana, ben, timeout=PROBE_INTERVAL_MS + 1000)
    assert MARK.fullmatch(seen["mark"]), seen["mark"]
    assert re.search(rf"{ANA} saved “Kazakhstan” at \d\d:\d\d", seen["merge intro"])
    assert seen["after"] == seen["typed"]


def test_a_lost_listening_connection_is_made_again_and_the_window_reads_afresh(
    qtbot: QtBot, on_server: tuple[MainWindow, MainWindow], postgres: postgres_server.Server
) -> None:
    ana, ben = on_server
    assert ben.select_record(PARTY, KEY)
    admin = postgres.admin.render_as_string(False).replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        cut = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND query LIKE 'LISTEN%%'",
            (ben.store.engine.url.database,),
        ).fetchall()
    assert len(cut) == 2  # Ana's listener and Ben's
    save_in_form(ana, PARTY, KEY, _rename)  # said while nobody listened
    qtbot.waitUntil(lambda: list_text(ben, PARTY, KEY) == RENAMED, timeout=2000)
    assert selected_key(ben, PARTY) == KEY


def test_the_listening_connection_is_made_again_off_the_gui_thread(
    qtbot: QtBot,
    on_server: tuple[MainWindow, MainWindow],
    postgres: postgres_server.Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server out of reach holds a connection attempt for seconds: the
    window keeps answering while the listener is made again elsewhere."""
    ana, ben = on_server
    reach = threading.Event()  # the server answers again
    tried_on: list[threading.Thread] = []
    watch = ben.store.watch

    def slow_watch() -> Probe:
        tried_on.append(threading.current_thread())
        if not reach.wait(timeout=30):
            raise OSError("the server stayed out of reach")
        return watch()

    monkeypatch.setattr(ben.store, "watch", slow_watch)
    admin = postgres.admin.render_as_string(False).replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND query LIKE 'LISTEN%%'",
            (ben.store.engine.url.database,),
        )
    qtbot.waitUntil(lambda: bool(tried_on), timeout=3000)

    # The try waits for the server on a thread of its own; the window works meanwhile.
    assert tried_on[0] is not threading.main_thread()
    assert ben.select_record(PARTY, "israel")
    save_in_form(ana, PARTY, KEY, _rename)
    assert list_text(ben, PARTY, KEY) == "Kazakhstan"

    reach.set()
    qtbot.waitUntil(lambda: list_text(ben, PARTY, KEY) == RENAMED, timeout=3000)
    assert selected_key(ben, PARTY) == "israel"

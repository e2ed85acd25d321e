"""The acceptance of competing claims in the window: a deprecated alternative
with a later date changes no participant's status -- not in the Participants
list, not in the overview's table, not in the detail."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from tests.overview.test_view_window import show_overview, statuses
from viewer.app import create_main_window
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import ClaimRank, RecordKind, StatusKind
from viewer.domain.records import StatusAction
from viewer.domain.report import ReportData
from viewer.store.overview import accord_overview
from viewer.store.report_data import report_data
from viewer.store.store import Store
from viewer.ui.report.report_html import claims_html, front_html
from viewer.ui.window.main_window import MainWindow

# Sudan signed the declaration in January 2021; a later report that it
# withdrew is kept, deprecated.
WITHDRAWN = StatusAction(
    key="sudan-withdrawn-2024",
    accord="abraham-accords",
    party="sudan",
    action=StatusKind.WITHDRAWN,
    date=FuzzyDate.parse("2024-05-01"),
    rank=ClaimRank.DEPRECATED,
    rank_reason="one blog said so; the government denied it",
    alternative_of="sudan-declaration-signed-2021",
)


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()
    qtbot.waitExposed(built)
    built.finish_reads()
    yield built


def _what_the_window_says(qtbot: QtBot, window: MainWindow) -> tuple[object, ...]:
    model = window.models[RecordKind.PARTY]
    row = model.row_of("sudan")
    assert row is not None
    listed = tuple(model.index(row, column).data() for column in (2, 3))
    show_overview(qtbot, window)
    table = statuses(window)["Sudan"]
    assert window.select_record(RecordKind.PARTY, "sudan")
    assert window.finish_reads()
    pane = window.detail_pane
    return listed, table, pane.timeline.current_text()


def test_a_deprecated_alternative_changes_no_status_in_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = _what_the_window_says(qtbot, window)
    assert "1 other claim" not in window.detail_pane.text.toPlainText()
    window.store.add(WITHDRAWN)
    window.refresh()
    assert window.finish_reads()
    after = _what_the_window_says(qtbot, window)
    assert after == before
    assert StatusKind.WITHDRAWN.label not in str(after)
    page = window.detail_pane.text.toPlainText()
    assert "1 other claim" in page
    assert "Current status" in page and "declaration signed" in page


def test_the_report_lists_every_claim_with_its_rank_and_its_table_is_unchanged(
    seeded_store: Store,
) -> None:
    overview_before = accord_overview(seeded_store, "abraham-accords")
    assert overview_before is not None
    table_before = front_html(_report(seeded_store), overview_before, date(2025, 12, 1))
    seeded_store.add(WITHDRAWN)
    data = _report(seeded_store)
    listed = claims_html(data)
    assert "Sudan — withdrawn, 1 May 2024 (confirmed) [deprecated: one blog said so; " in listed
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    assert front_html(data, overview, date(2025, 12, 1)) == table_before


def _report(store: Store) -> ReportData:
    data = report_data(store, "abraham-accords")
    assert data is not None
    return data

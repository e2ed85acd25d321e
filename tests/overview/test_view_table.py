"""The participants table on its own: its model, sorting, filter, copies and export."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, PartyKind, StatusKind
from viewer.domain.overview import AccordOverview, OverviewParty
from viewer.domain.records import Accord, Citation, StatusAction
from viewer.store.api import Store, accord_overview
from viewer.ui.overview.participants_model import SINCE, STATUS, ParticipantsModel
from viewer.ui.overview.participants_table import ParticipantsTable
from viewer.ui.widgets.plain_text import warning_colour

JUNE_2021 = date(2021, 6, 1)


def step(
    party: str,
    kind: StatusKind,
    when: str | None,
    certainty: Certainty = Certainty.CONFIRMED,
    cited: bool = True,
) -> StatusAction:
    return StatusAction(
        key=f"{party}-{kind.value}",
        accord="made-up",
        party=party,
        action=kind,
        date=FuzzyDate.parse(when) if when else None,
        certainty=certainty,
        citations=(Citation("a-source"),) if cited else (),
    )


def party(key: str, name: str, *actions: StatusAction) -> OverviewParty:
    return OverviewParty(key, name, PartyKind.STATE, None, actions)


# Dates whose words sort otherwise than the days: "10 Feb 2021" < "25 Dec 2020" < "Jan 2021".
MADE_UP = AccordOverview(
    Accord("made-up", "A made-up accord"),
    (
        party("a", "Alpha", step("a", StatusKind.AGREEMENT_SIGNED, "2021-02-10")),
        party("b", "Bravo", step("b", StatusKind.DECLARATION_SIGNED, "2020-12-25")),
        party("c", "Charlie", step("c", StatusKind.AGREEMENT_SIGNED, "2021-01")),
        party("d", "Delta", step("d", StatusKind.JOINED, None)),
        party(
            "e",
            "<b>Echo</b>\tTab\nland",
            step("e", StatusKind.EXPECTED_TO_JOIN, "2030", Certainty.EXPECTED, cited=False),
        ),
    ),
)


@pytest.fixture
def abraham(seeded_store: Store) -> AccordOverview:
    found = accord_overview(seeded_store, "abraham-accords")
    assert found is not None
    return found


@pytest.fixture
def table(qtbot: QtBot) -> ParticipantsTable:
    made = ParticipantsTable()
    qtbot.addWidget(made)
    made.resize(900, 400)
    made.show()
    return made


def column(table: ParticipantsTable, number: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, number).data()) for row in range(model.rowCount())]


def test_the_model_and_its_proxy_pass_the_model_tester(
    qtmodeltester: ModelTester, table: ParticipantsTable, abraham: AccordOverview
) -> None:
    model = ParticipantsModel()
    model.set_overview(abraham, JUNE_2021)
    qtmodeltester.check(model)
    model.set_day(date(2025, 11, 7))
    qtmodeltester.check(model)
    table.set_overview(abraham, JUNE_2021)
    table.set_filter("signed")
    qtmodeltester.check(table.model())


def test_headers_say_each_kind_of_step_taken_in_the_accord(table: ParticipantsTable) -> None:
    table.set_overview(MADE_UP, date(2021, 6, 1))
    assert table.participants.headers() == (
        "Participant",
        "Status",
        "Since",
        "Expected to join",
        "Declaration signed",
        "Agreement signed",
        "Joined",
        "Citations",
    )


def test_since_sorts_by_day_not_by_words_undated_after_dated(
    qtbot: QtBot, table: ParticipantsTable
) -> None:
    table.set_overview(MADE_UP, date(2021, 6, 1))
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(SINCE) + header.sectionSize(SINCE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == SINCE
    assert column(table, SINCE) == [
        "25 Dec 2020",
        "Jan 2021",
        "10 Feb 2021",
        "date not given",
        "",  # Echo: only expected in 2030, no status yet
    ]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column(table, SINCE)[0] == ""


def test_status_sorts_in_the_order_steps_happen(table: ParticipantsTable) -> None:
    table.set_overview(MADE_UP, date(2031, 1, 1))
    table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    assert column(table, STATUS) == [
        "Expected to join (expected)",
        "Declaration signed",
        "Agreement signed",
        "Agreement signed",
        "Joined",
    ]


def test_the_context_menu_sorts_from_the_keyboard(qtbot: QtBot, table: ParticipantsTable) -> None:
    table.set_overview(MADE_UP, date(2021, 6, 1))
    table.setCurrentIndex(table.model().index(0, SINCE))
    table.setFocus()
    chosen: list[str] = []

    def choose_descending() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        names = [action.text() for action in menu.actions()]
        chosen.extend(names)
        menu.actions()[1].trigger()
        menu.close()

    QTimer.singleShot(0, choose_descending)
    # What the Menu key (or Shift+F10) sends the table the platform gives it to.
    at = QPoint(5, 5)
    pressed = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, at, table.viewport().mapToGlobal(at)
    )
    QApplication.sendEvent(table.viewport(), pressed)
    assert chosen[:2] == ["Sort by Since, Ascending", "Sort by Since, Descending"]
    assert table.horizontalHeader().sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    assert column(table, SINCE)[-1] == "25 Dec 2020"


def test_a_swatch_in_the_status_colour_and_citation_needed_as_a_warning(
    table: ParticipantsTable,
) -> None:
    table.set_overview(MADE_UP, date(2031, 1, 1))
    model = table.participants
    echo = model.row_of("e")
    alpha = model.row_of("a")
    assert echo is not None and alpha is not None
    swatch = model.index(alpha, STATUS).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QIcon)
    image = swatch.pixmap(12, 12).toImage()
    assert image.pixelColor(6, 6).name() == "#0072b2"  # agreement signed, as on the timelines
    pale = model.index(echo, STATUS).data(Qt.ItemDataRole.DecorationRole).pixmap(12, 12)
    assert pale.toImage().pixelColor(6, 6).name() != "#e69f00"  # expected: paler than done
    last = model.columnCount() - 1
    assert model.index(echo, last).data() == "citation needed"
    brush = model.index(echo, last).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == warning_colour(table)
    assert model.index(alpha, last).data(Qt.ItemDataRole.ForegroundRole) is None


def test_tooltips_show_names_as_text(table: ParticipantsTable) -> None:
    table.set_overview(MADE_UP, date(2021, 6, 1))
    row = table.participants.row_of("e")
    assert row is not None
    tip = table.participants.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Echo&lt;/b&gt;" in tip and "<b>" not in tip


def test_ctrl_c_copies_the_selected_rows_as_tsv(
    qtbot: QtBot, table: ParticipantsTable, abraham: AccordOverview
) -> None:
    table.set_overview(abraham, JUNE_2021)
    selection = table.selectionModel()
    for key in ("israel", "sudan"):
        row = table.participants.row_of(key)
        assert row is not None
        selection.select(
            table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    table.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == (
        "Participant\tStatus\tSince\tProspective / in talks\tExpected to join\t"
        "Declaration signed\tAgreement signed\tNormalisation formalised\tStalled\tBroker\t"
        "Citations\n"
        "Israel\tAgreement signed\t15 Sep 2020\t\t\t\t15 Sep 2020\t\t\t\t2\n"
        "Sudan\tDeclaration signed; perhaps stalled (reported) by then\tJan 2021\t\t\t"
        "Jan 2021\t\t\tJan 2021 – 6 Nov 2025 (perhaps not yet)\t\t2\n"
    )


def test_tabs_and_line_breaks_in_a_cell_become_spaces(table: ParticipantsTable) -> None:
    table.set_overview(MADE_UP, date(2021, 6, 1))
    assert table.select_key("e")
    lines = table.selection_tsv().splitlines()
    assert len(lines) == 2
    assert lines[1].split("\t")[:2] == ["<b>Echo</b> Tab land", "no status"]


def test_csv_export_writes_the_table_as_shown(
    tmp_path: Path, table: ParticipantsTable, abraham: AccordOverview
) -> None:
    table.set_overview(abraham, JUNE_2021)
    table.set_filter("formalised")
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "table.csv"
    table.export_csv(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as opened:
        read = list(csv.reader(opened))
    assert read[0][:3] == ["Participant", "Status", "Since"]
    assert [line[:3] for line in read[1:]] == [
        ["United Arab Emirates", "Normalisation formalised", "date not given"],
        ["Morocco", "Normalisation formalised", "date not given"],
        ["Bahrain", "Normalisation formalised", "date not given"],
    ]
    assert [p.name for p in path.parent.iterdir()] == ["table.csv"]  # no file left behind


def test_the_filter_follows_the_day(table: ParticipantsTable, abraham: AccordOverview) -> None:
    table.set_overview(abraham, date(2021, 6, 1))
    table.set_filter("expected")
    assert column(table, 0) == []
    table.set_day(date(2025, 11, 7))
    assert column(table, 0) == ["Kazakhstan"]


def test_the_selection_stays_as_the_day_moves_and_is_said_once(
    table: ParticipantsTable, abraham: AccordOverview
) -> None:
    table.set_overview(abraham, JUNE_2021)
    chosen: list[str] = []
    table.partyChosen.connect(chosen.append)
    assert table.select_key("kazakhstan")
    table.set_day(date(2025, 11, 7))
    table.set_overview(abraham, date(2025, 11, 7))  # read afresh: the same row stays
    assert table.selected_key() == "kazakhstan"
    assert chosen == ["kazakhstan"]

"""Widgets that keep their size while their text changes, and lists wide enough for their names."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget

from viewer.ui.widgets.citations_editor import CitationsEditor
from viewer.ui.widgets.country_picker import CountryPicker
from viewer.ui.widgets.elided_label import ElidedLabel
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit
from viewer.ui.widgets.key_picker import KeyPicker
from viewer.ui.widgets.roles_editor import RolesEditor
from viewer.ui.widgets.searching_combo_box import MAX_POPUP_WIDTH

LONG = "a problem described at such length that no single line of a narrow form could hold it"


def test_an_elided_label_keeps_its_height_and_cuts_long_text(qtbot: QtBot) -> None:
    label = ElidedLabel(1)
    qtbot.addWidget(label)
    label.resize(200, label.height())
    label.show()
    empty = label.height()
    assert empty > 0
    label.setText(LONG)
    assert label.height() == empty
    assert label.text() == LONG  # the whole of it, for tooltips and screen readers
    assert LONG in label.toolTip()
    assert label.is_cut()
    assert label.shown_lines()[-1].endswith("…")
    label.setText("short")
    assert label.height() == empty and not label.is_cut()


def test_a_two_line_label_wraps_before_it_cuts(qtbot: QtBot) -> None:
    label = ElidedLabel(2)
    qtbot.addWidget(label)
    label.resize(260, label.height())
    label.setText(LONG)
    lines = label.shown_lines()
    assert len(lines) == 2
    assert LONG.startswith(lines[0])
    assert label.height() == 2 * ElidedLabel(1).height()


def test_a_date_field_keeps_its_height_whatever_its_reading(qtbot: QtBot) -> None:
    edit = FuzzyDateEdit("Date")
    qtbot.addWidget(edit)
    edit.resize(220, edit.sizeHint().height())
    edit.show()
    height = edit.sizeHint().height()
    edit.line_edit.setText("2021-02-30 and then a great deal more text that cannot be read")
    assert edit.sizeHint().height() == height
    assert edit.problem()


def test_a_forms_problem_shows_on_the_dates_line_until_the_date_itself_is_wrong(
    qtbot: QtBot,
) -> None:
    edit = FuzzyDateEdit("Accessed")
    qtbot.addWidget(edit)
    edit.line_edit.setText("2025-11-01")
    edit.set_problem("is before the source was published")
    assert edit.reading_label().text() == "is before the source was published"
    edit.line_edit.setText("2021-02-30")
    # The text's own problem comes first; it is the one to fix.
    assert edit.reading_label().text() == edit.problem()
    edit.set_problem("")
    edit.line_edit.setText("2025-11-01")
    assert edit.reading_label().text().startswith("Understood as:")


def test_a_country_list_is_as_wide_as_its_longest_name(qtbot: QtBot) -> None:
    picker = CountryPicker()
    qtbot.addWidget(picker)
    picker.setFixedWidth(160)
    picker.show()
    qtbot.waitExposed(picker)
    picker.setFocus()
    qtbot.keyClicks(picker, "united")
    completer = picker.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    widest = max(
        popup.fontMetrics().horizontalAdvance(str(popup.model().index(row, 0).data()))
        for row in range(popup.model().rowCount())
    )
    assert widest > 160  # "United Kingdom of Great Britain and Northern Ireland (GB)"
    assert popup.width() >= min(widest, MAX_POPUP_WIDTH)
    assert popup.width() <= MAX_POPUP_WIDTH
    qtbot.keyClick(popup, Qt.Key.Key_Escape)


def test_a_pickers_drop_down_is_as_wide_as_its_longest_name(qtbot: QtBot) -> None:
    picker = CountryPicker()
    qtbot.addWidget(picker)
    picker.setFixedWidth(160)
    picker.show()
    qtbot.waitExposed(picker)
    picker.showPopup()
    view: QAbstractItemView = picker.view()
    assert view.minimumWidth() > 160
    picker.hidePopup()


def test_a_pickers_placeholder_fits_in_it(qtbot: QtBot) -> None:
    picker = KeyPicker("accord", "Accord", optional=True)
    qtbot.addWidget(picker)
    placeholder = picker.search_line.placeholderText()
    assert placeholder == "type part of an accord's name"
    assert picker.minimumContentsLength() >= len(placeholder)


def test_table_editors_ask_for_room_for_every_column(qtbot: QtBot) -> None:
    for editor in (CitationsEditor("Citations"), RolesEditor()):
        qtbot.addWidget(editor)
        table = editor.findChild(QTableWidget)
        assert table is not None
        assert table.horizontalHeader().stretchLastSection()
        assert not table.tabKeyNavigation()  # Tab goes on to the next field
        editor.resize(editor.sizeHint())
        editor.show()
        qtbot.waitExposed(editor)
        assert not table.horizontalScrollBar().isVisible()
        header = table.horizontalHeader()
        last = header.count() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
            table.viewport().width()
        )

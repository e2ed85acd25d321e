"""The edit dialogs' input widgets, driven by typing into them as a person would."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLabel, QWidget

from viewer.domain.dates import FuzzyDate
from viewer.ui.widgets.country_picker import CountryPicker
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit
from viewer.ui.widgets.key_picker import KeyPicker

CHOICES = [("kazakhstan", "Kazakhstan"), ("israel", "Israel")]


def make_date_edit(qtbot: QtBot) -> FuzzyDateEdit:
    edit = FuzzyDateEdit("Date")
    qtbot.addWidget(edit)
    return edit


def reading(edit: FuzzyDateEdit) -> str:
    # Found by its accessible name, as assistive technology would find it.
    labels = [
        label
        for label in edit.findChildren(QLabel)
        if label.accessibleName() == "Date: how it was understood"
    ]
    assert len(labels) == 1
    return labels[0].text()


def make_country_picker(qtbot: QtBot) -> CountryPicker:
    picker = CountryPicker()
    qtbot.addWidget(picker)
    return picker


def make_key_picker(
    qtbot: QtBot, optional: bool = True, choices: list[tuple[str, str]] = CHOICES
) -> KeyPicker:
    picker = KeyPicker("participant", "Participant", optional=optional)
    qtbot.addWidget(picker)
    picker.set_choices(choices)
    return picker


# -- FuzzyDateEdit ---------------------------------------------------------------


def test_date_edit_reads_month_name_and_shows_it(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "Jan 2021")
    value = edit.value()
    assert value is not None
    assert value.edtf == "2021-01"
    assert "Jan 2021" in reading(edit)
    assert "EDTF 2021-01" in reading(edit)
    assert edit.problem() is None


def test_date_edit_shows_a_monday_to_sunday_interval_as_a_week(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "2025-11-10/2025-11-16")
    value = edit.value()
    assert value is not None
    assert value.edtf == "2025-11-10/2025-11-16"
    assert "week of 10 Nov 2025" in reading(edit)


def test_date_edit_reads_approximate_month(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "2025-11~")
    value = edit.value()
    assert value is not None
    assert value.approximate
    assert not value.uncertain
    assert "~ Nov 2025" in reading(edit)


def test_date_edit_reports_a_day_the_month_does_not_have(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "2021-02-30")
    assert edit.value() is None
    problem = edit.problem()
    assert problem is not None
    assert "28 days" in problem
    assert reading(edit) == problem


def test_date_edit_reports_month_thirteen(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "2021-13")
    assert edit.value() is None
    assert edit.problem() is not None
    assert "month 13" in (edit.problem() or "")


def test_date_edit_reports_an_interval_that_ends_before_it_starts(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "2025-11-16/2025-11-10")
    assert edit.value() is None
    assert "before it starts" in (edit.problem() or "")
    assert "before it starts" in reading(edit)


def test_date_edit_empty_is_no_date_and_no_problem(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    qtbot.keyClicks(edit.line_edit, "2021")
    edit.line_edit.clear()
    assert edit.text() == ""
    assert edit.value() is None
    assert edit.problem() is None
    assert reading(edit) == "No date"


def test_date_edit_empty_is_a_problem_when_required(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    edit.set_required(True)
    assert edit.problem() == "is required"
    qtbot.keyClicks(edit.line_edit, "2021")
    assert edit.problem() is None
    edit.set_required(False)
    edit.line_edit.clear()
    assert edit.problem() is None


def test_date_edit_set_value_round_trips(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    week = FuzzyDate.parse("2025-11-10~/2025-11-16~")
    edit.set_value(week)
    assert edit.text() == "2025-11-10~/2025-11-16~"
    assert edit.value() == week
    assert "~ week of 10 Nov 2025" in reading(edit)
    edit.set_value(None)
    assert edit.text() == ""
    assert edit.value() is None


def test_date_edit_emits_changed_on_every_keystroke(qtbot: QtBot) -> None:
    edit = make_date_edit(qtbot)
    with qtbot.waitSignal(edit.changed, timeout=1000):
        qtbot.keyClicks(edit.line_edit, "2")
    emitted: list[None] = []
    edit.changed.connect(lambda: emitted.append(None))
    qtbot.keyClicks(edit.line_edit, "021")
    assert len(emitted) == 3


# The completion popup opens as one types; the offscreen platform cannot give
# it the keyboard and says so. Only the tests that open it ignore that.
popup_opens = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


# -- CountryPicker ---------------------------------------------------------------


def test_country_picker_set_code_shows_name_and_code(qtbot: QtBot) -> None:
    picker = make_country_picker(qtbot)
    picker.set_code("KZ")
    assert picker.currentText() == "Kazakhstan (KZ)"
    assert picker.code() == "KZ"
    picker.set_code(None)
    assert picker.currentText() == ""
    assert picker.code() is None


@popup_opens
def test_country_picker_typing_a_country_gives_its_code(qtbot: QtBot) -> None:
    picker = make_country_picker(qtbot)
    qtbot.keyClicks(picker.lineEdit(), "Kazakhstan (KZ)")
    assert picker.code() == "KZ"
    assert picker.problem() is None


@popup_opens
def test_country_picker_reports_a_country_that_does_not_exist(qtbot: QtBot) -> None:
    picker = make_country_picker(qtbot)
    qtbot.keyClicks(picker.lineEdit(), "Atlantis")
    assert picker.code() is None
    assert picker.problem() == "'Atlantis' is not an ISO 3166 country"


def test_country_picker_empty_is_no_code_and_no_problem(qtbot: QtBot) -> None:
    picker = make_country_picker(qtbot)
    assert picker.currentText() == ""
    assert picker.code() is None
    assert picker.problem() is None


def test_country_picker_lists_every_country_with_its_code(qtbot: QtBot) -> None:
    picker = make_country_picker(qtbot)
    items = [picker.itemText(row) for row in range(picker.count())]
    assert items[0] == ""
    assert "Israel (IL)" in items
    assert "Kazakhstan (KZ)" in items
    assert len(items) > 240


def test_country_picker_takes_its_parent_first(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    picker = CountryPicker(form)
    assert picker.parent() is form
    assert picker.accessibleName() == "Country"


@popup_opens
def test_country_picker_emits_changed_when_typed_into(qtbot: QtBot) -> None:
    picker = make_country_picker(qtbot)
    with qtbot.waitSignal(picker.changed, timeout=1000):
        qtbot.keyClicks(picker.lineEdit(), "k")


# -- KeyPicker -------------------------------------------------------------------


def test_key_picker_set_key_chooses_the_record(qtbot: QtBot) -> None:
    picker = make_key_picker(qtbot)
    picker.set_key("israel")
    assert picker.currentText() == "Israel"
    assert picker.key() == "israel"
    picker.set_key(None)
    assert picker.key() is None


@popup_opens
def test_key_picker_typing_a_label_gives_its_key(qtbot: QtBot) -> None:
    picker = make_key_picker(qtbot)
    qtbot.keyClicks(picker.lineEdit(), "Israel")
    assert picker.key() == "israel"
    assert picker.problem() is None


@popup_opens
def test_key_picker_reports_a_label_that_matches_no_record(qtbot: QtBot) -> None:
    picker = make_key_picker(qtbot)
    qtbot.keyClicks(picker.lineEdit(), "Atlantis")
    assert picker.key() is None
    assert picker.problem() == "no participant is called 'Atlantis'"


def test_key_picker_empty_is_a_problem_only_when_required(qtbot: QtBot) -> None:
    required = make_key_picker(qtbot, optional=False)
    optional = make_key_picker(qtbot, optional=True)
    assert required.problem() == "is required"
    assert optional.problem() is None


@popup_opens
def test_key_picker_shows_keys_of_records_with_the_same_label(qtbot: QtBot) -> None:
    picker = make_key_picker(qtbot, choices=[("un", "UN"), ("un-2", "UN"), ("israel", "Israel")])
    items = [picker.itemText(row) for row in range(picker.count())]
    assert items == ["", "UN (un)", "UN (un-2)", "Israel"]
    qtbot.keyClicks(picker.lineEdit(), "UN (un-2)")
    assert picker.key() == "un-2"


def test_key_picker_shows_a_hostile_label_literally(qtbot: QtBot) -> None:
    picker = make_key_picker(qtbot, choices=[("bold", "<b>x</b>")])
    assert picker.itemText(1) == "<b>x</b>"
    picker.set_key("bold")
    assert picker.currentText() == "<b>x</b>"


def test_key_picker_keeps_the_current_key_when_choices_change(qtbot: QtBot) -> None:
    picker = make_key_picker(qtbot)
    picker.set_key("israel")
    picker.set_choices([("bahrain", "Bahrain"), ("israel", "Israel")])
    assert picker.key() == "israel"
    picker.set_choices([("bahrain", "Bahrain")])
    assert picker.key() is None

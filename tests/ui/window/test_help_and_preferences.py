"""The Help menu, Preferences, colour schemes and the toolbar's icons, driven as a user would."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy
from pytestqt.qtbot import QtBot

import PySide6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QToolButton, QWidget

from tests.paths import PROJECT_ROOT
from viewer.app import create_main_window
from viewer.domain.date_notation import NOTATION
from viewer.ui import colour_scheme
from viewer.ui.colour_scheme import ColourScheme
from viewer.ui.icons import ICONS, _qtawesome_icon, icon
from viewer.ui.widgets.shortcuts import command_name, keys_text
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.preferences import (
    AS_OF_DATE_KEY,
    AS_OF_MODE_KEY,
    AUTHOR_KEY,
    CITATION_STYLE_KEY,
    COLOUR_SCHEME_KEY,
    AsOfMode,
    Preferences,
    load_preferences,
)
from viewer.ui.window.preferences_dialog import PreferencesDialog

Role = QPalette.ColorRole


@pytest.fixture
def db_path(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Path:
    return seeded_copy(tmp_path / "db.sqlite3")


@pytest.fixture
def app_colours(qapp: QApplication) -> Iterator[QApplication]:
    """The application's colours, given back as the system's after the test."""
    yield qapp
    colour_scheme.apply(qapp, ColourScheme.SYSTEM)


@pytest.fixture
def window(
    qtbot: QtBot, db_path: Path, settings: QSettings, app_colours: QApplication
) -> Iterator[MainWindow]:
    built = create_main_window(db_path, settings)
    qtbot.addWidget(built)
    built.show()
    yield built


def menu_named(window: MainWindow, title: str) -> QMenu:
    for menu in window.menuBar().findChildren(QMenu):
        if menu.title() == title:
            return menu
    raise AssertionError(f"no menu {title}")


def entries_of(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def on_modal_dialog(handle: Callable[[QWidget], None]) -> None:
    """Run ``handle`` on the modal dialog about to open (it blocks its opener)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
        else:
            handle(dialog)

    QTimer.singleShot(0, poll)


def focus_name(dialog: QWidget) -> str:
    """The object name of the widget with the focus, or a button's text."""
    widget = dialog.focusWidget()
    if isinstance(widget, QPushButton):
        return widget.text()
    return widget.objectName()


# -- the Help menu -------------------------------------------------------------------


def test_help_is_the_last_menu_with_shortcuts_date_notation_and_about(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    assert titles.index("&Edit") < titles.index("&Search") < titles.index("&Help")
    assert entries_of(menu_named(window, "&Help")) == [
        "&Keyboard Shortcuts",
        "&Date Notation",
        "&About Accords Viewer",
    ]


def test_about_names_the_versions_the_database_and_the_credits(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    window.help.about.trigger()
    dialog = window.help.about_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.plain_text()
    for version in (PySide6.__version__, sqlalchemy.__version__, sqlite3.sqlite_version):
        assert version in text
    assert str(db_path) in text
    for credit in ("Kazakhstan joining Abraham Accords", "Fox News", "pycountry", "iso-codes"):
        assert credit in text
    assert "Phosphor Icons" in text and "MIT licence" in text
    assert "Citation Style Language project" in text and "CC BY-SA 3.0" in text
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text


def test_about_shows_a_path_that_looks_like_markup_as_written(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path], settings: QSettings
) -> None:
    path = seeded_copy(tmp_path / "<b>bold</b>" / "db.sqlite3")
    built = create_main_window(path, settings)
    qtbot.addWidget(built)
    dialog = built.help.show_about()
    assert f"Database: {path}" in dialog.plain_text()


def test_the_shortcuts_list_names_every_menu_command_with_keys_and_new_ones(
    qtbot: QtBot, window: MainWindow
) -> None:
    # An action the list has never heard of: it is listed because it is there.
    made_up = QAction("Frobnicate the accords", window)
    made_up.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(made_up)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.help.shortcuts_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    shown = dialog.shown()
    listed = {(command, keys) for _group, command, keys in shown}

    expected = set()
    # Every menu of the bar (not through QAction.menu(): it can crash PySide6 6.7).
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if not action.isSeparator() and action.shortcuts():
                expected.add((command_name(action), keys_text(action)))
    assert len(expected) >= 10
    assert expected <= listed
    native = QKeySequence("Ctrl+Alt+J").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Window", "Frobnicate the accords", native) in shown
    assert ("Edit", "Undo", keys_text(window.undo_action)) in shown
    assert ("Help", "Keyboard Shortcuts", "Ctrl+/") in shown

    qtbot.keyClicks(dialog.filter_edit, "frob")
    assert dialog.shown() == [("Window", "Frobnicate the accords", native)]
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "ctrl+z")
    assert [command for _group, command, _keys in dialog.shown()] == ["Undo"]


def readme_date_rows() -> list[tuple[str, str, str]]:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Dates\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"`[^`]+`", cells[0]):
            rows.append((cells[0].strip("`"), cells[1], cells[2]))
    return rows


def test_the_date_notation_table_is_the_readmes(window: MainWindow) -> None:
    readme_rows = readme_date_rows()
    assert len(readme_rows) == len(NOTATION) >= 10
    window.help.date_notation.trigger()
    dialog = window.help.date_notation_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == readme_rows


def test_the_date_notation_dialog_reads_a_date_typed_into_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.help.show_date_notation()
    qtbot.keyClicks(dialog.try_edit.line_edit, "week of 10 Nov 2025")
    value = dialog.try_edit.value()
    assert value is not None and value.display() == "week of 10 Nov 2025"


# -- Preferences ---------------------------------------------------------------------


def test_preferences_is_at_the_end_of_the_edit_menu_with_ctrl_comma(window: MainWindow) -> None:
    action = window.preferences.action
    assert menu_named(window, "&Edit").actions()[-1] is action
    assert QKeySequence("Ctrl+,") in action.shortcuts()


def test_preferences_open_in_the_first_field_and_tab_runs_top_to_bottom(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []

    def walk(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.author_edit)
        # The day field takes the focus only while a fixed day is chosen, and
        # OK only while that day can be read.
        dialog.fixed_button.setChecked(True)
        dialog.date_edit.setText("2021-06-01")
        dialog.author_edit.setFocus()
        for _ in range(9):
            seen.append(focus_name(dialog))
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(focus_name(dialog))
        dialog.reject()

    on_modal_dialog(walk)
    assert window.preferences.open_dialog() is None
    assert seen == [
        "authorEdit",
        "asOfToday",
        "asOfFixed",
        "asOfDateEdit",
        "colourSchemeCombo",
        "backupsToKeep",
        "citationStyleCombo",
        "OK",
        "Cancel",
        "authorEdit",
    ]


def test_preferences_are_saved_and_applied_on_ok(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        qtbot.keyClicks(dialog.author_edit, "Ada Researcher")
        qtbot.mouseClick(dialog.fixed_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.date_edit, "1 Jun 2021")
        dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("dark"))
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(window.preferences.preferencesChanged) as emitted:
        on_modal_dialog(choose)
        chosen = window.preferences.open_dialog()
    assert chosen == Preferences("Ada Researcher", AsOfMode.FIXED, "1 Jun 2021", ColourScheme.DARK)
    assert emitted.args == [chosen]
    assert settings.value(AUTHOR_KEY) == "Ada Researcher"
    assert settings.value(AS_OF_MODE_KEY) == "fixed"
    assert settings.value(AS_OF_DATE_KEY) == "1 Jun 2021"
    assert settings.value(COLOUR_SCHEME_KEY) == "dark"
    assert window.detail_pane.timeline.as_of() == date(2021, 6, 1)
    assert colour_scheme.is_dark(QApplication.palette())


def test_the_citation_style_is_remembered_and_used_by_the_citations_pane(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    assert load_preferences(settings).citation_style == "apa"  # the default
    assert window.citations_pane.citation_style() == "apa"

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.style_combo.currentData() == "apa"
        assert dialog.style_combo.count() == 4
        dialog.style_combo.setCurrentIndex(dialog.style_combo.findData("chicago-author-date"))
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    on_modal_dialog(choose)
    chosen = window.preferences.open_dialog()
    assert chosen is not None and chosen.citation_style == "chicago-author-date"
    assert settings.value(CITATION_STYLE_KEY) == "chicago-author-date"
    assert load_preferences(settings).citation_style == "chicago-author-date"
    assert window.citations_pane.citation_style() == "chicago-author-date"
    reopened = PreferencesDialog(load_preferences(settings), "tester")
    qtbot.addWidget(reopened)
    assert reopened.style_combo.currentData() == "chicago-author-date"


def test_a_citation_style_no_longer_shipped_falls_back_to_apa(settings: QSettings) -> None:
    settings.setValue(CITATION_STYLE_KEY, "vancouver")

    assert load_preferences(settings).citation_style == "apa"


def test_cancel_keeps_nothing(qtbot: QtBot, window: MainWindow, settings: QSettings) -> None:
    def type_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        qtbot.keyClicks(dialog.author_edit, "Someone Else")
        dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("dark"))
        qtbot.mouseClick(dialog.cancel_button(), Qt.MouseButton.LeftButton)

    on_modal_dialog(type_and_cancel)
    assert window.preferences.open_dialog() is None
    assert settings.value(AUTHOR_KEY) is None
    assert settings.value(COLOUR_SCHEME_KEY) is None
    assert not colour_scheme.is_dark(QApplication.palette())


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("2021-02-30", "2021-02-30"),
        ("Jan 2021", "Jan 2021 is more than one day"),
        ("next Tuesday-ish", "not a date"),
        ("", "Type the day"),
    ],
)
def test_a_fixed_day_that_cannot_be_read_disables_ok_and_keeps_the_text(
    qtbot: QtBot, typed: str, why: str
) -> None:
    dialog = PreferencesDialog(Preferences(), "tester")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.fixed_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.date_edit, typed)
    assert not dialog.ok_button().isEnabled()
    assert dialog.date_edit.text() == typed
    assert why in dialog.date_reading.text()
    assert dialog.date_reading.isVisible()
    # Today needs no day: OK again, and the text is still there for later.
    qtbot.keyClick(dialog.today_button, Qt.Key.Key_Space)
    assert dialog.today_button.isChecked()
    assert dialog.ok_button().isEnabled()
    assert dialog.preferences().as_of_date == typed.strip()


def test_the_author_placeholder_says_who_an_empty_name_means(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences(), "Grace Hopper")
    qtbot.addWidget(dialog)
    assert dialog.author_edit.placeholderText() == "Grace Hopper"
    assert Preferences().author_or("Grace Hopper") == "Grace Hopper"
    assert Preferences(author="Ada").author_or("Grace Hopper") == "Ada"


def test_a_fixed_day_in_the_settings_sets_the_timeline_when_the_window_opens(
    qtbot: QtBot, db_path: Path, settings: QSettings
) -> None:
    settings.setValue(AS_OF_MODE_KEY, "fixed")
    settings.setValue(AS_OF_DATE_KEY, "2021-06-01")
    built = create_main_window(db_path, settings)
    qtbot.addWidget(built)
    assert built.detail_pane.timeline.as_of() == date(2021, 6, 1)
    assert Preferences(as_of_mode=AsOfMode.TODAY).default_as_of() == date.today()


# -- colour schemes ------------------------------------------------------------------


def contrast(one: QColor, other: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def linear(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_dark_scheme_is_dark_with_light_links_and_system_gives_the_style_back(
    app_colours: QApplication,
) -> None:
    app = app_colours
    colour_scheme.apply(app, ColourScheme.DARK)
    palette = app.palette()
    assert palette.color(Role.Window).lightness() < 80
    assert palette.color(Role.Link).lightness() > 150
    for role in (Role.Link, Role.LinkVisited, Role.Text):
        assert contrast(palette.color(role), palette.color(Role.Base)) >= 4.5, role
    assert contrast(palette.color(Role.HighlightedText), palette.color(Role.Highlight)) >= 4.5

    colour_scheme.apply(app, ColourScheme.LIGHT)
    palette = app.palette()
    assert palette.color(Role.Window).lightness() > 200
    for role in (Role.Link, Role.LinkVisited, Role.Text):
        assert contrast(palette.color(role), palette.color(Role.Base)) >= 4.5, role

    colour_scheme.apply(app, ColourScheme.SYSTEM)
    standard = app.style().standardPalette()
    for role in (Role.Window, Role.WindowText, Role.Base, Role.Link, Role.Highlight):
        assert app.palette().color(role) == standard.color(role), role


def test_the_window_drawn_dark_keeps_its_timeline_legible(
    qtbot: QtBot, window: MainWindow, app_colours: QApplication
) -> None:
    colour_scheme.apply(app_colours, ColourScheme.DARK)
    app_colours.processEvents()  # the new palette reaches the widgets through events
    assert window.finish_reads()
    timeline = window.detail_pane.timeline
    qtbot.waitUntil(timeline.isVisible)
    image = timeline.canvas.grab().toImage()
    # The timeline paints its own light ground, whatever the window's colours.
    ground = image.pixelColor(3, image.height() // 2)
    assert ground.lightness() > 200
    assert colour_scheme.is_dark(window.palette())


# -- the toolbar and its icons -------------------------------------------------------


def test_the_toolbar_has_undo_and_redo_and_every_button_an_icon_and_text(
    window: MainWindow,
) -> None:
    toolbar = window.toolbar
    buttons = []
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):  # not the search field, nor a separator
            buttons.append((action, button))
    actions = [action for action, _button in buttons]
    assert window.undo_action in actions and window.redo_action in actions
    assert len(buttons) >= 7
    for action, button in buttons:
        assert not action.icon().isNull(), action.text()
        assert button.text(), action.text()
    assert window.findChild(QToolButton, "undoButton") is not None


def test_every_named_icon_is_there_offscreen(qapp: QApplication) -> None:
    for name in ICONS:
        made = icon(name)
        assert not made.isNull(), name
        assert darkest(made.pixmap(24, 24).toImage()) < 100, name  # a glyph is drawn
        # QtAwesome's own API, the way taken where its font files are not found.
        assert not _qtawesome_icon(ICONS[name].glyph).pixmap(24, 24).isNull(), name


def test_the_window_starts_without_importing_qtawesome(db_path: Path, tmp_path: Path) -> None:
    # QtAwesome and QtPy cost about a tenth of a second to import: the icons
    # are drawn from its font without them.
    script = (
        "import sys; from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from viewer.app import create_main_window\n"
        "app = QApplication([])\n"
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        f"window = create_main_window(Path({str(db_path)!r}), settings)\n"
        "window.show(); app.processEvents()\n"
        "assert not window.new_action.icon().isNull()\n"
        "print(sorted(m for m in ('qtawesome', 'qtpy') if m in sys.modules))\n"
        "window.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def darkest(image: QImage) -> int:
    return min(
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    )


def test_the_icons_are_drawn_again_in_the_new_colours(
    window: MainWindow, app_colours: QApplication
) -> None:
    before = darkest(window.new_action.icon().pixmap(24, 24).toImage())
    colour_scheme.apply(app_colours, ColourScheme.DARK)
    app_colours.processEvents()  # the window hears of the new palette through an event
    after = darkest(window.new_action.icon().pixmap(24, 24).toImage())
    assert before < 100 < after  # dark glyphs on light, light glyphs on dark


def test_no_two_commands_of_the_window_share_a_key(window: MainWindow) -> None:
    # Keys that work anywhere in the window (menus and the window's own):
    # one key for two commands is ambiguous and Qt runs neither.
    owners: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            continue
        for key in action.shortcuts():
            text = key.toString()
            assert owners.setdefault(text, command_name(action)) == command_name(action), text
    assert owners["Ctrl+/"] == "Keyboard Shortcuts"
    assert owners["Ctrl+,"] == "Preferences"


def test_choosing_a_fixed_day_moves_nothing_in_preferences(qtbot: QtBot) -> None:
    dialog = PreferencesDialog(Preferences(), "tester")
    qtbot.addWidget(dialog)
    dialog.show()
    before = {w.objectName(): w.geometry() for w in (dialog.today_button, dialog.fixed_button)}
    qtbot.mouseClick(dialog.fixed_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.date_edit, "nonsense")
    qtbot.keyClick(dialog.today_button, Qt.Key.Key_Space)
    after = {w.objectName(): w.geometry() for w in (dialog.today_button, dialog.fixed_button)}
    assert after == before

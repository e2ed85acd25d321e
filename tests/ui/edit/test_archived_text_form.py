"""The source form's archived text: pasted, loaded, refused, viewed, cleared, undone."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton, QWidget

from tests.ui.edit.forms_driver import Forms, focused, press
from tests.ui.edit.test_editing import when_dialog_opens
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.records import Source
from viewer.store.store import Store
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.window.main_window import MainWindow

SOURCE = "axios-kazakhstan-abraham-accords-report"
PAGE = (
    "<html><head><script>steal()</script><style>p{}</style></head><body>"
    "<!-- ad --><h1>Kazakhstan &amp; the Accords</h1><p>It is joining, "
    "officials said.</p></body></html>"
)


@pytest.fixture
def forms(qtbot: QtBot, seeded_store: Store) -> Iterator[Forms]:
    yield Forms(qtbot, seeded_store)


def source_form(forms: Forms, key: str | None = SOURCE) -> SourceDialog:
    dialog = forms.open(RecordKind.SOURCE, key)
    assert isinstance(dialog, SourceDialog)
    return dialog


def chosen(path: Path) -> Callable[[QWidget], Path | None]:
    return lambda _parent: path


def test_an_html_file_is_kept_as_its_text_and_saved(
    qtbot: QtBot, forms: Forms, tmp_path: Path
) -> None:
    page = tmp_path / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    dialog = source_form(forms)
    field = dialog.archived_field
    assert field.summary_label.text() == "None"
    assert not field.view_button.isEnabled() and not field.clear_button.isEnabled()
    field.chooser = chosen(page)
    qtbot.mouseClick(field.load_button, Qt.MouseButton.LeftButton)
    assert field.text() == "Kazakhstan & the Accords\n\nIt is joining, officials said."
    assert field.summary_label.text() == "9 words"
    assert dialog.is_modified()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = forms.store.get(RecordKind.SOURCE, SOURCE)
    assert isinstance(saved, Source)
    assert saved.archived_text == field.text()


def test_a_3_mb_file_is_refused_with_a_message_and_the_text_kept(
    qtbot: QtBot, forms: Forms, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 600_000)  # 3,000,000 bytes
    dialog = source_form(forms)
    field = dialog.archived_field
    field.set_text("The kept text.")
    field.chooser = chosen(big)
    qtbot.mouseClick(field.load_button, Qt.MouseButton.LeftButton)
    assert field.text() == "The kept text."
    assert field.problem() == (
        "big.txt was not loaded: it holds 2,999,999 characters; "
        "a source keeps at most 2,000,000 characters."
    )
    assert field.problem() in field.summary_label.text()
    assert field.summary_label.text().startswith("3 words.")


def test_a_file_that_is_not_utf8_is_refused_and_the_text_kept(
    qtbot: QtBot, forms: Forms, tmp_path: Path
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("d\u00e9claration".encode("latin-1"))
    dialog = source_form(forms)
    field = dialog.archived_field
    field.chooser = chosen(latin)
    qtbot.mouseClick(field.load_button, Qt.MouseButton.LeftButton)
    assert field.text() == ""
    assert "latin.txt was not loaded: it is not UTF-8 text" in field.summary_label.text()


def test_the_buttons_by_keyboard_in_reading_order_with_their_own_alt_keys(
    qtbot: QtBot, forms: Forms
) -> None:
    dialog = source_form(forms)
    field = dialog.archived_field
    field.set_text("Some kept words.")
    QGuiApplication.clipboard().setText("Pasted   words\r\nof the article")
    dialog.url_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # Accessed
    while focused() is not field.paste_button:
        assert dialog.fields()["accessed"].isAncestorOf(focused()), focused().objectName()
        press(qtbot, Qt.Key.Key_Tab)
    order = [field.paste_button, field.load_button, field.view_button, field.clear_button]
    for button in order[1:]:
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.notes_edit
    # Alt+X goes to the row, Space presses the focused button.
    qtbot.keyClick(dialog, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert focused() is field.paste_button
    press(qtbot, Qt.Key.Key_Space)
    assert field.text() == "Pasted words\nof the article"
    # A button's Alt key clicks it as a mouse would (shown pressed for a moment).
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: field.text() == "")
    assert field.summary_label.text() == "None"
    # Every Alt key of the form is its own.
    keys = [
        label.text().split("&")[1][0].lower()
        for label in dialog.findChildren(QLabel)
        if "&" in label.text()
    ]
    keys += [
        button.text().split("&")[1][0].lower()
        for button in dialog.findChildren(QPushButton)
        if "&" in button.text()
    ]
    assert len(keys) == len(set(keys)), sorted(keys)


def test_a_copied_web_page_is_pasted_as_its_text(qtbot: QtBot, forms: Forms) -> None:
    copied = QMimeData()
    copied.setHtml(PAGE)  # no plain text: the page's HTML only
    QGuiApplication.clipboard().setMimeData(copied)
    field = source_form(forms).archived_field
    qtbot.mouseClick(field.paste_button, Qt.MouseButton.LeftButton)
    assert field.text() == "Kazakhstan & the Accords\n\nIt is joining, officials said."


def test_an_empty_clipboard_pastes_nothing_and_says_so(qtbot: QtBot, forms: Forms) -> None:
    QGuiApplication.clipboard().setMimeData(QMimeData())
    field = source_form(forms).archived_field
    field.set_text("Kept.")
    qtbot.mouseClick(field.paste_button, Qt.MouseButton.LeftButton)
    assert field.text() == "Kept."
    assert field.summary_label.text() == "1 word. Nothing pasted: the clipboard holds no text."


def test_view_shows_the_text_read_only(qtbot: QtBot, forms: Forms) -> None:
    dialog = source_form(forms)
    field = dialog.archived_field
    field.set_text("<b>not bold</b>\nsecond line")
    shown = field.view()
    qtbot.addWidget(shown)
    view = shown.findChild(QPlainTextEdit, "archivedTextView")
    assert view is not None and view.isReadOnly()
    assert view.toPlainText() == "<b>not bold</b>\nsecond line"
    shown.close()


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    built.editor.services = dataclasses.replace(
        built.editor.services, confirm_discard=lambda _parent: True
    )
    yield built


def test_undo_of_the_save_takes_the_archived_text_back(qtbot: QtBot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("The article's whole text.")

    def paste_and_save(dialog: RecordDialog) -> None:
        assert isinstance(dialog, SourceDialog)
        qtbot.mouseClick(dialog.archived_field.paste_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    window.select_record(RecordKind.SOURCE, SOURCE)
    when_dialog_opens(paste_and_save)
    window.edit_action.trigger()
    saved = window.store.get(RecordKind.SOURCE, SOURCE)
    assert isinstance(saved, Source) and saved.archived_text == "The article's whole text."
    window.undo_action.trigger()
    undone = window.store.get(RecordKind.SOURCE, SOURCE)
    assert isinstance(undone, Source) and undone.archived_text == ""
    window.redo_action.trigger()
    redone = window.store.get(RecordKind.SOURCE, SOURCE)
    assert isinstance(redone, Source) and redone.archived_text == "The article's whole text."
    assert QApplication.activeModalWidget() is None

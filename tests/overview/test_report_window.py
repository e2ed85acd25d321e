"""File ▸ Export Report…: the window writes the accord report where the user chose."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from tests.overview.report_pdf_reading import PdfText
from tests.reliability.window_support import on_modal_dialog, settings_in, shown
from viewer.app import create_main_window
from viewer.domain.overview import AccordOverview
from viewer.ui.window.main_window import MainWindow


class AnsweringReportChooser:
    """Answers "where to?" at once, as a user who already chose would."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.asked: list[tuple[Path, str]] = []

    def report_file(self, folder: Path, name: str) -> Path | None:
        self.asked.append((folder, name))
        return self.answer


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    yield shown(qtbot, built)
    for box in built.findChildren(QMessageBox):
        box.close()


def file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.commands.file_menu
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_export_report_stands_in_the_file_menu_after_export(window: MainWindow) -> None:
    texts = file_menu_texts(window)
    assert texts[texts.index("&Export…") + 1] == "Export Repor&t…"
    assert window.report_target() == ("abraham-accords", date.today())


def test_export_report_writes_the_report_where_the_user_chose(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "chosen.pdf"
    chooser = AnsweringReportChooser(target)
    window.report.chooser = chooser
    image = QImage(800, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))

    def the_map(overview: AccordOverview, day: date) -> tuple[str, QImage]:
        assert overview.accord.key == "abraham-accords" and day == date.today()
        return "Map of the participants", image

    window.report.picture_makers = [the_map]
    with qtbot.waitSignal(window.report.reportWritten) as written:
        window.report.action.trigger()
    assert chooser.asked == [(tmp_path, f"abraham-accords-{date.today().isoformat()}")]
    pdf = PdfText(target)
    assert written.args == [str(target), pdf.page_count]
    assert window.statusBar().currentMessage() == f"Wrote {pdf.page_count} pages to {target}"
    text = pdf.text()
    assert "Abraham Accords" in text and "Map of the participants" in text
    assert QApplication.overrideCursor() is None  # the busy cursor is gone


def test_the_file_dialog_chooses_the_pdf(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "typed-name"
    seen: dict[str, object] = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen["title"] = dialog.windowTitle()
        seen["suggested"] = dialog.selectedFiles()
        dialog.selectFile(str(target))
        dialog.accept()

    on_modal_dialog(answer)
    assert window.report.export_report() == target.with_suffix(".pdf")
    # Read and written off the GUI thread: the action waits its turn meanwhile.
    assert window.report.is_running() and not window.report.action.isEnabled()
    assert window.report.wait()
    assert window.report.action.isEnabled() and not window.report.is_running()
    assert seen["title"] == "Export Report"
    assert seen["suggested"] == [str(tmp_path / f"abraham-accords-{date.today().isoformat()}.pdf")]
    assert PdfText(target.with_suffix(".pdf")).page_count >= 2


def test_a_report_that_cannot_be_written_says_so_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "gone" / "report.pdf"
    window.report.chooser = AnsweringReportChooser(target)
    before = sorted(path.name for path in tmp_path.iterdir())
    assert window.report.export_report() == target
    assert window.report.wait()
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    assert str(target) in boxes[0].text()
    assert "nothing was changed" in boxes[0].text()
    assert "Traceback" not in boxes[0].text()
    assert sorted(path.name for path in tmp_path.iterdir()) == before
    assert QApplication.overrideCursor() is None


def test_changing_ones_mind_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    window.report.chooser = AnsweringReportChooser(None)
    before = sorted(path.name for path in tmp_path.iterdir())
    assert window.report.export_report() is None
    assert sorted(path.name for path in tmp_path.iterdir()) == before
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_report_lists_its_sources_in_the_preferences_style(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    chosen = dataclasses.replace(
        window.preferences.current(), citation_style="modern-language-association"
    )
    window.preferences.apply(chosen)
    target = tmp_path / "mla.pdf"
    window.report.chooser = AnsweringReportChooser(target)
    window.report.picture_makers = []
    with qtbot.waitSignal(window.report.reportWritten):
        window.report.action.trigger()
    text = PdfText(target).text()
    sources = text[text.rindex("Sources [1]") :]
    assert (
        "[1] Carnahan, Ashley, and Lucas Y. Tomlinson. “Kazakhstan Joining Abraham Accords"
        in sources
    )

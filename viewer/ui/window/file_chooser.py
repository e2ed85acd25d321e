"""Where the File menu's commands ask which file: the seam between them and the
platform's file dialogs (tests give a chooser of their own that answers at once)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFileDialog, QWidget

ExportFormat = Literal["json", "csv", "timelinejs", "csl-json", "bibtex", "ris"]

DATABASE_FILTER = "Accords Viewer databases (*.sqlite3 *.sqlite *.db);;All files (*)"
JSON_FILTER = "JSON exchange file (*.json)"
CSV_FILTER = "CSV, one file per kind, in a folder of this name (*)"
TIMELINEJS_FILTER = "TimelineJS CSV (events of the chosen accord) (*.csv)"
PDF_FILTER = "PDF documents (*.pdf)"
# What Import reads: the format is told from the file (see viewer.store.import_file).
IMPORT_FILTER = ";;".join(
    (
        "Exchange files and references (*.json *.bib *.bibtex *.ris)",
        "JSON exchange file or CSL-JSON (*.json)",
        "BibTeX (*.bib *.bibtex)",
        "RIS (*.ris)",
        "All files (*)",
    )
)
REFERENCE_NAMES: dict[ExportFormat, str] = {
    "csl-json": "CSL-JSON",
    "bibtex": "BibTeX",
    "ris": "RIS",
}
# The formats reference managers read, holding the sources alone: filter -> (format, suffix).
BIBTEX_FILTER = "Sources only, as BibTeX (*.bib)"
REFERENCE_FILTERS: dict[str, tuple[ExportFormat, str]] = {
    "Sources only, as CSL-JSON (*.json)": ("csl-json", ".json"),
    BIBTEX_FILTER: ("bibtex", ".bib"),
    "Sources only, as RIS (*.ris)": ("ris", ".ris"),
}
# The size Save a Copy's file dialog opens at (less on a smaller screen).
FILE_DIALOG_WIDTH = 860
FILE_DIALOG_HEIGHT = 540


class PathChooser(Protocol):
    """Asks the user for a file; None when they changed their mind."""

    def new_database(self, folder: Path) -> Path | None: ...
    def open_database(self, folder: Path) -> Path | None: ...
    def import_file(self, folder: Path) -> Path | None: ...
    def export_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None: ...
    def references_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None: ...
    def save_copy(self, folder: Path, name: str) -> Path | None: ...


class FileDialogChooser:
    """The platform's file dialogs, over ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def new_database(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            "New Database (it starts empty)",
            str(folder / "accords.sqlite3"),
            DATABASE_FILTER,
        )
        return _with_suffix(name, ".sqlite3")

    def open_database(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Open Database", str(folder), DATABASE_FILTER
        )
        return Path(name) if name else None

    def import_file(self, folder: Path) -> Path | None:
        # The exchange file and the reference managers' formats; CSV has no import.
        name, _ = QFileDialog.getOpenFileName(self._parent, "Import", str(folder), IMPORT_FILTER)
        return Path(name) if name else None

    def export_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None:
        chosen, used_filter = QFileDialog.getSaveFileName(
            self._parent,
            "Export",
            str(folder / f"{name}.json"),
            ";;".join((JSON_FILTER, CSV_FILTER, TIMELINEJS_FILTER, *REFERENCE_FILTERS)),
        )
        return export_choice(chosen, used_filter)

    def references_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None:
        """Where File ▸ Export References of Selection… writes, and in which format."""
        chosen, used_filter = QFileDialog.getSaveFileName(
            self._parent,
            "Export References of the Selected Record",
            str(folder / f"{name}.bib"),
            ";;".join(REFERENCE_FILTERS),
            BIBTEX_FILTER,
        )
        return export_choice(chosen, used_filter or BIBTEX_FILTER)

    def report_file(self, folder: Path, name: str) -> Path | None:
        """Where File ▸ Export Report… writes its PDF."""
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent, "Export Report", str(folder / f"{name}.pdf"), PDF_FILTER
        )
        return _with_suffix(chosen, ".pdf")

    def save_copy(self, folder: Path, name: str) -> Path | None:
        dialog = QFileDialog(
            self._parent, "Save a Copy of the Database", str(folder), DATABASE_FILTER
        )
        dialog.setObjectName("saveCopyFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # A copy never replaces a file (the store refuses, saying so): no
        # question whose Yes would then be refused.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.selectFile(f"{name}.sqlite3")
        # Qt's own dialog opens too narrow to read its columns (name, size,
        # date); a native one keeps its own size.
        dialog.resize(_roomy_size(self._parent))
        try:
            if not dialog.exec():
                return None
            chosen = dialog.selectedFiles()
        finally:
            dialog.deleteLater()
        return _with_suffix(chosen[0], ".sqlite3") if chosen else None


def export_choice(chosen: str, used_filter: str) -> tuple[Path, ExportFormat] | None:
    """The file (or folder) and format an Export dialog's answer means."""
    if not chosen:
        return None
    path = Path(chosen)
    if used_filter in REFERENCE_FILTERS:
        kind, suffix = REFERENCE_FILTERS[used_filter]
        # A default name ("accords.json", "kazakhstan.bib") takes the suffix of the format chosen.
        if path.suffix in ("", ".json", ".bib", ".ris"):
            path = path.with_suffix(suffix)
        return path, kind
    if used_filter == TIMELINEJS_FILTER:
        # "accords.json" kept from the JSON default becomes "accords.csv".
        return (path.with_suffix(".csv") if path.suffix in ("", ".json") else path), "timelinejs"
    if used_filter == CSV_FILTER:
        # A folder for the files: "accords.json" kept from the JSON default becomes "accords".
        return (path.with_suffix("") if path.suffix in (".json", ".csv") else path), "csv"
    return (path if path.suffix else path.with_suffix(".json")), "json"


def _roomy_size(parent: QWidget) -> QSize:
    """Room for a file dialog's columns, within the screen the window is on."""
    wanted = QSize(FILE_DIALOG_WIDTH, FILE_DIALOG_HEIGHT)
    screen = parent.screen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() * 0.9
    return wanted.boundedTo(room)


def _with_suffix(name: str, suffix: str) -> Path | None:
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)

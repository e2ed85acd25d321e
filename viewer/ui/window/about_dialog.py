"""Help ▸ About: the version of the app and of what it runs on, the database, the credits."""

from __future__ import annotations

import platform
import sqlite3
from html import escape
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout, QWidget

import viewer
from viewer.store.api import Location
from viewer.ui.icons import ICON_FONT_URL, ICON_SET, ICON_SET_LICENCE, ICON_SET_URL

SEED_ARTICLE = (
    "“Kazakhstan joining Abraham Accords, US official confirms”, by Ashley Carnahan "
    "and Lucas Y. Tomlinson, Fox News, 6 November 2025"
)


def versions() -> list[tuple[str, str]]:
    """(name, version) of the app and of each thing under it that a bug report needs."""
    return [
        ("Accords Viewer", viewer.__version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", _installed("SQLAlchemy")),
        # The library Python's sqlite3 was built with: the one the store opens files with.
        ("SQLite", sqlite3.sqlite_version),
    ]


def about_html(database_path: Location) -> str:
    """The About text. Ours throughout but for the path, which is escaped."""
    lines = "<br>".join(f"{escape(name)} {escape(version)}" for name, version in versions())
    return (
        "<h3>Accords Viewer</h3>"
        "<p>A reference viewer for international accords: who takes part, in what "
        "role, since when, and on what evidence.</p>"
        f"<p>{lines}</p>"
        f"<p><b>Database:</b> {escape(str(database_path))}</p>"
        "<p><b>Credits</b></p>"
        "<ul>"
        f"<li>The bundled Abraham Accords data is built from {escape(SEED_ARTICLE)}, "
        "and the sources it relays.</li>"
        f"<li>Country names and ISO 3166 codes: pycountry {escape(_installed('pycountry'))} "
        "(LGPL 2.1), from Debian's iso-codes.</li>"
        "<li>Country shapes on the overview's map: Natural Earth (public domain), from "
        "the world-atlas 2.0.2 package by Mike Bostock (ISC licence).</li>"
        "<li>Partial and uncertain dates: the Library of Congress EDTF, read with "
        f"python-edtf {escape(_installed('edtf'))} (MIT licence).</li>"
        f'<li>Icons: <a href="{escape(ICON_SET_URL)}">{escape(ICON_SET)}</a> '
        f"({escape(ICON_SET_LICENCE)}), drawn with "
        f'<a href="{escape(ICON_FONT_URL)}">QtAwesome</a> '
        f"{escape(_installed('QtAwesome'))} (MIT licence); your desktop's own icons "
        "where it has them.</li>"
        "<li>Citation styles (APA, Chicago author-date, MLA, Harvard Cite Them Right): "
        '<a href="https://citationstyles.org/">Citation Style Language</a> project '
        "and the styles' authors (CC BY-SA 3.0), formatted with citeproc-py "
        f"{escape(_installed('citeproc-py'))} (BSD licence).</li>"
        "<li>Reference files: the CSL-JSON schema of the Citation Style Language "
        "project (MIT licence), checked with jsonschema "
        f"{escape(_installed('jsonschema'))}; BibTeX read and written with bibtexparser "
        f"{escape(_installed('bibtexparser'))} (MIT licence) and RIS with rispy "
        f"{escape(_installed('rispy'))} (MIT licence).</li>"
        "</ul>"
    )


class AboutDialog(QDialog):
    """Names the versions, the open database file and the credits.

    Signals: none beyond QDialog's.
    """

    def __init__(self, database_path: Location, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Accords Viewer")
        self.setObjectName("aboutDialog")
        self.text_label = QLabel(about_html(database_path), self)
        self.text_label.setObjectName("aboutText")
        self.text_label.setTextFormat(Qt.TextFormat.RichText)  # about_html escapes the path
        self.text_label.setWordWrap(True)
        self.text_label.setOpenExternalLinks(True)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip("Copy the versions and the database path, for a bug report")
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(buttons)
        # A wrapped label is only as tall as its width allows: fix the width, let
        # the dialog take the height the text needs.
        self.text_label.setFixedWidth(540)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def plain_text(self) -> str:
        """What the dialog says, without markup (for copying into a bug report)."""
        document = QTextDocument()
        document.setHtml(self.text_label.text())
        return document.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())


def _installed(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"

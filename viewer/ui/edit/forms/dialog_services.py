"""What the edit dialogs need from the rest of the app, as plain callables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.records import Record
from viewer.domain.serial import Problem
from viewer.ui.widgets.choice_lookup import ChoiceLookup

# Problems the store would raise (duplicates), found before trying.
Checker = Callable[[Record], list[Problem]]
# Asks whether to throw away unsaved changes.
Asker = Callable[[QWidget], bool]


def ask_discard(parent: QWidget) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Discard changes?",
        "This record has changes that are not saved. Discard them?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    # Alt+D, as the button's underlined letter says.
    box.button(QMessageBox.StandardButton.Discard).setText("&Discard")
    return box.exec() == QMessageBox.StandardButton.Discard


@dataclass(frozen=True)
class DialogServices:
    """``lookup`` finds records of a kind for pickers, a few at a time as the
    user types; ``new_key`` finds a free key for a new record's label (once,
    at save); ``check`` finds what the store would refuse (duplicates);
    ``create_source`` opens a new-source dialog from inside another and
    returns the saved source's (key, label); ``claims(party, accord)``
    finds the claims a status action of that participant in that accord
    can compete with (none when not given)."""

    lookup: Callable[[RecordKind], ChoiceLookup]
    new_key: Callable[[RecordKind, str], str]
    check: Checker
    create_source: Callable[[], tuple[str, str] | None]
    settings: QSettings | None = None
    confirm_discard: Asker = ask_discard
    claims: Callable[[str, str], ChoiceLookup] | None = None

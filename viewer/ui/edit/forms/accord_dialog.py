"""The edit dialog of an accord."""

from __future__ import annotations

from viewer.domain.enums import RecordKind
from viewer.domain.records import Accord, Record
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit

KEY_HINT = "Made from the name if left empty"
KEY_FIXED = "A key never changes: other records and exported files refer to it."


class AccordDialog(RecordDialog):
    """An accord: name, key, first signed (a date as the sources give it),
    description, and the citations backing it.

    A new accord's key may be typed (lower-case letters, digits and inner
    hyphens) or left for the form to make from the name; an accord's key is
    shown but not edited afterwards, as records and files refer to it.
    """

    NOUN = "accord"
    KIND = RecordKind.ACCORD

    def _build(self) -> None:
        self.name_edit = self.line("nameEdit")
        self.key_edit = self.line("keyEdit", KEY_HINT)
        if self.original is not None:
            self.key_edit.setReadOnly(True)
            self.key_edit.setToolTip(KEY_FIXED)
        self.first_signed_edit = FuzzyDateEdit("First signed", self)
        self.first_signed_edit.setObjectName("firstSignedEdit")
        self.description_edit = self.text_box("descriptionEdit")
        self.citations_editor = self.citations_for("this accord")
        self.add_row("name", "&Name:", self.name_edit)
        self.add_row("key", "&Key:", self.key_edit)
        self.add_row("first_signed", "&First signed:", self.first_signed_edit)
        self.add_row("description", "&Description:", self.description_edit)
        self.add_row("citations", "Ci&tations:", self.citations_editor)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.name_edit.textChanged.connect(self.revalidate)
        self.key_edit.textChanged.connect(self.revalidate)
        self.first_signed_edit.changed.connect(self.revalidate)
        self.description_edit.textChanged.connect(self.revalidate)
        self.citations_editor.changed.connect(self.revalidate)

    def _fill(self, record: Record) -> None:
        assert isinstance(record, Accord)
        self.name_edit.setText(record.name)
        self.key_edit.setText(record.key)
        self.first_signed_edit.set_value(record.first_signed)
        self.description_edit.setPlainText(record.description)
        self.citations_editor.set_citations(record.citations)

    def _collect(self) -> Accord:
        name = self.name_edit.text().strip()
        typed_key = self.key_edit.text().strip()
        key = typed_key if typed_key and self.original is None else None
        return Accord(
            key=key or self.new_key(RecordKind.ACCORD, name),
            name=name,
            description=self.description_edit.toPlainText().strip(),
            first_signed=self.first_signed_edit.value(),
            citations=self.citations_editor.citations(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = [Problem("citations", p) for p in self.citations_editor.problems()]
        date_problem = self.first_signed_edit.problem()
        if date_problem:
            problems.append(Problem("first_signed", date_problem))
        return problems

"""The edit dialog of a person."""

from __future__ import annotations

from viewer.domain.enums import RecordKind
from viewer.domain.records import Person, Record
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.key_picker import KeyPicker


class PersonDialog(RecordDialog):
    """A person: name, office, the party they act for, notes, and the
    citations backing their office."""

    NOUN = "person"
    KIND = RecordKind.PERSON

    def _build(self) -> None:
        self.name_edit = self.line("nameEdit")
        self.office_edit = self.line("officeEdit")
        self.party_picker = KeyPicker("participant", "Party", optional=True, parent=self)
        self.party_picker.setObjectName("partyPicker")
        self.party_picker.set_lookup(self.services.lookup(RecordKind.PARTY))
        self.notes_edit = self.text_box("notesEdit")
        self.citations_editor = self.citations_for("this person's office")
        self.add_row("name", "&Name:", self.name_edit)
        self.add_row("office", "&Office:", self.office_edit)
        self.add_row("party", "&Party:", self.party_picker)
        self.add_row("notes", "N&otes:", self.notes_edit)
        self.add_row("citations", "Ci&tations:", self.citations_editor)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        for edit in (self.name_edit, self.office_edit):
            edit.textChanged.connect(self.revalidate)
        self.party_picker.changed.connect(self.revalidate)
        self.notes_edit.textChanged.connect(self.revalidate)
        self.citations_editor.changed.connect(self.revalidate)

    def _fill(self, record: Record) -> None:
        assert isinstance(record, Person)
        self.name_edit.setText(record.name)
        self.office_edit.setText(record.office)
        self.party_picker.set_key(record.party)
        self.notes_edit.setPlainText(record.notes)
        self.citations_editor.set_citations(record.citations)

    def _collect(self) -> Person:
        name = self.name_edit.text().strip()
        return Person(
            key=self.new_key(RecordKind.PERSON, name),
            name=name,
            office=self.office_edit.text().strip(),
            party=self.party_picker.key(),
            notes=self.notes_edit.toPlainText().strip(),
            citations=self.citations_editor.citations(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = [Problem("citations", p) for p in self.citations_editor.problems()]
        party = self.party_picker.problem()
        if party:
            problems.append(Problem("party", party))
        return problems

"""The edit dialog of a participant."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Party, Record
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.country_picker import CountryPicker

STATUS_HINT = "Changed step by step, each dated and cited: Change status… (Ctrl+Shift+E)"


class PartyDialog(RecordDialog):
    """A participant: name, state or organisation, ISO 3166 code, notes, citations."""

    NOUN = "participant"
    KIND = RecordKind.PARTY

    def _build(self) -> None:
        self.name_edit = self.line("nameEdit")
        self.kind_combo = self.enum_combo(PartyKind, "kindCombo")
        self.country_picker = CountryPicker(self)
        self.country_picker.setObjectName("countryPicker")
        self.notes_edit = self.text_box("notesEdit")
        self.citations_editor = self.citations_for("this participant")
        self.add_row("name", "&Name:", self.name_edit)
        self.add_row("party_kind", "&Kind:", self.kind_combo)
        self.add_row("iso_code", "&Country (ISO 3166):", self.country_picker)
        self.add_row("notes", "N&otes:", self.notes_edit)
        self.add_row("citations", "Ci&tations:", self.citations_editor)
        # The status is a history of dated steps, not a field of the
        # participant: say where it is changed, for whoever looks for it here.
        status_hint = QLabel(STATUS_HINT, self)
        status_hint.setObjectName("statusHint")
        # One line: a wrapped label in a form is given one line's height.
        status_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow("Status:", status_hint)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        self.name_edit.textChanged.connect(self.revalidate)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.country_picker.changed.connect(self.revalidate)
        self.notes_edit.textChanged.connect(self.revalidate)
        self.citations_editor.changed.connect(self.revalidate)
        self._kind_changed()

    def _kind_changed(self) -> None:
        # Only states have ISO 3166 country codes.
        self.country_picker.setEnabled(self._kind() is PartyKind.STATE)
        self.revalidate()

    def _kind(self) -> PartyKind:
        return PartyKind(self.kind_combo.currentData())

    def _fill(self, record: Record) -> None:
        assert isinstance(record, Party)
        self.name_edit.setText(record.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.party_kind.value))
        self.country_picker.set_code(record.iso_code)
        self.notes_edit.setPlainText(record.notes)
        self.citations_editor.set_citations(record.citations)

    def _collect(self) -> Party:
        name = self.name_edit.text().strip()
        state = self._kind() is PartyKind.STATE
        return Party(
            key=self.new_key(RecordKind.PARTY, name),
            name=name,
            party_kind=self._kind(),
            iso_code=self.country_picker.code() if state else None,
            notes=self.notes_edit.toPlainText().strip(),
            citations=self.citations_editor.citations(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = [Problem("citations", p) for p in self.citations_editor.problems()]
        country = self.country_picker.problem() if self._kind() is PartyKind.STATE else None
        if country:
            problems.append(Problem("iso_code", country))
        return problems

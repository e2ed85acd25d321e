"""The edit dialog of an event."""

from __future__ import annotations

from viewer.domain.enums import Certainty, EventKind, RecordKind
from viewer.domain.records import Event, Record
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit
from viewer.ui.widgets.key_picker import KeyPicker
from viewer.ui.widgets.roles_editor import RolesEditor


class EventDialog(RecordDialog):
    """An event: title, kind, accord, date, place, summary, certainty, the
    parties and people in it with their roles, and its citations."""

    NOUN = "event"
    KIND = RecordKind.EVENT

    def _build(self) -> None:
        self.title_edit = self.line("titleEdit")
        self.kind_combo = self.enum_combo(EventKind, "kindCombo")
        self.accord_picker = KeyPicker("accord", "Accord", optional=True, parent=self)
        self.accord_picker.setObjectName("accordPicker")
        self.accord_picker.set_lookup(self.services.lookup(RecordKind.ACCORD))
        self.date_edit = FuzzyDateEdit("Date", self)
        self.date_edit.setObjectName("dateEdit")
        self.location_edit = self.line("locationEdit")
        self.summary_edit = self.text_box("summaryEdit")
        self.certainty_combo = self.enum_combo(Certainty, "certaintyCombo")
        self.roles_editor = RolesEditor(self)
        self.roles_editor.set_lookups(
            self.services.lookup(RecordKind.PARTY), self.services.lookup(RecordKind.PERSON)
        )
        self.citations_editor = self.citations_for("this event")
        self.add_row("title", "&Title:", self.title_edit)
        self.add_row("event_kind", "&Kind:", self.kind_combo)
        self.add_row("accord", "A&ccord:", self.accord_picker)
        self.add_row("date", "&Date:", self.date_edit)
        self.add_row("location", "&Location:", self.location_edit)
        self.add_row("summary", "S&ummary:", self.summary_edit)
        self.add_row("certainty", "C&ertainty:", self.certainty_combo)
        self.add_row("roles", "&Roles:", self.roles_editor)
        self.add_row("citations", "Ci&tations:", self.citations_editor)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        for edit in (self.title_edit, self.location_edit):
            edit.textChanged.connect(self.revalidate)
        for combo in (self.kind_combo, self.certainty_combo):
            combo.currentIndexChanged.connect(self.revalidate)
        self.accord_picker.changed.connect(self.revalidate)
        self.date_edit.changed.connect(self.revalidate)
        self.summary_edit.textChanged.connect(self.revalidate)
        self.roles_editor.changed.connect(self.revalidate)
        self.citations_editor.changed.connect(self.revalidate)

    def _fill(self, record: Record) -> None:
        assert isinstance(record, Event)
        self.title_edit.setText(record.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.event_kind.value))
        self.accord_picker.set_key(record.accord)
        self.date_edit.set_value(record.date)
        self.location_edit.setText(record.location)
        self.summary_edit.setPlainText(record.summary)
        self.certainty_combo.setCurrentIndex(self.certainty_combo.findData(record.certainty.value))
        self.roles_editor.set_roles(record.roles)
        self.citations_editor.set_citations(record.citations)

    def _collect(self) -> Event:
        title = self.title_edit.text().strip()
        return Event(
            key=self.new_key(RecordKind.EVENT, title),
            title=title,
            event_kind=EventKind(self.kind_combo.currentData()),
            accord=self.accord_picker.key(),
            date=self.date_edit.value(),
            location=self.location_edit.text().strip(),
            summary=self.summary_edit.toPlainText().strip(),
            certainty=Certainty(self.certainty_combo.currentData()),
            roles=self.roles_editor.roles(),
            citations=self.citations_editor.citations(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = [Problem("citations", p) for p in self.citations_editor.problems()]
        problems += [Problem("roles", p) for p in self.roles_editor.problems()]
        for field, widget in (("accord", self.accord_picker), ("date", self.date_edit)):
            problem = widget.problem()
            if problem:
                problems.append(Problem(field, problem))
        return problems

"""The edit dialog of a source."""

from __future__ import annotations

from viewer.domain.enums import RecordKind, SourceKind
from viewer.domain.records import Record, Source
from viewer.domain.serial import Problem
from viewer.domain.validation import with_scheme
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit


class SourceDialog(RecordDialog):
    """A source: title, kind, publisher, authors, dates, web address, notes.

    A web address typed without its scheme ("www.example.org/x") is given
    https:// when the user leaves the field (or presses Enter in it).
    """

    NOUN = "source"
    KIND = RecordKind.SOURCE

    def _build(self) -> None:
        self.title_edit = self.line("titleEdit")
        self.kind_combo = self.enum_combo(SourceKind, "kindCombo")
        self.publisher_edit = self.line("publisherEdit")
        self.authors_edit = self.line("authorsEdit", "Separate names with semicolons")
        self.published_edit = FuzzyDateEdit("Published", self)
        self.published_edit.setObjectName("publishedEdit")
        self.url_edit = self.line("urlEdit", "https://…")
        self.accessed_edit = FuzzyDateEdit("Accessed", self)
        self.accessed_edit.setObjectName("accessedEdit")
        self.notes_edit = self.text_box("notesEdit")
        self.add_row("title", "&Title:", self.title_edit)
        self.add_row("source_kind", "&Kind:", self.kind_combo)
        self.add_row("publisher", "&Publisher:", self.publisher_edit)
        self.add_row("authors", "&Authors:", self.authors_edit)
        self.add_row("published", "Pu&blished:", self.published_edit)
        self.add_row("url", "&Web address:", self.url_edit)
        self.add_row("accessed", "A&ccessed:", self.accessed_edit)
        self.add_row("notes", "N&otes:", self.notes_edit)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        for edit in (self.title_edit, self.publisher_edit, self.authors_edit, self.url_edit):
            edit.textChanged.connect(self.revalidate)
        self.kind_combo.currentIndexChanged.connect(self.revalidate)
        self.published_edit.changed.connect(self.revalidate)
        self.accessed_edit.changed.connect(self.revalidate)
        self.notes_edit.textChanged.connect(self.revalidate)
        self.url_edit.editingFinished.connect(self._complete_url)

    def _complete_url(self) -> None:
        """An address typed as a browser shows it ("www.example.org/x") gets its
        https:// on leaving the field; the field's problem said it would."""
        text = self.url_edit.text()
        link = with_scheme(text)
        if link != text:
            self.url_edit.setText(link)

    def _fill(self, record: Record) -> None:
        assert isinstance(record, Source)
        self.title_edit.setText(record.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.source_kind.value))
        self.publisher_edit.setText(record.publisher)
        self.authors_edit.setText("; ".join(record.authors))
        self.published_edit.set_value(record.published)
        self.url_edit.setText(record.url)
        self.accessed_edit.set_value(record.accessed)
        self.notes_edit.setPlainText(record.notes)

    def _collect(self) -> Source:
        title = self.title_edit.text().strip()
        authors = tuple(a.strip() for a in self.authors_edit.text().split(";") if a.strip())
        return Source(
            key=self.new_key(RecordKind.SOURCE, title),
            title=title,
            source_kind=SourceKind(self.kind_combo.currentData()),
            publisher=self.publisher_edit.text().strip(),
            authors=authors,
            published=self.published_edit.value(),
            url=self.url_edit.text().strip(),
            accessed=self.accessed_edit.value(),
            notes=self.notes_edit.toPlainText().strip(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = []
        for field, edit in (("published", self.published_edit), ("accessed", self.accessed_edit)):
            problem = edit.problem()
            if problem:
                problems.append(Problem(field, problem))
        return problems

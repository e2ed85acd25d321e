"""The edit dialog of a source."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from viewer.domain.authors import author_line, parse_author_line
from viewer.domain.enums import RecordKind, SourceKind
from viewer.domain.records import Record, Source
from viewer.domain.serial import Problem
from viewer.domain.validation import with_scheme
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.archived_text_field import ArchivedTextField
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit


class SourceDialog(RecordDialog):
    """A source: title, kind, authors, where it appeared, publisher, dates,
    DOI, web address, archived text, notes.

    Authors are written as reference managers write them, separated by
    semicolons: "Carnahan, Ashley; van der Berg, Jan" for people (family
    name first), a body's name without a comma ("Associated Press"), or in
    braces when it holds one ("{Ministry of Foreign Affairs, UAE}").

    A web address typed without its scheme ("www.example.org/x") is given
    https:// when the user leaves the field (or presses Enter in it).

    The archived text (the source's text, kept for checking quotes) is never
    shown whole here: its row says how long it is, and its buttons paste,
    load, view or clear it.
    """

    NOUN = "source"
    KIND = RecordKind.SOURCE

    def _build(self) -> None:
        self.title_edit = self.line("titleEdit")
        self.kind_combo = self.enum_combo(SourceKind, "kindCombo")
        self.authors_edit = self.line("authorsEdit", "Family, Given; Family, Given; Body name")
        self.container_edit = self.line("containerEdit", "Newspaper, journal or site")
        self.publisher_edit = self.line("publisherEdit")
        self.published_edit = FuzzyDateEdit("Published", self)
        self.published_edit.setObjectName("publishedEdit")
        self.doi_edit = self.line("doiEdit", "10.1234/…")
        self.url_edit = self.line("urlEdit", "https://…")
        self.accessed_edit = FuzzyDateEdit("Accessed", self)
        self.accessed_edit.setObjectName("accessedEdit")
        self.notes_edit = self.text_box("notesEdit")
        self.archived_field = ArchivedTextField(self)
        self.archived_field.setObjectName("archivedTextField")
        self.add_row("title", "&Title:", self.title_edit)
        self.add_row("source_kind", "&Kind:", self.kind_combo)
        self.add_row("authors", "&Authors:", self.authors_edit)
        self.add_row("container_title", "Published &in:", self.container_edit)
        self.add_row("publisher", "&Publisher:", self.publisher_edit)
        self.add_row("published", "Pu&blished:", self.published_edit)
        self.add_row("doi", "&DOI:", self.doi_edit)
        self.add_row("url", "&Web address:", self.url_edit)
        self.add_row("accessed", "A&ccessed:", self.accessed_edit)
        self.add_row("archived_text", "Archived te&xt:", self.archived_field)
        self.add_row("notes", "N&otes:", self.notes_edit)
        # Its Alt key goes to its first button: the row itself takes no focus.
        holder = self.archived_field.parentWidget()
        caption = self.form.labelForField(holder) if holder is not None else None
        if isinstance(caption, QLabel):
            caption.setBuddy(self.archived_field.paste_button)

    def _connect_signals(self) -> None:
        super()._connect_signals()
        for edit in (
            self.title_edit,
            self.authors_edit,
            self.container_edit,
            self.publisher_edit,
            self.doi_edit,
            self.url_edit,
        ):
            edit.textChanged.connect(self.revalidate)
        self.kind_combo.currentIndexChanged.connect(self.revalidate)
        self.published_edit.changed.connect(self.revalidate)
        self.accessed_edit.changed.connect(self.revalidate)
        self.notes_edit.textChanged.connect(self.revalidate)
        self.archived_field.changed.connect(self.revalidate)
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
        self.authors_edit.setText("; ".join(map(author_line, record.authors)))
        self.container_edit.setText(record.container_title)
        self.doi_edit.setText(record.doi)
        self.archived_field.set_text(record.archived_text)
        self.published_edit.set_value(record.published)
        self.url_edit.setText(record.url)
        self.accessed_edit.set_value(record.accessed)
        self.notes_edit.setPlainText(record.notes)

    def _collect(self) -> Source:
        title = self.title_edit.text().strip()
        authors = tuple(
            author
            for author in map(parse_author_line, _split_authors(self.authors_edit.text()))
            if author is not None
        )
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
            container_title=self.container_edit.text().strip(),
            doi=self.doi_edit.text().strip(),
            archived_text=self.archived_field.text(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = []
        for field, edit in (("published", self.published_edit), ("accessed", self.accessed_edit)):
            problem = edit.problem()
            if problem:
                problems.append(Problem(field, problem))
        return problems


def _split_authors(text: str) -> list[str]:
    """The authors written in one line, split at the semicolons outside braces."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        if char == ";" and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return names

"""Random edits, undos and redos through the real dialogs: `check` still finds nothing.

Each step drives a real edit dialog (filled through its widgets, then Save or
Cancel), a deletion, a revert, an undo or a redo on a :class:`RecordEditor`
over a seeded SQLite file. Some inputs are invalid on purpose (an empty or
duplicate name, "2021-02-30", a ``javascript:`` address): those dialogs must
refuse to save, stay open and change nothing.

What is asserted:

* after every step, the database is what the undo stack says it is: every
  record holds what it held when the stack last stood at the same index, and
  a record absent then is absent now (one state per index, dropped with the
  redo steps a new change discards). With a single writer no undo or redo
  may be refused, so none becomes obsolete and the comparison is exact;
* a dialog that refuses to save writes nothing: no revision is written;
* after the whole sequence, ``run_checks`` finds nothing, the ``check``
  command exits 0 and the revision log replays to the database;
* undoing every step gives back the seeded data, and redoing every step
  gives back the data as the sequence left it; ``check`` still passes.

How the database is compared. Reading the whole database after every step
took most of this test's time, so a step reads back only the records it
wrote. The harness keeps a mirror of the database, every record's fields
(``record_fields``: what export writes, less the key) keyed by kind and key,
and a copy of the mirror per index of the undo stack. Whenever a new change
is pushed, and after every step, the revisions written since it last looked
(``Store.revisions(after=...)``) name the records that may have changed:
those alone are read back into the mirror, and the mirror is then compared
whole, in memory, with the state kept for the stack's index. That is as exact
as reading everything, because every write of the store logs a revision
naming the record it wrote (undos, redos and reverts too, and each record a
deletion takes links from): a record no new revision names holds what it
held at the previous comparison. Comparing the whole mirror, not only the
records just written, also catches an undo or redo that should have changed
a record and wrote nothing. That the log accounts for every record is not
taken on trust: after the sequence the mirror must equal the whole database
and ``history_mismatches`` must find nothing, and undoing and then redoing
everything is compared with whole reads of the database, once per example.

Records are compared by kind and key: an undone deletion adds the record
back as a new row, so the order of records (which is just the order of rows)
may change, while everything inside a record (citations, roles) must not.

Only sources this test added are deleted: deleting a seeded source takes its
citations along and leaves claims "citation needed", which ``check`` reports
by design. For the same reason every new person and event cites a seeded
source first.
"""

from __future__ import annotations

import string
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QComboBox, QDialog, QPlainTextEdit, QPushButton, QTableWidget, QWidget

from viewer.app import main
from viewer.domain.enums import RecordKind
from viewer.domain.serial import record_fields
from viewer.domain.validation import MAX_LONG_TEXT
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import history_mismatches, run_checks
from viewer.store.history import record_at
from viewer.store.store import Store
from viewer.ui.edit.forms.event_dialog import EventDialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.person_dialog import PersonDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.edit.record_editor import RecordEditor

EDITABLE = (
    RecordKind.PARTY,
    RecordKind.PERSON,
    RecordKind.SOURCE,
    RecordKind.STATUS_ACTION,
    RecordKind.EVENT,
)
VALID_DATES = ("", "2021", "Jan 2021", "2021-01", "2025-11-10/2025-11-16", "2025-11~", "2020-09-15")
INVALID_DATES = ("2021-02-30", "2025-11-16/2025-11-10", "2021-13", "sometime soon")
VALID_URLS = ("", "https://example.org/news/1", "http://example.com/a?b=c")
INVALID_URLS = ("javascript:alert(1)", "ftp://example.org/file", "https://")
# Letters whose case folding is not plain ASCII lower-casing ("ß" folds to "ss").
NAME_CHARACTERS = string.ascii_letters + " -'éüßİ"
NOTES_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")) | st.just("\n")

# Records' fields (``record_fields``) by kind and key: the database, or what it should hold.
Records = dict[tuple[RecordKind, str], dict[str, Any]]


class Outcome(Enum):
    """What a filled dialog must do when Save is pressed."""

    SAVE = auto()  # valid: saved and closed
    REFUSE = auto()  # invalid: Save disabled, the dialog stays open, nothing saved
    CANCEL = auto()  # the user changes something, then cancels and confirms discarding


Filler = Callable[[RecordDialog], Outcome]


def read_all(store: Store) -> Records:
    """The whole database, every record of every kind (what export writes)."""
    return {
        (kind, record.key): record_fields(record)
        for kind in RecordKind
        for record in store.all(kind)
    }


def differences(actual: Records, expected: Records) -> list[str]:
    """Readable differences between two sets of records: which record, which field."""
    found = []
    for kind, key in sorted(expected.keys() | actual.keys(), key=lambda at: (at[0].value, at[1])):
        mine, wanted = actual.get((kind, key)), expected.get((kind, key))
        if mine is None or wanted is None:
            found.append(f"{kind.section} {key!r}: {'missing' if mine is None else 'unexpected'}")
        elif mine != wanted:
            fields = [
                name for name in wanted.keys() | mine.keys() if mine.get(name) != wanted.get(name)
            ]
            found.append(f"{kind.section} {key!r} differs in {sorted(fields)}")
    return found


class Harness:
    """A RecordEditor whose dialogs are filled by queued fillers, and what it did."""

    def __init__(self, store: Store, parent: QWidget) -> None:
        self.store = store
        self.seeded_sources = frozenset(store.keys(RecordKind.SOURCE))
        self.fillers: deque[Filler] = deque()
        self.discard_answers: deque[bool] = deque()
        self.failures: list[str] = []
        self.counts: Counter[str] = Counter()
        self.editor = RecordEditor(
            store,
            parent,
            confirm=self._confirm,
            confirm_discard=self._confirm_discard,
            run_dialog=self._run_dialog,
        )
        self.stack = self.editor.undo_stack
        self.editor.failed.connect(self.failures.append)
        # The database as the revision log says it is now (see the module docstring),
        # read whole once, then kept up to date from the revisions written since
        # ``self.seen``, the id of the last one read.
        self.mirror: Records = read_all(store)
        log = store.revisions()
        self.seen = log[-1].id if log else 0
        # The mirror at each index of the undo stack; [0] is the seeded data.
        self.states: list[Records] = [dict(self.mirror)]
        self._moving = False  # an undo or redo, not a new change, is under way
        self.stack.indexChanged.connect(self._on_index_changed)

    # -- what the editor asks --------------------------------------------------------

    def _confirm(self, _parent: QWidget, _title: str, _text: str) -> bool:
        self.counts["delete confirmed"] += 1
        return True

    def _confirm_discard(self, _parent: QWidget) -> bool:
        self.counts["discard asked"] += 1
        return self.discard_answers.popleft() if self.discard_answers else True

    def _run_dialog(self, dialog: RecordDialog) -> int:
        assert self.fillers, f"{type(dialog).__name__} opened, but no step expected it"
        fill = self.fillers.popleft()
        closed: list[int] = []
        dialog.finished.connect(closed.append)
        outcome = fill(dialog)
        problems = dialog.problems()
        if outcome is Outcome.CANCEL:
            self._cancel(dialog, closed)
        elif outcome is Outcome.REFUSE or problems:
            assert outcome is Outcome.REFUSE, f"valid input refused: {problems}"
            self._refuse(dialog, closed)
        else:
            assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
            dialog.accept()
            # Save was enabled, so the store must take the record.
            assert closed == [QDialog.DialogCode.Accepted], dialog.summary.text()
            assert dialog.saved is not None
            stored = self.store.get(dialog.saved.kind, dialog.saved.key)
            assert stored is not None
            assert record_fields(stored) == record_fields(dialog.saved)
            self.counts[f"saved {type(dialog).__name__}"] += 1
        return dialog.result()

    def _refuse(self, dialog: RecordDialog, closed: list[int]) -> None:
        assert dialog.problems(), "invalid input accepted"
        assert not dialog.save_button.isEnabled()
        last, index = self.last_revision(), self.stack.index()
        dialog.accept()
        # A refused save says why (an empty field too, once Save was tried).
        assert dialog.summary.text().startswith("Cannot save yet")
        assert closed == [], "Save closed a dialog with problems"
        assert dialog.saved is None
        # Every write logs a revision: none written means nothing changed.
        assert self.store.revisions(after=last) == [], "a refused save wrote"
        assert self.stack.index() == index
        # Everything refused was typed (an unreadable date too), so Cancel asks first.
        asked = self.counts["discard asked"]
        self.discard_answers.append(True)
        dialog.reject()
        assert self.counts["discard asked"] == asked + 1
        assert closed == [QDialog.DialogCode.Rejected]
        self.counts["refused"] += 1

    def _cancel(self, dialog: RecordDialog, closed: list[int]) -> None:
        assert dialog.is_modified()
        asked = self.counts["discard asked"]
        self.discard_answers.extend((False, True))  # "keep editing", then "discard"
        dialog.reject()
        assert closed == [], "Cancel closed without asking"
        dialog.reject()
        assert closed == [QDialog.DialogCode.Rejected]
        assert self.counts["discard asked"] == asked + 2
        self.counts["cancelled"] += 1

    # -- the undo stack ----------------------------------------------------------------

    def _on_index_changed(self, index: int) -> None:
        if not self._moving:  # a new change: the redo steps it discards go too
            self.catch_up()
            del self.states[index:]
            self.states.append(dict(self.mirror))

    def undo(self) -> None:
        self._move(self.stack.canUndo(), self.stack.undo, -1, "undone")

    def redo(self) -> None:
        self._move(self.stack.canRedo(), self.stack.redo, +1, "redone")

    def _move(self, possible: bool, move: Callable[[], None], step: int, what: str) -> None:
        if not possible:
            return
        index, count, failures = self.stack.index(), self.stack.count(), len(self.failures)
        self._moving = True
        try:
            move()
        finally:
            self._moving = False
        assert self.failures[failures:] == [], f"{what} refused with a single writer"
        assert (self.stack.index(), self.stack.count()) == (index + step, count)
        self.counts[what] += 1

    # -- the database, from its revision log ------------------------------------------

    def last_revision(self) -> int:
        """The id of the latest revision written (without reading any record back)."""
        written = self.store.revisions(after=self.seen)
        return written[-1].id if written else self.seen

    def catch_up(self) -> None:
        """Read back into the mirror the records named by the revisions written since
        the last look: no other record can have changed."""
        written = self.store.revisions(after=self.seen)
        if not written:
            return
        self.seen = written[-1].id
        for at in {(revision.record_kind, revision.record_key) for revision in written}:
            record = self.store.get(*at)
            if record is None:
                self.mirror.pop(at, None)
            else:
                self.mirror[at] = record_fields(record)

    # -- after each step ---------------------------------------------------------------

    def assert_in_step(self) -> None:
        assert not self.fillers, "a dialog the step expected was never opened"
        assert len(self.states) == self.stack.count() + 1
        self.catch_up()
        assert differences(self.mirror, self.states[self.stack.index()]) == []

    # -- choosing records --------------------------------------------------------------

    def keys(self, kind: RecordKind) -> list[str]:
        return [record.key for record in self.store.all(kind)]

    def pick(self, kind: RecordKind, pick: int) -> str | None:
        keys = self.keys(kind)
        return keys[pick % len(keys)] if keys else None

    def seeded_source(self, pick: int) -> str:
        keys = [key for key in self.keys(RecordKind.SOURCE) if key in self.seeded_sources]
        return keys[pick % len(keys)]


def _click(dialog: QWidget, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


# -- the steps ------------------------------------------------------------------------


@dataclass(frozen=True)
class RenameParty:
    """Rename a party; ``copy_of`` names another party's name in other case (a duplicate)."""

    pick: int
    name: str
    copy_of: int | None

    def run(self, h: Harness) -> None:
        key = h.pick(RecordKind.PARTY, self.pick)
        if key is None:  # every party deleted, each after its status actions
            return
        others = [p.label for p in h.store.all(RecordKind.PARTY) if p.key != key]
        name = self.name
        if self.copy_of is not None and others:
            name = others[self.copy_of % len(others)].swapcase()

        def fill(dialog: RecordDialog) -> Outcome:
            assert isinstance(dialog, PartyDialog)
            dialog.name_edit.setText(name)
            wanted = name.strip().casefold()
            taken = wanted in (other.casefold() for other in others)
            return Outcome.REFUSE if not wanted or taken else Outcome.SAVE

        h.fillers.append(fill)
        saved = h.editor.edit(RecordKind.PARTY, key)
        stored = h.store.get(RecordKind.PARTY, key)
        assert stored is not None
        if saved is not None:
            assert stored.label == name.strip()


@dataclass(frozen=True)
class EditPartyNotes:
    pick: int
    notes: str
    too_long: bool

    def run(self, h: Harness) -> None:
        key = h.pick(RecordKind.PARTY, self.pick)
        if key is None:
            return

        def fill(dialog: RecordDialog) -> Outcome:
            assert isinstance(dialog, PartyDialog)
            if self.too_long:
                dialog.notes_edit.setPlainText("x" * (MAX_LONG_TEXT + 1))
                return Outcome.REFUSE
            dialog.notes_edit.setPlainText(self.notes)
            return Outcome.SAVE

        h.fillers.append(fill)
        h.editor.edit(RecordKind.PARTY, key)


@dataclass(frozen=True)
class EditStatusDate:
    pick: int
    date: str

    def run(self, h: Harness) -> None:
        key = h.pick(RecordKind.STATUS_ACTION, self.pick)
        if key is None:
            return

        def fill(dialog: RecordDialog) -> Outcome:
            assert isinstance(dialog, StatusActionDialog)
            dialog.date_edit.line_edit.setText(self.date)
            return Outcome.REFUSE if self.date in INVALID_DATES else Outcome.SAVE

        h.fillers.append(fill)
        h.editor.edit(RecordKind.STATUS_ACTION, key)


@dataclass(frozen=True)
class EditStatusCertainty:
    pick: int
    certainty: int

    def run(self, h: Harness) -> None:
        key = h.pick(RecordKind.STATUS_ACTION, self.pick)
        if key is None:
            return

        def fill(dialog: RecordDialog) -> Outcome:
            assert isinstance(dialog, StatusActionDialog)
            combo = dialog.certainty_combo
            combo.setCurrentIndex(self.certainty % combo.count())
            return Outcome.SAVE

        h.fillers.append(fill)
        h.editor.edit(RecordKind.STATUS_ACTION, key)


@dataclass(frozen=True)
class CancelEdit:
    """Open any record, change its long text, cancel, say "keep editing", cancel again."""

    kind: RecordKind
    pick: int

    def run(self, h: Harness) -> None:
        key = h.pick(self.kind, self.pick)
        if key is None:
            return

        def fill(dialog: RecordDialog) -> Outcome:
            text = dialog.findChild(QPlainTextEdit)
            assert text is not None
            text.setPlainText(text.toPlainText() + " (draft)")
            return Outcome.CANCEL

        h.fillers.append(fill)
        assert h.editor.edit(self.kind, key) is None


@dataclass(frozen=True)
class AddSource:
    title: str
    url: str

    def run(self, h: Harness) -> None:
        h.fillers.append(self.fill)
        saved = h.editor.new(RecordKind.SOURCE)
        assert (saved is None) == (self.expected() is Outcome.REFUSE)

    def expected(self) -> Outcome:
        return (
            Outcome.REFUSE if not self.title.strip() or self.url in INVALID_URLS else Outcome.SAVE
        )

    def fill(self, dialog: RecordDialog) -> Outcome:
        assert isinstance(dialog, SourceDialog)
        dialog.title_edit.setText(self.title)
        dialog.url_edit.setText(self.url)
        dialog.published_edit.line_edit.setText("2025-11-06")
        return self.expected()


@dataclass(frozen=True)
class AddPerson:
    """A new person citing a seeded source and, with ``new_source``, one made on the spot."""

    name: str
    party: int | None
    source: int
    new_source: AddSource | None

    def run(self, h: Harness) -> None:
        party = h.pick(RecordKind.PARTY, self.party) if self.party is not None else None

        def fill(dialog: RecordDialog) -> Outcome:
            assert isinstance(dialog, PersonDialog)
            dialog.name_edit.setText(self.name)
            dialog.office_edit.setText("Envoy")
            dialog.party_picker.set_key(party)
            dialog.citations_editor.add_citation(h.seeded_source(self.source))
            if self.new_source is not None:
                h.fillers.append(self.new_source.fill)
                _click(dialog.citations_editor, "newSourceButton")
            return Outcome.SAVE if self.name.strip() else Outcome.REFUSE

        h.fillers.append(fill)
        saved = h.editor.new(RecordKind.PERSON)
        if saved is not None:
            assert h.store.get(RecordKind.PERSON, saved.key) is not None
            h.counts["inline source"] += self.new_source is not None


@dataclass(frozen=True)
class AddEvent:
    """A new event citing a seeded source, with one role when ``who`` is given."""

    title: str
    date: str
    source: int
    who: int | None

    def run(self, h: Harness) -> None:
        def fill(dialog: RecordDialog) -> Outcome:
            assert isinstance(dialog, EventDialog)
            dialog.title_edit.setText(self.title)
            dialog.date_edit.line_edit.setText(self.date)
            dialog.citations_editor.add_citation(h.seeded_source(self.source))
            if self.who is not None:
                _click(dialog.roles_editor, "addRoleButton")
                table = dialog.roles_editor.findChild(QTableWidget, "rolesTable")
                assert table is not None
                who = table.cellWidget(table.rowCount() - 1, 0)
                assert isinstance(who, QComboBox)
                who.setCurrentIndex(self.who % who.count())
            invalid = not self.title.strip() or self.date in INVALID_DATES
            return Outcome.REFUSE if invalid else Outcome.SAVE

        h.fillers.append(fill)
        h.editor.new(RecordKind.EVENT)


@dataclass(frozen=True)
class Delete:
    """Delete a record (seeded sources excepted); some are refused for their dependents."""

    kind: RecordKind
    pick: int

    def run(self, h: Harness) -> None:
        keys = h.keys(self.kind)
        if self.kind is RecordKind.SOURCE:
            keys = [key for key in keys if key not in h.seeded_sources]
        if not keys:
            return
        key = keys[self.pick % len(keys)]
        links = h.store.dependents(self.kind, key).links
        failures = len(h.failures)
        if h.editor.delete(self.kind, key):
            assert h.store.get(self.kind, key) is None
            h.counts["deleted with links" if links else "deleted"] += 1
        else:
            assert h.store.get(self.kind, key) is not None
            assert len(h.failures) == failures + 1, "a refused deletion must say why"
            h.counts["deletion refused"] += 1


@dataclass(frozen=True)
class Revert:
    """Revert a record to one of its revisions; some are refused (a name now taken...)."""

    kind: RecordKind
    pick: int
    revision: int

    def run(self, h: Harness) -> None:
        key = h.pick(self.kind, self.pick)
        if key is None:
            return
        revisions = h.store.revisions(self.kind, key)
        revision = revisions[self.revision % len(revisions)].id
        wanted = record_at(h.store, self.kind, key, revision)
        failures = len(h.failures)
        if h.editor.revert(self.kind, key, revision):
            assert wanted is not None
            current = h.store.get(self.kind, key)
            assert current is not None
            assert record_fields(current) == record_fields(wanted)
            h.counts["reverted"] += 1
        else:
            assert len(h.failures) == failures + 1, "a refused revert must say why"
            h.counts["revert refused"] += 1


@dataclass(frozen=True)
class Undo:
    times: int

    def run(self, h: Harness) -> None:
        for _ in range(self.times):
            h.undo()


@dataclass(frozen=True)
class Redo:
    times: int

    def run(self, h: Harness) -> None:
        for _ in range(self.times):
            h.redo()


@dataclass(frozen=True)
class UndoThenRedo:
    """A few undos straight after a change, then some of them redone: a redo
    has something to redo only when no new change came between."""

    undos: int
    redos: int

    def run(self, h: Harness) -> None:
        Undo(self.undos).run(h)
        Redo(self.redos).run(h)


Step = (
    RenameParty
    | EditPartyNotes
    | EditStatusDate
    | EditStatusCertainty
    | CancelEdit
    | AddSource
    | AddPerson
    | AddEvent
    | Delete
    | Revert
    | Undo
    | Redo
    | UndoThenRedo
)

picks = st.integers(min_value=0, max_value=10_000)
names = st.text(NAME_CHARACTERS, min_size=1, max_size=24)
titles = st.text(NAME_CHARACTERS, min_size=0, max_size=24)
kinds = st.sampled_from(EDITABLE)
dates = st.sampled_from(VALID_DATES + INVALID_DATES)
add_sources = st.builds(AddSource, titles, st.sampled_from(VALID_URLS + INVALID_URLS))
steps: st.SearchStrategy[Step] = st.one_of(
    # Undo and redo come first: they are what the property is about, and weighted up.
    st.builds(Undo, st.integers(1, 4)),
    st.builds(Redo, st.integers(1, 4)),
    st.builds(Undo, st.integers(1, 4)),
    st.builds(Redo, st.integers(1, 4)),
    st.builds(UndoThenRedo, st.integers(1, 3), st.integers(1, 3)),
    st.builds(RenameParty, picks, names, st.none() | picks),
    st.builds(EditPartyNotes, picks, st.text(NOTES_CHARACTERS, max_size=60), st.booleans()),
    st.builds(EditStatusDate, picks, dates),
    st.builds(EditStatusCertainty, picks, picks),
    st.builds(CancelEdit, kinds, picks),
    add_sources,
    st.builds(AddPerson, titles, st.none() | picks, picks, st.none() | add_sources),
    st.builds(AddEvent, titles, dates, picks, st.none() | picks),
    # Deleting people and added sources takes links along (event roles, citations),
    # which undoing must give back: weighted up.
    st.builds(Delete, kinds, picks),
    st.builds(Delete, st.sampled_from((RecordKind.PERSON, RecordKind.SOURCE)), picks),
    st.builds(Revert, kinds, picks, picks),
)


# -- the property ----------------------------------------------------------------------

# Examples share the function's fixtures: each builds its own database file instead.
SETTINGS: dict[str, Any] = {
    "deadline": None,
    "database": None,  # failures are reproduced with --hypothesis-seed, not a local cache
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
}


@pytest.fixture
def new_store(
    tmp_path_factory: pytest.TempPathFactory, seeded_copy: Callable[[Path], Path]
) -> Callable[[], tuple[Store, Path]]:
    """Makes a fresh seeded database file per Hypothesis example (examples share fixtures):
    a copy of the seeded template in a folder of its own."""

    def make() -> tuple[Store, Path]:
        path = seeded_copy(tmp_path_factory.mktemp("random-edits") / "edits.sqlite3")
        store, _ = open_or_create(path, "tester")
        return store, path

    return make


def _check_exit_code(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "check"])
    captured = capsys.readouterr()
    # The evidence counts (tests/store/test_evidence.py) are not this module's matter.
    out = "".join(
        line for line in captured.out.splitlines(keepends=True) if not line.startswith("evidence: ")
    )
    return code, out + captured.err


def _run_steps(
    sequence: list[Step],
    qtbot: QtBot,
    new_store: Callable[[], tuple[Store, Path]],
    capsys: pytest.CaptureFixture[str],
) -> Counter[str]:
    store, path = new_store()
    try:
        assert run_checks(store) == []
        parent = QWidget()
        qtbot.addWidget(parent)
        h = Harness(store, parent)
        for number, step in enumerate(sequence, 1):
            note(f"step {number}: {step!r}")
            step.run(h)
            h.assert_in_step()
        done_by_steps = Counter(h.counts)

        assert run_checks(store) == []
        assert _check_exit_code(path, capsys) == (0, "No problems found.\n")
        assert history_mismatches(store) == []

        # The whole database, read once: the mirror, kept up to date through the log, matches it.
        end, end_index = read_all(store), h.stack.index()
        assert differences(end, h.mirror) == []
        while h.stack.canUndo():
            h.undo()
            h.assert_in_step()
        assert differences(read_all(store), h.states[0]) == []
        while h.stack.canRedo():
            h.redo()
            h.assert_in_step()
        while h.stack.index() > end_index:
            h.undo()
            h.assert_in_step()
        assert differences(read_all(store), end) == []
        assert run_checks(store) == []
        assert _check_exit_code(path, capsys)[0] == 0
        return done_by_steps
    finally:
        store.engine.dispose()


def test_check_passes_after_200_random_edits_undos_and_redos(
    qtbot: QtBot,
    new_store: Callable[[], tuple[Store, Path]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    totals: Counter[str] = Counter()

    @settings(
        # Hypothesis tries the simplest sequence first (200 undos of nothing):
        # two more examples are random ones.
        max_examples=3,
        # Shrinking 200 GUI steps would take far too long; the short test below shrinks.
        phases=[Phase.explicit, Phase.generate],
        **SETTINGS,
    )
    @given(st.lists(steps, min_size=200, max_size=200))
    def run(sequence: list[Step]) -> None:
        assert len(sequence) == 200
        totals.update(_run_steps(sequence, qtbot, new_store, capsys))

    run()
    # The sequences did what the test is named for, not 200 no-ops.
    for what in (
        "undone",
        "redone",
        "refused",
        "cancelled",
        "saved PartyDialog",
        "saved PersonDialog",
        "saved EventDialog",
        "inline source",
        "deleted with links",
        "reverted",
    ):
        assert totals[what] > 0, (what, totals)


def test_short_random_sequences_keep_the_database_in_step_with_the_undo_stack(
    qtbot: QtBot,
    new_store: Callable[[], tuple[Store, Path]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    @settings(max_examples=4, **SETTINGS)
    @given(st.lists(steps, min_size=1, max_size=25))
    def run(sequence: list[Step]) -> None:
        _run_steps(sequence, qtbot, new_store, capsys)

    run()

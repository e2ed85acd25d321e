"""What a store operation can refuse, each with a message for people."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import problem_text, record_noun
from viewer.domain.quoting import quoted
from viewer.domain.records import Record
from viewer.domain.serial import Problem


class StoreError(Exception):
    """A write the store refused; nothing was changed."""


class InvalidRecord(StoreError):
    """The record breaks a rule; ``problems`` say which, each at its field's path.

    Given the record's ``kind``, the message names fields as the forms label
    them ("Country (ISO 3166): …"); without it (a saved search, a bulk load
    that reports paths in a file) the paths are given as they are.
    """

    def __init__(self, problems: Sequence[Problem], kind: RecordKind | None = None) -> None:
        texts = (problem_text(kind, p) if kind is not None else str(p) for p in problems)
        super().__init__("; ".join(texts))
        self.problems = tuple(problems)
        self.kind = kind


class RecordNotFound(StoreError):
    pass


class ConflictError(StoreError):
    """The record changed since it was read: ``current`` is what is saved now."""

    def __init__(self, current: Record | None) -> None:
        what = "deleted it" if current is None else "saved a change to it"
        super().__init__(f"someone else {what} since it was opened")
        self.current = current


class StaleRecord(ConflictError):
    """A change of many records (an import, its undo) found one of them not as
    it was when the change was planned: ``kind`` and ``key`` name it."""

    def __init__(self, kind: RecordKind, key: str, current: Record | None) -> None:
        super().__init__(current)
        what = "deleted" if current is None else "changed"
        self.args = (
            f"{record_noun(kind)} {quoted(key)} was {what} by someone since; nothing was changed",
        )
        self.kind = kind
        self.key = key


class HasDependents(StoreError):
    """The record is still referred to; ``dependents`` describes each reference."""

    def __init__(self, record: Record, dependents: Sequence[str]) -> None:
        count = len(dependents)
        super().__init__(
            f"{record_noun(record.kind)} “{record.label}” is still referred to by "
            f"{count} record{'' if count == 1 else 's'}: "
            + "; ".join(dependents[:5])
            + ("; …" if count > 5 else "")
        )
        self.dependents = tuple(dependents)


# What to do about a stored value the app cannot read: the check lists them all.
CHECK_ADVICE = "run `accords-viewer check` to list every value that cannot be read"


class RecordUnreadable(StoreError):
    """A stored row holds a value the app cannot read (a word outside its
    vocabulary, an impossible date, a log entry of an unknown action), so
    the record it belongs to cannot be shown; nothing was changed.

    ``table`` and ``key`` name the row (its key, or its id where it has
    none), ``problem`` says what is wrong with it; ``rows`` names the rows
    in other words where no one row can be named.
    """

    def __init__(self, table: str, key: object, problem: str, *, rows: str = "") -> None:
        which = rows or f"{table} row {quoted(key)}"
        super().__init__(f"{which} cannot be read: {problem}. Nothing was changed; {CHECK_ADVICE}")
        self.table = table
        self.key = key
        self.problem = problem

"""What a store operation can refuse, each with a message for people."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.domain.records import Record
from viewer.domain.serial import Problem


class StoreError(Exception):
    """A write the store refused; nothing was changed."""


class InvalidRecord(StoreError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = tuple(problems)


class RecordNotFound(StoreError):
    pass


class ConflictError(StoreError):
    """The record changed since it was read: ``current`` is what is saved now."""

    def __init__(self, current: Record | None) -> None:
        what = "was deleted" if current is None else f"is now at version {current.version}"
        super().__init__(f"the record changed since it was opened: it {what}")
        self.current = current


class HasDependents(StoreError):
    """The record is still referred to; ``dependents`` describes each reference."""

    def __init__(self, record: Record, dependents: Sequence[str]) -> None:
        super().__init__(
            f"{record.kind.label} {record.key!r} is still referred to by "
            f"{len(dependents)} record(s): "
            + "; ".join(dependents[:5])
            + ("; ..." if len(dependents) > 5 else "")
        )
        self.dependents = tuple(dependents)

"""What the edit forms say about problems, in the words of the form's labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import field_label, path_label, problem_text
from viewer.domain.serial import Problem

# Shown only once the user has left the field or tried to save: an empty new
# form is not yet wrong.
REQUIRED = "is required"


def field_of(path: str) -> str:
    """The form field a problem's path is about: 'citations[0].source' -> 'citations'."""
    return path.split(".")[0].split("[")[0]


def shown_now(problem: Problem, left: bool, save_tried: bool) -> bool:
    """Whether to say ``problem`` yet: an empty field only once it was left or Save tried."""
    return problem.message != REQUIRED or left or save_tried


def under_field(kind: RecordKind, problem: Problem) -> str:
    """A problem as said under its field, whose label is beside it already:
    "is required", "Row 2, Source: is required"."""
    field = field_of(problem.path)
    where = path_label(kind, problem.path)
    rest = where.removeprefix(field_label(kind, field)).lstrip(", ")
    return f"{rest[:1].upper()}{rest[1:]}: {problem.message}" if rest else problem.message


def summary(
    kind: RecordKind,
    fields: Iterable[str],
    with_problems: Mapping[str, object],
    unplaced: Sequence[Problem],
) -> str:
    """The line above the buttons: problems no field shows, else which fields
    have one ("see Title and Web address above"), never repeating them."""
    if unplaced:
        return "Cannot save yet: " + "; ".join(problem_text(kind, p) for p in unplaced[:3])
    names = [field_label(kind, field) for field in fields if field in with_problems]
    return f"Cannot save yet: see {listed(names)} above." if names else ""


def listed(names: Sequence[str]) -> str:
    """ "Title", "Title and Web address", "Title, Kind and Web address"."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]

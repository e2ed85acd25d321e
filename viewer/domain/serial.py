"""Records to plain JSON values and back, reporting every problem with its path.

The exchange files and the revision log both use this form: field names are
the records' own, dates are EDTF text, enums their values. ``version`` is a
local save counter and is not part of the form.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from viewer.domain import limits
from viewer.domain.authors import guess_author
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.records import Author, Citation, EventRole, Record

JsonValue = Any
T = TypeVar("T")
LOCAL_FIELDS = frozenset({"version"})
AUTHOR_FIELDS = dataclasses.fields(Author)


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong, and where: ``events[3].date`` or ``name``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def join_path(base: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{base}[{name}]"
    return f"{base}.{name}" if base else name


def to_json(value: Any) -> JsonValue:
    """The exchange form of a record or of one of its field values."""
    if isinstance(value, FuzzyDate):
        return value.edtf
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    if isinstance(value, Author):  # only the parts a name has: {"literal": ...} for a body
        return {f.name: getattr(value, f.name) for f in AUTHOR_FIELDS if getattr(value, f.name)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in LOCAL_FIELDS
        }
    return value


def from_json(cls: type[T], data: JsonValue, path: str, problems: list[Problem]) -> T | None:
    """Build a record of type ``cls`` from its exchange form.

    Every problem found is appended to ``problems``; ``None`` is returned when
    there was any.
    """
    before = len(problems)
    value = _read_dataclass(cls, data, path, problems)
    return value if len(problems) == before else None


def read_partly(
    cls: type[T], data: JsonValue, path: str, problems: list[Problem]
) -> tuple[T | None, frozenset[str]]:
    """As :func:`from_json`, but when some fields cannot be read, still a
    record of the others: each unreadable field holds a stand-in (its default,
    or an empty value) and is named in the set returned, so that the caller
    checks every field that could be read and skips the rest. ``(None, ...)``
    when ``data`` is not even an object.
    """
    if not isinstance(data, dict):
        problems.append(Problem(path, f"expected an object, found {_describe(data)}"))
        return None, frozenset()
    unread: set[str] = set()
    value = _read_dataclass(cls, data, path, problems, unread)
    return value, frozenset(unread)


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _read_dataclass(
    cls: type[Any],
    data: JsonValue,
    path: str,
    problems: list[Problem],
    unread: set[str] | None = None,
) -> Any:
    if not isinstance(data, dict):
        problems.append(Problem(path, f"expected an object, found {_describe(data)}"))
        return None
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.name not in LOCAL_FIELDS}
    for unknown in sorted(set(data) - names, key=str):
        problems.append(
            Problem(join_path(path, shortened(printable(str(unknown)))), "is not a known field")
        )
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in LOCAL_FIELDS:
            continue
        field_path = join_path(path, f.name)
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        before = len(problems)
        if f.name not in data:
            if required:
                problems.append(Problem(field_path, "is missing"))
        else:
            values[f.name] = _read_value(hints[f.name], data[f.name], field_path, problems)
        if len(problems) > before and unread is not None:
            unread.add(f.name)
            values.pop(f.name, None)
            if required:
                values[f.name] = _stand_in(hints[f.name])
    try:
        return cls(**values)
    except TypeError:
        return None


def _stand_in(hint: Any) -> Any:
    """A value of type ``hint`` for a required field that could not be read."""
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return next(iter(hint))
    return ""


def _read_value(hint: Any, data: JsonValue, path: str, problems: list[Problem]) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if data is None:
            return None
        return _read_value(options[0], data, path, problems)
    if origin is tuple:
        if not isinstance(data, list):
            problems.append(Problem(path, f"expected a list, found {_describe(data)}"))
            return ()
        item_hint = typing.get_args(hint)[0]
        return tuple(
            _read_value(item_hint, item, join_path(path, index), problems)
            for index, item in enumerate(data)
        )
    if hint is FuzzyDate:
        if not isinstance(data, str):
            problems.append(Problem(path, f"expected an EDTF date text, found {_describe(data)}"))
            return None
        if len(data) > limits.DATE_TEXT:
            problems.append(
                Problem(
                    path,
                    f"{quoted(data)} is not a date: "
                    + limits.too_long(len(data), limits.DATE_TEXT),
                )
            )
            return None
        try:
            return FuzzyDate.parse(data)
        except DateError as error:
            problems.append(Problem(path, str(error)))
            return None
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        try:
            return hint(data)
        except ValueError:
            allowed = ", ".join(member.value for member in hint)
            problems.append(Problem(path, f"{_describe(data)} is not one of: {allowed}"))
            return None
    if hint in (Citation, EventRole):
        return _read_dataclass(hint, data, path, problems)
    if hint is Author:
        if isinstance(data, str):  # an older file's name written whole
            text = _read_value(str, data, path, problems)
            return guess_author(text) if text.strip() else Author()
        if not isinstance(data, dict):
            problems.append(
                Problem(path, f"expected a name (text or an object), found {_describe(data)}")
            )
            return None
        return _read_dataclass(Author, data, path, problems)
    if hint is str:
        if not isinstance(data, str):
            problems.append(Problem(path, f"expected text, found {_describe(data)}"))
            return ""
        if not _is_unicode(data):
            problems.append(Problem(path, "holds a broken character (an unpaired surrogate)"))
            return ""
        return data
    raise TypeError(f"no exchange form for {hint!r}")


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _describe(data: JsonValue) -> str:
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, (int, float)):
        return f"the number {shortened(str(data), 40)}"
    if isinstance(data, str):
        return quoted(data, 40)
    if isinstance(data, list):
        return "a list"
    return "an object"


def record_fields(record: Record) -> dict[str, JsonValue]:
    """The record's fields in exchange form, without the key."""
    data = to_json(record)
    data.pop("key", None)
    return typing.cast(dict[str, JsonValue], data)

"""Records to their exchange form and back, fast enough for a bulk import.

:mod:`viewer.domain.serial` finds its way through each value at run time (is
it a date? an enum? a dataclass?) and explains every problem with its path;
reading an import and writing its revision log that way took longer than
writing its rows. Here the way is worked out once per record type, from its
type hints. :func:`exchange_fields` gives what ``record_fields`` gives;
:func:`read_record` gives what ``from_json`` gives for a well-formed item and
``None`` for anything else, so that the caller asks ``from_json`` to explain
(the tests hold the pairs to the same results).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from viewer.domain.authors import stored_authors
from viewer.domain.dates import FuzzyDate
from viewer.domain.limits import DATE_TEXT
from viewer.domain.records import RECORD_TYPES, Author, Record
from viewer.domain.serial import LOCAL_FIELDS, JsonValue

Convert = Callable[[Any], JsonValue]
Read = Callable[[JsonValue], Any]
R = TypeVar("R", bound=Record)


class _Refused(ValueError):
    """The item is not plainly well formed: ``from_json`` must read it."""


def exchange_fields(record: Record) -> dict[str, JsonValue]:
    """``record_fields(record)``: the record's fields in exchange form, without the key."""
    return {name: convert(getattr(record, name)) for name, convert in _PLANS[type(record)]}


def _identity(value: Any) -> JsonValue:
    return value


def _edtf(value: FuzzyDate | None) -> str | None:
    return None if value is None else value.edtf


def _enum_value(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def _converter(hint: Any) -> Convert:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _converter(options[0])  # each converter passes None through
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        if item is _identity:
            return list
        return lambda values: [item(value) for value in values]
    if hint is FuzzyDate:
        return _edtf
    if hint is Author:  # only the parts a name has, as serial.to_json
        return lambda author: stored_authors((author,))[0]
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _enum_value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        plan = _plan(hint, skip=frozenset())
        return lambda value: {name: convert(getattr(value, name)) for name, convert in plan}
    return _identity


def _plan(cls: type[Any], skip: frozenset[str]) -> tuple[tuple[str, Convert], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (field.name, _converter(hints[field.name]))
        for field in dataclasses.fields(cls)
        if field.name not in LOCAL_FIELDS and field.name not in skip
    )


_PLANS: dict[type[Any], tuple[tuple[str, Convert], ...]] = {
    record_type: _plan(record_type, skip=frozenset({"key"}))
    for record_type in RECORD_TYPES.values()
}


def read_record(cls: type[R], data: JsonValue) -> R | None:
    """The record of type ``cls`` that ``data`` (one item of an exchange file)
    holds, or None if anything about it is not plainly right."""
    try:
        record: R = _READERS[cls](data)
    except Exception:  # whatever went wrong, from_json explains it
        return None
    return record


def _text(data: JsonValue) -> str:
    if type(data) is not str:
        raise _Refused
    if not data.isascii():
        data.encode("utf-8")  # an unpaired surrogate refuses
    return data


def _date(data: JsonValue) -> FuzzyDate:
    if type(data) is not str or len(data) > DATE_TEXT:
        raise _Refused
    return FuzzyDate.parse(data)


def _reader(hint: Any) -> Read:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = _reader(options[0])
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        item = _reader(typing.get_args(hint)[0])

        def read_tuple(data: JsonValue) -> tuple[Any, ...]:
            if type(data) is not list:
                raise _Refused
            return tuple(item(value) for value in data)

        return read_tuple
    if hint is FuzzyDate:
        return _date
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        members = hint._value2member_map_

        def read_enum(data: JsonValue) -> StrEnum:
            if type(data) is not str:
                raise _Refused
            return typing.cast(StrEnum, members[data])

        return read_enum
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_reader(hint)
    if hint is str:
        return _text
    raise TypeError(f"no exchange form for {hint!r}")


def _dataclass_reader(cls: type[Any]) -> Read:
    hints = typing.get_type_hints(cls)
    fields = [field for field in dataclasses.fields(cls) if field.name not in LOCAL_FIELDS]
    readers = {field.name: _reader(hints[field.name]) for field in fields}
    names = frozenset(readers)
    required = frozenset(
        field.name
        for field in fields
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    )

    def read(data: JsonValue) -> Any:
        if type(data) is not dict or not data.keys() <= names or not required <= data.keys():
            raise _Refused
        return cls(**{name: readers[name](value) for name, value in data.items()})

    return read


_READERS: dict[type[Any], Read] = {
    record_type: _dataclass_reader(record_type) for record_type in RECORD_TYPES.values()
}

"""The items of a reference file as read, made into sources with keys.

Each reader (CSL-JSON, BibTeX, RIS) gives one :class:`ReadItem` an item of
the file: the source it holds, or the problem that stops it. Here every
readable item gets its key — the file's own (its id, citation key or RIS
ID) when it is a valid key, else one made from its first author, year and
title, unique within the file — and is checked as any source is saved; what
fails is a problem naming the item and the field as the file names them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from viewer.domain.quoting import quoted
from viewer.domain.records import Source
from viewer.domain.reference_values import numbered_key, slug_key
from viewer.domain.serial import Problem
from viewer.domain.validation import KEY_PATTERN, validate

_FIRST_NAME = re.compile(r"^[a-z_]+")


@dataclass(frozen=True, slots=True)
class ReadItem:
    """One item of a file: where it is (``label``: "item 3 (id 'x')"), the
    key the file gives it, and the source read from it, or the problem
    (``field`` as the file names it, and what is wrong) that stops it."""

    label: str
    wanted_key: str
    source: Source | None
    field: str = ""
    problem: str = ""


def finish(
    items: Iterable[ReadItem], field_names: Mapping[str, str]
) -> tuple[list[Source], list[Problem]]:
    """The valid sources of ``items`` with their keys, and a problem for each
    item left out, in the file's order. ``field_names`` gives the file's name
    for each field of a source (``published`` -> "issued")."""
    listed = list(items)
    taken: dict[str, str] = {}
    keys: dict[int, str] = {}
    refused: dict[int, Problem] = {}
    for index, item in enumerate(listed):
        if item.source is None:
            refused[index] = Problem(_where(item.label, item.field), item.problem)
        elif KEY_PATTERN.match(item.wanted_key):
            if item.wanted_key in taken:
                refused[index] = Problem(
                    item.label,
                    f"the key {quoted(item.wanted_key)} is {taken[item.wanted_key]}'s too; "
                    "give one of them another key",
                )
            else:
                taken[item.wanted_key] = item.label
                keys[index] = item.wanted_key
    numbers: dict[str, int] = {}
    for index, item in enumerate(listed):
        if item.source is None or index in keys or index in refused:
            continue
        source = item.source
        year = source.published.lower.year if source.published and source.published.lower else None
        base = slug_key(source.authors, year, source.title)
        key, number = base, numbers.get(base, 1)
        while key in taken:
            number += 1
            key = numbered_key(base, number)
        numbers[base] = number
        taken[key] = item.label
        keys[index] = key
    sources: list[Source] = []
    problems: list[Problem] = []
    for index, item in enumerate(listed):
        if index in refused:
            problems.append(refused[index])
            continue
        assert item.source is not None
        source = dataclasses.replace(item.source, key=keys[index])
        found = validate(source)
        if found:
            problems.extend(
                Problem(_where(item.label, _file_field(p.path, field_names)), p.message)
                for p in found
            )
        else:
            sources.append(source)
    return sources, problems


def _file_field(path: str, field_names: Mapping[str, str]) -> str:
    """A source's field path ("authors[0].family") as the file names it ("author[0].family")."""
    found = _FIRST_NAME.match(path)
    if not found or found.group(0) not in field_names:
        return path
    return field_names[found.group(0)] + path[found.end() :]


def _where(label: str, field: str) -> str:
    return f"{label}, {field}" if field else label

"""RIS files read as sources, by rispy.

rispy reads the tags of each record; it also passes over, without a word,
lines before a record's ``TY`` and a last record that no ``ER`` closes. So
the file is first cut into records here, by rispy's own reading of each
line's tag, and what it would drop is a problem naming the lines: tagged
lines with no ``TY`` before them, a record whose ``ER`` is missing (before
the next ``TY`` or at the end of the file).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import rispy

from viewer.domain.quoting import quoted
from viewer.domain.reference_items import ReadItem
from viewer.domain.reference_reading import UnreadableField, source_from_ris


@dataclass
class _Cut:
    """The records of a file, and the items that cannot be records."""

    records: list[tuple[int, list[str]]] = field(default_factory=list)
    refused: list[tuple[int, ReadItem]] = field(default_factory=list)


def read_ris(text: str) -> list[ReadItem]:
    """The items of a RIS file's text, in the file's order, broken records too."""
    parser = rispy.RisParser()
    cut = _cut(text, parser)
    items = list(cut.refused)
    for number, (start, lines) in enumerate(cut.records, 1):
        items.append((start, _read_record(number, start, lines, parser)))
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]


def _read_record(number: int, start: int, lines: list[str], parser: rispy.RisParser) -> ReadItem:
    record = parser.parse_lines(iter(lines))[0]
    wanted = str(record.get("id", "")).strip()
    label = f"record {number} (line {start}" + (f", ID {quoted(wanted, 60)})" if wanted else ")")
    try:
        source = source_from_ris(record)
    except UnreadableField as error:
        return ReadItem(label, wanted, None, error.field, f"{error.message}: not read")
    return ReadItem(label, wanted, source)


def _cut(text: str, parser: rispy.RisParser) -> _Cut:
    cut = _Cut()
    current: list[str] | None = None
    start = 0
    stray = 0  # the first tagged line outside any record
    number = 0
    for number, line in enumerate(text.splitlines(), 1):
        tag, _ = parser.parse_line(line)
        if tag == "TY":
            if current is not None:
                cut.refused.append(
                    (start, _unclosed(start, f"before the next TY on line {number}"))
                )
            if stray:
                cut.refused.append((stray, _untyped(stray, number - 1)))
                stray = 0
            current, start = [line], number
        elif current is not None:
            current.append(line)
            if tag == "ER":
                cut.records.append((start, current))
                current = None
        elif tag is not None:
            stray = stray or number
            if tag == "ER":
                cut.refused.append((stray, _untyped(stray, number)))
                stray = 0
    if current is not None:
        cut.refused.append((start, _unclosed(start, "at the end of the file")))
    if stray:
        cut.refused.append((stray, _untyped(stray, number)))
    return cut


def _unclosed(start: int, where: str) -> ReadItem:
    return ReadItem(
        f"the record on line {start}",
        "",
        None,
        "ER",
        f"is missing {where}: every record ends with an ER line; not read",
    )


def _untyped(first: int, last: int) -> ReadItem:
    lines = f"line {first}" if first == last else f"lines {first}-{last}"
    return ReadItem(
        f"the record on {lines}",
        "",
        None,
        "TY",
        "is missing: every record starts with a TY line (its type); not read",
    )

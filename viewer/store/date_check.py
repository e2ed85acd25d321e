"""The ``check`` command's dates: each stored date against its own bounds,
and sources accessed before they were published.

One grouped pass per date column, so that each distinct (text, first day,
last day) is read, and its EDTF text parsed, only once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, or_, select, type_coerce

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.quoting import QUOTE_LIMIT, quoted
from viewer.store.findings import UNREADABLE_TOPIC, Finding
from viewer.store.schema import SourceRow
from viewer.store.streams import table_of

DATE_COLUMNS = {
    RecordKind.ACCORD: ("first_signed",),
    RecordKind.SOURCE: ("published", "accessed"),
    RecordKind.STATUS_ACTION: ("date",),
    RecordKind.EVENT: ("date",),
}

_SOURCES: Table = SourceRow.__table__  # type: ignore[assignment]


def dates_out_of_order(connection: Connection) -> list[Finding]:
    """Each stored date against its own bounds: one grouped pass per date column,
    so that each distinct (text, first day, last day) is read only once; the
    records of a wrong one are then looked up by it."""
    findings: list[Finding] = []
    for kind, prefixes in DATE_COLUMNS.items():
        table = table_of(kind)
        for prefix in prefixes:
            # The bounds are read as stored, so that one that is not a date
            # is a finding rather than an error of the read.
            columns = [
                table.c[f"{prefix}_edtf"],
                *(type_coerce(table.c[f"{prefix}_{part}"], String) for part in ("lower", "upper")),
            ]
            groups = connection.execute(
                select(*columns)
                .where(or_(*(column.is_not(None) for column in columns)))
                .group_by(*columns)
            )
            found: list[tuple[int, Finding]] = []
            for stored in groups.all():
                problem = _stored_date_problem(table, prefix, *stored)
                if problem is None:
                    continue
                same = select(table.c.id, table.c.key).where(
                    *(
                        column.is_not_distinct_from(value)
                        for column, value in zip(columns, stored, strict=True)
                    )
                )
                for row_id, key in connection.execute(same):
                    topic, message = problem
                    where = f"{kind.label} {key!r} {prefix.replace('_', ' ')}"
                    if topic == UNREADABLE_TOPIC:
                        where = f"{table.name} row {row_id} ({kind.label} {quoted(key)})"
                    found.append((row_id, Finding(topic, message(where))))
            findings += [finding for _, finding in sorted(found, key=itemgetter(0))]
    published, accessed = _SOURCES.c.published_lower, _SOURCES.c.accessed_upper
    early = (
        select(_SOURCES.c.key, _SOURCES.c.accessed_edtf, _SOURCES.c.published_edtf)
        .where(accessed < published)
        .order_by(_SOURCES.c.id)
    )
    for key, accessed_text, published_text in connection.execute(early):
        findings.append(
            Finding(
                "dates out of order",
                f"source {key!r} was accessed ({accessed_text}) before it was published "
                f"({published_text})",
            )
        )
    return findings


_NOT_A_DATE: Any = object()


def _stored_date_problem(
    table: Table, prefix: str, text: str | None, raw_lower: Any, raw_upper: Any
) -> tuple[str, Callable[[str], str]] | None:
    """:func:`_date_problem` of a date as stored, its bounds first read as dates."""
    lower, upper = _stored_date(raw_lower), _stored_date(raw_upper)
    if lower is _NOT_A_DATE or upper is _NOT_A_DATE:
        part, raw = ("lower", raw_lower) if lower is _NOT_A_DATE else ("upper", raw_upper)
        said = f"{prefix}_{part} {quoted(raw)} is not a date"
        return UNREADABLE_TOPIC, lambda where: f"{where}: {said}"
    return _date_problem(text, lower, upper)


def _stored_date(value: Any) -> Any:
    """A stored date bound as a date (None if empty); _NOT_A_DATE if it is not one."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return _NOT_A_DATE


def _date_problem(
    text: str | None, lower: date | None, upper: date | None
) -> tuple[str, Callable[[str], str]] | None:
    """What is wrong with a stored date, as a topic and a message for the place
    it is stored at; None if nothing is."""
    if text is None:
        if lower is not None or upper is not None:
            return "dates out of order", lambda where: f"{where} has bounds but no date"
        return None
    try:
        parsed = FuzzyDate.parse(text)
    except DateError as error:
        reason = _date_reason(text, error)
        return "invalid date", lambda where: f"{where}: {reason}"
    if lower is not None and upper is not None and lower > upper:
        return (
            "dates out of order",
            lambda where: f"{where} ends ({upper}) before it starts ({lower})",
        )
    if (parsed.lower, parsed.upper) != (lower, upper):
        return (
            "dates out of order",
            lambda where: (
                f"{where} is stored with bounds {lower}..{upper} that do not match {text!r}"
            ),
        )
    return None


def _date_reason(text: str, error: DateError) -> str:
    """Why ``text`` is not a date, repeating at most a quoted part of it."""
    if len(text) > QUOTE_LIMIT:
        return f"{quoted(text)} is not a date this app understands"
    return str(error)


def date_error(text: str) -> str | None:
    """Why ``text`` is not a date; None if it is one."""
    try:
        FuzzyDate.parse(text)
    except DateError as error:
        return _date_reason(text, error)
    return None

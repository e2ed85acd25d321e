"""Columns derived from other rows, kept in step by the store's writes.

A source's ``claims`` column holds how many citations cite it, as the
Sources list shows and sorts it. It changes when a claim's citations change:
the store refreshes the sources a written record cited before and cites now.

An event's ``parties`` column holds the names of the participants in its
roles, in role order, as the Events list shows them. Computing it while
sorting a million events by it took seconds; kept with the event, it sorts
through an index. It changes when the event's roles change (every event
write refreshes it) and when a participant is renamed (its events are
refreshed with it), in the same transaction; ``check`` compares it with the
roles and ``check --repair`` writes it again.
"""

# ruff: noqa: S608 (the SQL here is built from this module's constants and integer ids)
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, bindparam, text

from viewer.domain.records import Record, Source
from viewer.store.dialects import differs

_PARTIES_OF = (
    "(SELECT group_concat(name, ', ') FROM (SELECT p.name AS name FROM event_roles r "
    "JOIN parties p ON p.id = r.party_id WHERE r.event_id = events.id "
    "ORDER BY r.position, r.id) names)"
)
# NULL for an event with no participant, so that it sorts last, as it shows.
_SET_PARTIES = f"UPDATE events SET parties = {_PARTIES_OF}"


_SET_CLAIMS = (
    "UPDATE sources SET claims = (SELECT count(*) FROM citations c WHERE c.source_id = sources.id)"
)


def sources_of(records: Iterable[Record]) -> set[str]:
    """The sources whose count ``records`` can change: those they cite, and
    any that are themselves sources (a new source counts its claims, none)."""
    listed = list(records)
    keys = {c.source for record in listed for c in getattr(record, "citations", ())}
    return keys | {record.key for record in listed if isinstance(record, Source)}


def refresh_sources(connection: Connection, keys: Iterable[str]) -> None:
    """Count again the claims citing these sources (by key; all of them past
    a few hundred, as after an import: one pass over the citations' index)."""
    wanted = sorted(set(keys))
    if len(wanted) > 500:
        connection.exec_driver_sql(_SET_CLAIMS)
    elif wanted:
        connection.execute(
            text(f"{_SET_CLAIMS} WHERE key IN :keys").bindparams(
                bindparam("keys", wanted, expanding=True)
            )
        )


def refresh_events(connection: Connection, ids: Sequence[int]) -> None:
    """Write the derived columns of these events again."""
    if ids:
        marks = ", ".join(str(int(event_id)) for event_id in ids)
        connection.exec_driver_sql(f"{_SET_PARTIES} WHERE id IN ({marks})")


def refresh_events_after(connection: Connection, after_id: int) -> None:
    """Write the derived columns of the events a bulk import has just added."""
    connection.execute(text(f"{_SET_PARTIES} WHERE id > :after"), {"after": after_id})


def refresh_events_of_party(connection: Connection, party_id: int) -> None:
    """A participant was renamed: the events it has a role in show its new name."""
    connection.execute(
        text(
            f"{_SET_PARTIES} WHERE id IN (SELECT event_id FROM event_roles WHERE party_id = :party)"
        ),
        {"party": party_id},
    )


def refresh_all(connection: Connection) -> None:
    connection.exec_driver_sql(_SET_PARTIES)
    connection.exec_driver_sql(_SET_CLAIMS)


def mismatches(connection: Connection, limit: int = 20) -> Iterator[str]:
    """Records whose derived columns do not say what the rows they come from say."""
    not_ = differs(connection)
    checks = (
        (
            f"SELECT key FROM events WHERE parties {not_} {_PARTIES_OF} ORDER BY id LIMIT :limit",
            "event {key!r} lists its participants out of date (run check --repair)",
        ),
        (
            f"SELECT key FROM sources WHERE claims {not_} (SELECT count(*) FROM citations c "
            "WHERE c.source_id = sources.id) ORDER BY id LIMIT :limit",
            "source {key!r} counts its citing claims out of date (run check --repair)",
        ),
    )
    shown = 0
    for statement, message in checks:
        for (key,) in connection.execute(text(statement), {"limit": limit + 1}):
            if shown == limit:
                yield "… and more: run check --repair to write them again"
                return
            yield message.format(key=key)
            shown += 1

"""A record with what surrounds it, for the detail and citations panes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from viewer.domain.enums import EventKind, RecordKind, RoleKind
from viewer.domain.quoting import quoted
from viewer.domain.records import Accord, Event, Party, Person, Record, Source, StatusAction
from viewer.domain.status import chronological, status_as_of
from viewer.domain.views import Claim, Detail, Link
from viewer.store import claim_rule
from viewer.store.dependents import CLAIM_KINDS
from viewer.store.evidence import quote_verdicts
from viewer.store.listing import show_date
from viewer.store.mapping import ROW_TYPES, select_rows, to_record
from viewer.store.schema import (
    CLAIM_COLUMNS,
    CitationRow,
    EventRoleRow,
    EventRow,
    PartyRow,
    PersonRow,
    SourceRow,
    StatusActionRow,
)
from viewer.store.store import Store

# Related records a detail shows at most under each heading: a participant of
# a hundred thousand events must show as fast as one of ten.
RELATED_LIMIT = 100
# Related records are counted up to this many; beyond, "more than" this.
COUNT_LIMIT = 10_000


def load_detail(store: Store, kind: RecordKind, key: str) -> Detail | None:
    """Everything the panes show about one record, or None if it does not exist.

    Related records are the first :data:`RELATED_LIMIT` of each heading, with
    the count of all of them where there are more.
    """
    with (
        store.failures_explained(f"reading {kind.label} {quoted(key)}"),
        store.reading() as session,
    ):
        row = session.scalar(select_rows(kind).where(ROW_TYPES[kind].key == key))
        if row is None:
            return None
        record = to_record(row)
        links: dict[str, tuple[Link, ...]] = {}
        totals: dict[str, int] = {}
        actions: tuple[StatusAction, ...] = ()
        claims = [_own_claim(record)]
        match record:
            case Party():
                actions = _actions(session, row.id)
                claims += [_action_claim(action) for action in actions]
                links["Events"], totals["Events"] = _events(session, EventRoleRow.party_id, row.id)
                people = PersonRow.party_id == row.id
                links["People"] = tuple(
                    Link(RecordKind.PERSON, k, name, office)
                    for k, name, office in session.execute(
                        select(PersonRow.key, PersonRow.name, PersonRow.office)
                        .where(people)
                        .order_by(PersonRow.name, PersonRow.id)
                        .limit(RELATED_LIMIT)
                    )
                )
                totals["People"] = _count(session, select(PersonRow.id).where(people))
            case Person():
                if record.party:
                    links["Party"] = (Link(RecordKind.PARTY, record.party, record.party),)
                links["Events"], totals["Events"] = _events(session, EventRoleRow.person_id, row.id)
            case Event():
                links["Parties"] = tuple(
                    Link(RecordKind.PARTY, r.party, r.party, r.role.label)
                    for r in record.roles
                    if r.party
                )
                links["People"] = tuple(
                    Link(RecordKind.PERSON, r.person, r.person, r.role.label)
                    for r in record.roles
                    if r.person
                )
            case Accord():
                links["Participants"], totals["Participants"] = _participants(session, row.id)
                links["Events"], totals["Events"] = _accord_events(session, row.id)
            case Source():
                claims = []
                links["Citing claims"], totals["Citing claims"] = _citing_claims(session, row.id)
        detail = Detail(record, links, tuple(claims), actions)
        sources = _sources(session, detail.claims)
        return Detail(
            record,
            links={heading: _named(session, found) for heading, found in links.items()},
            claims=detail.claims,
            actions=actions,
            # The verdicts go to the window; the texts, which may be long, do not.
            sources={
                key: dataclasses.replace(source, archived_text="")
                for key, source in sources.items()
            },
            names=_names(session, _referenced(record, actions)),
            link_totals={
                heading: total
                for heading, total in totals.items()
                if total > len(links.get(heading, ()))
            },
            counted_up_to=COUNT_LIMIT,
            verdicts=quote_verdicts(detail.claims, sources),
        )


def _actions(session: Session, party_id: int) -> tuple[StatusAction, ...]:
    rows = session.scalars(
        select_rows(RecordKind.STATUS_ACTION)
        .where(StatusActionRow.party_id == party_id)
        .order_by(StatusActionRow.id)
    )
    actions = [a for a in (to_record(r) for r in rows) if isinstance(a, StatusAction)]
    return tuple(chronological(actions))


def _count(session: Session, rows: Select[Any]) -> int:
    """How many ``rows`` there are, counted up to COUNT_LIMIT + 1 at most: a
    participant in a quarter of a million events is not counted one by one
    each time it is selected ("Show all" opens the list, which says)."""
    capped = rows.limit(COUNT_LIMIT + 1).subquery()
    return session.scalar(select(func.count()).select_from(capped)) or 0


def _events(
    session: Session, column: InstrumentedAttribute[int | None], record_id: int
) -> tuple[tuple[Link, ...], int]:
    """The first events in which a party or person has a role, by date, and how many in all.

    A party in more events than are counted (a quarter of all events, say) is
    found by walking the events in date order until enough have a role of it;
    a party in fewer, by sorting just its own events.
    """
    condition = column == record_id
    total = _count(session, select(EventRoleRow.id).where(condition))
    if total > COUNT_LIMIT:
        role = (
            select(EventRoleRow.role)
            # "+ 0": each event's roles are found by its own id, not by a scan
            # of the party's (SQLite would pick the party's index otherwise).
            .where(EventRoleRow.event_id == EventRow.id, (column + 0) == record_id)
            .order_by(EventRoleRow.id)
            .limit(1)
            .correlate(EventRow)
            .scalar_subquery()
        )
        statement = (
            select(EventRow.key, EventRow.title, EventRow.date_edtf, role)
            .where(role.is_not(None))
            .order_by(EventRow.date_lower.nulls_last(), EventRow.id)
        )
    else:
        statement = (
            select(EventRow.key, EventRow.title, EventRow.date_edtf, EventRoleRow.role)
            .join(EventRoleRow, EventRoleRow.event_id == EventRow.id)
            .where(condition)
            .order_by(EventRow.date_lower.nulls_last(), EventRow.id, EventRoleRow.id)
        )
    links = []
    for key, title, date_edtf, role_value in session.execute(statement.limit(RELATED_LIMIT)):
        when = show_date(date_edtf)
        note = _role_label(role_value) + (f", {when}" if when else "")
        links.append(Link(RecordKind.EVENT, key, title, note))
    return tuple(links), total


def _participants(session: Session, accord_id: int) -> tuple[tuple[Link, ...], int]:
    """The first parties (by name) with a step in the accord that counts
    (see viewer.store.claim_rule: a party whose every step there is
    deprecated takes no part), each noted with its status now in this
    accord only, and how many there are in all."""
    in_accord = StatusActionRow.accord_id == accord_id
    party_ids = select(StatusActionRow.party_id).where(
        in_accord, claim_rule.counts(StatusActionRow)
    )
    parties = session.execute(
        select(PartyRow.id, PartyRow.key, PartyRow.name)
        .where(PartyRow.id.in_(party_ids))
        .order_by(PartyRow.name, PartyRow.id)
        .limit(RELATED_LIMIT)
    ).all()
    steps: dict[int, list[StatusAction]] = {party_id: [] for party_id, _, _ in parties}
    if steps:
        rows = session.scalars(
            select_rows(RecordKind.STATUS_ACTION)
            .where(in_accord, StatusActionRow.party_id.in_(list(steps)))
            .order_by(StatusActionRow.id)
        )
        for action_row in rows:
            action = to_record(action_row)
            if isinstance(action, StatusAction):
                steps[action_row.party_id].append(action)
    links = tuple(
        Link(RecordKind.PARTY, key, name, _status_now(steps[party_id]))
        for party_id, key, name in parties
    )
    total = _count(session, party_ids.distinct())
    return links, total


def _status_now(actions: list[StatusAction]) -> str:
    """A party's status now in words, by the one status rule."""
    found = status_as_of(actions)
    if found is None:
        return "no status yet"
    action = found.action
    if action.date is None or action.date.lower is None:
        return f"{action.action.label}, date not given"
    return f"{action.action.label}, {action.date.display()}"


def _accord_events(session: Session, accord_id: int) -> tuple[tuple[Link, ...], int]:
    """The first events of the accord by date, and how many there are in all."""
    in_accord = EventRow.accord_id == accord_id
    links = []
    for key, title, date_edtf, kind in session.execute(
        select(EventRow.key, EventRow.title, EventRow.date_edtf, EventRow.event_kind)
        .where(in_accord)
        .order_by(EventRow.date_lower.nulls_last(), EventRow.id)
        .limit(RELATED_LIMIT)
    ):
        when = show_date(date_edtf)
        note = _event_kind_label(kind) + (f", {when}" if when else "")
        links.append(Link(RecordKind.EVENT, key, title, note))
    return tuple(links), _count(session, select(EventRow.id).where(in_accord))


def _event_kind_label(value: str) -> str:
    try:
        return EventKind(value).label
    except ValueError:  # the event itself says so when shown; `check` reports it
        return str(value)


def _role_label(value: str) -> str:
    try:
        return RoleKind(value).label
    except ValueError:  # the event itself says so when shown; `check` reports it
        return str(value)


def _citing_claims(session: Session, source_id: int) -> tuple[tuple[Link, ...], int]:
    """The first claims citing a source, linked where each is shown (a status
    action under its party), and how many citations there are in all."""
    links = []
    citing = CitationRow.source_id == source_id
    citations = session.scalars(
        select(CitationRow).where(citing).order_by(CitationRow.id).limit(RELATED_LIMIT)
    )
    for citation in citations:
        for column, kind in zip(CLAIM_COLUMNS, CLAIM_KINDS, strict=True):
            claim_id = getattr(citation, column)
            row = session.get(ROW_TYPES[kind], claim_id) if claim_id is not None else None
            if row is None:
                continue
            record = to_record(row)
            if isinstance(record, StatusAction):
                label = f"{record.party}: {record.action.label}"
                links.append(Link(RecordKind.PARTY, record.party, label, citation.locator))
            else:
                links.append(Link(kind, record.key, record.label, citation.locator))
    return tuple(links), _count(session, select(CitationRow.id).where(citing))


def _own_claim(record: Record) -> Claim:
    match record:
        case Party():
            what = f"state ({record.iso_code})" if record.iso_code else record.party_kind.label
            label = f"{record.name}: {what}"
        case Person():
            label = f"Office: {record.office}" if record.office else record.name
        case Event():
            label = f"Event: {record.title}"
        case _:
            label = record.label
    citations = getattr(record, "citations", ())
    return Claim(label, tuple(citations), Link(record.kind, record.key, record.label))


def _action_claim(action: StatusAction) -> Claim:
    when = action.date.display() if action.date else "date not given"
    label = f"{action.action.label} · {when} · {action.certainty.label}"
    return Claim(label, action.citations, Link(RecordKind.STATUS_ACTION, action.key, label))


def _sources(session: Session, claims: Iterable[Claim]) -> dict[str, Source]:
    cited = {c.source for claim in claims for c in claim.citations}
    rows = session.scalars(select_rows(RecordKind.SOURCE).where(SourceRow.key.in_(cited)))
    return {s.key: s for s in (to_record(r) for r in rows) if isinstance(s, Source)}


def _referenced(record: Record, actions: Iterable[StatusAction]) -> set[tuple[RecordKind, str]]:
    keys: set[tuple[RecordKind, str]] = {(RecordKind.ACCORD, a.accord) for a in actions}
    if isinstance(record, Person) and record.party:
        keys.add((RecordKind.PARTY, record.party))
    if isinstance(record, Event):
        if record.accord:
            keys.add((RecordKind.ACCORD, record.accord))
        keys |= {(RecordKind.PARTY, r.party) for r in record.roles if r.party}
        keys |= {(RecordKind.PERSON, r.person) for r in record.roles if r.person}
    return keys


def _names(
    session: Session, wanted: Iterable[tuple[RecordKind, str]]
) -> dict[tuple[RecordKind, str], str]:
    names: dict[tuple[RecordKind, str], str] = {}
    by_kind: dict[RecordKind, set[str]] = {}
    for kind, key in wanted:
        by_kind.setdefault(kind, set()).add(key)
    for kind, keys in by_kind.items():
        rows = session.scalars(select_rows(kind).where(ROW_TYPES[kind].key.in_(keys)))
        names.update({(kind, r.key): to_record(r).label for r in rows})
    return names


def _named(session: Session, links: tuple[Link, ...]) -> tuple[Link, ...]:
    """The links with the names of parties and people in place of their keys."""
    names = _names(
        session,
        {
            (link.kind, link.key)
            for link in links
            if link.kind in (RecordKind.PARTY, RecordKind.PERSON)
        },
    )
    named = []
    for link in links:
        label = link.label
        if link.label == link.key:
            label = names.get((link.kind, link.key), link.key)
        elif link.label.startswith(f"{link.key}: "):  # a status action under its party
            label = names.get((link.kind, link.key), link.key) + link.label[len(link.key) :]
        named.append(Link(link.kind, link.key, label, link.note))
    return tuple(named)

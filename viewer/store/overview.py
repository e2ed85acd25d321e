"""An accord with its participants' steps and its events, for the overview.

One read gives everything the overview draws for every day: the parties
that have a step in the accord that counts (with their steps in it, of
every rank), and the accord's events, at most
:data:`viewer.domain.overview.EVENT_LIMIT` of them with the total. Reads
are indexed by accord (``ix_status_actions_accord_id``,
``ix_events_accord_id``), so the cost follows the accord's size, not the
database's.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from viewer.domain.claims import in_force
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import Certainty, EventKind, PartyKind, RecordKind
from viewer.domain.overview import EVENT_LIMIT, AccordOverview, OverviewEvent, OverviewParty
from viewer.domain.quoting import quoted
from viewer.domain.records import Accord, StatusAction
from viewer.domain.status import chronological
from viewer.store.mapping import select_rows, to_record
from viewer.store.schema import AccordRow, EventRow, PartyRow, StatusActionRow
from viewer.store.store import Store


def busiest_accord(store: Store) -> str | None:
    """The key of the accord with the most status actions (ties: the first
    made); None when no accord has any step. The overview's and the
    report's accord until the user picks one. One grouped count over the
    accord index."""
    with store.failures_explained("finding the accord to show"), store.reading() as session:
        steps = func.count(StatusActionRow.id)
        found = session.scalar(
            select(AccordRow.key)
            .join(StatusActionRow, StatusActionRow.accord_id == AccordRow.id)
            .group_by(AccordRow.id)
            .order_by(steps.desc(), AccordRow.id)
            .limit(1)
        )
        return None if found is None else str(found)


def accord_overview(
    store: Store, accord_key: str, *, event_limit: int = EVENT_LIMIT
) -> AccordOverview | None:
    """The overview of the accord ``accord_key``, or None if there is no such accord."""
    with (
        store.failures_explained(f"reading the overview of accord {quoted(accord_key)}"),
        store.reading() as session,
    ):
        row = session.scalar(select_rows(RecordKind.ACCORD).where(AccordRow.key == accord_key))
        if row is None:
            return None
        accord = to_record(row)
        assert isinstance(accord, Accord)
        steps: dict[int, list[StatusAction]] = defaultdict(list)
        action_rows = session.scalars(
            select_rows(RecordKind.STATUS_ACTION)
            .where(StatusActionRow.accord_id == row.id)
            .order_by(StatusActionRow.id)
        )
        for action_row in action_rows:
            action = to_record(action_row)
            assert isinstance(action, StatusAction)
            steps[action_row.party_id].append(action)
        # A party takes part by a step that counts: one whose every step in
        # the accord is deprecated is left out, as the lists and the detail
        # leave it out (viewer.store.claim_rule).
        taking_part = [party_id for party_id, actions in steps.items() if in_force(actions)]
        parties: list[OverviewParty] = []
        if taking_part:
            for party in session.scalars(
                select(PartyRow).where(PartyRow.id.in_(taking_part)).order_by(PartyRow.name)
            ):
                parties.append(
                    OverviewParty(
                        key=party.key,
                        name=party.name,
                        party_kind=_party_kind(party.party_kind),
                        iso_code=party.iso_code,
                        actions=tuple(chronological(steps[party.id])),
                    )
                )
        in_accord = EventRow.accord_id == row.id
        total = session.scalar(select(func.count(EventRow.id)).where(in_accord)) or 0
        events = tuple(
            OverviewEvent(
                key=key,
                title=title,
                event_kind=_event_kind(kind),
                date=_date(edtf),
                certainty=_certainty(certainty),
            )
            for key, title, kind, edtf, certainty in session.execute(
                select(
                    EventRow.key,
                    EventRow.title,
                    EventRow.event_kind,
                    EventRow.date_edtf,
                    EventRow.certainty,
                )
                .where(in_accord)
                .order_by(EventRow.date_lower.is_(None), EventRow.date_lower, EventRow.id)
                .limit(event_limit)
            )
        )
        return AccordOverview(accord, tuple(parties), events, total)


# Words outside the vocabulary and unreadable dates are reported by `check`;
# the overview still draws the record, with a neutral reading of the value.
def _party_kind(value: str) -> PartyKind:
    try:
        return PartyKind(value)
    except ValueError:
        return PartyKind.STATE


def _event_kind(value: str) -> EventKind:
    try:
        return EventKind(value)
    except ValueError:
        return EventKind.MEETING


def _certainty(value: str) -> Certainty:
    try:
        return Certainty(value)
    except ValueError:
        return Certainty.REPORTED


def _date(edtf: str | None) -> FuzzyDate | None:
    if not edtf:
        return None
    try:
        return FuzzyDate.parse(edtf)
    except DateError:
        return None

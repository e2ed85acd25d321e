"""The accord report's read: the accord, its participants' steps and its
events, each with its citations, and every source they cite.

Every query is indexed by accord (``ix_status_actions_accord_id``,
``ix_events_accord_id``) or by key, and the eager loads batch their IN
lists, so the cost follows the size of the accord, not of the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import func, select

from viewer.domain.enums import RecordKind
from viewer.domain.overview import EVENT_LIMIT
from viewer.domain.quoting import quoted
from viewer.domain.records import Accord, Event, Source, StatusAction
from viewer.domain.report import ReportData, ReportParty
from viewer.domain.status import chronological
from viewer.store.mapping import select_rows, to_record
from viewer.store.schema import AccordRow, EventRow, PartyRow, SourceRow, StatusActionRow
from viewer.store.store import Store

# Keys per IN list: well under SQLite's limit on bound parameters.
CHUNK = 500


def report_data(
    store: Store, accord_key: str, *, event_limit: int = EVENT_LIMIT
) -> ReportData | None:
    """Everything the report of accord ``accord_key`` prints, or None if there is no such accord."""
    with (
        store.failures_explained(f"reading the report of accord {quoted(accord_key)}"),
        store.reading() as session,
    ):
        row = session.scalar(select_rows(RecordKind.ACCORD).where(AccordRow.key == accord_key))
        if row is None:
            return None
        accord = to_record(row)
        assert isinstance(accord, Accord)
        steps: dict[int, list[StatusAction]] = defaultdict(list)
        for action_row in session.scalars(
            select_rows(RecordKind.STATUS_ACTION)
            .where(StatusActionRow.accord_id == row.id)
            .order_by(StatusActionRow.id)
        ):
            action = to_record(action_row)
            assert isinstance(action, StatusAction)
            steps[action_row.party_id].append(action)
        parties: list[ReportParty] = []
        for chunk in _chunks(list(steps)):
            for party_id, key, name in session.execute(
                select(PartyRow.id, PartyRow.key, PartyRow.name).where(PartyRow.id.in_(chunk))
            ):
                parties.append(ReportParty(key, name, tuple(chronological(steps[party_id]))))
        parties.sort(key=lambda party: (party.name, party.key))
        in_accord = EventRow.accord_id == row.id
        total = session.scalar(select(func.count(EventRow.id)).where(in_accord)) or 0
        events: list[Event] = []
        for event_row in session.scalars(
            select_rows(RecordKind.EVENT)
            .where(in_accord)
            .order_by(EventRow.date_lower.is_(None), EventRow.date_lower, EventRow.id)
            .limit(event_limit)
        ):
            event = to_record(event_row)
            assert isinstance(event, Event)
            events.append(event)
        data = ReportData(accord, tuple(parties), tuple(events), total)
        sources: dict[str, Source] = {}
        for chunk in _chunks(data.cited_keys()):
            for source_row in session.scalars(
                select_rows(RecordKind.SOURCE).where(SourceRow.key.in_(chunk))
            ):
                source = to_record(source_row)
                assert isinstance(source, Source)
                sources[source.key] = source
        return ReportData(accord, data.parties, data.events, total, sources)


def accord_keys(store: Store, limit: int = 10) -> tuple[list[str], int]:
    """The first ``limit`` accords' keys (by key) and how many accords there are."""
    with store.failures_explained("listing the accords"), store.reading() as session:
        keys = list(session.scalars(select(AccordRow.key).order_by(AccordRow.key).limit(limit)))
        total = session.scalar(select(func.count(AccordRow.id))) or 0
        return keys, total


def _chunks(keys: Iterable[object]) -> Iterator[list[object]]:
    chunk: list[object] = []
    for key in keys:
        chunk.append(key)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

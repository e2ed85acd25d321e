"""The evidence that needs attention, counted and listed a page at a time.

Each topic of :class:`~viewer.domain.evidence.EvidenceTopic` is one SQL query
over its table (counted in SQL), except quotes not found, which need the
folding of :mod:`viewer.domain.quote_check`: each source's archived text is
read and folded once, and its quoting citations tested against it.

Claims are the records that state something and so need a source: accords,
participants, people (their office), status actions and events (see
:data:`viewer.store.dependents.CLAIM_KINDS`); sources are the evidence.

Pages are keyset pages: ``after`` is where the last one ended (a kind's
place in the claim kinds and a record's id, or a source's id and a
citation's id), so each page costs the same however far into the topic.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, and_, func, literal, or_, select

from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.evidence import CitedAt, EvidencePage, EvidenceRow, EvidenceTopic
from viewer.domain.quote_check import FoldedTexts, Verdict, fold, verify_folded
from viewer.domain.records import Citation, Source
from viewer.domain.views import Claim
from viewer.store.dependents import CLAIM_KINDS
from viewer.store.schema import CLAIM_COLUMNS, CitationRow, PartyRow, SourceRow
from viewer.store.store import Store
from viewer.store.streams import citation_column, table_of

# Rows a page holds at most.
PAGE = 200
# Sources whose archived texts are read at a time (each may be long).
TEXTS_AT_ONCE = 20
Position = tuple[int, int]

_CITATIONS: Table = CitationRow.__table__  # type: ignore[assignment]
_SOURCES: Table = SourceRow.__table__  # type: ignore[assignment]
_PARTIES: Table = PartyRow.__table__  # type: ignore[assignment]
_NAME = {
    RecordKind.ACCORD: "name",
    RecordKind.PARTY: "name",
    RecordKind.PERSON: "name",
    RecordKind.EVENT: "title",
}


def evidence_counts(store: Store) -> dict[EvidenceTopic, int]:
    """How many records each topic holds, in the topics' order."""
    with (
        store.failures_explained("counting the evidence that needs attention"),
        store.engine.connect() as connection,
    ):
        return {topic: _count(connection, topic) for topic in EvidenceTopic}


def evidence_rows(
    store: Store, topic: EvidenceTopic, after: Position | None = None, limit: int = PAGE
) -> EvidencePage:
    """The first ``limit`` rows of ``topic`` after ``after`` (the page before's
    :attr:`~EvidencePage.after`; None for the first page)."""
    with (
        store.failures_explained(f"listing {topic.label.lower()}"),
        store.engine.connect() as connection,
    ):
        rows: list[tuple[Position, EvidenceRow]] = []
        for found in _rows(connection, topic, after):
            rows.append(found)
            if len(rows) == limit:
                break
        listed = tuple(row for _, row in rows)
        if topic.lists_citations:
            listed = _with_citations(connection, rows)
        return EvidencePage(listed, rows[-1][0] if len(rows) == limit else None)


def evidence_report(counts: Mapping[EvidenceTopic, int]) -> list[str]:
    """The counts as ``check`` prints them, one line per topic: those of the
    topics that do not fail the check marked as warnings when there are any."""
    lines = []
    for topic, count in counts.items():
        warning = " (warning)" if count and not topic.fails_check else ""
        lines.append(f"evidence: {topic.label[0].lower()}{topic.label[1:]}: {count:,}{warning}")
    return lines


# -- counting -------------------------------------------------------------------


def _count(connection: Connection, topic: EvidenceTopic) -> int:
    match topic:
        case EvidenceTopic.UNCITED | EvidenceTopic.SINGLE_SOURCE:
            counted = (
                select(func.count()).select_from(table_of(kind)).where(_claim_filter(topic, kind))
                for kind in CLAIM_KINDS
            )
            return sum(connection.scalar(query) or 0 for query in counted)
        case EvidenceTopic.NO_LOCATOR:
            query = select(func.count()).select_from(_CITATIONS).where(_no_locator())
            return connection.scalar(query) or 0
        case EvidenceTopic.SOURCE_INCOMPLETE:
            query = select(func.count()).select_from(_SOURCES).where(_incomplete())
            return connection.scalar(query) or 0
        case EvidenceTopic.QUOTE_NOT_FOUND:
            return sum(1 for _ in _unfound_quotes(connection, None))


def _claim_filter(topic: EvidenceTopic, kind: RecordKind) -> Any:
    table = table_of(kind)
    cites = citation_column(kind)
    if topic is EvidenceTopic.UNCITED:
        return ~select(cites).where(cites == table.c.id).exists()
    single = (
        select(cites)
        .where(cites.is_not(None))
        .group_by(cites)
        .having(func.count(_CITATIONS.c.source_id.distinct()) == 1)
    )
    return table.c.id.in_(single)


def _no_locator() -> Any:
    return func.trim(_CITATIONS.c.locator) == ""


def _incomplete() -> Any:
    return or_(
        func.trim(_SOURCES.c.url) == "",
        _SOURCES.c.accessed_edtf.is_(None),
        func.trim(_SOURCES.c.accessed_edtf) == "",
    )


# -- listing --------------------------------------------------------------------


def _rows(
    connection: Connection, topic: EvidenceTopic, after: Position | None
) -> Iterator[tuple[Position, EvidenceRow]]:
    match topic:
        case EvidenceTopic.UNCITED | EvidenceTopic.SINGLE_SOURCE:
            yield from _claim_rows(connection, topic, after)
        case EvidenceTopic.NO_LOCATOR:
            yield from _citation_rows(connection, after)
        case EvidenceTopic.SOURCE_INCOMPLETE:
            yield from _source_rows(connection, after)
        case EvidenceTopic.QUOTE_NOT_FOUND:
            for position, citation in _unfound_quotes(connection, after):
                claim = _claims_by_id(connection, [citation])[citation[0]]
                quote = " ".join(str(citation[3]).split())
                yield position, _with_note(claim, f"“{_short(quote)}” not in “{citation[2]}”")


def _claim_rows(
    connection: Connection, topic: EvidenceTopic, after: Position | None
) -> Iterator[tuple[Position, EvidenceRow]]:
    start_kind, start_id = after if after is not None else (0, 0)
    for index, kind in enumerate(CLAIM_KINDS):
        if index < start_kind:
            continue
        table = table_of(kind)
        cites = citation_column(kind)
        last = start_id if index == start_kind else 0
        while True:
            if topic is EvidenceTopic.UNCITED:
                chosen = _claim_filter(topic, kind)
            else:  # the next claims with one source, walked on the citations' index
                ids = (
                    select(cites)
                    .where(cites > last)
                    .group_by(cites)
                    .having(func.count(_CITATIONS.c.source_id.distinct()) == 1)
                    .order_by(cites)
                    .limit(PAGE)
                )
                chosen = table.c.id.in_(connection.execute(ids).scalars().all())
            query = _claim_select(kind).where(chosen, table.c.id > last).order_by(table.c.id)
            if topic is EvidenceTopic.SINGLE_SOURCE:
                query = query.add_columns(_only_source(kind))
            found = connection.execute(query.limit(PAGE)).all()
            for row in found:
                note = f"only source: “{row[5]}”" if len(row) > 5 else "no citation"
                yield (index, row[0]), _claim_row(kind, row[:5], note)
            if len(found) < PAGE:
                break
            last = found[-1][0]


def _only_source(kind: RecordKind) -> Any:
    """The title of the source a claim's citations name (the first, for a claim with one)."""
    cites = citation_column(kind)
    return (
        select(_SOURCES.c.title)
        .select_from(_CITATIONS.join(_SOURCES, _CITATIONS.c.source_id == _SOURCES.c.id))
        .where(cites == table_of(kind).c.id)
        .order_by(_CITATIONS.c.id)
        .limit(1)
        .correlate(table_of(kind))
        .scalar_subquery()
    )


def _claim_select(kind: RecordKind) -> Select[Any]:
    """A claim's id, key, name, the key of the record that shows it, and its
    action (a status action's; "" for the others)."""
    table = table_of(kind)
    if kind is RecordKind.STATUS_ACTION:
        party = _PARTIES.alias("claim_party")
        return select(
            table.c.id, table.c.key, party.c.name, party.c.key, table.c.action
        ).select_from(table.join(party, table.c.party_id == party.c.id))
    name = table.c[_NAME[kind]]
    return select(table.c.id, table.c.key, name, table.c.key, literal(""))


def _claim_row(kind: RecordKind, row: Sequence[Any], note: str = "") -> EvidenceRow:
    _id, key, name, open_key, action = row
    if kind is RecordKind.STATUS_ACTION:
        try:
            what = StatusKind(action).label
        except ValueError:  # `check` reports the unreadable value
            what = str(action)
        return EvidenceRow(kind, key, f"{name}: {what}", note, RecordKind.PARTY, open_key)
    return EvidenceRow(kind, key, str(name), note, kind, open_key)


def _with_note(row: EvidenceRow, note: str) -> EvidenceRow:
    return EvidenceRow(row.kind, row.key, row.label, note, row.open_kind, row.open_key)


def _citation_rows(
    connection: Connection, after: Position | None
) -> Iterator[tuple[Position, EvidenceRow]]:
    last = after[1] if after is not None else 0
    claim_columns = [_CITATIONS.c[column] for column in CLAIM_COLUMNS]
    while True:
        query = (
            select(_CITATIONS.c.id, *claim_columns, _SOURCES.c.title)
            .select_from(_CITATIONS.outerjoin(_SOURCES, _CITATIONS.c.source_id == _SOURCES.c.id))
            .where(_no_locator(), _CITATIONS.c.id > last)
            .order_by(_CITATIONS.c.id)
            .limit(PAGE)
        )
        found = connection.execute(query).all()
        cited = [(row[0], row[1 : 1 + len(CLAIM_COLUMNS)], row[-1]) for row in found]
        claims = _claims_by_id(connection, [(c, columns, t, "") for c, columns, t in cited])
        for citation_id, _columns, title in cited:
            yield (0, citation_id), _with_note(claims[citation_id], f"cites “{title}”")
        if len(found) < PAGE:
            return
        last = found[-1][0]


# A citation as the quote walk and the locator rows give it: its id, its claim
# columns, its source's title and its quote.
_Cited = tuple[int, Sequence[Any], str, str]


def _claims_by_id(connection: Connection, cited: Sequence[_Cited]) -> dict[int, EvidenceRow]:
    """The claim each citation backs, as a row, by the citation's id."""
    wanted: dict[RecordKind, dict[int, list[int]]] = {}
    for citation_id, columns, _title, _quote in cited:
        for kind, claim_id in zip(CLAIM_KINDS, columns, strict=True):
            if claim_id is not None:
                wanted.setdefault(kind, {}).setdefault(claim_id, []).append(citation_id)
    rows: dict[int, EvidenceRow] = {}
    for kind, by_claim in wanted.items():
        table = table_of(kind)
        query = _claim_select(kind).where(table.c.id.in_(list(by_claim)))
        for row in connection.execute(query):
            for citation_id in by_claim[row[0]]:
                rows[citation_id] = _claim_row(kind, row)
    return rows


def _with_citations(
    connection: Connection, rows: Sequence[tuple[Position, EvidenceRow]]
) -> tuple[EvidenceRow, ...]:
    """The rows of a topic that lists citations, each with the citation it is
    about (these topics' positions end with the citation's id)."""
    cited = _cited_at(connection, [position[1] for position, _ in rows])
    return tuple(dataclasses.replace(row, cited=cited.get(position[1])) for position, row in rows)


def _cited_at(connection: Connection, citation_ids: Sequence[int]) -> dict[int, CitedAt]:
    """Each citation as its claim lists it, by id: what it says and how many
    of the claim's citations come before it (one indexed count per claim kind)."""
    if not citation_ids:
        return {}
    claim_columns = [_CITATIONS.c[column] for column in CLAIM_COLUMNS]
    query = (
        select(_CITATIONS.c.id, _SOURCES.c.key, _CITATIONS.c.locator, _CITATIONS.c.quote)
        .add_columns(_CITATIONS.c.note, *claim_columns)
        .select_from(_CITATIONS.join(_SOURCES, _CITATIONS.c.source_id == _SOURCES.c.id))
        .where(_CITATIONS.c.id.in_(citation_ids))
    )
    said: dict[int, Citation] = {}
    kinds: set[RecordKind] = set()
    for row in connection.execute(query):
        said[row[0]] = Citation(row[1], row[2], row[3], row[4])
        kinds.update(
            kind for kind, claim in zip(CLAIM_KINDS, row[5:], strict=True) if claim is not None
        )
    places: dict[int, int] = {}
    for kind in kinds:
        cited, before = _CITATIONS.alias("cited"), _CITATIONS.alias("before")
        column = f"{kind.value}_id"
        earlier = and_(
            before.c[column] == cited.c[column],
            or_(
                before.c.position < cited.c.position,
                and_(before.c.position == cited.c.position, before.c.id < cited.c.id),
            ),
        )
        counted = (
            select(cited.c.id, func.count(before.c.id))
            .select_from(cited.outerjoin(before, earlier))
            .where(cited.c.id.in_(citation_ids), cited.c[column].is_not(None))
            .group_by(cited.c.id)
        )
        places.update((citation_id, count) for citation_id, count in connection.execute(counted))
    return {key: CitedAt(places.get(key, 0), citation) for key, citation in said.items()}


def _source_rows(
    connection: Connection, after: Position | None
) -> Iterator[tuple[Position, EvidenceRow]]:
    last = after[1] if after is not None else 0
    while True:
        query = (
            select(_SOURCES.c.id, _SOURCES.c.key, _SOURCES.c.title, _SOURCES.c.url)
            .add_columns(_SOURCES.c.accessed_edtf)
            .where(_incomplete(), _SOURCES.c.id > last)
            .order_by(_SOURCES.c.id)
            .limit(PAGE)
        )
        found = connection.execute(query).all()
        for source_id, key, title, url, accessed in found:
            missing = [
                what
                for what, absent in (
                    ("no URL", not str(url).strip()),
                    ("no accessed date", not str(accessed or "").strip()),
                )
                if absent
            ]
            row = EvidenceRow(
                RecordKind.SOURCE, key, title, ", ".join(missing), RecordKind.SOURCE, key
            )
            yield (0, source_id), row
        if len(found) < PAGE:
            return
        last = found[-1][0]


def _unfound_quotes(
    connection: Connection, after: Position | None
) -> Iterator[tuple[Position, _Cited]]:
    """Each quoting citation whose quote is not in its source's archived text,
    by source and citation id: each source's text is read and folded once."""
    first_source, first_citation = after if after is not None else (0, 0)
    last_source = first_source - 1
    claim_columns = [_CITATIONS.c[column] for column in CLAIM_COLUMNS]
    while True:
        texts = connection.execute(
            select(_SOURCES.c.id, _SOURCES.c.title, _SOURCES.c.archived_text)
            .where(_SOURCES.c.archived_text != "", _SOURCES.c.id > last_source)
            .order_by(_SOURCES.c.id)
            .limit(TEXTS_AT_ONCE)
        ).all()
        if not texts:
            return
        last_source = texts[-1][0]
        quoting = (
            select(_CITATIONS.c.source_id, _CITATIONS.c.id, _CITATIONS.c.quote, *claim_columns)
            .where(
                _CITATIONS.c.source_id.in_([row[0] for row in texts]),
                _CITATIONS.c.quote != "",
            )
            .order_by(_CITATIONS.c.source_id, _CITATIONS.c.id)
        )
        by_source: dict[int, list[Any]] = {}
        for row in connection.execute(quoting):
            if (row[0], row[1]) > (first_source, first_citation):  # after the page before
                by_source.setdefault(row[0], []).append(row)
        for source_id, title, text in texts:
            folded = fold(text) if source_id in by_source else ""
            for row in by_source.get(source_id, ()):
                if verify_folded(row[2], folded) is Verdict.NOT_FOUND:
                    yield (source_id, row[1]), (row[1], row[3:], title, row[2])
        del texts, by_source


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


# -- the citations pane ----------------------------------------------------------

_FOLDED = FoldedTexts()
_FOLDED_LOCK = threading.Lock()


def quote_verdicts(
    claims: Sequence[Claim], sources: Mapping[str, Source]
) -> dict[tuple[int, int], Verdict]:
    """Each quoting citation's verdict, by (claim, citation) index, its source's
    folded text kept for the next detail that cites it."""
    verdicts: dict[tuple[int, int], Verdict] = {}
    with _FOLDED_LOCK:
        for claim_index, claim in enumerate(claims):
            for citation_index, citation in enumerate(claim.citations):
                source = sources.get(citation.source)
                if source is None or not citation.quote.strip():
                    continue
                verdicts[claim_index, citation_index] = _FOLDED.verdict(
                    citation.quote, source.key, source.version, source.archived_text
                )
    return verdicts

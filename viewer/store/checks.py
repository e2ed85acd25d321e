"""The ``check`` command's findings: database integrity, then the data's own rules.

Each data check is one function of a read connection (see ``DATA_CHECKS``),
run as SQL in one pass, or a bounded number of passes, over its tables; what
needs Python (reading a date's EDTF text) is done once per distinct value.
The checks live in modules of their own: the log's hash chain
(:mod:`~viewer.store.chain_check`), unreadable stored values
(:mod:`~viewer.store.unreadable_rows`), dates (:mod:`~viewer.store.date_check`)
and the log's replay against the records (:mod:`~viewer.store.history_replay`);
the names they offer are also importable from here.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, exists, select

from viewer.domain.enums import RecordKind
from viewer.store import chain, derived, search_index
from viewer.store.backend import integrity_problems
from viewer.store.bulk import without_cycle_collection
from viewer.store.chain_check import (
    CHAIN_TOPIC,
    NOTED_HEAD_TOPIC,
    ChainHead,
    chain_findings,
    chain_head,
    check_chain,
    entries,
    verify_chain,
)
from viewer.store.date_check import DATE_COLUMNS, dates_out_of_order
from viewer.store.findings import BATCH, UNREADABLE_TOPIC, Check, Finding
from viewer.store.history_replay import history_mismatches, replay_history
from viewer.store.schema import CitationRow, SourceRow
from viewer.store.store import Store
from viewer.store.streams import citation_column, table_of
from viewer.store.unreadable_rows import unreadable_rows

__all__ = [
    "BATCH",
    "CHAIN_TOPIC",
    "CLAIM_KINDS",
    "DATA_CHECKS",
    "DATE_COLUMNS",
    "NOTED_HEAD_TOPIC",
    "UNREADABLE_TOPIC",
    "ChainHead",
    "Check",
    "Finding",
    "chain_head",
    "entries",
    "history_mismatches",
    "repair_search_index",
    "run_checks",
    "verify_chain",
]

# Records that state claims and so need evidence (sources are the evidence).
CLAIM_KINDS = tuple(kind for kind in RecordKind if kind is not RecordKind.SOURCE)

_CITATIONS: Table = CitationRow.__table__  # type: ignore[assignment]
_SOURCES: Table = SourceRow.__table__  # type: ignore[assignment]


def run_checks(store: Store, noted_head: tuple[int, str] | None = None) -> list[Finding]:
    """Every check's findings. With ``noted_head`` (an entry's id and hash, as
    ``check --chain-head`` printed them), the log's chain must still hold it."""
    findings = [Finding("integrity", message) for message in integrity_problems(store.engine)]
    if findings:
        return findings  # the data checks would read a damaged file
    checks = DATA_CHECKS
    if noted_head is not None:
        noted = chain.Tip(*noted_head)
        checks = [
            (lambda connection: chain_findings(connection, noted)) if c is check_chain else c
            for c in DATA_CHECKS
        ]
    # One read transaction: every check sees the same state of the data.
    with store.engine.connect() as connection, without_cycle_collection():
        for check in checks:
            findings += check(connection)
    return findings


def _uncited_claims(connection: Connection) -> list[Finding]:
    findings = []
    for kind in CLAIM_KINDS:
        table = table_of(kind)
        cited = exists().where(citation_column(kind) == table.c.id)
        query = select(table.c.key).where(~cited).order_by(table.c.id)
        for key in connection.execute(query).scalars():
            findings.append(Finding("citation needed", f"{kind.label} {key!r} has no citation"))
    return findings


def _missing_sources(connection: Connection) -> list[Finding]:
    known = exists().where(_SOURCES.c.id == _CITATIONS.c.source_id)
    query = select(_CITATIONS.c.id, _CITATIONS.c.source_id).where(~known)
    return [
        Finding(
            "missing source",
            f"citation {citation_id} refers to source {source_id}, which does not exist",
        )
        for citation_id, source_id in connection.execute(query)
    ]


def _search_index_mismatches(connection: Connection) -> list[Finding]:
    return [Finding("search", message) for message in search_index.mismatches(connection)]


def _derived_mismatches(connection: Connection) -> list[Finding]:
    return [Finding("derived", message) for message in derived.mismatches(connection)]


# The data checks, in the order their findings are reported. Each takes a
# connection inside run_checks' read transaction and returns its findings.
DATA_CHECKS: list[Check] = [
    check_chain,
    unreadable_rows,
    _uncited_claims,
    _missing_sources,
    dates_out_of_order,
    replay_history,
    _search_index_mismatches,
    _derived_mismatches,
]


def repair_search_index(store: Store) -> None:
    """Build the search index, and the columns derived from other rows, again
    from the tables, in one write transaction (``check --repair``): they hold
    nothing else, so nothing is lost."""
    with store.writing("repairing the search index") as session:
        derived.refresh_all(session.connection())
        search_index.rebuild(session.connection())

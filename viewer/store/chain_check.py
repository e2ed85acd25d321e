"""The revision log's hash chain, verified: its first broken entry, the
entries whose values cannot be read, and whether a head noted earlier
(``check --chain-head ID:HASH``) is still held unchanged."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select

from viewer.store import chain
from viewer.store.findings import UNREADABLE_TOPIC, Finding, read_findings
from viewer.store.schema import RevisionRow
from viewer.store.store import Store

CHAIN_TOPIC = "history chain"
# A head noted earlier (``check --chain-head ID:HASH``) the log does not hold.
NOTED_HEAD_TOPIC = "noted head"

_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]


def verify_chain(store: Store, noted_head: tuple[int, str] | None = None) -> list[Finding]:
    """The revision log's hash chain verified in one pass: its first broken
    entry, and the entries whose values cannot be read (``run_checks`` does
    the same among its checks). With ``noted`` (a head a user wrote down),
    also whether the log still holds that entry unchanged."""
    noted = None if noted_head is None else chain.Tip(*noted_head)
    return read_findings(store, lambda connection: chain_findings(connection, noted))


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The revision log's last entry and its length: noted down, it lets a user
    later show that the history up to it was not rewritten."""

    id: int
    hash: str
    count: int

    def __str__(self) -> str:
        return f"{self.id}:{self.hash} ({entries(self.count)} in the log)"


def entries(count: int) -> str:
    """``1 entry``, ``2 entries``: a number of the revision log's entries."""
    return "1 entry" if count == 1 else f"{count:,} entries"


def chain_head(store: Store) -> ChainHead:
    """The head of the revision log's chain as stored (:func:`verify_chain` says
    whether the chain leading to it holds)."""
    with store.engine.connect() as connection:
        head = chain.tip(connection)
        count = connection.execute(select(func.count()).select_from(_REVISIONS)).scalar()
    return ChainHead(head.id, head.hash, int(count or 0))


def check_chain(connection: Connection) -> list[Finding]:
    """The chain's check among ``run_checks``' data checks (no noted head)."""
    return chain_findings(connection, None)


def chain_findings(connection: Connection, noted: chain.Tip | None) -> list[Finding]:
    walked = chain.walk(connection, noted)
    findings = [
        Finding(UNREADABLE_TOPIC, f"revisions row {row_id}: {problem}")
        for row_id, problem in walked.unreadable
    ]
    if walked.unreadable_count > len(walked.unreadable):
        more = walked.unreadable_count - len(walked.unreadable)
        findings.append(Finding(UNREADABLE_TOPIC, f"revisions: … and {more:,} more"))
    broken = walked.first_break
    if broken is not None:
        findings.append(
            Finding(
                CHAIN_TOPIC,
                f"the first broken entry of the revision log is {broken.entry.describe()}: "
                f"{broken.problem}. The history from there on cannot be vouched for.",
            )
        )
    if noted is not None and walked.noted_hash != noted.hash:
        findings.append(Finding(NOTED_HEAD_TOPIC, _noted_head_problem(walked, noted)))
    return findings


def _noted_head_problem(walked: chain.Walk, noted: chain.Tip) -> str:
    """What the log says of a head noted earlier that it does not hold: only
    what is known (a mistyped head looks the same as a changed log)."""
    if walked.noted_hash is not None:
        return (
            f"entry {noted.id} has the hash {walked.noted_hash}, not the noted "
            f"{noted.hash}: either the history up to entry {noted.id} was rewritten since "
            "the head was noted, or the head was noted from another database or mistyped"
        )
    if walked.count == 0:
        return (
            f"the log has no entry {noted.id}: it is empty. Either it was emptied since "
            "the head was noted, or the head was noted from another database or mistyped"
        )
    has = f"it has {entries(walked.count)}, the last entry {walked.head.id}"
    if noted.id > walked.head.id:
        why = "either the log was cut short since the head was noted"
    else:
        why = f"either entry {noted.id} was deleted from the log"
    return (
        f"the log has no entry {noted.id} ({has}): {why}, or the head was noted from "
        "another database or mistyped"
    )

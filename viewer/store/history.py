"""The revision log read back: a record as it was, and reverting to it.

The log is append-only; reverting writes a new change (logged like any other)
that makes the record what it was just after the chosen revision.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.merge import UnreadableFields, rebuild
from viewer.domain.records import RECORD_TYPES, Record, Revision
from viewer.store.errors import RecordNotFound
from viewer.store.store import Store

Fields = dict[str, Any]


def replay(revisions: Iterable[Revision]) -> tuple[dict[tuple[RecordKind, str], Fields], list[str]]:
    """The fields of every record the log leaves in place, and what did not add up."""
    state: dict[tuple[RecordKind, str], Fields] = {}
    gaps: list[str] = []
    for revision in revisions:
        at = (revision.record_kind, revision.record_key)
        if revision.action is RevisionAction.CREATE:
            state[at] = {name: new for name, (_, new) in revision.changes.items()}
        elif at not in state:
            gaps.append(
                f"revision {revision.id} changes {revision.record_kind.label} "
                f"{revision.record_key!r}, which the log never created"
            )
        elif revision.action is RevisionAction.UPDATE:
            state[at].update({name: new for name, (_, new) in revision.changes.items()})
        else:
            del state[at]
    return state, gaps


def record_at(store: Store, kind: RecordKind, key: str, revision_id: int) -> Record | None:
    """The record just after revision ``revision_id``; None if it was deleted then."""
    revisions = [r for r in store.revisions(kind, key) if r.id <= revision_id]
    if not revisions or revisions[-1].id != revision_id:
        raise RecordNotFound(f"revision {revision_id} is not a change of {kind.label} {key!r}")
    fields = replay(revisions)[0].get((kind, key))
    if fields is None:
        return None
    try:
        return rebuild(RECORD_TYPES[kind], key, fields, version=0)
    except UnreadableFields as error:  # the log holds what was valid when it was written
        raise RecordNotFound(
            f"revision {revision_id} cannot be read back: {error.problems[0]}"
        ) from None


def revert(store: Store, kind: RecordKind, key: str, revision_id: int) -> Record | None:
    """Make the record what it was after ``revision_id``, as a new, logged change.

    Returns the record as now saved, or None when reverting deleted it.
    """
    wanted = record_at(store, kind, key, revision_id)
    current = store.get(kind, key)
    if wanted is None:
        if current is not None:
            store.delete(kind, key, expected_version=current.version)
        return None
    if current is None:
        return store.add(wanted)
    return store.update(dataclasses.replace(wanted, version=current.version))

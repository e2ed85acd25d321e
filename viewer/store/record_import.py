"""An import of records another reader made (CSL-JSON, BibTeX, RIS), checked
and matched as the JSON exchange file's are (:mod:`viewer.store.exchange`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from viewer.domain.enums import RecordKind
from viewer.domain.names import cleaned
from viewer.domain.quoting import quoted
from viewer.domain.records import Record
from viewer.domain.serial import Problem, join_path
from viewer.domain.validation import validate
from viewer.store.bulk import existing_ids, references
from viewer.store.exchange import ImportPlan
from viewer.store.exchange_merge import plan_merge
from viewer.store.store import WRITE_ORDER, Store


def plan_records(
    records: Mapping[RecordKind, Sequence[Record]],
    store: Store,
    *,
    not_given: Collection[str] = (),
) -> ImportPlan:
    """The plan of an import of ``records`` that another reader made (CSL-JSON,
    BibTeX, RIS): each cleaned and checked on its own and against the keys
    of the others and the database (problems at ``sources[3].title``), then
    matched (:func:`viewer.store.exchange_merge.plan_merge`, ``not_given``
    as there). The command line and the window's preview take it as they
    take :func:`plan_import`'s."""
    plan = ImportPlan(
        records={kind: [cleaned(r) for r in records.get(kind, ())] for kind in WRITE_ORDER}
    )
    seen: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
    for kind, group in plan.records.items():
        for index, record in enumerate(group):
            path = join_path(kind.section, index)
            plan.problems += [Problem(join_path(path, p.path), p.message) for p in validate(record)]
            if record.key in seen[kind]:
                plan.problems.append(
                    Problem(join_path(path, "key"), f"{quoted(record.key)} is given twice")
                )
            seen[kind].add(record.key)
    mentioned = {kind: set(keys) for kind, keys in seen.items()}
    for group in plan.records.values():
        for record in group:
            for _, kind, key in references(record):
                mentioned[kind].add(key)
    with store.engine.connect() as connection:
        existing = existing_ids(connection, mentioned)
    for kind, group in plan.records.items():
        for index, record in enumerate(group):
            for ref_path, ref_kind, key in references(record):
                if key not in seen[ref_kind] and key not in existing[ref_kind]:
                    plan.problems.append(
                        Problem(
                            join_path(join_path(kind.section, index), ref_path),
                            f"no {ref_kind.label} has the key {quoted(key)}",
                        )
                    )
    if not plan.problems:
        plan.entries = plan_merge(plan.records, store, not_given=not_given)
        plan.choices = [entry.default for entry in plan.entries]
    return plan

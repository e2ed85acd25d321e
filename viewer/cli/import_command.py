"""``accords-viewer import PATH [--format F] [--on-conflict fail|skip|update] [--dry-run]``.

The file is the app's exchange file, or sources as CSL-JSON, BibTeX or RIS
(:mod:`viewer.store.import_file`).

A record of the file that the database already has is merged, never
duplicated: identical ones are left as they are, and one whose fields differ
is a conflict. ``--on-conflict fail`` (the default, so that a script never
overwrites by surprise) names each conflict and imports nothing; ``skip``
leaves the database's records as they are; ``update`` writes the file's.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from viewer.cli.output import EXIT_OK, counted, fail, many, progress_line
from viewer.domain.import_merge import Choice, MergeEntry, Standing
from viewer.domain.quoting import printable, quoted
from viewer.store import api

if TYPE_CHECKING:
    from viewer.store.api import ImportPlan, Store

ON_CONFLICT = ("fail", "skip", "update")


def run_import(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    plan = api.plan_file(
        arguments.path,
        store,
        getattr(arguments, "format", None),
        progress=progress_line(err, "Checking"),
    )
    if len(plan.problems) == 1 and not plan.problems[0].path:  # the file itself
        return fail(str(plan.problems[0]), err)
    if plan.problems:
        for problem in plan.problems:
            print(printable(str(problem)), file=err)
        return fail(
            f"{counted(len(plan.problems), 'problem')} in {arguments.path}; nothing was imported",
            err,
        )
    on_conflict: str = getattr(arguments, "on_conflict", "fail")
    conflicts = plan.conflicts()
    if conflicts and on_conflict == "fail":
        for entry in conflicts:
            print(printable(conflict_line(entry)), file=err)
        return fail(
            f"{counted(len(conflicts), 'record')} in {arguments.path} "
            f"{'differs' if len(conflicts) == 1 else 'differ'} from the database; nothing was "
            "imported. Use --on-conflict skip to keep the database's records, or "
            "--on-conflict update to take the file's",
            err,
        )
    if on_conflict == "skip":
        plan.choose_for_changed(Choice.SKIP)
    if arguments.dry_run:
        print(f"{printable(str(arguments.path))} is fine: {would(plan)}", file=out)
        return EXIT_OK
    try:
        outcome = api.merge_import(plan, store, progress=progress_line(err, "Importing"))
    except api.InvalidRecord as refused:  # the database changed since the file was checked
        for problem in refused.problems:
            print(printable(str(problem)), file=err)
        return fail(f"{arguments.path} no longer fits the database; nothing was imported", err)
    except api.StoreError as error:
        return fail(f"{error}; nothing was imported", err)
    if all(entry.standing is Standing.NEW for entry in plan.entries):
        print(f"Imported {added(plan)} from {printable(str(arguments.path))}", file=out)
    else:
        print(printable(outcome.summary()), file=out)
    return EXIT_OK


def conflict_line(entry: MergeEntry) -> str:
    """ "source 'carnahan-2025' differs from the database: title: 'Old' -> 'New'"."""
    assert entry.existing is not None
    how = (
        ""
        if entry.matched_by == "key"
        else f" (same {entry.matched_by} as {quoted(entry.existing.key)})"
    )
    return (
        f"{entry.kind.label} {quoted(entry.record.key)}{how} differs from the database: "
        f"{entry.changes_text}"
    )


def added(plan: ImportPlan) -> str:
    return ", ".join(many(count, kind.section) for kind, count in api.records_in(plan)) or "nothing"


def would(plan: ImportPlan) -> str:
    """What an import of ``plan`` would do, in words."""
    if all(entry.standing is Standing.NEW for entry in plan.entries):
        return f"an import would add {added(plan)}"
    adds = sum(choice in (Choice.ADD, Choice.ADD_AS_NEW) for choice in plan.choices)
    updates = sum(choice is Choice.UPDATE for choice in plan.choices)
    counts = plan.counts()
    skipped = counts[Standing.CHANGED] - updates
    text = (
        f"an import would add {adds:,}, update {updates:,}, leave "
        f"{counts[Standing.UNCHANGED]:,} unchanged"
    )
    return text + (f" and skip {skipped:,} that differ" if skipped else "")

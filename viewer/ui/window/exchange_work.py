"""Import and export as work for a :class:`LongTask`: plain functions of the
store's API, run on the task's thread (they touch no widget)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from viewer.domain.enums import RecordKind
from viewer.domain.import_merge import Standing
from viewer.store.api import (
    ImportPlan,
    InvalidRecord,
    MergeOutcome,
    StaleRecord,
    Store,
    TimelineExport,
    export_csv,
    export_json,
    export_references,
    export_timelinejs,
    merge_import,
    plan_file,
)
from viewer.ui.window.file_chooser import ExportFormat
from viewer.ui.window.long_task import Progress, Work


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: the records it wrote (``merged`` says which), or
    the problems that stopped it (then it wrote nothing), or, for a file
    whose records the database has some of, the ``plan`` the user is to
    decide on before anything is written."""

    added: int = 0
    problems: tuple[str, ...] = ()
    plan: ImportPlan | None = None
    merged: MergeOutcome | None = None


def import_work(store: Store, path: Path) -> Work:
    """Read and check ``path`` (an exchange file, or sources as CSL-JSON,
    BibTeX or RIS, as its name says), and match its records against
    the database. If it only holds new records, add them: all in one
    transaction, or none (a cancel during the writing rolls it back);
    otherwise return the plan for the preview (:func:`merge_work` writes it)."""

    def work(progress: Progress) -> ImportOutcome:
        plan = plan_file(path, store, None, lambda done, total: progress("Checking", done, total))
        if plan.problems:
            return ImportOutcome(problems=tuple(str(problem) for problem in plan.problems))
        if any(entry.standing is not Standing.NEW for entry in plan.entries):
            return ImportOutcome(plan=plan)
        return _write(store, plan, progress)

    return work


def merge_work(store: Store, plan: ImportPlan) -> Work:
    """Import ``plan`` as its choices say, in one transaction."""
    return lambda progress: _write(store, plan, progress)


def _write(store: Store, plan: ImportPlan, progress: Progress) -> ImportOutcome:
    try:
        merged = merge_import(plan, store, lambda done, total: progress("Importing", done, total))
    except InvalidRecord as refused:  # the database changed since the file was checked
        return ImportOutcome(problems=tuple(str(problem) for problem in refused.problems))
    except StaleRecord as stale:  # a record matched was changed since the preview
        return ImportOutcome(problems=(str(stale),))
    return ImportOutcome(len(merged.added) + len(merged.updated), merged=merged)


def export_work(
    store: Store,
    path: Path,
    kind: ExportFormat,
    behind: Sequence[tuple[RecordKind, str]] = (),
    accord: str | None = None,
) -> Work:
    """Write the whole database to ``path`` (a JSON file, or a folder of CSV
    files), or its sources in a reference manager's format (all, or those
    ``behind`` the given records); returns how many records were written. A
    cancel leaves no file. As a TimelineJS CSV, the events of ``accord``
    (default: the busiest one) are written instead; returns the
    :class:`TimelineExport`."""

    def work(progress: Progress) -> int | TimelineExport:
        if kind == "timelinejs":
            return export_timelinejs(store, path, accord)
        written = [0]

        def report(done: int, total: int) -> None:
            written[0] = done
            progress("Exporting", done, total)

        if kind in ("csl-json", "bibtex", "ris"):
            return export_references(store, path, kind, behind, report)
        if kind == "csv":
            export_csv(store, path, report)
        else:
            export_json(store, path, report)
        return written[0]

    return work

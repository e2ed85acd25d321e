"""Merge on import: each record of a file against the database, and the
import of what the user chose.

The planning takes records, not a file, so that any reader can feed it: the
JSON exchange file (:func:`viewer.store.exchange.plan_import`), and readers of
CSL-JSON, BibTeX or RIS that return :class:`Source` records. Through the
store's API (checked, and as the command line and the window's preview take
it)::

    plan = api.plan_records({RecordKind.SOURCE: sources}, store,
                            not_given={"notes", "archived_text"})
    # plan.problems; plan.entries (new / unchanged / changed, field by field);
    # plan.choices, the defaults, changed by the preview or --on-conflict
    outcome = api.merge_import(plan, store)   # outcome.summary()

or, for records already checked, here::

    entries = plan_merge({RecordKind.SOURCE: sources}, store)
    outcome = apply_merge(entries, [entry.default for entry in entries], store)

A record matches one in the database of its kind under the same key; a
source (under a key the database does not have) also matches one with the
same URL, the same DOI, or the same title and issued date, each compared as
:mod:`viewer.domain.matching` says (Find Duplicates compares them alike).
Each record of the database is matched once at most. A source matched
under another key lends that key to the file's citations of it, unless it
is added as new.

Linear in the file: the database is asked, a bounded number of keys a query,
about the keys the file names; sources under unknown keys are looked up in
one pass over the sources' URL, DOI, title and date columns.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from viewer.domain.enums import RecordKind
from viewer.domain.import_merge import (
    Choice,
    FieldChange,
    MergeEntry,
    Standing,
    field_changes,
    rekeyed,
)
from viewer.domain.limits import KEY
from viewer.domain.matching import fold_title as title_form
from viewer.domain.matching import normalise_doi as doi_form
from viewer.domain.matching import normalise_url as url_form
from viewer.domain.records import Record, Source
from viewer.store.bulk import KEYS_PER_QUERY, existing_ids, without_cycle_collection
from viewer.store.mapping import ROW_TYPES, select_rows, to_record
from viewer.store.schema import SourceRow
from viewer.store.store import WRITE_ORDER, Store

Progress = Callable[[int, int], None]
KeyMap = dict[RecordKind, dict[str, str]]


@dataclass
class MergeOutcome:
    """What a merge import did: the records added and updated (each update as
    (before, after), as stored), and how many were left as they were."""

    added: list[Record] = field(default_factory=list)
    updated: list[tuple[Record, Record]] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated)

    def summary(self) -> str:
        """ "Added 0, updated 0, unchanged 32: nothing changed." or "Added 2,
        updated 1 (source 'carnahan-2025': title)."."""
        parts = [f"Added {len(self.added):,}", f"updated {len(self.updated):,}"]
        if self.updated:
            shown = "; ".join(_update_words(before, after) for before, after in self.updated[:5])
            more = f"; and {len(self.updated) - 5:,} more" if len(self.updated) > 5 else ""
            parts[-1] += f" ({shown}{more})"
        if self.unchanged:
            parts.append(f"unchanged {self.unchanged:,}")
        if self.skipped:
            parts.append(f"skipped {self.skipped:,}")
        end = "" if self.changed_anything else ": nothing changed"
        return ", ".join(parts) + end + "."


def _update_words(before: Record, after: Record) -> str:
    names = ", ".join(change.field for change in field_changes(before, after))
    return f"{before.kind.label} {before.key}: {names}"


def plan_merge(
    records: Mapping[RecordKind, Sequence[Record]],
    store: Store,
    *,
    not_given: Collection[str] = (),
) -> list[MergeEntry]:
    """How each of ``records`` (checked, with keys unique per kind) stands
    against the database: new, unchanged or changed (field by field), in
    the order of :data:`WRITE_ORDER`, each kind in the order given.

    A record's references are compared as the import would write them: a
    source matched under another key is cited by the database's key.

    A format that carries only some of a record's fields names the others in
    ``not_given`` (a BibTeX reader: ``{"notes", "archived_text"}``): where
    such a field is empty in a matched record, the database's value is
    kept, so that an update never blanks what the file could not say.
    """
    with without_cycle_collection(), store.reading() as session:
        return _plan(records, session, frozenset(not_given))


def _plan(
    records: Mapping[RecordKind, Sequence[Record]], session: Session, not_given: frozenset[str]
) -> list[MergeEntry]:
    matched: dict[tuple[RecordKind, str], tuple[Record, str]] = {}
    for kind in WRITE_ORDER:
        wanted = {record.key for record in records.get(kind, ())}
        for found in _records_with_keys(session, kind, wanted):
            matched[(kind, found.key)] = (found, "key")
    sources = records.get(RecordKind.SOURCE, ())
    unknown = [s for s in sources if (RecordKind.SOURCE, s.key) not in matched]
    if unknown:
        taken = {key for kind, key in matched if kind is RecordKind.SOURCE}
        matched.update(_sources_alike(session, unknown, taken))
    keys: KeyMap = {kind: {} for kind in RecordKind}
    for (kind, key), (found, _) in matched.items():
        keys[kind][key] = found.key
    fresh = _fresh_keys(session, records, matched)
    entries = []
    for kind in WRITE_ORDER:
        for record in records.get(kind, ()):
            match = matched.get((kind, record.key))
            if match is None:
                entries.append(MergeEntry(record, Standing.NEW))
                continue
            existing, how = match
            record = _given(record, existing, not_given)
            written = dataclasses.replace(
                rekeyed(record, keys), key=existing.key, version=existing.version
            )
            changes: tuple[FieldChange, ...] = field_changes(existing, written)
            standing = Standing.CHANGED if changes else Standing.UNCHANGED
            entries.append(
                MergeEntry(record, standing, existing, changes, how, fresh[(kind, record.key)])
            )
    return entries


def _given(record: Record, existing: Record, not_given: frozenset[str]) -> Record:
    """``record`` with the ``not_given`` fields it leaves empty taken from ``existing``."""
    kept = {
        name: getattr(existing, name)
        for name in not_given
        if hasattr(record, name) and getattr(record, name) in ("", None, ())
    }
    return dataclasses.replace(record, **kept) if kept else record


def _records_with_keys(session: Session, kind: RecordKind, keys: Iterable[str]) -> list[Record]:
    row_type = ROW_TYPES[kind]
    found: list[Record] = []
    ordered = sorted(keys)
    for start in range(0, len(ordered), KEYS_PER_QUERY):
        chunk = ordered[start : start + KEYS_PER_QUERY]
        query = select_rows(kind).where(row_type.key.in_(chunk))
        found += [to_record(row) for row in session.scalars(query)]
    return found


def _sources_alike(
    session: Session, sources: Sequence[Record], taken: set[str]
) -> dict[tuple[RecordKind, str], tuple[Record, str]]:
    """The database's source each of ``sources`` is the same work as (by URL,
    then DOI, then title and date), none of ``taken`` and none twice."""
    by_url: dict[str, str] = {}
    by_doi: dict[str, str] = {}
    by_title: dict[tuple[str, str], str] = {}
    columns = (
        SourceRow.key,
        SourceRow.url,
        SourceRow.title,
        SourceRow.published_edtf,
        SourceRow.doi,
    )
    for row in session.execute(select(*columns).order_by(SourceRow.id)):
        stored, url, title, issued, doi = str(row[0]), row[1], row[2], row[3], row[4]
        if stored in taken:
            continue
        if url:
            by_url.setdefault(url_form(url), stored)
        if doi:
            by_doi.setdefault(doi_form(doi), stored)
        if title and issued:
            by_title.setdefault((title_form(title), issued), stored)
    chosen: dict[str, tuple[str, str]] = {}  # file key -> database key, how
    claimed: set[str] = set()
    for source in sources:
        assert isinstance(source, Source)
        issued = source.published.edtf if source.published else ""
        candidates = (
            ("URL", by_url.get(url_form(source.url)) if source.url else None),
            ("DOI", by_doi.get(doi_form(source.doi)) if source.doi else None),
            ("title and date", by_title.get((title_form(source.title), issued))),
        )
        for how, alike in candidates:
            if alike is not None and alike not in claimed:
                chosen[source.key] = (alike, how)
                claimed.add(alike)
                break
    found = {
        record.key: record for record in _records_with_keys(session, RecordKind.SOURCE, claimed)
    }
    return {
        (RecordKind.SOURCE, file_key): (found[key], how)
        for file_key, (key, how) in chosen.items()
        if key in found
    }


def _fresh_keys(
    session: Session,
    records: Mapping[RecordKind, Sequence[Record]],
    matched: Mapping[tuple[RecordKind, str], tuple[Record, str]],
) -> dict[tuple[RecordKind, str], str]:
    """An unused key for each matched record, should it be added as new: its
    own (when the database has another), else ``key-2``, ``key-3``..."""
    used: dict[RecordKind, set[str]] = {
        kind: {record.key for record in records.get(kind, ())}
        | {found.key for (other, _), (found, _) in matched.items() if other is kind}
        for kind in RecordKind
    }
    fresh: dict[tuple[RecordKind, str], str] = {}
    waiting = {
        (kind, key): ([key] if found.key != key else [])
        for (kind, key), (found, _) in matched.items()
    }
    number = 2
    while waiting:
        for (_, key), tries in waiting.items():
            tries.extend(_numbered(key, n) for n in range(number, number + 8))
        asked: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
        for (kind, _), tries in waiting.items():
            asked[kind].update(tries)
        in_database = existing_ids_in(session, asked)
        for (kind, key), tries in list(waiting.items()):
            for candidate in tries:
                if candidate not in in_database[kind] and (
                    candidate == key or candidate not in used[kind]
                ):
                    fresh[(kind, key)] = candidate
                    used[kind].add(candidate)
                    del waiting[(kind, key)]
                    break
            else:
                tries.clear()
        number += 8
    return fresh


def existing_ids_in(
    session: Session, keys: dict[RecordKind, set[str]]
) -> dict[RecordKind, set[str]]:
    found = existing_ids(session.connection(), keys)
    return {kind: set(ids) for kind, ids in found.items()}


def _numbered(key: str, number: int) -> str:
    suffix = f"-{number}"
    return key[: KEY - len(suffix)].rstrip("-") + suffix


def apply_merge(
    entries: Sequence[MergeEntry],
    choices: Sequence[Choice],
    store: Store,
    progress: Progress | None = None,
) -> MergeOutcome:
    """Import ``entries`` as ``choices`` (one for each; one an entry does not
    offer counts as its default) in one transaction: all or nothing.

    New records and those added as new are written in bulk; updates are
    logged as "update" revisions of the fields they change. A record matched
    in the database that someone changed since it was planned refuses the
    whole import (:class:`~viewer.store.errors.StaleRecord`, naming it).
    """
    chosen = [
        choice if choice in entry.choices else entry.default
        for entry, choice in zip(entries, choices, strict=True)
    ]
    keys: KeyMap = {kind: {} for kind in RecordKind}
    for entry, choice in zip(entries, chosen, strict=True):
        if entry.existing is not None:
            target = entry.fresh_key if choice is Choice.ADD_AS_NEW else entry.existing.key
            keys[entry.kind][entry.record.key] = target
    outcome = MergeOutcome()
    adds: dict[RecordKind, list[Record]] = {kind: [] for kind in RecordKind}
    updates: list[Record] = []
    befores: list[Record] = []
    for entry, choice in zip(entries, chosen, strict=True):
        if choice is Choice.SKIP:
            if entry.standing is Standing.UNCHANGED:
                outcome.unchanged += 1
            else:
                outcome.skipped += 1
            continue
        written = rekeyed(entry.record, keys)
        if choice is Choice.UPDATE and entry.existing is not None:
            updates.append(
                dataclasses.replace(written, key=entry.existing.key, version=entry.existing.version)
            )
            befores.append(entry.existing)
            continue
        key = entry.fresh_key if choice is Choice.ADD_AS_NEW else entry.record.key
        adds[entry.kind].append(dataclasses.replace(written, key=key, version=1))
    after = store.merge_all(adds, updates, progress=progress)
    outcome.added = [record for kind in WRITE_ORDER for record in adds[kind]]
    outcome.updated = list(zip(befores, after, strict=True))
    return outcome

"""Sources out as the files reference managers read: CSL-JSON, BibTeX and RIS.

All sources, or those behind given records, in key order, read a page at a
time. CSL-JSON is written from :func:`csl_item`; BibTeX by bibtexparser's
writer from its library model; RIS by rispy. Each file appears whole or not
at all (written under a temporary name, then renamed).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, TextIO

import rispy
from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library

from viewer.domain.csl import csl_item
from viewer.domain.enums import RecordKind
from viewer.domain.quoting import quoted
from viewer.domain.records import Source
from viewer.domain.reference_formats import bibtex_entry, ris_entry
from viewer.domain.serial import from_json
from viewer.store.details import load_detail
from viewer.store.errors import RecordNotFound
from viewer.store.store import Store
from viewer.store.streams import exchange_forms

ReferenceFormat = Literal["csl-json", "bibtex", "ris"]
REFERENCE_FORMATS: tuple[ReferenceFormat, ...] = ("csl-json", "bibtex", "ris")
SUFFIXES: dict[ReferenceFormat, str] = {"csl-json": ".json", "bibtex": ".bib", "ris": ".ris"}
Progress = Callable[[int, int], None]
# How many BibTeX entries or RIS records are written at once: the libraries
# take whole lists, so the sources go to them in slices of this many.
_SLICE = 1000


def export_references(
    store: Store,
    path: Path,
    file_format: ReferenceFormat,
    behind: Sequence[tuple[RecordKind, str]] = (),
    progress: Progress | None = None,
) -> int:
    """Write the sources (all, or those ``behind`` the given records) to ``path``
    in ``file_format``; returns how many. ``progress`` is told (written, in all).

    Raises :class:`RecordNotFound` for a record in ``behind`` that is not there.
    """
    wanted = _sources_behind(store, behind) if behind else None
    total = len(wanted) if wanted is not None else store.count(RecordKind.SOURCE)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as out:
            written = _WRITERS[file_format](out, _counted(_sources(store, wanted), total, progress))
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return written


def _sources_behind(store: Store, records: Sequence[tuple[RecordKind, str]]) -> set[str]:
    """The keys of the sources the record's claims cite, as its citations pane
    shows them (a participant's status actions' too); a source, itself."""
    keys: set[str] = set()
    for kind, key in records:
        detail = load_detail(store, kind, key)
        if detail is None:
            raise RecordNotFound(f"there is no {kind.label} {quoted(key)}")
        if kind is RecordKind.SOURCE:
            keys.add(key)
        keys.update(detail.sources)
    return keys


def _sources(store: Store, wanted: set[str] | None) -> Iterator[Source]:
    with store.engine.connect() as connection:
        for page in exchange_forms(connection, RecordKind.SOURCE, by_key=True):
            for form in page:
                if wanted is not None and form["key"] not in wanted:
                    continue
                source = from_json(Source, form, form["key"], [])
                if source is not None:
                    yield source


def _counted(sources: Iterable[Source], total: int, progress: Progress | None) -> Iterator[Source]:
    for done, source in enumerate(sources, 1):
        yield source
        if progress is not None and (done % _SLICE == 0 or done == total):
            progress(done, total)


def _write_csl_json(out: TextIO, sources: Iterable[Source]) -> int:
    count = 0
    out.write("[")
    for source in sources:
        item = json.dumps(csl_item(source, source.key), indent=2, ensure_ascii=False)
        out.write(("\n  " if count == 0 else ",\n  ") + item.replace("\n", "\n  "))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _write_bibtex(out: TextIO, sources: Iterable[Source]) -> int:
    count = 0
    for chunk in _slices(sources):
        library = Library()
        for source in chunk:
            entry_type, fields = bibtex_entry(source)
            library.add(model.Entry(entry_type, source.key, [model.Field(k, v) for k, v in fields]))
        if count:
            out.write("\n")
        out.write(write_string(library))
        count += len(chunk)
    return count


def _write_ris(out: TextIO, sources: Iterable[Source]) -> int:
    count = 0
    for chunk in _slices(sources):
        if count:
            out.write("\n")
        out.write(rispy.dumps([ris_entry(source) for source in chunk], implementation=_RisWriter))
        count += len(chunk)
    return count


def _slices(sources: Iterable[Source]) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) == _SLICE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]  # rispy ships no types
    """rispy's writer without its "1." before each record: no reader needs it,
    and the numbers would start again with each slice."""

    def set_header(self, count: int) -> str:
        return ""


_WRITERS: dict[ReferenceFormat, Callable[[TextIO, Iterable[Source]], int]] = {
    "csl-json": _write_csl_json,
    "bibtex": _write_bibtex,
    "ris": _write_ris,
}

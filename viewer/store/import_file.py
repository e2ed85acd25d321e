"""An import of any file the app reads: its own exchange file (JSON), or a
reference manager's sources as CSL-JSON, BibTeX or RIS.

The format is the one asked for, or the file's: ``.bib``/``.bibtex`` is
BibTeX, ``.ris`` RIS, and a ``.json`` file is CSL-JSON when it holds a list
(``[``) and the app's exchange file when it holds an object (``{``), as
those two formats are. Whatever the format, the result is one
:class:`~viewer.store.exchange.ImportPlan`: checked whole (any problem
stops the whole import), matched against the database, and written with
:func:`~viewer.store.exchange_merge.merge_import` as one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from viewer.domain.enums import RecordKind
from viewer.store.exchange import ImportPlan, plan_import
from viewer.store.exchange_reading import read_file
from viewer.store.record_import import plan_records
from viewer.store.reference_import import NOT_CARRIED, read_references, reference_format_of
from viewer.store.store import Store

ImportFormat = Literal["json", "csl-json", "bibtex", "ris"]
IMPORT_FORMATS: tuple[ImportFormat, ...] = get_args(ImportFormat)
Progress = Callable[[int, int], None]
# How far into a .json file to look for its first character.
_SNIFF_BYTES = 4096


def import_format_of(path: Path) -> ImportFormat:
    """The format of ``path`` by its name and, for ``.json``, its first
    character; the app's own exchange file when nothing says otherwise."""
    named = reference_format_of(path)
    if named is None:
        return "json"
    if named != "csl-json" or path.suffix.lower() != ".json":
        return named
    try:
        with path.open("rb") as stream:
            start = stream.read(_SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return "json"  # the exchange reader says what is wrong with the file
    return "csl-json" if start[:1] == b"[" else "json"


def plan_file(
    path: Path,
    store: Store,
    file_format: ImportFormat | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """The plan of importing ``path`` (read as ``file_format``, or as
    :func:`import_format_of` says): what cannot be read is among its
    problems, each naming the item and the field."""
    chosen = file_format or import_format_of(path)
    if chosen == "json":
        data, unreadable = read_file(path)
        if unreadable:
            return ImportPlan(problems=list(unreadable))
        return plan_import(data, store, progress)
    sources, problems = read_references(path, chosen)
    if problems:
        return ImportPlan(problems=list(problems))
    if progress is not None:
        progress(len(sources), len(sources))
    # None of the three formats holds a source's notes or archived text: a
    # matched source keeps the database's.
    return plan_records({RecordKind.SOURCE: sources}, store, not_given=NOT_CARRIED)

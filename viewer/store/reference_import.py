"""Sources in from the files reference managers write: CSL-JSON, BibTeX and RIS.

:func:`read_references` reads a file (or its text) with the field's own
parsers — json and the CSL-JSON schema, bibtexparser, rispy — and gives the
sources it holds, each with a key, and a problem for each item it left out.
Nothing is written here: the import plans and applies the sources as it
does any records (the formats carry no notes nor archived text, see
:data:`NOT_CARRIED`, so a matched source keeps the database's).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from viewer.domain.quoting import printable
from viewer.domain.records import Source
from viewer.domain.reference_items import ReadItem, finish
from viewer.domain.reference_reading import (
    BIBTEX_FIELDS,
    CSL_FIELDS,
    NOT_CARRIED,
    RIS_FIELDS,
)
from viewer.domain.serial import Problem
from viewer.store.bibtex_reading import read_bibtex
from viewer.store.csl_json_reading import read_csl_json
from viewer.store.reference_export import SUFFIXES, ReferenceFormat
from viewer.store.ris_reading import read_ris

__all__ = ["MAX_FILE_BYTES", "NOT_CARRIED", "read_references", "reference_format_of"]

# The largest file read: about 400,000 sources in any of the three formats.
MAX_FILE_BYTES = 200 * 1024 * 1024
_FIELD_NAMES = {"csl-json": CSL_FIELDS, "bibtex": BIBTEX_FIELDS, "ris": RIS_FIELDS}
_NAMES = {"csl-json": "CSL-JSON", "bibtex": "BibTeX", "ris": "RIS"}
_OTHER_SUFFIXES: dict[str, ReferenceFormat] = {".bibtex": "bibtex", ".csljson": "csl-json"}


def read_references(
    source: Path | str, file_format: ReferenceFormat
) -> tuple[list[Source], list[Problem]]:
    """The sources in ``source`` — a file's path, or the text itself — read
    as ``file_format``, in the file's order, and a problem for each item
    left out (naming it by position or key, and the field as the file names
    it) or for the whole file when none of it can be read (no such file,
    not UTF-8, not JSON...). The sources returned are valid and their keys
    unique: the file's own key where it is a valid key, else one made from
    the first author, year and title.
    """
    if isinstance(source, Path):
        text, problem = _text_of(source, file_format)
        if problem is not None:
            return [], [problem]
    else:
        text = source
    items: list[ReadItem]
    if file_format == "csl-json":
        items, problems = read_csl_json(text)
        if problems:
            return [], problems
    else:
        reader: Callable[[str], list[ReadItem]] = (
            read_bibtex if file_format == "bibtex" else read_ris
        )
        items = reader(text)
    return finish(items, _FIELD_NAMES[file_format])


def reference_format_of(path: Path) -> ReferenceFormat | None:
    """The format a file's name says (".bib" BibTeX, ".ris" RIS, ".json"
    CSL-JSON — which the app's own exchange files also end in), or None."""
    suffix = path.suffix.lower()
    by_suffix = {written: name for name, written in SUFFIXES.items()}
    return by_suffix.get(suffix) or _OTHER_SUFFIXES.get(suffix)


def _text_of(path: Path, file_format: ReferenceFormat) -> tuple[str, Problem | None]:
    name = printable(str(path))
    kind = _NAMES[file_format]
    try:
        with path.open("rb") as stream:
            if os.fstat(stream.fileno()).st_size > MAX_FILE_BYTES:
                return "", _too_big(name)
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return "", Problem("", f"{name} does not exist")
    except IsADirectoryError:
        return "", Problem("", f"{name} is a folder, not a {kind} file")
    except OSError as error:
        return "", Problem("", f"cannot read {name}: {error.strerror or error}")
    if len(raw) > MAX_FILE_BYTES:
        return "", _too_big(name)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return "", Problem(
            "",
            f"{name} is not UTF-8 text (byte {error.start:,} cannot be read): save it as "
            f"UTF-8 from the program that wrote it; nothing was read",
        )


def _too_big(name: str) -> Problem:
    return Problem(
        "",
        f"{name} is over the limit of {MAX_FILE_BYTES // (1024 * 1024)} MB: "
        "split it and import it in parts; nothing was read",
    )

"""Sources from the items of CSL-JSON, BibTeX and RIS files: plain values in,
a :class:`Source` out (its key is chosen by the reader of the whole file).

The fields are read from where the export writes them
(:mod:`viewer.domain.reference_formats`, :func:`viewer.domain.csl.csl_item`)
and from where other tools write the same thing:

=============== ======================= ========================== ===============
source          CSL-JSON                BibTeX                     RIS
=============== ======================= ========================== ===============
kind            type (and genre)        entry type (and type)      TY
title           title                   title                      TI (T1)
authors         author                  author                     AU (A1)
container title container-title         journal, else howpublished T2, else JO/JF
publisher       publisher               publisher, else            PB
                                        institution/organization
published       issued                  date (EDTF), else          DA, else PY/Y1
                                        year + month (+ day)
DOI             DOI                     doi                        DO
URL             URL                     url                        UR (the first)
accessed        accessed                urldate                    Y2
=============== ======================= ========================== ===============

No format carries a source's notes or archived text (:data:`NOT_CARRIED`):
they are left empty, and the import keeps what the database has there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.records import Author, Source
from viewer.domain.reference_values import (
    bibtex_kind,
    clean,
    csl_author,
    csl_date,
    csl_kind,
    ris_date,
    ris_kind,
    year_month_date,
)
from viewer.domain.validation import with_scheme

# The fields of a source that none of the three formats carries.
NOT_CARRIED = frozenset({"notes", "archived_text"})

# Each format's name for a source's field, for messages that name it as the file does.
CSL_FIELDS: dict[str, str] = {
    "source_kind": "type",
    "title": "title",
    "authors": "author",
    "container_title": "container-title",
    "publisher": "publisher",
    "published": "issued",
    "doi": "DOI",
    "url": "URL",
    "accessed": "accessed",
}
BIBTEX_FIELDS: dict[str, str] = {
    "source_kind": "entry type",
    "title": "title",
    "authors": "author",
    "container_title": "journal",
    "publisher": "publisher",
    "published": "date",
    "doi": "doi",
    "url": "url",
    "accessed": "urldate",
}
RIS_FIELDS: dict[str, str] = {
    "source_kind": "TY",
    "title": "TI",
    "authors": "AU",
    "container_title": "T2",
    "publisher": "PB",
    "published": "DA",
    "doi": "DO",
    "url": "UR",
    "accessed": "Y2",
}


class UnreadableField(ValueError):
    """A field of an item that cannot be read; ``field`` is the file's name for it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def source_from_csl(item: Mapping[str, Any]) -> Source:
    """A source from one CSL-JSON item (already checked against the schema)."""
    return Source(
        key="",
        title=_text(item.get("title")),
        source_kind=csl_kind(str(item.get("type", "")), _text(item.get("genre"))),
        publisher=_text(item.get("publisher")),
        authors=tuple(csl_author(name) for name in item.get("author", ())),
        published=_date("issued", item.get("issued"), csl_date),
        url=_url(item.get("URL")),
        accessed=_date("accessed", item.get("accessed"), csl_date),
        container_title=_text(item.get("container-title")),
        doi=_text(item.get("DOI")),
    )


def source_from_bibtex(
    entry_type: str, fields: Mapping[str, str], authors: Sequence[Author]
) -> Source:
    """A source from one BibTeX entry: its type, its fields (TeX decoded, but
    ``url``, ``doi``, ``date`` and ``urldate`` as written) and its authors."""

    def first(*names: str) -> str:
        return next((clean(fields[name]) for name in names if clean(fields.get(name, ""))), "")

    if first("date"):
        published = _date("date", first("date"), FuzzyDate.parse)
    else:
        published = _date(
            "year", (first("year"), first("month"), first("day")), lambda v: year_month_date(*v)
        )
    return Source(
        key="",
        title=first("title"),
        source_kind=bibtex_kind(entry_type, first("type")),
        publisher=first("publisher", "institution", "organization"),
        authors=tuple(authors),
        published=published,
        url=_url(first("url")),
        accessed=_date("urldate", first("urldate"), FuzzyDate.parse),
        container_title=first("journal", "journaltitle", "howpublished"),
        doi=first("doi"),
    )


def source_from_ris(record: Mapping[str, Any]) -> Source:
    """A source from one RIS record as rispy reads it (its keys, not the tags)."""

    def first(*names: str) -> str:
        for name in names:
            value = record.get(name)
            if isinstance(value, list):
                value = next((part for part in value if clean(str(part))), "")
            if value is not None and clean(str(value)):
                return clean(str(value))
        return ""

    names = [*record.get("authors", ()), *record.get("first_authors", ())]
    authors = tuple(author for author in map(ris_author, names) if author is not None)
    date_tag = "DA" if first("date") else "PY"
    return Source(
        key="",
        title=first("title", "primary_title"),
        source_kind=ris_kind(first("type_of_reference")),
        publisher=first("publisher"),
        authors=authors,
        published=_date(date_tag, first("date", "year", "publication_year"), ris_date),
        url=_url(first("urls")),
        accessed=_date("Y2", first("access_date"), ris_date),
        container_title=first("secondary_title", "journal_name", "alternate_title3"),
        doi=first("doi"),
    )


def ris_author(name: str) -> Author | None:
    """A RIS name: "Family, Given" (and ", Suffix"), or a body's name whole
    (no comma). RIS has no way to mark a body's name that holds a comma."""
    text = clean(str(name))
    if not text:
        return None
    if "," not in text:
        return Author(literal=text)
    family, given = (clean(part) for part in text.split(",", 1))
    return Author(family=family, given=given) if family else Author(literal=given)


def _date(field: str, value: Any, read: Callable[[Any], FuzzyDate | None]) -> FuzzyDate | None:
    if value in (None, "", ("", "", "")):
        return None
    try:
        return read(value)
    except DateError as error:
        raise UnreadableField(field, str(error)) from None


def _text(value: Any) -> str:
    return clean(value) if isinstance(value, str) else ""


def _url(value: Any) -> str:
    """A web address as written ("www.example.org/x" given its https://)."""
    return with_scheme(_text(value))

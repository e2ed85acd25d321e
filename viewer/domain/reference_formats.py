"""Sources as the fields of a BibTeX entry and of a RIS record: plain values.

The fields are read from the source's CSL-JSON item (:func:`csl_item`), so
the three export formats split names and dates alike. Writing the files is
the libraries' work (bibtexparser and rispy, in the store); this module only
chooses the entry types and fills the fields.

Where each field goes (the import reads them back from the same places):

============== ======================================= ===================
source         BibTeX                                  RIS
============== ======================================= ===================
kind           see BIBTEX_TYPES (and type, for @misc)      TY (RIS_TYPES)
title          title                                   TI
authors        author ("Family, Given" and ...;        AU, one a line
               a body's name in braces)
container      journal (@article), else howpublished   T2; JO too for a
                                                       news article
publisher      institution (@techreport), else         PB
               publisher
published      year, month (when known), date (EDTF)   PY (year), DA (circa
                                                       as its "other" part)
DOI            doi                                     DO
URL            url                                     UR
accessed       urldate                                 Y2
============== ======================================= ===================

Classic BibTeX has no entry type for an official document, a treaty or a
web page that both BibTeX and biblatex read (biblatex's ``@legal`` is left
to styles, ``@online`` is biblatex's own), so they are ``@misc``, with the
site or collection in ``howpublished`` and the kind in ``type``
(:data:`BIBTEX_MISC_TYPES`), which biblatex prints and the import reads
back; RIS has its own (GOVDOC, LEGAL, ELEC). RIS has no mark for a date
that is not sure; its date's free "other" part says ``circa``, as CSL does.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from viewer.domain.csl import csl_item
from viewer.domain.dates import FuzzyDate, Precision
from viewer.domain.enums import SourceKind
from viewer.domain.records import Source

BIBTEX_TYPES: dict[SourceKind, str] = {
    SourceKind.NEWS_ARTICLE: "article",
    SourceKind.REPORT: "techreport",
    SourceKind.OFFICIAL_DOCUMENT: "misc",
    SourceKind.TREATY: "misc",
    SourceKind.WEB_PAGE: "misc",
    SourceKind.INTERVIEW: "misc",
    SourceKind.BROADCAST: "misc",
    SourceKind.OTHER: "misc",
}

# The kinds that share @misc, each named in the entry's ``type`` field
# (written in English whatever the app's language: it is the file's word).
BIBTEX_MISC_TYPES: dict[SourceKind, str] = {
    SourceKind.OFFICIAL_DOCUMENT: "official document",
    SourceKind.TREATY: "treaty",
    SourceKind.WEB_PAGE: "web page",
    SourceKind.INTERVIEW: "interview",
    SourceKind.BROADCAST: "broadcast",
}
# RIS's date: "YYYY/MM/DD/other"; this in "other" marks a date not sure.
RIS_CIRCA = "circa"

RIS_TYPES: dict[SourceKind, str] = {
    SourceKind.NEWS_ARTICLE: "NEWS",
    SourceKind.REPORT: "RPRT",
    SourceKind.OFFICIAL_DOCUMENT: "GOVDOC",
    SourceKind.TREATY: "LEGAL",
    SourceKind.WEB_PAGE: "ELEC",
    SourceKind.INTERVIEW: "PCOMM",
    SourceKind.BROADCAST: "BROAD",
    SourceKind.OTHER: "GEN",
}

# Characters TeX reads as commands: written so that they print as themselves.
_TEX_SPECIALS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


# TeX's ligatures: "--" and "---" print as dashes, `` and '' as curly quotes.
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')")


def tex_text(text: str) -> str:
    """``text`` as a BibTeX field value that TeX prints unchanged (non-ASCII
    kept as UTF-8): its specials escaped, its ligatures broken by ``{}``."""
    return _LIGATURE.sub("{}", text.translate(_TEX_SPECIALS))


def bibtex_entry(source: Source) -> tuple[str, list[tuple[str, str]]]:
    """The BibTeX entry type and the (field, value) pairs, values ready to write."""
    item = csl_item(source, source.key)
    fields: list[tuple[str, str]] = [("title", tex_text(item["title"]))]
    if source.source_kind in BIBTEX_MISC_TYPES:
        fields.append(("type", BIBTEX_MISC_TYPES[source.source_kind]))
    authors = [_bibtex_name(name) for name in item.get("author", [])]
    if authors:
        fields.append(("author", " and ".join(authors)))
    container = item.get("container-title")
    if container:
        entry_type = BIBTEX_TYPES[source.source_kind]
        fields.append(
            ("journal" if entry_type == "article" else "howpublished", tex_text(container))
        )
    publisher = item.get("publisher")
    if publisher:
        named = "institution" if source.source_kind is SourceKind.REPORT else "publisher"
        fields.append((named, tex_text(publisher)))
    fields.extend(_bibtex_date(source.published))
    if "DOI" in item:
        fields.append(("doi", _verbatim(item["DOI"])))
    if source.url.strip():
        fields.append(("url", _verbatim(source.url.strip())))
    accessed = _iso_known(source.accessed)
    if accessed:
        fields.append(("urldate", accessed))
    return BIBTEX_TYPES[source.source_kind], fields


def _verbatim(text: str) -> str:
    """A field biblatex reads verbatim (url, doi): only braces would end it early."""
    return text.replace("{", "%7B").replace("}", "%7D")


def _bibtex_name(name: dict[str, str]) -> str:
    if "literal" in name:  # a body's name, kept whole: braces stop BibTeX splitting it
        return "{" + tex_text(name["literal"]) + "}"
    return ", ".join(tex_text(name[part]) for part in ("family", "given") if part in name)


def _bibtex_date(date: FuzzyDate | None) -> list[tuple[str, str]]:
    if date is None or date.lower is None:
        return []
    fields = [("year", str(date.lower.year))]
    if date.precision in (Precision.DAY, Precision.MONTH):
        fields.append(("month", str(date.lower.month)))
    # biblatex reads EDTF (approximate "~", uncertain "?", intervals "/") in its date field.
    fields.append(("date", date.edtf))
    return fields


def ris_entry(source: Source) -> dict[str, Any]:
    """The RIS record as rispy's keys: TY, ID, TI, AU, T2/JO, PB, PY, DA, DO, UR, Y2."""
    item = csl_item(source, source.key)
    entry: dict[str, Any] = {
        "type_of_reference": RIS_TYPES[source.source_kind],
        "id": source.key,
        "title": item["title"],
    }
    authors = [_ris_name(name) for name in item.get("author", [])]
    if authors:
        entry["authors"] = authors
    container = item.get("container-title")
    if container:
        entry["secondary_title"] = container
        if source.source_kind is SourceKind.NEWS_ARTICLE:
            entry["journal_name"] = container
    publisher = item.get("publisher")
    if publisher:
        entry["publisher"] = publisher
    published = source.published
    if published is not None and published.lower is not None:
        entry["year"] = str(published.lower.year)
        entry["date"] = _ris_date(published, published.lower)
    if "DOI" in item:
        entry["doi"] = item["DOI"]
    if source.url.strip():
        entry["urls"] = [source.url.strip()]
    accessed = _iso_known(source.accessed)
    if accessed:
        entry["access_date"] = accessed
    return entry


def _ris_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return ", ".join(name[part] for part in ("family", "given") if part in name)


def _ris_date(date: FuzzyDate, lower: dt.date) -> str:
    """RIS's "YYYY/MM/DD/other", with only the known parts filled."""
    month = f"{lower.month:02d}" if date.precision in (Precision.DAY, Precision.MONTH) else ""
    day = f"{lower.day:02d}" if date.precision is Precision.DAY else ""
    other = RIS_CIRCA if date.approximate or date.uncertain else ""
    return f"{lower.year}/{month}/{day}/{other}"


def _iso_known(date: FuzzyDate | None) -> str:
    """The known part of a date as ISO text ("2020", "2020-09", "2020-09-15")."""
    if date is None or date.lower is None:
        return ""
    if date.precision is Precision.DAY:
        return date.lower.isoformat()
    if date.precision is Precision.MONTH:
        return f"{date.lower.year}-{date.lower.month:02d}"
    return str(date.lower.year)

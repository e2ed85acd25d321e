"""Values read from reference managers' files, as a source's fields.

What CSL-JSON, BibTeX and RIS write in their own ways — entry types, names,
partial dates — turned into :class:`SourceKind`, :class:`Author` and
:class:`FuzzyDate`, and a key made for an item whose own id cannot be one.
The types are the export's (:data:`CSL_TYPES`, :data:`BIBTEX_TYPES`,
:data:`RIS_TYPES`) read backwards, so that what the app writes comes back as
it was, plus the types other tools write, each taken as the nearest kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from viewer.domain.csl import CSL_GENRES, CSL_TYPES
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import SourceKind
from viewer.domain.records import Author
from viewer.domain.reference_formats import BIBTEX_MISC_TYPES, BIBTEX_TYPES, RIS_CIRCA, RIS_TYPES

_NEWS, _REPORT, _WEB = SourceKind.NEWS_ARTICLE, SourceKind.REPORT, SourceKind.WEB_PAGE
_OFFICIAL, _BROADCAST, _OTHER = SourceKind.OFFICIAL_DOCUMENT, SourceKind.BROADCAST, SourceKind.OTHER
# Types other tools write that the export does not, each as the nearest kind.
COMMON_CSL_TYPES: dict[str, SourceKind] = {
    "article": _NEWS,
    "article-journal": _NEWS,
    "article-magazine": _NEWS,
    "post": _WEB,
    "post-weblog": _WEB,
    "bill": _OFFICIAL,
    "hearing": _OFFICIAL,
    "legislation": _OFFICIAL,
    "regulation": _OFFICIAL,
    "legal_case": _OFFICIAL,
    "legal_document": _OFFICIAL,
    "personal_communication": SourceKind.INTERVIEW,
    "motion_picture": _BROADCAST,
}
COMMON_BIBTEX_TYPES: dict[str, SourceKind] = {
    "article": _NEWS,
    "techreport": _REPORT,
    "report": _REPORT,
    "online": _WEB,
    "electronic": _WEB,
    "www": _WEB,
    "legal": _OFFICIAL,
    "legislation": _OFFICIAL,
    "jurisdiction": _OFFICIAL,
}
COMMON_RIS_TYPES: dict[str, SourceKind] = {
    "JOUR": _NEWS,
    "JFULL": _NEWS,
    "MGZN": _NEWS,
    "NEWS": _NEWS,
    "RPRT": _REPORT,
    "ELEC": _WEB,
    "WEB": _WEB,
    "BLOG": _WEB,
    "GOVDOC": _OFFICIAL,
    "BILL": _OFFICIAL,
    "STAT": _OFFICIAL,
    "HEAR": _OFFICIAL,
    "CASE": _OFFICIAL,
    "LEGAL": SourceKind.TREATY,
    "PCOMM": SourceKind.INTERVIEW,
    "SOUND": _BROADCAST,
    "VIDEO": _BROADCAST,
    "MPCT": _BROADCAST,
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_KEY_WORDS = 6
_KEY_LENGTH = 80


def csl_kind(type_name: str, genre: str = "") -> SourceKind:
    """The kind of a CSL-JSON item of ``type_name`` ("article-newspaper" -> news
    article); a "document" of genre "official document" is an official document."""
    return _kind(type_name, CSL_TYPES, COMMON_CSL_TYPES, genre, CSL_GENRES)


def bibtex_kind(entry_type: str, type_field: str = "") -> SourceKind:
    """The kind of a BibTeX entry of ``entry_type`` ("article" -> news article);
    a @misc's ``type`` field names its kind ("treaty", "web page")."""
    return _kind(
        entry_type.lower(), BIBTEX_TYPES, COMMON_BIBTEX_TYPES, type_field, BIBTEX_MISC_TYPES
    )


def ris_kind(type_of_reference: str) -> SourceKind:
    """The kind of a RIS record of ``type_of_reference`` ("NEWS" -> news article)."""
    return _kind(type_of_reference.upper(), RIS_TYPES, COMMON_RIS_TYPES)


def _kind(
    name: str,
    ours: Mapping[SourceKind, str],
    common: Mapping[str, SourceKind],
    subtype: str = "",
    subtypes: Mapping[SourceKind, str] | None = None,
) -> SourceKind:
    """The export's type read backwards. A type the export gives several
    kinds (BibTeX's @misc, CSL's "document") is told apart by ``subtype``
    as ``subtypes`` name them (case and spacing aside, or the kind's own
    name, "web_page"); without one it is "other" when "other" is one of
    them, since the file does not say which."""
    kinds = [kind for kind, written in ours.items() if written == name]
    wanted = clean(subtype.replace("_", " ")).casefold()
    if len(kinds) > 1 and wanted and subtypes:
        for kind in kinds:
            if wanted in (subtypes.get(kind, "").casefold(), kind.value.replace("_", " ")):
                return kind
    if len(kinds) == 1:
        return kinds[0]
    if kinds:
        return _OTHER if _OTHER in kinds else kinds[0]
    return common.get(name, _OTHER)


def csl_author(name: Mapping[str, Any]) -> Author:
    """A CSL name: a body's ``literal`` name whole, else the family name with
    its particles ("van der" + "Berg" -> "van der Berg") and the given names."""
    literal = clean(str(name.get("literal", "")))
    if literal:
        return Author(literal=literal)
    family = " ".join(
        part
        for part in (
            clean(str(name.get(field, "")))
            for field in ("dropping-particle", "non-dropping-particle", "family")
        )
        if part
    )
    given = with_suffix(clean(str(name.get("given", ""))), clean(str(name.get("suffix", ""))))
    if not family:  # a single name given alone ("Madonna") is the whole name
        return Author(literal=given)
    return Author(family=family, given=given)


def with_suffix(given: str, suffix: str) -> str:
    """Given names with a suffix ("Jr.") after a comma, as reference lists write it."""
    return f"{given}, {suffix}" if given and suffix else given or suffix


def csl_date(value: Any) -> FuzzyDate | None:
    """A CSL date: ``date-parts`` with one to three parts (two dates make an
    interval), ``circa`` as approximate (EDTF "~"), or ``raw``/``literal``
    text read as EDTF. Raises :class:`DateError` for one that is no date."""
    if not isinstance(value, Mapping):
        raise DateError("is not a CSL date (an object with date-parts)")
    parts = value.get("date-parts")
    circa = "~" if value.get("circa") not in (None, False, 0, "", "false") else ""
    if parts:
        ends = [_edtf_parts(list(date)) + circa for date in parts]
        return FuzzyDate.parse("/".join(ends))
    text = clean(str(value.get("raw") or value.get("literal") or ""))
    if not text:
        return None
    try:
        return FuzzyDate.parse(text)
    except DateError:
        return FuzzyDate.from_text(text)


def _edtf_parts(parts: list[Any]) -> str:
    numbers = []
    for part in parts:
        text = str(part).strip()
        if not text.isdigit():
            raise DateError(f"{text!r} in date-parts is not a number")
        numbers.append(int(text))
    if not numbers or numbers[0] > 9999:
        raise DateError(f"{numbers[:1]} is not a year of four digits")
    return "-".join([f"{numbers[0]:04d}", *(f"{number:02d}" for number in numbers[1:3])])


def year_month_date(year: str, month: str = "", day: str = "") -> FuzzyDate | None:
    """A date from BibTeX's year, month (number or name) and day fields."""
    year = clean(year)
    if not year:
        return None
    if not (year.isdigit() and len(year) == 4):
        raise DateError(f"{year!r} is not a year of four digits")
    parts = [year]
    month = clean(month).lower().rstrip(".")
    if month:
        number = _MONTHS.get(month) or (int(month) if month.isdigit() else 0)
        if not 1 <= number <= 12:
            raise DateError(f"{month!r} is not a month")
        parts.append(f"{number:02d}")
        if clean(day).isdigit():
            parts.append(f"{int(day):02d}")
    return FuzzyDate.parse("-".join(parts))


def ris_date(text: str) -> FuzzyDate | None:
    """A RIS date, "YYYY/MM/DD/other" with only the known parts filled
    ("2020///"; "circa" as the other part marks it approximate), or ISO
    ("2020-09-15", a time after it left out)."""
    text = clean(text)
    if not text:
        return None
    pieces = text.split("/", 3) if "/" in text else text.split(" ")[0].split("-")
    circa = len(pieces) == 4 and clean(pieces[3]).casefold() == RIS_CIRCA
    parts = [piece.split(" ")[0] for piece in pieces[:3]]
    date = _ris_parts(text, parts)
    return FuzzyDate.parse(date.edtf + "~") if circa and date is not None else date


def _ris_parts(text: str, parts: list[str]) -> FuzzyDate | None:
    known: list[str] = []
    for part in parts:
        if not part:
            break
        known.append(part)
    if not known or not all(part.isdigit() for part in known):
        raise DateError(f"{text!r} is not a RIS date (YYYY/MM/DD/)")
    return year_month_date(*known)


def slug_key(authors: Iterable[Author], year: int | None, title: str) -> str:
    """A key from the first author's family (or body's) name, the year and the
    title's first words: "carnahan-2025-kazakhstan-joining-abraham-accords"."""
    first = next(iter(authors), None)
    name = (first.family or first.literal) if first is not None else ""
    words = [_ascii_slug(name), str(year) if year else ""]
    words.extend(_ascii_slug(title).split("-")[:_KEY_WORDS])
    key = "-".join(word for word in words if word)[:_KEY_LENGTH].strip("-")
    return key or "source"


def numbered_key(key: str, number: int) -> str:
    """``key`` with ``-number`` after it, cut so that it stays a key."""
    suffix = f"-{number}"
    return key[: _KEY_LENGTH - len(suffix)].rstrip("-") + suffix


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def clean(text: str) -> str:
    """``text`` on one line, runs of white space as one space."""
    return " ".join(text.split())

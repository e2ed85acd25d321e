"""Sources as CSL-JSON items, formatted by citeproc-py in a shipped CSL style.

The styles are the Citation Style Language project's own files, shipped in
``resources/styles`` (see the README there); the processor is citeproc-py.
Nothing here decides how a reference looks: the style does.

A source's fields map one to one: its kind to a CSL type, its authors'
family and given names (or a body's literal name), its container title
(the newspaper or site), publisher, dates with only the parts known, DOI
and URL.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from citeproc import (
    Citation as CslCitation,
)
from citeproc import (
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON

from viewer.domain import citeproc_fix
from viewer.domain.dates import FuzzyDate, Precision
from viewer.domain.enums import SourceKind
from viewer.domain.records import Author, Citation, Source

citeproc_fix.apply()

# The shipped styles: file stem -> the name the preferences show.
STYLES: dict[str, str] = {
    "apa": "APA 7th edition",
    "chicago-author-date": "Chicago author-date",
    "modern-language-association": "MLA 9th edition",
    "harvard-cite-them-right": "Harvard (Cite Them Right)",
}
DEFAULT_STYLE = "apa"

CSL_TYPES: dict[SourceKind, str] = {
    SourceKind.NEWS_ARTICLE: "article-newspaper",
    SourceKind.OFFICIAL_DOCUMENT: "document",
    SourceKind.TREATY: "treaty",
    SourceKind.WEB_PAGE: "webpage",
    SourceKind.REPORT: "report",
    SourceKind.INTERVIEW: "interview",
    SourceKind.BROADCAST: "broadcast",
    SourceKind.OTHER: "document",
}
# CSL 1.0.2 has no type for an official document ("legal_document" is in no
# CSL schema, and the CSL-JSON schema refuses it): it is a "document" whose
# genre says what it is, which the styles print where they print a genre and
# which the import reads back (a "document" without it is "other").
CSL_GENRES: dict[SourceKind, str] = {SourceKind.OFFICIAL_DOCUMENT: "official document"}

_ITEM_ID = "item"
# Our locators ("para. 3", "pp. 12-14", "Fox News article, sec. 2") -> CSL locator labels.
_LOCATOR_LABELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?:^|[\s,;])(?:{words})\s*(\S+)$", re.IGNORECASE), label)
    for words, label in (
        (r"paras?\.|paragraphs?|¶+", "paragraph"),
        (r"pp?\.|pages?", "page"),
        (r"secs?\.|sections?|§+", "section"),
        (r"ch(?:ap)?s?\.|chapters?", "chapter"),
        (r"ll?\.|lines?", "line"),
        (r"arts?\.|articles?", "article-locator"),
    )
)
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")


@dataclass(frozen=True, slots=True)
class Formatted:
    """One formatted reference or citation, as plain text and as HTML.

    The HTML is safe to paste: every piece of the source's text in it is escaped.
    """

    text: str
    html: str


def style_names() -> dict[str, str]:
    """The shipped styles: file stem -> the name to show."""
    return dict(STYLES)


def csl_item(source: Source, item_id: str = _ITEM_ID) -> dict[str, Any]:
    """``source`` as a CSL-JSON item (only the fields it has)."""
    item: dict[str, Any] = {
        "id": item_id,
        "type": CSL_TYPES[source.source_kind],
        "title": _clean(source.title),
    }
    if source.source_kind in CSL_GENRES:
        item["genre"] = CSL_GENRES[source.source_kind]
    for field, value in (
        ("container-title", source.container_title),
        ("publisher", source.publisher),
    ):
        if _clean(value):
            item[field] = _clean(value)
    names = [name for name in map(csl_name, source.authors) if name]
    if names:
        item["author"] = names
    for field, date in (("issued", source.published), ("accessed", source.accessed)):
        csl = csl_date(date)
        if csl is not None:
            item[field] = csl
    if _clean(source.doi):
        item["DOI"] = _clean(source.doi)
    if source.url.strip():
        item["URL"] = source.url.strip()
    return item


def csl_name(author: Author) -> dict[str, str]:
    """One author as a CSL name: family and given, or a body's literal name
    (empty when the author has no name at all)."""
    if _clean(author.literal):
        return {"literal": _clean(author.literal)}
    name = {"family": _clean(author.family), "given": _clean(author.given)}
    return {part: text for part, text in name.items() if text}


def csl_date(date: FuzzyDate | None) -> dict[str, Any] | None:
    """A date with only the parts known (year, or year and month), circa if not sure."""
    if date is None or date.lower is None:
        return None
    if date.precision is Precision.DAY:
        parts = [date.lower.year, date.lower.month, date.lower.day]
    elif date.precision is Precision.MONTH:
        parts = [date.lower.year, date.lower.month]
    elif date.precision in (Precision.YEAR, Precision.SEASON):
        parts = [date.lower.year]
    elif date.precision is Precision.INTERVAL and date.upper is not None:
        years = sorted({date.lower.year, date.upper.year})
        return {"date-parts": [[year] for year in years]}
    else:
        return {"literal": date.edtf}
    csl: dict[str, Any] = {"date-parts": [parts]}
    if date.approximate or date.uncertain:
        csl["circa"] = True
    return csl


def csl_locator(locator: str) -> tuple[str, str] | None:
    """Our locator as a CSL (label, value): "para. 3" -> ("paragraph", "3")."""
    text = _clean(locator)
    if _TIMESTAMP.match(text):
        return ("timestamp", text)
    for pattern, label in _LOCATOR_LABELS:
        found = pattern.search(text)
        if found:
            return (label, found.group(1).rstrip(".,;"))
    return None


def bibliography_entry(source: Source, style: str = DEFAULT_STYLE) -> Formatted:
    """The reference-list entry for ``source`` in ``style``."""
    return Formatted(bibliography_text(source, style), _rendered(source, style, None, True))


def bibliography(sources: Sequence[Source], style: str = DEFAULT_STYLE) -> Formatted:
    """The reference list of ``sources`` in ``style``: each source once (by
    key), in the style's order, one entry a line (plain text) or a paragraph
    (HTML, the sources' text escaped)."""
    first: dict[str, Source] = {}
    for source in sources:
        first.setdefault(source.key, source)
    unique = list(first.values())
    if not unique:
        return Formatted("", "")
    ids = [f"{_ITEM_ID}{index}" for index in range(len(unique))]
    items = {
        item_id: csl_item(source, item_id) for item_id, source in zip(ids, unique, strict=True)
    }
    order, texts = _reference_list(style, items, ids, html_output=False)
    escaped = {item_id: _escaped(item) for item_id, item in items.items()}
    _, pages = _reference_list(style, escaped, order, html_output=True)
    return Formatted("\n".join(texts), "".join(f"<p>{entry}</p>" for entry in pages))


def _reference_list(
    style: str, items: dict[str, dict[str, Any]], ids: list[str], *, html_output: bool
) -> tuple[list[str], list[str]]:
    """The entries of ``items`` registered in the order of ``ids``; sorted as
    the style sorts for plain text, kept in that order for HTML (so that
    escaping cannot change the order). The ids in the order rendered, and the entries."""
    found = CiteProcJSON([items[item_id] for item_id in ids])
    reference_list = CitationStylesBibliography(
        _style(style), found, formatter.html if html_output else formatter.plain
    )
    for item_id in ids:
        reference_list.register(CslCitation([CitationItem(item_id)]))
    if not html_output:
        reference_list.sort()
    entries = [_one_line(str(entry)) for entry in reference_list.bibliography()]
    if _punctuation_in_quote(style):
        entries = [citeproc_fix.punctuation_in_quote(entry) for entry in entries]
    return list(reference_list.keys), entries


def bibliography_text(source: Source, style: str = DEFAULT_STYLE) -> str:
    """The plain-text entry alone: what a list shows, half the work of both."""
    return _rendered(source, style, None, False)


def cached_bibliography_text(source: Source, style: str) -> str | None:
    """The plain-text entry if it was formatted before, else None (no work done)."""
    return _formatted.get((source, style, None, False))


def in_text_citation(
    source: Source, citation: Citation | None = None, style: str = DEFAULT_STYLE
) -> Formatted:
    """The in-text citation of ``source``, with ``citation``'s locator:
    "(Carnahan & Tomlinson, 2025, para. 3)" in APA."""
    locator = citation.locator if citation is not None else ""
    return Formatted(
        _rendered(source, style, locator, False), _rendered(source, style, locator, True)
    )


# Formatting takes about 2 ms a reference (citeproc-py walks the style for
# each): what was formatted is kept, keyed by the whole (immutable) source,
# so an edited source is formatted anew.
_formatted: dict[tuple[Source, str, str | None, bool], str] = {}
_KEPT = 4096


def _rendered(source: Source, style: str, locator: str | None, html_output: bool) -> str:
    key = (source, style, locator, html_output)
    text = _formatted.get(key)
    if text is None:
        if len(_formatted) >= _KEPT:
            _formatted.clear()
        text = _formatted[key] = _render(source, style, locator, html_output)
    return text


def _render(source: Source, style: str, locator: str | None, html_output: bool) -> str:
    text = _citeproc_text(source, style, locator, html_output)
    return citeproc_fix.punctuation_in_quote(text) if _punctuation_in_quote(style) else text


@lru_cache(maxsize=len(STYLES))
def _punctuation_in_quote(style: str) -> bool:
    """Whether the style's locale puts a period after a quotation inside it (en-US)."""
    return str(_style(style).root.get_locale_option("punctuation-in-quote")).lower() == "true"


def _citeproc_text(source: Source, style: str, locator: str | None, html_output: bool) -> str:
    item = csl_item(source)
    if html_output:  # citeproc-py escapes the style's text, not the item's
        item = {key: _escaped(value) for key, value in item.items()}
    bibliography = CitationStylesBibliography(
        _style(style), CiteProcJSON([item]), formatter.html if html_output else formatter.plain
    )
    if locator is None:
        bibliography.register(CslCitation([CitationItem(_ITEM_ID)]))
        return _one_line("".join(str(entry) for entry in bibliography.bibliography()))
    options: dict[str, Any] = {}
    labelled = csl_locator(locator)
    if labelled is not None:
        options["locator"] = Locator(*labelled)
    citation = CslCitation([CitationItem(_ITEM_ID, **options)])
    bibliography.register(citation)
    text = "".join(str(part) for part in bibliography.cite(citation, _ignore_warning))
    if labelled is None and _clean(locator):  # "headline": no CSL label, kept as written
        shown = _clean(locator)
        text = _add_before_close(text, html.escape(shown, quote=False) if html_output else shown)
    return _one_line(text)


def _add_before_close(citation: str, locator: str) -> str:
    if citation.endswith(")"):
        return f"{citation[:-1]}, {locator})"
    return f"{citation}, {locator}"


def _ignore_warning(_reference: object) -> None:
    """citeproc-py reports a missing item here; the item is always there."""


@lru_cache(maxsize=len(STYLES))
def _style(style: str) -> CitationStylesStyle:
    if style not in STYLES:
        raise ValueError(f"no such citation style: {style!r}")
    with resources.as_file(styles_folder() / f"{style}.csl") as path:
        # None: the style's own default-locale (en-GB for Cite Them Right), from citeproc-py.
        return CitationStylesStyle(str(path), locale=None, validate=False)


def styles_folder() -> Traversable:
    """The shipped ``resources/styles`` folder."""
    try:
        return resources.files("viewer.resources") / "styles"
    except ModuleNotFoundError:  # a source checkout that was not installed
        return Path(__file__).resolve().parents[2] / "resources" / "styles"


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: _escaped(part) for key, part in value.items()}
    return value


def _clean(text: str) -> str:
    return " ".join(text.split())


def _one_line(text: str) -> str:
    return " ".join(text.split())

"""Plain-text references to sources, in an author-date style close to APA 7.

This is deliberately small: one readable style, good enough to paste into a
note or an e-mail. Full CSL formatting (citeproc, any citation style, RIS and
BibTeX) comes with the issue on exchange with reference managers; until then
these rules are approximations, not a style guide:

- a name is read as "Given Family" unless written "Family, Given", so a
  multi-word organisation ("Associated Press") is best kept as a one-word
  name or written with a comma; name particles ("van", "de") are not handled;
- titles are never italicised (the text is plain);
- a long quote is shortened at a word boundary and marked with "…".
"""

from __future__ import annotations

import calendar

from viewer.domain.dates import FuzzyDate
from viewer.domain.records import Citation, Source

MAX_QUOTE = 200
# APA 7 lists up to 20 authors; beyond that the first 19, an ellipsis, the last.
_MAX_AUTHORS = 20
_SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}


def format_reference(source: Source, citation: Citation | None = None) -> str:
    """The reference to ``source``, with the place and words ``citation`` cites."""
    when = f"({reference_date(source.published)})."
    title = _sentence(_clean(source.title))
    authors = _authors(source.authors)
    parts = [f"{authors} {when}", title] if authors else [title, when]
    if source.publisher.strip():
        parts.append(_sentence(_clean(source.publisher)))
    if source.url.strip():
        parts.append(source.url.strip())
    if citation is not None:
        if citation.locator.strip():
            parts.append(_sentence(_clean(citation.locator)))
        if citation.quote.strip():
            parts.append(f"“{_shortened(_clean(citation.quote))}”")
    return " ".join(parts)


def display_source(source: Source) -> str:
    """A one-line "Title — Publisher, date" for lists."""
    details = ", ".join(
        part
        for part in (
            _clean(source.publisher),
            source.published.display() if source.published else "",
        )
        if part
    )
    title = _clean(source.title)
    return f"{title} — {details}" if details else title


def reference_date(date: FuzzyDate | None) -> str:
    """A date as precise as it is known: "2021, January 6", "ca. 2021", "n.d."."""
    if date is None:
        return "n.d."
    if "/" not in date.edtf:
        return _date_part(date.edtf)
    start, end = date.edtf.split("/", 1)
    start_open, end_open = start in ("", ".."), end in ("", "..")
    if start_open and end_open:
        return "n.d."
    if start_open:
        return f"until {_date_part(end)}"
    if end_open:
        return f"from {_date_part(start)}"
    return f"{_date_part(start)} – {_date_part(end)}"


def _date_part(part: str) -> str:
    core = part.rstrip("~?%")
    mark = part[len(core) :]
    pieces = core.split("-")
    if "X" in core or not all(piece.isdigit() for piece in pieces):
        text = core  # unspecified digits ("202X") say exactly what is known
    elif len(pieces) == 3:
        text = f"{pieces[0]}, {calendar.month_name[int(pieces[1])]} {int(pieces[2])}"
    elif len(pieces) == 2 and int(pieces[1]) in _SEASONS:
        text = f"{pieces[0]}, {_SEASONS[int(pieces[1])]}"
    elif len(pieces) == 2:
        text = f"{pieces[0]}, {calendar.month_name[int(pieces[1])]}"
    else:
        text = pieces[0]
    prefix = "ca. " if mark in ("~", "%") else ""
    suffix = "?" if mark in ("?", "%") else ""
    return f"{prefix}{text}{suffix}"


def _authors(names: tuple[str, ...]) -> str:
    formatted = [_author(name) for name in names if name.strip()]
    if not formatted:
        return ""
    if len(formatted) == 1:
        return _sentence(formatted[0])
    if len(formatted) > _MAX_AUTHORS:
        return ", ".join([*formatted[: _MAX_AUTHORS - 1], "…", formatted[-1]])
    return ", ".join(formatted[:-1]) + ", & " + formatted[-1]


def _author(name: str) -> str:
    """A name, "Lucas Y. Tomlinson" or "Tomlinson, Lucas Y.", as "Tomlinson, L. Y."."""
    name = _clean(name)
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
    else:
        *given_words, family = name.split(" ")
        given = " ".join(given_words)
    initials = " ".join(_initials(word) for word in given.split())
    return f"{family}, {initials}" if initials else family


def _initials(word: str) -> str:
    # "Jean-Paul" gives "J.-P.", as APA keeps the hyphen.
    return "-".join(f"{piece[0]}." for piece in word.split("-") if piece)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _clean(text: str) -> str:
    """One line: a reference is pasted as a single paragraph."""
    return " ".join(text.split())


def _shortened(quote: str) -> str:
    if len(quote) <= MAX_QUOTE:
        return quote
    cut = quote[:MAX_QUOTE].rsplit(" ", 1)[0]
    return f"{cut.rstrip(',;:')}…"

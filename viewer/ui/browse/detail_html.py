"""The detail pane's page: every field of a record and links to related ones.

Every piece of text from the database goes through :func:`html.escape`, so a
name like ``<b>x</b>`` shows as written and can never become markup. Links
point at other records with the internal ``record:`` scheme (following one
selects the record); ``edit:`` and ``change-status:`` links are the page's
edit commands. A source's web address is a ``web:`` link that names no
address: the pane opens the record's own address through the window's
LinkOpener, which checks it and shows it in full first.

Stored text keeps its line breaks and tabs (each piece is set in a
``white-space: pre-wrap`` span), and is bounded: a field longer than
:data:`~viewer.domain.display_text.SHOWN_CHARACTERS` characters or
:data:`~viewer.domain.display_text.SHOWN_LINES` lines shows its start, how
long it is, and a ``full:`` link ("Show all") to the whole of it, which
:attr:`DetailPage.full_texts` holds. So any record lays out in about the same
time, whatever its fields hold.

Colours are never written into the page: it uses the classes of
:data:`STYLE_CLASSES`, which the pane styles from its palette, so the page
reads in light and dark themes alike.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from html import escape

from viewer.domain.archived_text import summary
from viewer.domain.claims import claim_groups
from viewer.domain.countries import country_name
from viewer.domain.dates import FuzzyDate
from viewer.domain.display_text import (
    SHOWN_CHARACTERS,
    SHOWN_LINES,
    characters_text,
    excerpt,
    one_line,
)
from viewer.domain.enums import RecordKind
from viewer.domain.records import Accord, Event, Party, Person, Source, StatusAction
from viewer.domain.status import status_as_of
from viewer.domain.views import Detail, Link
from viewer.ui.browse.claims_html import group_item
from viewer.ui.timeline.status_timeline import describe_status

RECORD_SCHEME = "record"
EDIT_SCHEME = "edit"
CHANGE_STATUS_SCHEME = "change-status"
WEB_SCHEME = "web"
FULL_TEXT_SCHEME = "full"
SHOW_ALL_TEXT = "Show all"
# The most of a record's name the page's heading shows.
NAME_CHARACTERS = 200
NAME_LINES = 3
# The most of a web address the page shows.
URL_CHARACTERS = 500
CHANGE_STATUS = "Change status…"
# What the page says by the edit commands while the file cannot be written.
NOT_EDITABLE = "not available: the file is not being written"
# The classes the page uses, styled by the pane (see DetailPane).
STYLE_CLASSES = ("muted", "field")


def record_href(kind: RecordKind, key: str) -> str:
    return f"{RECORD_SCHEME}:{kind.value}/{key}"


SEARCH_SCHEME = "search"
ALL_KINDS = "all"
# Where "show all" of a heading leads: the list (or all results) with a filter.
SHOW_ALL: dict[tuple[RecordKind, str], tuple[RecordKind | None, str]] = {
    (RecordKind.PARTY, "Events"): (RecordKind.EVENT, "party"),
    (RecordKind.PARTY, "People"): (RecordKind.PERSON, "party"),
    (RecordKind.PERSON, "Events"): (RecordKind.EVENT, "person"),
    (RecordKind.SOURCE, "Citing claims"): (None, "source"),
    (RecordKind.ACCORD, "Participants"): (RecordKind.PARTY, "accord"),
    (RecordKind.ACCORD, "Events"): (RecordKind.EVENT, "accord"),
}


def search_href(kind: RecordKind | None, query: str) -> str:
    return f"{SEARCH_SCHEME}:{kind.value if kind else ALL_KINDS}/{query}"


def parse_search_href(href: str) -> tuple[RecordKind | None, str] | None:
    """The (list kind or None for all results, query) of a ``search:`` link."""
    scheme, _, rest = href.partition(":")
    kind, _, query = rest.partition("/")
    if scheme != SEARCH_SCHEME or not query:
        return None
    if kind == ALL_KINDS:
        return None, query
    try:
        return RecordKind(kind), query
    except ValueError:
        return None


def parse_record_href(href: str, scheme: str = RECORD_SCHEME) -> tuple[RecordKind, str] | None:
    """The (kind, key) of a ``record:`` link (or of ``scheme``), or None for anything else."""
    found, _, rest = href.partition(":")
    kind, _, key = rest.partition("/")
    if found != scheme or not key:
        return None
    try:
        return RecordKind(kind), key
    except ValueError:
        return None


def parse_change_status_href(href: str) -> str | None:
    """The party key of a ``change-status:`` link, or None for anything else."""
    scheme, _, key = href.partition(":")
    return key if scheme == CHANGE_STATUS_SCHEME and key else None


def is_web_href(href: str) -> bool:
    """Whether ``href`` is the page's link to the shown source's web address."""
    return href == f"{WEB_SCHEME}:address"


def parse_full_text_href(href: str) -> int | None:
    """The index in :attr:`DetailPage.full_texts` of a "Show all" link, or None."""
    scheme, _, number = href.partition(":")
    return int(number) if scheme == FULL_TEXT_SCHEME and number.isdigit() else None


@dataclass(frozen=True, slots=True)
class FullText:
    """A field the page shows cut: what to call it, and all of its text."""

    title: str
    text: str


@dataclass(slots=True)
class DetailPage:
    """The page of one record: its HTML, and the whole text of each field it cuts."""

    record_name: str
    html: str = ""
    full_texts: list[FullText] = field(default_factory=list)

    def text(
        self, value: str, what: str, characters: int = SHOWN_CHARACTERS, lines: int = SHOWN_LINES
    ) -> str:
        """``value`` as the page shows it: escaped, its line breaks and tabs kept,
        cut with a "Show all" link when long. ``what`` names it in the viewer."""
        if not value.strip():
            return ""  # an empty field's row is left out of the page
        shown = excerpt(value, characters, lines)
        html = f"<span style='white-space:pre-wrap'>{_escaped(shown.text)}</span>"
        return self.cut(html, value, what) if shown.cut else html

    def cut(self, html: str, value: str, what: str) -> str:
        """``html``, the start of ``value``, marked as cut, with a "Show all" link."""
        self.full_texts.append(FullText(f"{what} of {self.record_name}", value))
        href = f"{FULL_TEXT_SCHEME}:{len(self.full_texts) - 1}"
        return (
            f"{html}… <span class='muted'>({characters_text(len(value))}; "
            f"<a href='{href}'>{SHOW_ALL_TEXT}</a>)</span>"
        )


def detail_html(detail: Detail) -> str:
    """The page of ``detail`` as HTML (see :func:`detail_page`)."""
    return detail_page(detail).html


def in_accord(actions: tuple[StatusAction, ...], accord: str | None) -> tuple[StatusAction, ...]:
    """The steps of ``actions`` taken in ``accord`` (all of them for None)."""
    return actions if accord is None else tuple(a for a in actions if a.accord == accord)


def detail_page(
    detail: Detail,
    *,
    editable: bool = True,
    accord: str | None = None,
    expanded: Collection[str] = (),
) -> DetailPage:
    """The page of ``detail``, with the whole text of each field it shows cut.

    Not ``editable`` (the file cannot be written), the edit commands show as
    muted text, not links: a link that looks live but does nothing misleads.
    With an ``accord`` (a key), a participant's current status and status
    actions are those of that accord, and a line links to each other accord
    the participant has steps in, with its status now there. A step with
    competing claims shows the one in force and "N other claims", expanded
    for the groups in ``expanded`` (see :mod:`viewer.ui.browse.claims_html`).
    """
    record = detail.record
    page = DetailPage(one_line(record.label, 60))
    # A heading has less room than a field: its big letters take five times the space.
    name = page.text(record.label, _name_word(record), NAME_CHARACTERS, NAME_LINES)
    parts = [f"<h2>{name}</h2>"]
    parts.append(f"<p class='muted'>{_text(record.kind.label.capitalize())}</p>")
    parts.append(_fields(_field_rows(detail, page, accord)))
    if isinstance(record, Party):
        parts.append(_status_actions(detail, record, page, editable, accord, expanded))
    for heading, links in detail.links.items():
        if links:
            total = detail.link_totals.get(heading)
            counted = f" ({detail.total_text(heading)})" if total else ""
            if not total and isinstance(record, Accord):
                counted = f" ({len(links):,})"  # an accord's lists always say their size
            parts.append(f"<h3>{_text(heading)}{counted}</h3><ul>")
            parts.extend(f"<li>{_link(link)}</li>" for link in links)
            parts.append("</ul>")
            if total:
                in_all = detail.total_text(heading)
                parts.append(
                    f"<p class='muted'><i>The first {len(links):,} of {in_all} "
                    f"are shown.</i>{_show_all(record.kind, record.key, heading)}</p>"
                )
    page.html = "\n".join(parts)
    return page


def _name_word(record: object) -> str:
    return "Title" if isinstance(record, Source | Event) else "Name"


def _status_actions(
    detail: Detail,
    party: Party,
    page: DetailPage,
    editable: bool,
    accord: str | None,
    expanded: Collection[str],
) -> str:
    """The party's steps (in ``accord`` when one is chosen), each with an Edit
    link, under a "Change status…" link, and the other accords it is in.

    A step's name is not a link: links on this page select records, and
    editing is always a link (or button) that says Edit.
    """
    change = escape(f"{CHANGE_STATUS_SCHEME}:{party.key}", quote=True)
    offer = (
        f"<a href='{change}'>{CHANGE_STATUS}</a>"
        if editable
        else f"<span class='muted'>{CHANGE_STATUS} ({NOT_EDITABLE})</span>"
    )
    actions = in_accord(detail.actions, accord)
    heading = "Status actions"
    if accord is not None:
        heading += f" in {one_line(detail.name_of(RecordKind.ACCORD, accord))}"
    parts = [f"<h3>{_escaped(heading)}</h3>", f"<p>{offer}</p>"]
    elsewhere = _also_in(detail, accord)
    if not actions:
        parts.append("<p class='muted'><i>No status actions recorded.</i></p>")
        parts += elsewhere
        return "\n".join(parts)

    def line(action: StatusAction) -> str:
        when = action.date.display() if action.date else "date not given"
        accord = detail.name_of(RecordKind.ACCORD, action.accord)
        note = (
            f"<br><span class='muted'>{page.text(action.note, 'A status note')}</span>"
            if action.note
            else ""
        )
        edit = escape(f"{EDIT_SCHEME}:{RecordKind.STATUS_ACTION.value}/{action.key}", quote=True)
        edit_link = f"<a href='{edit}'>Edit</a>" if editable else "<span class='muted'>Edit</span>"
        return (
            f"<b>{_text(action.action.label)}</b> — {_text(when)} "
            f"<i>({_text(action.certainty.label)})</i> · {_text(accord)} "
            f"[{edit_link}]{note}"
        )

    parts.append("<ul>")
    for group in claim_groups(actions):
        parts.append(group_item(group, line, expanded, detail.sources))
    parts.append("</ul>")
    parts += elsewhere
    return "\n".join(parts)


def _also_in(detail: Detail, accord: str | None) -> list[str]:
    """ "Also in: <accord> — <status now>" for each other accord the party has
    steps in, each a link to that accord (nothing when no accord is chosen)."""
    if accord is None:
        return []
    others: dict[str, list[StatusAction]] = {}
    for action in detail.actions:
        if action.accord != accord:
            others.setdefault(action.accord, []).append(action)
    if not others:
        return []
    lines = []
    for key, actions in sorted(
        others.items(), key=lambda item: detail.name_of(RecordKind.ACCORD, item[0]).casefold()
    ):
        found = status_as_of(actions)
        now = describe_status(found) if found else "no status yet"
        link = _link(Link(RecordKind.ACCORD, key, detail.name_of(RecordKind.ACCORD, key)))
        lines.append(f"{link} — {_text(now)}")
    return [f"<p>Also in: {'; '.join(lines)}</p>"]


def _web_link(url: str, page: DetailPage) -> str:
    # The href names no address: the pane opens the record's own one, so the
    # page cannot be made to open anything else, and QUrl never re-spells it.
    # A long one is cut, its whole text a "Show all" away: sooner than other
    # text, as an address has no space to wrap at (the slow way to wrap).
    if not url.strip():
        return ""
    shown = excerpt(url, URL_CHARACTERS, 1)
    link = f"<a href='{WEB_SCHEME}:address'>{_escaped(shown.text)}</a>"
    return page.cut(link, url, "Web address") if shown.cut else link


def _show_all(kind: RecordKind, key: str, heading: str) -> str:
    target = SHOW_ALL.get((kind, heading))
    if target is None:
        return ""
    list_kind, filter_name = target
    href = escape(search_href(list_kind, f"{filter_name}:{key}"), quote=True)
    return f" <a href='{href}'>Show all</a>"


def _field_rows(detail: Detail, page: DetailPage, accord: str | None) -> list[tuple[str, str]]:
    record = detail.record
    text = page.text
    match record:
        case Party():
            code = record.iso_code or ""
            country = country_name(code) if code else None
            current = status_as_of(in_accord(detail.actions, accord))
            rows = [
                ("Kind", _text(record.party_kind.label)),
                ("ISO 3166 code", _text(f"{code} ({country})" if country else code)),
                ("Current status", _text(current.action.action.label if current else "none")),
                ("Notes", text(record.notes, "Notes")),
            ]
        case Person():
            party = (
                _link(
                    Link(
                        RecordKind.PARTY,
                        record.party,
                        detail.name_of(RecordKind.PARTY, record.party),
                    )
                )
                if record.party
                else ""
            )
            rows = [
                ("Office", text(record.office, "Office")),
                ("Party", party),
                ("Notes", text(record.notes, "Notes")),
            ]
        case Event():
            rows = [
                ("Kind", _text(record.event_kind.label)),
                ("Date", _date(record.date)),
                ("Certainty", _text(record.certainty.label)),
                ("Accord", _text(detail.name_of(RecordKind.ACCORD, record.accord))),
                ("Location", text(record.location, "Location")),
                ("Summary", text(record.summary, "Summary")),
            ]
        case Source():
            rows = [
                ("Kind", _text(record.source_kind.label)),
                ("Authors", text("; ".join(a.display for a in record.authors), "Authors")),
                ("Published in", text(record.container_title, "Published in")),
                ("Publisher", text(record.publisher, "Publisher")),
                ("Published", _date(record.published)),
                ("DOI", text(record.doi, "DOI")),
                ("Web address", _web_link(record.url, page)),
                ("Accessed", _date(record.accessed)),
                # How much text is kept for checking quotes; never the text itself.
                (
                    "Archived text",
                    _text(summary(record.archived_text)) if record.archived_text else "",
                ),
                ("Notes", text(record.notes, "Notes")),
            ]
        case Accord():
            rows = [
                ("First signed", _date(record.first_signed)),
                ("Description", text(record.description, "Description")),
            ]
        case _:
            rows = []
    return [(name, value) for name, value in rows if value]


def _fields(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><th align='left' valign='top' class='field' style='padding-right:12px'>{name}</th>"
        f"<td>{value}</td></tr>"
        for name, value in rows
    )
    return f"<table cellspacing='2'>{cells}</table>"


def _link(link: Link) -> str:
    # A related record on one line: its own page shows the whole of it.
    href = escape(record_href(link.kind, link.key), quote=True)
    note = f" <span class='muted'>— {_escaped(one_line(link.note))}</span>" if link.note else ""
    return f"<a href='{href}'>{_escaped(one_line(link.label))}</a>{note}"


def _date(value: FuzzyDate | None) -> str:
    if value is None:
        return ""
    shown = value.display()
    return _text(shown if shown == value.edtf else f"{shown}  ({value.edtf})")


def _text(value: str) -> str:
    """Short text of the app's own (labels, dates), or a name on one line."""
    return _escaped(one_line(value))


def _escaped(value: str) -> str:
    return escape(value, quote=True).replace("\n", "<br>")

"""The accord report as HTML for a QTextDocument (no Qt here: text in, text out).

Every text that comes from the database goes through :func:`html.escape`
(see :func:`_text`): a party called ``<b>X</b>`` prints as those characters,
never as bold. The participants table reads what the window's table reads
(viewer/domain/overview_rows.py), and citations refer to the list of
sources at the end by number (viewer/domain/report.py).
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from viewer.domain.claims import rank_note
from viewer.domain.csl import DEFAULT_STYLE, bibliography_entry
from viewer.domain.dates import FuzzyDate
from viewer.domain.overview import EVENT_LIMIT, AccordOverview
from viewer.domain.overview_rows import CITATION_NEEDED, NO_DATE, headers, rows
from viewer.domain.records import Citation, Event, Source, StatusAction
from viewer.domain.report import ReportData, source_numbers
from viewer.domain.status import AS_OF_RULE, RULE

DASH = "\u2014"
TABLE_POINTS = 8.0
# The most the table's type size times its columns may be: every word of a
# column title fits its column (8 pt up to 10 columns, 6.5 pt for 13).
TABLE_POINTS_BY_COLUMNS = 84.0


def day_text(day: date) -> str:
    """A day as the app shows dates: "1 Jun 2021"."""
    return FuzzyDate.parse(day.isoformat()).display()


def style_sheet(dpi: int) -> str:
    """The report's styles; lengths in layout pixels at ``dpi``."""
    indent = dpi // 4
    gap = dpi // 12
    return (
        "body { font-size: 10pt; }"
        "h1 { font-size: 20pt; }"
        "h2 { font-size: 14pt; }"
        "h3 { font-size: 12pt; }"
        "th { background-color: #e8e8e8; text-align: left; }"
        f"p.claim {{ font-weight: bold; margin-top: {gap}px; margin-bottom: 0px; }}"
        f"p.citation {{ margin-left: {indent}px; margin-top: 0px; margin-bottom: 0px; }}"
        f"p.missing {{ margin-left: {indent}px; font-style: italic; color: #a00000; }}"
        f"p.source {{ margin-left: {indent}px; text-indent: -{indent}px; margin-top: {gap}px; }}"
        "p.rule { color: #404040; }"
    )


def front_html(data: ReportData, overview: AccordOverview, day: date) -> str:
    """The report's first pages: title, as-of date and rule, description, and
    the participants table on ``day`` (the pictures follow on pages of their own)."""
    parts: list[str] = ["<html><body>"]
    parts.append(f"<h1>{_text(data.accord.name)}</h1>")
    parts.append(f"<p><b>As of {_text(day_text(day))}</b></p>")
    parts.append(f'<p class="rule">{_text(RULE)} {_text(AS_OF_RULE)}</p>')
    parts.append("<h2>Description</h2>")
    description = data.accord.description.strip()
    parts.append(_paragraphs(description) if description else "<p><i>No description.</i></p>")
    parts.extend(_table(overview, day))
    parts.append("</body></html>")
    return "\n".join(parts)


def claims_html(data: ReportData, style: str = DEFAULT_STYLE) -> str:
    """Every claim with its citations (the accord's, each participant's steps,
    the events), then the numbered list of sources the citations refer to,
    each formatted in the citation style ``style`` (a key of
    viewer.domain.csl.STYLES)."""
    numbers = source_numbers(data)
    parts: list[str] = ["<html><body>"]
    parts.append("<h2>Claims and their citations</h2>")
    parts.append("<h3>The accord</h3>")
    parts.extend(_claim(_accord_claim(data), data.accord.citations, numbers, data.sources))
    parts.append("<h3>Participants\u2019 steps</h3>")
    if not data.parties:
        parts.append("<p><i>No participant has a step in this accord.</i></p>")
    for party in data.parties:
        for action in party.actions:
            claim = step_claim(party.name, action)
            parts.extend(_claim(claim, action.citations, numbers, data.sources, action.note))
    parts.append("<h3>Events</h3>")
    if not data.events:
        parts.append("<p><i>No event of this accord is recorded.</i></p>")
    for event in data.events:
        parts.extend(_claim(event_claim(event), event.citations, numbers, data.sources))
    if data.events_left_out:
        parts.append(
            f"<p><i>{data.events_left_out:,} more events are not printed: a report holds "
            f"the first {EVENT_LIMIT:,} by date.</i></p>"
        )
    parts.append("<h2>Sources</h2>")
    if not numbers:
        parts.append("<p><i>Nothing in this report is cited.</i></p>")
    for key, number in numbers.items():
        parts.append(
            f'<p class="source">[{number}]\u00a0{_source_entry(key, data.sources, style)}</p>'
        )
    parts.append("</body></html>")
    return "\n".join(parts)


def step_claim(party: str, action: StatusAction) -> str:
    """ "Israel — agreement signed, 15 Sep 2020 (confirmed)"; a competing
    claim adds its rank: "... [deprecated: <reason>]"."""
    when = action.date.display() if action.date is not None else NO_DATE
    step = f"{party} {DASH} {action.action.label}, {when} ({action.certainty.label})"
    return step + rank_note(action)  # a competing claim says its rank


def event_claim(event: Event) -> str:
    """ "Abraham Accords signing ceremony — signing ceremony, 15 Sep 2020 (confirmed)"."""
    when = event.date.display() if event.date is not None else NO_DATE
    where = f", {event.location}" if event.location else ""
    return f"{event.title} {DASH} {event.event_kind.label}, {when}{where} ({event.certainty.label})"


def citation_text(citation: Citation, number: int, sources: Mapping[str, Source]) -> str:
    """ "[1] Title, para. 2: “the quote” — the note" (plain text, not escaped)."""
    source = sources.get(citation.source)
    title = source.title if source is not None else f"source {citation.source}"
    text = f"[{number}] {title}"
    if citation.locator:
        text += f", {citation.locator}"
    if citation.quote:
        text += f": \u201c{citation.quote}\u201d"
    if citation.note:
        text += f" {DASH} {citation.note}"
    return text


def _accord_claim(data: ReportData) -> str:
    accord = data.accord
    if accord.first_signed is None:
        return f"{accord.name} {DASH} first signed: {NO_DATE}"
    return f"{accord.name} {DASH} first signed {accord.first_signed.display()}"


def _claim(
    claim: str,
    citations: Sequence[Citation],
    numbers: dict[str, int],
    sources: Mapping[str, Source],
    note: str = "",
) -> Iterator[str]:
    yield f'<p class="claim">{_text(claim)}</p>'
    if note:
        yield f'<p class="citation">Note: {_text(note)}</p>'
    if not citations:
        yield f'<p class="missing">{CITATION_NEEDED}</p>'
    for citation in citations:
        number = numbers[citation.source]
        yield f'<p class="citation">{_text(citation_text(citation, number, sources))}</p>'


def _table(overview: AccordOverview, day: date) -> Iterator[str]:
    yield f"<h2>Participants on {_text(day_text(day))}</h2>"
    lines = rows(overview, day)
    if not lines:
        yield "<p><i>No participant has a step in this accord.</i></p>"
        return
    columns = headers(overview.step_kinds())
    # Smaller type for more kinds of step, so that every word fits its column.
    points = min(TABLE_POINTS, TABLE_POINTS_BY_COLUMNS / len(columns))
    yield f"<style>table.participants {{ font-size: {points:.1f}pt; }}</style>"
    yield '<table class="participants" border="1" cellspacing="0" cellpadding="4" width="100%">'
    titles = "".join(f"<th>{_text(title)}</th>" for title in columns)
    yield f"<thead><tr>{titles}</tr></thead>"
    for line in lines:
        cells = "".join(f"<td>{_text(cell)}</td>" for cell in line.cells())
        yield f"<tr>{cells}</tr>"
    yield "</table>"


def _source_entry(key: str, sources: Mapping[str, Source], style: str) -> str:
    """The source's reference in ``style``: citeproc-py's HTML, the source's
    text escaped in it (see viewer.domain.csl); its address stays text, for
    the PDF's reader to decide about links."""
    source = sources.get(key)
    if source is None:
        return _text(f"Source {key}: no longer in the database.")
    return bibliography_entry(source, style).html


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_text(block)}</p>" for block in text.split("\n\n") if block.strip())


def _text(value: str) -> str:
    """Database text for HTML: escaped, its line breaks kept."""
    return html.escape(value, quote=True).replace("\n", "<br>")

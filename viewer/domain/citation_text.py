"""The words of the citations pane: a citation's row, its tooltip, its full
text, what Copy reference copies, a record's claims counted, and the marks
of quote checking. Plain text, no Qt: the pane shows it as text."""

from __future__ import annotations

from viewer.domain.csl import Formatted, bibliography_entry, in_text_citation
from viewer.domain.display_text import bounded, one_line
from viewer.domain.quote_check import Verdict
from viewer.domain.records import Citation, Source
from viewer.domain.views import Claim

# How much of each part of a citation its row shows (its tooltip and
# "Show full text" have more): a row is a few lines, whatever the data holds.
TITLE_SHOWN = 300
QUOTE_SHOWN = 600
TIP_SHOWN = 1_000
# Beside a quote, what checking it against its source's archived text found.
VERDICT_MARKS = {
    Verdict.VERIFIED: "\u2713 quote verified",
    Verdict.NOT_FOUND: "\u2717 quote not found in the archived text",
    Verdict.NO_TEXT: "? quote not checked: no archived text",
}


def copied_reference(source: Source, citation: Citation, style: str) -> Formatted:
    """What "Copy reference" copies: the reference, then the in-text citation
    with the claim's locator, as two paragraphs (plain text and HTML)."""
    entry = bibliography_entry(source, style)
    cited = in_text_citation(source, citation, style)
    return Formatted(f"{entry.text}\n{cited.text}", f"<p>{entry.html}</p>\n<p>{cited.html}</p>")


def citation_text(citation: Citation, source: Source | None, reference: str | None) -> str:
    """The row of a citation: its reference (or, until formatted, its title),
    locator and quote, one line each."""
    if source is None:
        return f"Unknown source “{one_line(citation.source, TITLE_SHOWN)}”"
    first = one_line(reference if reference is not None else source.title, TITLE_SHOWN)
    locator = one_line(citation.locator, TITLE_SHOWN)
    quote = f"“{one_line(citation.quote, QUOTE_SHOWN)}”" if citation.quote else ""
    return "\n".join(line for line in (first, locator, quote) if line.strip())


def citation_tip(citation: Citation, source: Source | None, reference: str | None) -> str:
    if source is None:
        return f"The source “{one_line(citation.source, TITLE_SHOWN)}” is not in the database."
    parts = [reference if reference is not None else source.title]
    if citation.locator:
        parts.append(f"Locator: {citation.locator}")
    if citation.quote:
        parts.append(f"Quote: “{citation.quote}”")
    if citation.note:
        parts.append(f"Note: {citation.note}")
    if source.url:
        parts.append(f"Link: {source.url}")
    return bounded("\n\n".join(parts), TIP_SHOWN, 30)


def full_citation(source: Source, citation: Citation, style: str) -> str:
    parts = [bibliography_entry(source, style).text, in_text_citation(source, citation, style).text]
    if citation.quote:
        parts.append(f"Quote: “{citation.quote}”")
    if citation.note:
        parts.append(f"Note: {citation.note}")
    if source.url:
        parts.append(f"Link: {source.url}")
    return "\n\n".join(parts)


def claims_summary(claims: tuple[Claim, ...]) -> str:
    count = f"{len(claims)} claim" + ("" if len(claims) == 1 else "s")
    uncited = sum(claim.needs_citation for claim in claims)
    if not uncited:
        return f"{count}, all cited"
    return f"{count}, {uncited} without a citation"

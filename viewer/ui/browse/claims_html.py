"""A participant's competing claims on its detail page.

Each step is shown as the claim in force (see :mod:`viewer.domain.claims`)
and, under it, "1 other claim" / "2 other claims": a ``claims:`` link,
handled by the pane, that expands the group in place to show each other
claim with its rank, its reason and its citations. A deprecated claim is
struck through and says "deprecated: <reason>": kept in sight, never
believed. Every text from the database is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from html import escape

from viewer.domain.claims import ClaimGroup, group_of, other_claims_text
from viewer.domain.display_text import one_line
from viewer.domain.enums import ClaimRank
from viewer.domain.records import Citation, Source, StatusAction

CLAIMS_SCHEME = "claims"
# How much of a quote an expanded claim shows (its source pane shows all).
QUOTE_CHARACTERS = 200

# The one line of a claim as the page writes it (its step, date, certainty,
# accord and Edit link), given by the page.
ClaimLine = Callable[[StatusAction], str]


def claims_href(group: str) -> str:
    """The link that expands or folds the claims competing in ``group``."""
    return f"{CLAIMS_SCHEME}:{group}"


def parse_claims_href(href: str) -> str | None:
    """The group key of a ``claims:`` link, or None for anything else."""
    scheme, _, group = href.partition(":")
    return group if scheme == CLAIMS_SCHEME and group else None


def group_item(
    group: ClaimGroup,
    line: ClaimLine,
    expanded: Collection[str],
    sources: Mapping[str, Source],
) -> str:
    """The list item of one claim group: the claim shown, then its others."""
    parts = [_claim(group.shown, line)]
    if group.others:
        key = group_of(group.shown)
        open_ = key in expanded
        href = escape(claims_href(key), quote=True)
        arrow = "▾" if open_ else "▸"
        parts.append(
            f"<br><span class='muted'>{arrow}</span> "
            f"<a href='{href}'>{other_claims_text(len(group.others))}</a>"
        )
        if open_:
            parts.append("<ul>")
            parts += [
                f"<li>{_claim(other, line)}{_citations(other.citations, sources)}</li>"
                for other in group.others
            ]
            parts.append("</ul>")
    return f"<li>{''.join(parts)}</li>"


def _claim(action: StatusAction, line: ClaimLine) -> str:
    """A claim's line, struck through and with its reason when deprecated;
    marked with its rank when preferred."""
    text = line(action)
    if action.rank is ClaimRank.DEPRECATED:
        reason = _escaped(one_line(action.rank_reason))
        return f"<s>{text}</s> <span class='muted'>deprecated: {reason}</span>"
    if action.rank is ClaimRank.PREFERRED:
        return f"{text} <span class='muted'>preferred</span>"
    return text


def _citations(citations: tuple[Citation, ...], sources: Mapping[str, Source]) -> str:
    """An expanded claim's citations, one a line: source, locator, quote."""
    if not citations:
        return "<br><span class='muted'><i>No citation.</i></span>"
    lines = []
    for citation in citations:
        source = sources.get(citation.source)
        title = source.title if source else citation.source
        words = [f"<i>{_escaped(one_line(title))}</i>"]
        if citation.locator:
            words.append(_escaped(one_line(citation.locator)))
        if citation.quote:
            words.append(f"“{_escaped(one_line(citation.quote, QUOTE_CHARACTERS))}”")
        lines.append(f"<br><span class='muted'>Cited:</span> {', '.join(words)}")
    return "".join(lines)


def _escaped(value: str) -> str:
    return escape(value, quote=True)

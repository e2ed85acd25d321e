"""What an empty list says: that nothing is there yet, or who does match the search."""

from __future__ import annotations

from collections.abc import Mapping

from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import plural_noun, record_noun

QUOTED_AT_MOST = 60  # characters of the search repeated back


def empty_text(kind: RecordKind, query: str, hits: Mapping[RecordKind, int] | None) -> str:
    """Why ``kind``'s list is empty: nothing yet, or nothing matches ``query``
    ("No participant matches “Baier” — 1 person and 1 event do")."""
    query = query.strip()
    if not query:
        return f"No {plural(kind, 2)} yet. Press Ctrl+N to add one."
    quoted = query if len(query) <= QUOTED_AT_MOST else query[: QUOTED_AT_MOST - 1] + "…"
    found = [
        f"{count:,} {plural(other, count)}"
        for other, count in (hits or {}).items()
        if other is not kind and other in _LISTED and count
    ]
    others = ""
    if found:
        verb = "does" if len(found) == 1 and found[0].startswith("1 ") else "do"
        others = f" — {and_list(found)} {verb}"
    return f"No {plural(kind, 1)} matches “{quoted}”{others}."


def plural(kind: RecordKind, count: int) -> str:
    """The noun of ``count`` records of ``kind``: "participant", "people"."""
    return record_noun(kind) if count == 1 else plural_noun(kind)


def and_list(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# The kinds that have a list of their own in the window.
_LISTED = frozenset(
    {RecordKind.PARTY, RecordKind.EVENT, RecordKind.PERSON, RecordKind.SOURCE, RecordKind.ACCORD}
)

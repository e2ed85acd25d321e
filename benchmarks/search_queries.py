"""The search benchmark's queries, each with its raw FTS5 (or plain SQL) equivalent.

Words, prefixes, phrases, exclusions, alternatives, names in other scripts,
diacritics folded away, and field filters, as a user types them into the
search field, each paired with what SQLite would run for it by hand: the
same MATCH expression (each word a quoted prefix, as the store writes it)
ordered by rank with a snippet, and the filter as a plain join or condition.
"""

# ruff: noqa: S608 (the SQL here is built from this file's own constants only)
from __future__ import annotations

from dataclasses import dataclass

SNIPPET = "snippet(search_index, -1, '[', ']', '…', 8)"
LIMIT = 200
EVENT_CODE = 6  # search_index.KIND_CODES[RecordKind.EVENT]


@dataclass(frozen=True)
class SearchCase:
    query: str
    statements: tuple[tuple[str, tuple[object, ...]], ...]


def match(query: str, expression: str) -> SearchCase:
    return SearchCase(
        query,
        (
            (
                f"SELECT rowid, {SNIPPET} FROM search_index WHERE search_index MATCH ? "
                f"ORDER BY rank LIMIT {LIMIT}",
                (expression,),
            ),
        ),
    )


def events_matching(query: str, expression: str, condition: str, *values: object) -> SearchCase:
    """Events matching ``expression`` that also meet a condition on their row."""
    return SearchCase(
        query,
        (
            (
                f"SELECT events.key, {SNIPPET} FROM search_index "
                "JOIN events ON events.id = search_index.rowid >> 3 "
                f"WHERE search_index MATCH ? AND search_index.rowid & 7 = {EVENT_CODE} "
                f"AND {condition} ORDER BY rank LIMIT {LIMIT}",
                (expression, *values),
            ),
        ),
    )


def words(*terms: str) -> str:
    return " AND ".join(f'("{term}" *)' for term in terms)


CASES: tuple[SearchCase, ...] = (
    # words
    *(
        match(word, words(word))
        for word in (
            "summit",
            "meeting",
            "ceremony",
            "declaration",
            "interview",
            "abraham",
            "reuters",
            "minister",
        )
    ),
    match("signing ceremony", words("signing", "ceremony")),
    match("foreign ministers", words("foreign", "ministers")),
    match("abraham accords", words("abraham", "accords")),
    # prefixes, as typed
    *(match(prefix, words(prefix)) for prefix in ("summ", "decl", "mini", "cer", "ab")),
    # phrases
    match('"signing ceremony"', '("signing ceremony")'),
    match('"foreign ministers"', '("foreign ministers")'),
    match('"camp david"', '("camp david")'),
    # names in other scripts
    *(
        match(name, words(name))
        for name in (
            "ישראל",
            "الإمارات",
            "Қазақстан",
            "Москва",
            "北京",
            "السودان",
            "Россия",
            "東京",
        )
    ),
    # diacritics folded away
    *(match(word, words(word)) for word in ("geneve", "zurich", "bogota", "jose")),
    # exclusions and alternatives
    match("summit -москва", '(("summit" *)) NOT ("москва" *)'),
    match("meeting OR summit", '("meeting" * OR "summit" *)'),
    # field filters
    events_matching("kind:event summit", words("summit"), "1"),
    events_matching(
        "year:2021 meeting",
        words("meeting"),
        "date_lower <= ? AND date_upper >= ?",
        "2021-12-31",
        "2021-01-01",
    ),
    events_matching("after:2020-09 signing", words("signing"), "date_lower >= ?", "2020-09-01"),
    events_matching("before:1950 summit", words("summit"), "date_lower < ?", "1950-01-01"),
    events_matching(
        "accord:abraham-accords summit",
        words("summit"),
        "accord_id = (SELECT id FROM accords WHERE key = ?)",
        "abraham-accords",
    ),
    events_matching(
        "party:ישראל meeting",
        words("meeting"),
        "events.id IN (SELECT event_id FROM event_roles WHERE party_id = "
        "(SELECT id FROM parties WHERE name = ?))",
        "ישראל",
    ),
    events_matching(
        "has:quote ceremony",
        words("ceremony"),
        "EXISTS (SELECT 1 FROM citations WHERE event_id = events.id AND quote != '')",
    ),
    SearchCase(
        "certainty:expected",
        (
            (
                "SELECT key, title FROM events WHERE certainty = ? "
                f"ORDER BY title, id LIMIT {LIMIT}",
                ("expected",),
            ),
            (
                "SELECT key FROM status_actions WHERE certainty = ? ORDER BY key, id "
                f"LIMIT {LIMIT}",
                ("expected",),
            ),
        ),
    ),
    SearchCase(
        "status:announced",
        (
            (
                f"SELECT key FROM status_actions WHERE action = ? ORDER BY key LIMIT {LIMIT}",
                ("announced",),
            ),
        ),
    ),
)

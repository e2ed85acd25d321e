"""How long each text field may be: one table, enforced by validation.

The forms, the import and the store all check records with
:func:`viewer.domain.validation.validate`, so a value over its limit is
refused the same way everywhere ("is 2,345 characters; at most 2,000"); the
forms' one-line fields also stop typing at the limit. The limits are far
above anything the field is for, and well below what would make a list, a
detail pane or a message slow: a name or title is read at a glance, an
address fits any browser, a note holds a long article.

The one-line fields agree with the schema's ``String(n)`` columns (names,
titles, offices, publishers, locations and locators are ``String(500)``, a
key ``String(80)``, a date's text ``String(100)``), so a PostgreSQL database
takes whatever validation let through.
"""

from __future__ import annotations

# A record's key (and any key a record refers to by): the schema's String(80).
KEY = 80
# What names a record or a thing in it, on one line.
NAME = 500
# A web address: what browsers and servers commonly accept.
URL = 2_000
# Free text: a note, summary, description or quoted passage.
LONG_TEXT = 100_000
# A source's archived text (a whole article, report or treaty), kept for
# checking quotes: never shown whole in a list or a pane.
ARCHIVED_TEXT = 2_000_000
# A date's EDTF text ("2021-01-06", "2020-09-15/2021-01~"): the schema's String(100).
DATE_TEXT = 100

# Each text field by its name in the records (the same name means the same
# thing in every kind of record; "authors" is each part of an author's name).
FIELD_LIMITS: dict[str, int] = {
    "key": KEY,
    "name": NAME,
    "title": NAME,
    "office": NAME,
    "publisher": NAME,
    "container_title": NAME,
    "doi": NAME,
    "location": NAME,
    "locator": NAME,
    "authors": NAME,
    "url": URL,
    "description": LONG_TEXT,
    "summary": LONG_TEXT,
    "notes": LONG_TEXT,
    "note": LONG_TEXT,
    "quote": LONG_TEXT,
    "archived_text": ARCHIVED_TEXT,
    "rank_reason": LONG_TEXT,
}


def limit_of(field: str) -> int | None:
    """The most characters ``field`` may hold, or None for a field with no
    text limit of its own (a date, an enum, a reference)."""
    return FIELD_LIMITS.get(field)


def too_long(length: int, limit: int) -> str:
    """The message for a value of ``length`` characters over ``limit``."""
    return f"is {length:,} characters; at most {limit:,}"
